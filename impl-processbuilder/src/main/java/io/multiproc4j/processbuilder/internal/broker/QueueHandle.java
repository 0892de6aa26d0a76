package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpQueue;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import io.multiproc4j.spi.MessageCodec;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;

/** A queue in any process: an {@link MpQueue} whose items are kept by the {@link QueueState} in its creator. */
class QueueHandle<E> implements MpQueue<E>, Serializable {

    private static final long serialVersionUID = 1L;

    final transient ObjectRef ref;
    private final int capacity;
    private volatile boolean closed;

    QueueHandle(ObjectRef ref, int capacity) {
        this.ref = ref;
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        checkOpen();
        ref.call("put", BrokerWire.FOREVER, MessageCodec.serialise(item));
    }

    @Override
    public void put(E item, Duration timeout) throws InterruptedException {
        long nanos = ObjectRef.timeoutNanos(timeout);
        checkOpen();
        if (ref.call("put", nanos, MessageCodec.serialise(item)) == Hosted.TIMED_OUT) {
            throw new QueueFullException(ref.what() + " stayed full (capacity " + capacity + ") for " + timeout
                    + "; nothing was put");
        }
    }

    @Override
    public void putNow(E item) {
        checkOpen();
        if (ref.callNow("put", MessageCodec.serialise(item)) == Hosted.TIMED_OUT) {
            throw new QueueFullException(ref.what() + " is full (capacity " + capacity + "); nothing was put");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get() throws InterruptedException {
        checkOpen();
        return (E) MessageCodec.decode((byte[]) ref.call("get", BrokerWire.FOREVER));
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(Duration timeout) throws InterruptedException {
        long nanos = ObjectRef.timeoutNanos(timeout);
        checkOpen();
        Object item = ref.call("get", nanos);
        if (item == Hosted.TIMED_OUT) {
            throw new QueueEmptyException(ref.what() + " stayed empty for " + timeout);
        }
        return (E) MessageCodec.decode((byte[]) item);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E getNow() {
        checkOpen();
        Object item = ref.callNow("get");
        if (item == Hosted.TIMED_OUT) {
            throw new QueueEmptyException(ref.what() + " is empty");
        }
        return (E) MessageCodec.decode((byte[]) item);
    }

    @Override
    public int size() {
        return (Integer) ref.callNow("size");
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean isFull() {
        return capacity != Integer.MAX_VALUE && size() >= capacity;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        closed = true;
    }

    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException(ref.what() + " was closed in this process");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + ref + ", capacity "
                + (capacity == Integer.MAX_VALUE ? "unbounded" : capacity) + ", "
                + (closed ? "closed in this process" : "open") + "]";
    }

    /** Package-private, not private, so that {@link JoinableQueueHandle} inherits it. */
    final Object writeReplace() throws ObjectStreamException {
        Transfer transfer = Transfer.require("a queue");
        return new Form(ref.form(transfer), capacity, this instanceof JoinableQueueHandle);
    }

    /** A queue as it crosses to another process. */
    private record Form(ObjectRef.Form ref, int capacity, boolean joinable) implements Serializable {
        private Object readResolve() {
            ObjectRef r = ref.attach();
            return joinable ? new JoinableQueueHandle<>(r, capacity) : new QueueHandle<>(r, capacity);
        }
    }
}
