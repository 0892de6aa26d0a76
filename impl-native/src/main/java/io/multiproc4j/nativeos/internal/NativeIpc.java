package io.multiproc4j.nativeos.internal;

import io.multiproc4j.Connection;
import io.multiproc4j.IpcFactory;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.Listener;
import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpQueue;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Pipe;
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
import io.multiproc4j.nativeos.internal.launch.NativeSignals;
import io.multiproc4j.nativeos.internal.pipe.NativePipes;
import io.multiproc4j.nativeos.internal.queue.NativeQueues;
import io.multiproc4j.nativeos.internal.shm.NativeShared;
import io.multiproc4j.nativeos.internal.sync.NativeSync;
import io.multiproc4j.spi.SocketConnections;
import java.net.SocketAddress;

/**
 * The IPC objects of this implementation, all on operating-system objects that no process hosts: pipes are socket
 * pairs ({@link NativePipes}); queues are rings in shared memory ({@link NativeQueues}); locks and the other
 * primitives are futexes in shared memory ({@link NativeSync}); shared values, arrays and blocks are POSIX
 * shared-memory objects ({@link NativeShared}); sockets are shared with every implementation
 * ({@link SocketConnections}).
 */
public final class NativeIpc implements IpcFactory {

    private final NativeShared locked = new NativeShared(NativeSync::newReentrantLock);
    private final NativeShared raw = new NativeShared(null);

    @Override
    public Pipe newPipe() {
        return NativePipes.newPipe(true);
    }

    @Override
    public Pipe newPipe(boolean duplex) {
        return NativePipes.newPipe(duplex);
    }

    @Override
    public <E> MpQueue<E> newQueue() {
        return NativeQueues.newQueue(Integer.MAX_VALUE);
    }

    @Override
    public <E> MpQueue<E> newQueue(int capacity) {
        requirePositive(capacity, "capacity");
        return NativeQueues.newQueue(capacity);
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue() {
        return NativeQueues.newJoinableQueue(Integer.MAX_VALUE);
    }

    @Override
    public <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        requirePositive(capacity, "capacity");
        return NativeQueues.newJoinableQueue(capacity);
    }

    @Override
    public <E> SimpleQueue<E> newSimpleQueue() {
        return NativeQueues.newSimpleQueue();
    }

    @Override
    public MpLock newLock() {
        return NativeSync.newLock();
    }

    @Override
    public MpReentrantLock newReentrantLock() {
        return NativeSync.newReentrantLock();
    }

    @Override
    public MpSemaphore newSemaphore(int permits) {
        requireNotNegative(permits, "permits");
        return NativeSync.newSemaphore(permits, false);
    }

    @Override
    public MpSemaphore newBoundedSemaphore(int permits) {
        requireNotNegative(permits, "permits");
        return NativeSync.newSemaphore(permits, true);
    }

    @Override
    public MpEvent newEvent() {
        return NativeSync.newEvent();
    }

    @Override
    public MpCondition newCondition() {
        return NativeSync.newCondition(null);
    }

    @Override
    public MpCondition newCondition(MpReentrantLock lock) {
        return NativeSync.newCondition(lock);
    }

    @Override
    public MpBarrier newBarrier(int parties) {
        requirePositive(parties, "parties");
        return NativeSync.newBarrier(parties);
    }

    @Override
    public SharedObjectFactory raw() {
        return raw;
    }

    @Override
    public SharedInt newSharedInt(int initialValue) {
        return locked.newSharedInt(initialValue);
    }

    @Override
    public SharedLong newSharedLong(long initialValue) {
        return locked.newSharedLong(initialValue);
    }

    @Override
    public SharedDouble newSharedDouble(double initialValue) {
        return locked.newSharedDouble(initialValue);
    }

    @Override
    public SharedByte newSharedByte(byte initialValue) {
        return locked.newSharedByte(initialValue);
    }

    @Override
    public SharedChar newSharedChar(char initialValue) {
        return locked.newSharedChar(initialValue);
    }

    @Override
    public SharedIntArray newSharedIntArray(int length) {
        return locked.newSharedIntArray(length);
    }

    @Override
    public SharedLongArray newSharedLongArray(int length) {
        return locked.newSharedLongArray(length);
    }

    @Override
    public SharedDoubleArray newSharedDoubleArray(int length) {
        return locked.newSharedDoubleArray(length);
    }

    @Override
    public SharedByteArray newSharedByteArray(int length) {
        return locked.newSharedByteArray(length);
    }

    @Override
    public SharedCharArray newSharedCharArray(int length) {
        return locked.newSharedCharArray(length);
    }

    @Override
    public SharedMemory createSharedMemory(int size) {
        return raw.createSharedMemory(null, size);
    }

    @Override
    public SharedMemory createSharedMemory(String name, int size) {
        return raw.createSharedMemory(java.util.Objects.requireNonNull(name, "name"), size);
    }

    @Override
    public SharedMemory attachSharedMemory(String name) {
        return raw.attachSharedMemory(name);
    }

    @Override
    public Listener listen(byte[] authKey) {
        return SocketConnections.listen(authKey);
    }

    @Override
    public Listener listen(SocketAddress address, byte[] authKey) {
        return SocketConnections.listen(address, authKey);
    }

    @Override
    public Connection connect(SocketAddress address, byte[] authKey) {
        return SocketConnections.connect(address, authKey);
    }

    @Override
    public void handleSignal(ProcessSignal signal, SignalHandler handler) {
        NativeSignals.handle(signal, java.util.Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public void defaultSignal(ProcessSignal signal) {
        NativeSignals.restoreDefault(signal);
    }

    private static void requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, but is " + value);
        }
    }

    private static void requireNotNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, but is " + value);
        }
    }
}
