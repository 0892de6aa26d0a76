package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.MpQueue;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import io.multiproc4j.spi.MessageCodec;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/**
 * A queue in one process: items are serialised here, in the caller, and kept in the queue's shared memory
 * ({@link QueueRing}), so that a put has delivered its item when it returns.
 *
 * @param <E> the type of the items
 */
class NativeQueue<E> implements MpQueue<E>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    final transient QueueRing ring;

    NativeQueue(QueueRing ring) {
        this.ring = ring;
    }

    @Override
    public void put(E item) throws InterruptedException {
        ring.checkOpen();
        ring.put(MessageCodec.serialise(item), QueueRing.FOREVER, true);
    }

    @Override
    public void put(E item, Duration timeout) throws InterruptedException {
        long nanos = NativeQueues.nanos(timeout);
        ring.checkOpen();
        if (!ring.put(MessageCodec.serialise(item), nanos, true)) {
            throw new QueueFullException(ring + " stayed full (capacity " + ring.capacity() + ") for " + timeout
                    + "; nothing was put");
        }
    }

    @Override
    public void putNow(E item) {
        ring.checkOpen();
        boolean put;
        try {
            put = ring.put(MessageCodec.serialise(item), 0, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
        if (!put) {
            throw new QueueFullException(ring + " is full (capacity " + ring.capacity() + "); nothing was put");
        }
    }

    @Override
    public E get() throws InterruptedException {
        return decode(ring.take(QueueRing.FOREVER));
    }

    @Override
    public E get(Duration timeout) throws InterruptedException {
        byte[] item = ring.take(NativeQueues.nanos(timeout));
        if (item == null) {
            throw new QueueEmptyException(ring + " stayed empty for " + timeout);
        }
        return decode(item);
    }

    @Override
    public E getNow() {
        byte[] item;
        try {
            item = ring.take(0);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
        if (item == null) {
            throw new QueueEmptyException(ring + " is empty");
        }
        return decode(item);
    }

    @Override
    public int size() {
        return Math.min(ring.size(), ring.capacity());
    }

    @Override
    public boolean isEmpty() {
        return ring.size() == 0;
    }

    @Override
    public boolean isFull() {
        return ring.capacity() != Integer.MAX_VALUE && ring.size() >= ring.capacity();
    }

    @Override
    public int capacity() {
        return ring.capacity();
    }

    @Override
    public void close() {
        ring.close();
    }

    @Override
    public String toString() {
        return "MpQueue[" + ring.name() + ", capacity "
                + (ring.capacity() == Integer.MAX_VALUE ? "unbounded" : ring.capacity()) + "]";
    }

    @SuppressWarnings("unchecked")
    static <E> E decode(byte[] item) {
        return (E) MessageCodec.decode(item);
    }

    @Serial
    final Object writeReplace() throws ObjectStreamException {
        return NativeQueues.Kind.of(this).captured(ring);
    }
}
