package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.JoinableQueue;
import java.time.Duration;

/** A joinable queue in any process; the count of unfinished items is kept by the {@link QueueState}. */
final class JoinableQueueHandle<E> extends QueueHandle<E> implements JoinableQueue<E> {

    private static final long serialVersionUID = 1L;

    JoinableQueueHandle(ObjectRef ref, int capacity) {
        super(ref, capacity);
    }

    @Override
    public void taskDone() {
        checkOpen();
        ref.callNow("taskDone");
    }

    @Override
    public void join() throws InterruptedException {
        ref.call("join", BrokerWire.FOREVER);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        return ref.call("join", ObjectRef.timeoutNanos(timeout)) != Hosted.TIMED_OUT;
    }
}
