package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.JoinableQueue;
import java.io.Serial;
import java.time.Duration;

/**
 * A joinable queue in one process: the number of unfinished items is the number of puts less the number of
 * {@code taskDone} calls, both kept in the queue's shared memory.
 *
 * @param <E> the type of the items
 */
final class NativeJoinableQueue<E> extends NativeQueue<E> implements JoinableQueue<E> {

    @Serial
    private static final long serialVersionUID = 1L;

    NativeJoinableQueue(QueueRing ring) {
        super(ring);
    }

    @Override
    public void taskDone() {
        ring.taskDone();
    }

    @Override
    public void join() throws InterruptedException {
        ring.join(QueueRing.FOREVER);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        return ring.join(NativeQueues.nanos(timeout));
    }

    @Override
    public String toString() {
        return "Joinable" + super.toString();
    }
}
