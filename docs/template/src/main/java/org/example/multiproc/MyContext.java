package org.example.multiproc;

import io.multiproc4j.Connection;
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
import java.util.Optional;

/**
 * The whole api of multiproc4j, not implemented yet: every method throws. Replace the bodies one area at a time,
 * starting with processes (newProcess, currentProcess, ...), and grade after each step to see which rules pass.
 *
 * <p>The conformance kit reads an {@link UnsupportedOperationException} from a method that only optional (SHOULD)
 * rules need as "optional, not implemented"; every required (MUST) rule fails until it is implemented.
 */
final class MyContext implements MpContext {

    private final String id;

    MyContext(String id) {
        this.id = id;
    }

    private static UnsupportedOperationException notYet(String method) {
        return new UnsupportedOperationException("not implemented yet: " + method);
    }

    @Override
    public String providerId() {
        return id;
    }

    // Processes: docs/spec/processes.md

    @Override
    public MpProcess newProcess(ProcessTask task) {
        throw notYet("newProcess");
    }

    @Override
    public MpProcess currentProcess() {
        throw notYet("currentProcess");
    }

    @Override
    public Optional<MpProcess> parentProcess() {
        throw notYet("parentProcess");
    }

    @Override
    public List<MpProcess> activeChildren() {
        throw notYet("activeChildren");
    }

    @Override
    public int cpuCount() {
        throw notYet("cpuCount");
    }

    // Pools: docs/spec/pools.md

    @Override
    public MpPool newPool(PoolOptions options) {
        throw notYet("newPool");
    }

    // Pipes and sockets: docs/spec/pipes.md

    @Override
    public Pipe newPipe() {
        throw notYet("newPipe");
    }

    @Override
    public Pipe newPipe(boolean duplex) {
        throw notYet("newPipe");
    }

    @Override
    public Listener listen(byte[] authKey) {
        throw notYet("listen");
    }

    @Override
    public Listener listen(SocketAddress address, byte[] authKey) {
        throw notYet("listen");
    }

    @Override
    public Connection connect(SocketAddress address, byte[] authKey) {
        throw notYet("connect");
    }

    // Queues: docs/spec/queues.md

    @Override
    public <E> MpQueue<E> newQueue() {
        throw notYet("newQueue");
    }

    @Override
    public <E> MpQueue<E> newQueue(int capacity) {
        throw notYet("newQueue");
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue() {
        throw notYet("newJoinableQueue");
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        throw notYet("newJoinableQueue");
    }

    @Override
    public <E> SimpleQueue<E> newSimpleQueue() {
        throw notYet("newSimpleQueue");
    }

    // Synchronisation: docs/spec/synchronization.md

    @Override
    public MpLock newLock() {
        throw notYet("newLock");
    }

    @Override
    public MpReentrantLock newReentrantLock() {
        throw notYet("newReentrantLock");
    }

    @Override
    public MpSemaphore newSemaphore(int permits) {
        throw notYet("newSemaphore");
    }

    @Override
    public MpSemaphore newBoundedSemaphore(int permits) {
        throw notYet("newBoundedSemaphore");
    }

    @Override
    public MpEvent newEvent() {
        throw notYet("newEvent");
    }

    @Override
    public MpCondition newCondition() {
        throw notYet("newCondition");
    }

    @Override
    public MpCondition newCondition(MpReentrantLock lock) {
        throw notYet("newCondition");
    }

    @Override
    public MpBarrier newBarrier(int parties) {
        throw notYet("newBarrier");
    }

    // Shared values and shared memory: docs/spec/shared-memory.md

    @Override
    public SharedObjectFactory raw() {
        throw notYet("raw");
    }

    @Override
    public SharedInt newSharedInt(int initialValue) {
        throw notYet("newSharedInt");
    }

    @Override
    public SharedLong newSharedLong(long initialValue) {
        throw notYet("newSharedLong");
    }

    @Override
    public SharedDouble newSharedDouble(double initialValue) {
        throw notYet("newSharedDouble");
    }

    @Override
    public SharedByte newSharedByte(byte initialValue) {
        throw notYet("newSharedByte");
    }

    @Override
    public SharedChar newSharedChar(char initialValue) {
        throw notYet("newSharedChar");
    }

    @Override
    public SharedIntArray newSharedIntArray(int length) {
        throw notYet("newSharedIntArray");
    }

    @Override
    public SharedLongArray newSharedLongArray(int length) {
        throw notYet("newSharedLongArray");
    }

    @Override
    public SharedDoubleArray newSharedDoubleArray(int length) {
        throw notYet("newSharedDoubleArray");
    }

    @Override
    public SharedByteArray newSharedByteArray(int length) {
        throw notYet("newSharedByteArray");
    }

    @Override
    public SharedCharArray newSharedCharArray(int length) {
        throw notYet("newSharedCharArray");
    }

    @Override
    public SharedMemory createSharedMemory(int size) {
        throw notYet("createSharedMemory");
    }

    @Override
    public SharedMemory createSharedMemory(String name, int size) {
        throw notYet("createSharedMemory");
    }

    @Override
    public SharedMemory attachSharedMemory(String name) {
        throw notYet("attachSharedMemory");
    }

    // Signals: docs/spec/signals.md

    @Override
    public void handleSignal(ProcessSignal signal, SignalHandler handler) {
        throw notYet("handleSignal");
    }

    @Override
    public void defaultSignal(ProcessSignal signal) {
        throw notYet("defaultSignal");
    }
}
