package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.SimpleQueue;
import io.multiproc4j.spi.MessageCodec;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;

/** A simple queue in any process: an unbounded {@link QueueState} with only the essential operations. */
final class SimpleQueueHandle<E> implements SimpleQueue<E>, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ref;
    private volatile boolean closed;

    SimpleQueueHandle(ObjectRef ref) {
        this.ref = ref;
    }

    @Override
    public void put(E item) {
        checkOpen();
        ref.callNow("put", MessageCodec.serialise(item));
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get() throws InterruptedException {
        checkOpen();
        return (E) MessageCodec.decode((byte[]) ref.call("get", BrokerWire.FOREVER));
    }

    @Override
    public boolean isEmpty() {
        checkOpen();
        return (Integer) ref.callNow("size") == 0;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(ref.what() + " was closed in this process");
        }
    }

    @Override
    public String toString() {
        return "SimpleQueueHandle[" + ref + ", " + (closed ? "closed in this process" : "open") + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Form(ref.form(Transfer.require("a simple queue")));
    }

    /** A simple queue as it crosses to another process. */
    private record Form(ObjectRef.Form ref) implements Serializable {
        private Object readResolve() {
            return new SimpleQueueHandle<>(ref.attach());
        }
    }
}
