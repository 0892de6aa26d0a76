package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.Connection;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpQueue;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Pipe;
import io.multiproc4j.SimpleQueue;

/**
 * The IPC objects hosted by the process that creates them: each is a state machine ({@link Hosted}) in this
 * JVM's {@link Host}, used directly here and over the host's Unix-domain socket from the processes it is sent to.
 *
 * <p>The synchronisation primitives plug in through {@link SyncFactory}: a class named {@value #SYNC_FACTORY} in
 * this package, with a no-argument constructor, that registers its state machines with
 * {@code Host.local().register(kind, state)} and wraps the returned {@link ObjectRef} in its handles.
 */
public final class BrokerObjects {

    /** The class that makes the synchronisation primitives; see {@link SyncFactory}. */
    static final String SYNC_FACTORY = "io.multiproc4j.processbuilder.internal.broker.LockFactory";

    private volatile SyncFactory sync;

    /** Creates the factory; the host starts with the first object. */
    public BrokerObjects() {
    }

    /**
     * The synchronisation primitives' factory, implemented by the class named {@value #SYNC_FACTORY}.
     */
    interface SyncFactory {
        MpLock newLock();

        MpReentrantLock newReentrantLock();

        MpSemaphore newSemaphore(int permits, boolean bounded);

        MpEvent newEvent();

        MpCondition newCondition(MpReentrantLock lock);

        MpBarrier newBarrier(int parties);
    }

    /**
     * @param duplex whether both ends send and receive; otherwise the first only receives and the second only sends
     * @return a new pipe hosted by this process
     */
    public Pipe newPipe(boolean duplex) {
        Host host = Host.local();
        ObjectRef ref = host.register("pipe", new PipeState(host.pid));
        Connection first = new PipeEnd(ref, 0, true, duplex);
        Connection second = new PipeEnd(ref, 1, duplex, true);
        return new Pipe(first, second);
    }

    /**
     * @param capacity the most items, {@link Integer#MAX_VALUE} for no limit
     * @return a new queue hosted by this process
     */
    public <E> MpQueue<E> newQueue(int capacity) {
        return new QueueHandle<>(Host.local().register("queue", new QueueState(capacity)), capacity);
    }

    /**
     * @param capacity the most items, {@link Integer#MAX_VALUE} for no limit
     * @return a new joinable queue hosted by this process
     */
    public <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        return new JoinableQueueHandle<>(Host.local().register("joinable queue", new QueueState(capacity)),
                capacity);
    }

    /** @return a new simple queue hosted by this process */
    public <E> SimpleQueue<E> newSimpleQueue() {
        return new SimpleQueueHandle<>(Host.local().register("simple queue", new QueueState(Integer.MAX_VALUE)));
    }

    /** @return a new lock hosted by this process */
    public MpLock newLock() {
        return sync().newLock();
    }

    /** @return a new reentrant lock hosted by this process */
    public MpReentrantLock newReentrantLock() {
        return sync().newReentrantLock();
    }

    /**
     * @param permits the permits to begin with
     * @param bounded whether releasing beyond {@code permits} is an error
     * @return a new semaphore hosted by this process
     */
    public MpSemaphore newSemaphore(int permits, boolean bounded) {
        return sync().newSemaphore(permits, bounded);
    }

    /** @return a new event hosted by this process */
    public MpEvent newEvent() {
        return sync().newEvent();
    }

    /**
     * @param lock the lock the condition belongs to
     * @return a new condition hosted by this process
     */
    public MpCondition newCondition(MpReentrantLock lock) {
        return sync().newCondition(lock);
    }

    /**
     * @param parties how many processes or threads meet at the barrier
     * @return a new barrier hosted by this process
     */
    public MpBarrier newBarrier(int parties) {
        return sync().newBarrier(parties);
    }

    private SyncFactory sync() {
        SyncFactory s = sync;
        if (s == null) {
            try {
                s = (SyncFactory) Class.forName(SYNC_FACTORY).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new UnsupportedOperationException("the synchronisation primitives of the processbuilder"
                        + " implementation are missing from this build (" + SYNC_FACTORY + ": " + e + ")", e);
            }
            sync = s;
        }
        return s;
    }
}
