package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpEvent;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;

/** An {@link MpEvent} hosted by the process that created it ({@link EventState}). */
final class EventHandle implements MpEvent, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ref;

    private EventHandle(ObjectRef ref) {
        this.ref = ref;
    }

    static EventHandle create() {
        return new EventHandle(Host.local().register("event", new EventState()));
    }

    @Override
    public void set() {
        ref.callNow(EventState.SET);
    }

    @Override
    public void clear() {
        ref.callNow(EventState.CLEAR);
    }

    @Override
    public boolean isSet() {
        return (Boolean) ref.callNow(EventState.IS_SET);
    }

    @Override
    public void await() throws InterruptedException {
        ref.call(EventState.AWAIT, BrokerWire.FOREVER);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return ref.call(EventState.AWAIT, ObjectRef.timeoutNanos(timeout)) == Boolean.TRUE;
    }

    @Override
    public String toString() {
        return "MpEvent[" + ref.what() + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Serial(ref.form(Transfer.require("an event")));
    }

    private record Serial(ObjectRef.Form form) implements Serializable {
        private Object readResolve() {
            return new EventHandle(form.attach());
        }
    }
}
