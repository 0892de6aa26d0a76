package io.multiproc4j.processbuilder.internal.broker;

import static io.multiproc4j.processbuilder.internal.broker.BarrierState.ABANDON;
import static io.multiproc4j.processbuilder.internal.broker.BarrierState.ABORT;
import static io.multiproc4j.processbuilder.internal.broker.BarrierState.AWAIT;
import static io.multiproc4j.processbuilder.internal.broker.BarrierState.IS_BROKEN;
import static io.multiproc4j.processbuilder.internal.broker.BarrierState.NUMBER_WAITING;
import static io.multiproc4j.processbuilder.internal.broker.BarrierState.RESET;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.B;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.C;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.call;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.now;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.timeOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The host side of a barrier shared by processes. */
class BarrierStateTest {

    private final BarrierState barrier = new BarrierState(3);

    private static void assertBroken(CompletableFuture<Object> f) {
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).hasCauseInstanceOf(BrokenBarrierException.class);
    }

    /** The parties pass together; arrival indices run from parties - 1 down to 0; the barrier cycles. */
    @Test
    void partiesPassTogetherWithArrivalIndices() {
        for (int cycle = 0; cycle < 2; cycle++) {
            CompletableFuture<Object> a = call(barrier, A, AWAIT);
            CompletableFuture<Object> b = call(barrier, B, AWAIT);
            assertThat(now(barrier, C, NUMBER_WAITING)).isEqualTo(2);
            assertThat(a).isNotDone();

            assertThat(now(barrier, C, AWAIT)).isEqualTo(0);
            assertThat(a).isCompletedWithValue(2);
            assertThat(b).isCompletedWithValue(1);
            assertThat(now(barrier, C, NUMBER_WAITING)).isEqualTo(0);
        }
    }

    /** A party that times out breaks the barrier: the others get BrokenBarrierException, and so do later ones. */
    @Test
    void timeoutBreaksTheBarrierForEveryone() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        CompletableFuture<Object> b = call(barrier, B, AWAIT);
        timeOut(a);
        now(barrier, A, ABANDON);

        assertThat(a.join()).isSameAs(Hosted.TIMED_OUT);
        assertBroken(b);
        assertThat(now(barrier, C, IS_BROKEN)).isEqualTo(true);
        assertBroken(call(barrier, C, AWAIT));
    }

    /** A timed-out wait breaks the barrier even before it is reported: the last party does not trip it. */
    @Test
    void lastPartyDoesNotTripOverAnAbandonedWait() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        CompletableFuture<Object> b = call(barrier, B, AWAIT);
        a.cancel(false);
        assertBroken(call(barrier, C, AWAIT));
        assertBroken(b);
    }

    /** Reporting an abandoned wait after the barrier moved on changes nothing. */
    @Test
    void lateAbandonDoesNotBreakTheNextCycle() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        call(barrier, B, AWAIT);
        now(barrier, C, AWAIT);
        assertThat(timeOut(a)).isFalse();
        now(barrier, A, ABANDON);
        assertThat(now(barrier, A, IS_BROKEN)).isEqualTo(false);
    }

    /** abort breaks the barrier for current and later waiters; reset makes it usable again. */
    @Test
    void abortBreaksAndResetRepairs() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        now(barrier, C, ABORT);
        assertBroken(a);
        assertBroken(call(barrier, B, AWAIT));

        now(barrier, C, RESET);
        assertThat(now(barrier, C, IS_BROKEN)).isEqualTo(false);
        call(barrier, A, AWAIT);
        call(barrier, B, AWAIT);
        assertThat(now(barrier, C, AWAIT)).isEqualTo(0);
    }

    /** reset breaks the parties waiting now, then the barrier starts a new cycle. */
    @Test
    void resetBreaksCurrentWaiters() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        now(barrier, C, RESET);
        assertBroken(a);
        assertThat(now(barrier, C, IS_BROKEN)).isEqualTo(false);
        assertThat(now(barrier, C, NUMBER_WAITING)).isEqualTo(0);
    }

    /** A process that ends while one of its threads waits breaks the barrier. */
    @Test
    void endOfAWaitingProcessBreaksTheBarrier() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        CompletableFuture<Object> b = call(barrier, B, AWAIT);
        barrier.processEnded(A.process());
        assertThat(a).isCancelled();
        assertBroken(b);
    }

    /** The same, when the network layer has already cancelled the ended process's wait. */
    @Test
    void endOfAWaitingProcessBreaksTheBarrierAfterItsWaitWasCancelled() {
        CompletableFuture<Object> a = call(barrier, A, AWAIT);
        CompletableFuture<Object> b = call(barrier, B, AWAIT);
        a.cancel(false);
        barrier.processEnded(A.process());
        assertBroken(b);
    }

    /** A process that ends without waiting leaves the barrier alone. */
    @Test
    void endOfAnotherProcessChangesNothing() {
        call(barrier, A, AWAIT);
        barrier.processEnded(C.process());
        assertThat(now(barrier, B, IS_BROKEN)).isEqualTo(false);
        assertThat(now(barrier, B, NUMBER_WAITING)).isEqualTo(1);
    }

    /** A barrier of one party never waits. */
    @Test
    void singlePartyPassesAtOnce() {
        assertThat(now(new BarrierState(1), A, AWAIT)).isEqualTo(0);
    }
}
