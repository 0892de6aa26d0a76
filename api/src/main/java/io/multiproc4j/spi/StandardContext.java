package io.multiproc4j.spi;

import io.multiproc4j.Connection;
import io.multiproc4j.IpcFactory;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.Listener;
import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpPool;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpQueue;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Pipe;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.ProcessSignal;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.SharedByte;
import io.multiproc4j.SharedByteArray;
import io.multiproc4j.SharedChar;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDouble;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedIntArray;
import io.multiproc4j.SharedLong;
import io.multiproc4j.SharedLongArray;
import io.multiproc4j.SharedMemory;
import io.multiproc4j.SharedObjectFactory;
import io.multiproc4j.SignalHandler;
import io.multiproc4j.SimpleQueue;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The {@link MpContext} every launcher-based implementation shares: process lifecycle, default names, identity,
 * active children and the exit rules, around a {@link ProcessLauncher} that supplies the operating-system
 * mechanism, and an {@link IpcFactory} that supplies the IPC objects.
 *
 * <p>Counters, the registry of children and the exit hook are per JVM, shared by every context in it, as Python's
 * are per interpreter.
 */
public class StandardContext implements MpContext {

    /** Counts the process objects created in this JVM, for default names (Python's {@code _children_counter}). */
    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String providerId;
    private final ProcessLauncher launcher;
    private final IpcFactory ipc;

    /**
     * @param providerId the id of the provider this context belongs to; children use the same provider
     * @param launcher how children are started
     * @param ipc the implementation's IPC objects, to which this context forwards
     */
    public StandardContext(String providerId, ProcessLauncher launcher, IpcFactory ipc) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.ipc = Objects.requireNonNull(ipc, "ipc");
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public MpProcess newProcess(ProcessTask task) {
        Objects.requireNonNull(task, "task: a process needs a task to run");
        int[] parentIdentity = ChildRuntime.self().map(s -> s.identity).orElse(new int[0]);
        int[] identity = IntStream.concat(IntStream.of(parentIdentity), IntStream.of(CREATED.incrementAndGet()))
                .toArray();
        String name = "Process-" + IntStream.of(identity).mapToObj(Integer::toString).collect(Collectors.joining(":"));
        return new StandardProcess(this, task, name, identity, currentProcess().isDaemon());
    }

    @Override
    public MpProcess currentProcess() {
        return ObservedProcess.current();
    }

    @Override
    public Optional<MpProcess> parentProcess() {
        return ChildRuntime.self().map(ObservedProcess::parentOf);
    }

    @Override
    public List<MpProcess> activeChildren() {
        return Children.alive();
    }

    @Override
    public MpPool newPool(PoolOptions options) {
        return StandardPool.start(this, options);
    }

    @Override
    public int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Pipe newPipe() {
        return ipc.newPipe();
    }

    @Override
    public Pipe newPipe(boolean duplex) {
        return ipc.newPipe(duplex);
    }

    @Override
    public <E> MpQueue<E> newQueue() {
        return ipc.newQueue();
    }

    @Override
    public <E> MpQueue<E> newQueue(int capacity) {
        return ipc.newQueue(capacity);
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue() {
        return ipc.newJoinableQueue();
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        return ipc.newJoinableQueue(capacity);
    }

    @Override
    public <E> SimpleQueue<E> newSimpleQueue() {
        return ipc.newSimpleQueue();
    }

    @Override
    public MpLock newLock() {
        return ipc.newLock();
    }

    @Override
    public MpReentrantLock newReentrantLock() {
        return ipc.newReentrantLock();
    }

    @Override
    public MpSemaphore newSemaphore(int permits) {
        return ipc.newSemaphore(permits);
    }

    @Override
    public MpSemaphore newBoundedSemaphore(int permits) {
        return ipc.newBoundedSemaphore(permits);
    }

    @Override
    public MpEvent newEvent() {
        return ipc.newEvent();
    }

    @Override
    public MpCondition newCondition() {
        return ipc.newCondition();
    }

    @Override
    public MpCondition newCondition(MpReentrantLock lock) {
        return ipc.newCondition(lock);
    }

    @Override
    public MpBarrier newBarrier(int parties) {
        return ipc.newBarrier(parties);
    }

    @Override
    public SharedObjectFactory raw() {
        return ipc.raw();
    }

    @Override
    public SharedMemory createSharedMemory(int size) {
        return ipc.createSharedMemory(size);
    }

    @Override
    public SharedMemory createSharedMemory(String name, int size) {
        return ipc.createSharedMemory(name, size);
    }

    @Override
    public SharedMemory attachSharedMemory(String name) {
        return ipc.attachSharedMemory(name);
    }

    @Override
    public Listener listen(byte[] authKey) {
        return ipc.listen(authKey);
    }

    @Override
    public Listener listen(SocketAddress address, byte[] authKey) {
        return ipc.listen(address, authKey);
    }

    @Override
    public Connection connect(SocketAddress address, byte[] authKey) {
        return ipc.connect(address, authKey);
    }

    @Override
    public void handleSignal(ProcessSignal signal, SignalHandler handler) {
        ipc.handleSignal(signal, handler);
    }

    @Override
    public void defaultSignal(ProcessSignal signal) {
        ipc.defaultSignal(signal);
    }

    @Override
    public SharedInt newSharedInt(int initialValue) {
        return ipc.newSharedInt(initialValue);
    }

    @Override
    public SharedLong newSharedLong(long initialValue) {
        return ipc.newSharedLong(initialValue);
    }

    @Override
    public SharedDouble newSharedDouble(double initialValue) {
        return ipc.newSharedDouble(initialValue);
    }

    @Override
    public SharedByte newSharedByte(byte initialValue) {
        return ipc.newSharedByte(initialValue);
    }

    @Override
    public SharedChar newSharedChar(char initialValue) {
        return ipc.newSharedChar(initialValue);
    }

    @Override
    public SharedIntArray newSharedIntArray(int length) {
        return ipc.newSharedIntArray(length);
    }

    @Override
    public SharedLongArray newSharedLongArray(int length) {
        return ipc.newSharedLongArray(length);
    }

    @Override
    public SharedDoubleArray newSharedDoubleArray(int length) {
        return ipc.newSharedDoubleArray(length);
    }

    @Override
    public SharedByteArray newSharedByteArray(int length) {
        return ipc.newSharedByteArray(length);
    }

    @Override
    public SharedCharArray newSharedCharArray(int length) {
        return ipc.newSharedCharArray(length);
    }

    ProcessLauncher launcher() {
        return launcher;
    }
}
