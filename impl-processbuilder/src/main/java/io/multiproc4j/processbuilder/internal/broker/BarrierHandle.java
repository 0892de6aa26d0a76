package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** An {@link MpBarrier} hosted by the process that created it ({@link BarrierState}). */
final class BarrierHandle implements MpBarrier, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ref;
    private final transient int parties;

    private BarrierHandle(ObjectRef ref, int parties) {
        this.ref = ref;
        this.parties = parties;
    }

    static BarrierHandle create(int parties) {
        return new BarrierHandle(Host.local().register("barrier", new BarrierState(parties)), parties);
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return await(BrokerWire.FOREVER);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(ObjectRef.timeoutNanos(timeout));
    }

    private int await(long timeoutNanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        Object outcome;
        try {
            outcome = ref.call(BarrierState.AWAIT, timeoutNanos);
        } catch (InterruptedException e) {
            ref.callNow(BarrierState.ABANDON);
            throw e;
        } catch (CompletionException e) {
            if (e.getCause() instanceof BrokenBarrierException broken) {
                throw broken;
            }
            throw e;
        }
        if (outcome == Hosted.TIMED_OUT) {
            ref.callNow(BarrierState.ABANDON);
            throw new TimeoutException("the other parties of " + this + " did not arrive in time; the barrier is"
                    + " broken");
        }
        return (Integer) outcome;
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int numberWaiting() {
        return (Integer) ref.callNow(BarrierState.NUMBER_WAITING);
    }

    @Override
    public boolean isBroken() {
        return (Boolean) ref.callNow(BarrierState.IS_BROKEN);
    }

    @Override
    public void abort() {
        ref.callNow(BarrierState.ABORT);
    }

    @Override
    public void reset() {
        ref.callNow(BarrierState.RESET);
    }

    @Override
    public String toString() {
        return "MpBarrier[" + ref.what() + ", " + parties + " parties]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Serial(ref.form(Transfer.require("a barrier")), parties);
    }

    private record Serial(ObjectRef.Form form, int parties) implements Serializable {
        private Object readResolve() {
            return new BarrierHandle(form.attach(), parties);
        }
    }
}
