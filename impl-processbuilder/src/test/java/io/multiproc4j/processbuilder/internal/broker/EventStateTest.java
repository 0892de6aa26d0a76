package io.multiproc4j.processbuilder.internal.broker;

import static io.multiproc4j.processbuilder.internal.broker.EventState.AWAIT;
import static io.multiproc4j.processbuilder.internal.broker.EventState.CLEAR;
import static io.multiproc4j.processbuilder.internal.broker.EventState.IS_SET;
import static io.multiproc4j.processbuilder.internal.broker.EventState.SET;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.B;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.C;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.call;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.now;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.timeOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The host side of an event shared by processes. */
class EventStateTest {

    private final EventState event = new EventState();

    /** An event starts unset; set wakes every waiter; later waits return at once until clear. */
    @Test
    void setWakesEveryWaiterUntilCleared() {
        assertThat(now(event, A, IS_SET)).isEqualTo(false);
        CompletableFuture<Object> a = call(event, A, AWAIT);
        CompletableFuture<Object> b = call(event, B, AWAIT);
        assertThat(a).isNotDone();

        now(event, C, SET);
        assertThat(a).isCompletedWithValue(true);
        assertThat(b).isCompletedWithValue(true);
        assertThat(now(event, A, AWAIT)).isEqualTo(true);

        now(event, C, CLEAR);
        assertThat(now(event, A, IS_SET)).isEqualTo(false);
        assertThat(call(event, A, AWAIT)).isNotDone();
    }

    /** A timed-out wait stays timed out when the event is set afterwards. */
    @Test
    void timeoutBeforeSetStands() {
        CompletableFuture<Object> a = call(event, A, AWAIT);
        timeOut(a);
        now(event, C, SET);
        assertThat(a.join()).isSameAs(Hosted.TIMED_OUT);
    }

    /** A process that ends stops waiting. */
    @Test
    void endedProcessStopsWaiting() {
        CompletableFuture<Object> a = call(event, A, AWAIT);
        event.processEnded(A.process());
        assertThat(a).isCancelled();
    }
}
