package io.multiproc4j.tck.selftest;

import io.multiproc4j.Connection;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.Listener;
import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpPool;
import io.multiproc4j.MpQueue;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Pipe;
import io.multiproc4j.PoolOptions;
import io.multiproc4j.ProcessSignal;
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
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessState;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Decorators over a real implementation, from which each broken provider breaks exactly one behaviour. The real
 * implementation is the one provider whose id does not start with {@code broken-}.
 */
final class Forwarding {

    private Forwarding() {
    }

    /** The real implementation under the decorators. */
    static MpContext base() {
        List<String> real = Multiprocessing.providerIds().stream().filter(id -> !id.startsWith("broken-")).toList();
        if (real.size() != 1) {
            throw new IllegalStateException("the kit's broken providers need exactly one real provider, found " + real);
        }
        return Multiprocessing.context(real.get(0));
    }

    /** A provider whose context wraps every new process of the real one. */
    abstract static class Provider implements MultiprocessingProvider {
        private final String id;
        private final UnaryOperator<MpProcess> breaker;
        private volatile MpContext context;

        Provider(String id) {
            this(id, UnaryOperator.identity());
        }

        Provider(String id, UnaryOperator<MpProcess> breaker) {
            this.id = id;
            this.breaker = breaker;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return -100;
        }

        /**
         * The broken context over the real one; by default it forwards everything but wraps each new process with
         * the breaker. Override to break an IPC object instead.
         */
        MpContext contextOver(MpContext real) {
            return new Context(id, real, breaker);
        }

        @Override
        public MpContext context() {
            MpContext c = context;
            if (c == null) {
                c = contextOver(base());
                context = c;
            }
            return c;
        }
    }

    /** Forwards every call to the real context; subclasses override what they break. */
    static class Context implements MpContext {
        final String providerId;
        final MpContext base;
        final UnaryOperator<MpProcess> breaker;

        Context(String providerId, MpContext base, UnaryOperator<MpProcess> breaker) {
            this.providerId = providerId;
            this.base = base;
            this.breaker = breaker;
        }

        @Override
        public String providerId() {
            return providerId;
        }

        @Override
        public MpProcess newProcess(ProcessTask task) {
            return breaker.apply(base.newProcess(task));
        }

        @Override
        public MpProcess currentProcess() {
            return base.currentProcess();
        }

        @Override
        public Optional<MpProcess> parentProcess() {
            return base.parentProcess();
        }

        @Override
        public List<MpProcess> activeChildren() {
            return base.activeChildren();
        }

        @Override
        public int cpuCount() {
            return base.cpuCount();
        }

        @Override
        public MpPool newPool(PoolOptions options) {
            return base.newPool(options);
        }

        @Override
        public Pipe newPipe() {
            return base.newPipe();
        }

        @Override
        public Pipe newPipe(boolean duplex) {
            return base.newPipe(duplex);
        }

        @Override
        public <E> MpQueue<E> newQueue() {
            return base.newQueue();
        }

        @Override
        public <E> MpQueue<E> newQueue(int capacity) {
            return base.newQueue(capacity);
        }

        @Override
        public <E> JoinableQueue<E> newJoinableQueue() {
            return base.newJoinableQueue();
        }

        @Override
        public <E> JoinableQueue<E> newJoinableQueue(int capacity) {
            return base.newJoinableQueue(capacity);
        }

        @Override
        public <E> SimpleQueue<E> newSimpleQueue() {
            return base.newSimpleQueue();
        }

        @Override
        public MpLock newLock() {
            return base.newLock();
        }

        @Override
        public MpReentrantLock newReentrantLock() {
            return base.newReentrantLock();
        }

        @Override
        public MpSemaphore newSemaphore(int permits) {
            return base.newSemaphore(permits);
        }

        @Override
        public MpSemaphore newBoundedSemaphore(int permits) {
            return base.newBoundedSemaphore(permits);
        }

        @Override
        public MpEvent newEvent() {
            return base.newEvent();
        }

