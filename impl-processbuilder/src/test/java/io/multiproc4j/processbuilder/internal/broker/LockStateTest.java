package io.multiproc4j.processbuilder.internal.broker;

import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.B;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.C;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.call;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.now;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.timeOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The host side of a lock shared by processes. */
class LockStateTest {

    private final LockState lock = new LockState();

    /** A free lock is granted at once and then reported locked. */
    @Test
    void freeLockIsGrantedAtOnce() {
        assertThat(now(lock, A, LockState.ACQUIRE)).isEqualTo(true);
        assertThat(now(lock, B, LockState.IS_LOCKED)).isEqualTo(true);
        assertThat(now(lock, B, LockState.TRY_ACQUIRE)).isEqualTo(false);
    }

    /** Waiters are granted first come, first served, one per release. */
    @Test
    void waitersAreGrantedInArrivalOrder() {
        now(lock, A, LockState.ACQUIRE);
        CompletableFuture<Object> b = call(lock, B, LockState.ACQUIRE);
        CompletableFuture<Object> c = call(lock, C, LockState.ACQUIRE);
        assertThat(b).isNotDone();

        now(lock, A, LockState.RELEASE);
        assertThat(b).isCompletedWithValue(true);
        assertThat(c).isNotDone();

        now(lock, B, LockState.RELEASE);
        assertThat(c).isCompletedWithValue(true);
    }

    /** As in Python, a thread of another process may release the lock. */
    @Test
    void anyProcessMayRelease() {
        now(lock, A, LockState.ACQUIRE);
        now(lock, B, LockState.RELEASE);
        assertThat(now(lock, C, LockState.IS_LOCKED)).isEqualTo(false);
    }

    /** Releasing a lock that is not held is refused. */
    @Test
    void releasingAFreeLockThrowsIllegalMonitorState() {
        assertThat(call(lock, A, LockState.RELEASE)).failsWithin(java.time.Duration.ZERO)
                .withThrowableThat().havingCause().isInstanceOf(IllegalMonitorStateException.class);
    }

    /** A waiter whose wait timed out is passed over: the lock goes to the next one. */
    @Test
    void timedOutWaiterIsPassedOver() {
        now(lock, A, LockState.ACQUIRE);
        CompletableFuture<Object> b = call(lock, B, LockState.ACQUIRE);
        CompletableFuture<Object> c = call(lock, C, LockState.ACQUIRE);
        timeOut(b);

        now(lock, A, LockState.RELEASE);
        assertThat(b.join()).isSameAs(Hosted.TIMED_OUT);
        assertThat(c).isCompletedWithValue(true);
    }

    /** A cancelled (interrupted) last waiter leaves the lock free when it is released. */
    @Test
    void cancelledWaiterLeavesTheLockFree() {
        now(lock, A, LockState.ACQUIRE);
        call(lock, B, LockState.ACQUIRE).cancel(false);
        now(lock, A, LockState.RELEASE);
        assertThat(now(lock, C, LockState.IS_LOCKED)).isEqualTo(false);
    }

    /** A timeout that loses the race with a grant changes nothing: the waiter holds the lock. */
    @Test
    void timeoutAfterTheGrantIsIgnored() {
        now(lock, A, LockState.ACQUIRE);
        CompletableFuture<Object> b = call(lock, B, LockState.ACQUIRE);
        now(lock, A, LockState.RELEASE);
        assertThat(timeOut(b)).isFalse();
        assertThat(b).isCompletedWithValue(true);
        assertThat(now(lock, C, LockState.TRY_ACQUIRE)).isEqualTo(false);
    }

    /** When the process that took the lock ends, the lock goes to the next waiter. */
    @Test
    void endOfTheHoldingProcessReleasesTheLock() {
        now(lock, A, LockState.ACQUIRE);
        CompletableFuture<Object> b = call(lock, B, LockState.ACQUIRE);
        lock.processEnded(A.process());
        assertThat(b).isCompletedWithValue(true);

        lock.processEnded(B.process());
        assertThat(now(lock, C, LockState.IS_LOCKED)).isEqualTo(false);
    }

    /** An ended process stops waiting and is never granted the lock. */
    @Test
    void endOfAWaitingProcessForgetsItsWaits() {
        now(lock, A, LockState.ACQUIRE);
        CompletableFuture<Object> b = call(lock, B, LockState.ACQUIRE);
        CompletableFuture<Object> c = call(lock, C, LockState.ACQUIRE);
        lock.processEnded(B.process());
        assertThat(b).isCancelled();

        now(lock, A, LockState.RELEASE);
        assertThat(c).isCompletedWithValue(true);
    }

    /** The end of a process that released the lock it took does not release it again. */
    @Test
    void endOfAProcessThatNoLongerHoldsChangesNothing() {
        now(lock, A, LockState.ACQUIRE);
        now(lock, B, LockState.RELEASE);
        now(lock, C, LockState.ACQUIRE);
        lock.processEnded(A.process());
        assertThat(now(lock, B, LockState.IS_LOCKED)).isEqualTo(true);
    }

    /** An operation the lock does not have fails. */
    @Test
    void unknownOperationFails() {
        assertThatThrownBy(() -> call(lock, A, "frobnicate").join()).hasCauseInstanceOf(
                UnsupportedOperationException.class).hasMessageContaining("frobnicate");
    }
}
