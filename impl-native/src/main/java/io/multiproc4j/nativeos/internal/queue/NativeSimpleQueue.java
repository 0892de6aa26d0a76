package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.SimpleQueue;
import io.multiproc4j.spi.MessageCodec;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;

/**
 * A simple queue in one process: an unbounded {@link QueueRing} with only the essential operations.
 *
 * @param <E> the type of the items
 */
final class NativeSimpleQueue<E> implements SimpleQueue<E>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient QueueRing ring;

    NativeSimpleQueue(QueueRing ring) {
        this.ring = ring;
    }

    @Override
    public void put(E item) {
        ring.checkOpen();
        try {
            // Waits, uninterruptibly, only if the ring has reached its largest size.
            ring.put(MessageCodec.serialise(item), QueueRing.FOREVER, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public E get() throws InterruptedException {
        return NativeQueue.decode(ring.take(QueueRing.FOREVER));
    }

    @Override
    public boolean isEmpty() {
        return ring.size() == 0;
    }

    @Override
    public void close() {
        ring.close();
    }

    @Override
    public String toString() {
        return "SimpleQueue[" + ring.name() + "]";
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return NativeQueues.Kind.SIMPLE.captured(ring);
    }
}