        @Override
        public MpCondition newCondition() {
            return base.newCondition();
        }

        @Override
        public MpCondition newCondition(MpReentrantLock lock) {
            return base.newCondition(lock);
        }

        @Override
        public MpBarrier newBarrier(int parties) {
            return base.newBarrier(parties);
        }

        @Override
        public SharedObjectFactory raw() {
            return base.raw();
        }

        @Override
        public SharedMemory createSharedMemory(int size) {
            return base.createSharedMemory(size);
        }

        @Override
        public SharedMemory createSharedMemory(String name, int size) {
            return base.createSharedMemory(name, size);
        }

        @Override
        public SharedMemory attachSharedMemory(String name) {
            return base.attachSharedMemory(name);
        }

        @Override
        public Listener listen(byte[] authKey) {
            return base.listen(authKey);
        }

        @Override
        public Listener listen(SocketAddress address, byte[] authKey) {
            return base.listen(address, authKey);
        }

        @Override
        public Connection connect(SocketAddress address, byte[] authKey) {
            return base.connect(address, authKey);
        }

        @Override
        public void handleSignal(ProcessSignal signal, SignalHandler handler) {
            base.handleSignal(signal, handler);
        }

        @Override
        public void defaultSignal(ProcessSignal signal) {
            base.defaultSignal(signal);
        }

        @Override
        public SharedInt newSharedInt(int initialValue) {
            return base.newSharedInt(initialValue);
        }

        @Override
        public SharedLong newSharedLong(long initialValue) {
            return base.newSharedLong(initialValue);
        }

        @Override
        public SharedDouble newSharedDouble(double initialValue) {
            return base.newSharedDouble(initialValue);
        }

        @Override
        public SharedByte newSharedByte(byte initialValue) {
            return base.newSharedByte(initialValue);
        }

        @Override
        public SharedChar newSharedChar(char initialValue) {
            return base.newSharedChar(initialValue);
        }

        @Override
        public SharedIntArray newSharedIntArray(int length) {
            return base.newSharedIntArray(length);
        }

        @Override
        public SharedLongArray newSharedLongArray(int length) {
            return base.newSharedLongArray(length);
        }

        @Override
        public SharedDoubleArray newSharedDoubleArray(int length) {
            return base.newSharedDoubleArray(length);
        }

        @Override
        public SharedByteArray newSharedByteArray(int length) {
            return base.newSharedByteArray(length);
        }

        @Override
        public SharedCharArray newSharedCharArray(int length) {
            return base.newSharedCharArray(length);
        }
    }

    /** Forwards every call; subclasses override what they break. */
    static class Process implements MpProcess {
        final MpProcess real;

        Process(MpProcess real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public MpProcess setName(String name) {
            real.setName(name);
            return this;
        }

        @Override
        public boolean isDaemon() {
            return real.isDaemon();
        }

        @Override
        public MpProcess setDaemon(boolean daemon) {
            real.setDaemon(daemon);
            return this;
        }

        @Override
        public OptionalInt niceness() {
            return real.niceness();
        }

        @Override
        public MpProcess setNiceness(int niceness) {
            real.setNiceness(niceness);
            return this;
        }

        @Override
        public MpProcess start() {
            real.start();
            return this;
        }

        @Override
        public void join() throws InterruptedException {
            real.join();
        }

        @Override
        public boolean join(Duration timeout) throws InterruptedException {
            return real.join(timeout);
        }

        @Override
        public boolean isAlive() {
            return real.isAlive();
        }

        @Override
        public void terminate() {
            real.terminate();
        }

        @Override
        public void kill() {
            real.kill();
        }

        @Override
        public OptionalInt exitCode() {
            return real.exitCode();
        }

        @Override
        public OptionalLong pid() {
            return real.pid();
        }

        @Override
        public ProcessState state() {
            return real.state();
        }

        @Override
        public void suspend() {
            real.suspend();
        }

        @Override
        public void resume() {
            real.resume();
        }

        @Override
        public void signal(ProcessSignal signal) {
            real.signal(signal);
        }
    }
}
