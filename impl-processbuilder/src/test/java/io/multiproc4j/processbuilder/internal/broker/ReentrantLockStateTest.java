package io.multiproc4j.processbuilder.internal.broker;

import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A2;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.B;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.C;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.D;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.call;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.now;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.timeOut;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.ACQUIRE;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.AWAIT;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.HOLD_COUNT;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.IS_LOCKED;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.REACQUIRE;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.RELEASE;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.SIGNAL;
import static io.multiproc4j.processbuilder.internal.broker.ReentrantLockState.TRY_ACQUIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The host side of a reentrant lock shared by processes, and of the conditions over it. */
class ReentrantLockStateTest {

    private final ReentrantLockState lock = new ReentrantLockState();

    private void lockTimes(Hosted.Caller caller, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(now(lock, caller, ACQUIRE)).isEqualTo(true);
        }
    }

    private int holdCount(Hosted.Caller caller) {
        return (Integer) now(lock, caller, HOLD_COUNT);
    }

    private static void assertFailsWith(CompletableFuture<Object> f, Class<? extends Throwable> type) {
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).hasCauseInstanceOf(type);
    }

    /** The holding thread may lock again and must unlock as many times before another thread gets the lock. */
    @Test
    void holderLocksAgainAndUnlocksAsManyTimes() {
        lockTimes(A, 3);
        assertThat(holdCount(A)).isEqualTo(3);
        CompletableFuture<Object> b = call(lock, B, ACQUIRE);

        now(lock, A, RELEASE);
        now(lock, A, RELEASE);
        assertThat(b).isNotDone();
        now(lock, A, RELEASE);
        assertThat(b).isCompletedWithValue(true);
        assertThat(holdCount(B)).isEqualTo(1);
        assertThat(holdCount(A)).isZero();
    }

    /** The owner is a thread: another thread of the same process is a different owner. */
    @Test
    void ownerIsAThreadOfAProcess() {
        lockTimes(A, 1);
        assertThat(now(lock, A2, TRY_ACQUIRE)).isEqualTo(false);
        assertFailsWith(call(lock, A2, RELEASE), IllegalMonitorStateException.class);
        assertFailsWith(call(lock, B, RELEASE), IllegalMonitorStateException.class);
        assertThat(holdCount(A)).isEqualTo(1);
    }

    /** When the owner's process ends, the lock is released whatever its hold count. */
    @Test
    void endOfTheOwnerProcessReleasesAllHolds() {
        lockTimes(A, 3);
        CompletableFuture<Object> b = call(lock, B, ACQUIRE);
        lock.processEnded(A.process());
        assertThat(b).isCompletedWithValue(true);
        assertThat(holdCount(B)).isEqualTo(1);

        lock.processEnded(B.process());
        assertThat(now(lock, C, IS_LOCKED)).isEqualTo(false);
    }

    /** A timed-out lock waiter is passed over. */
    @Test
    void timedOutWaiterIsPassedOver() {
        lockTimes(A, 1);
        CompletableFuture<Object> b = call(lock, B, ACQUIRE);
        CompletableFuture<Object> c = call(lock, C, ACQUIRE);
        timeOut(b);
        now(lock, A, RELEASE);
        assertThat(c).isCompletedWithValue(true);
    }

    @Nested
    class Conditions {

        private final long cond = (Long) now(lock, A, ReentrantLockState.NEW_CONDITION);

        /** Waiting requires holding the lock. */
        @Test
        void awaitWithoutTheLockThrowsIllegalMonitorState() {
            assertFailsWith(call(lock, A, AWAIT, cond), IllegalMonitorStateException.class);
            lockTimes(B, 1);
            assertFailsWith(call(lock, A, AWAIT, cond), IllegalMonitorStateException.class);
        }

        /** Signalling requires holding the lock, and a count that is not negative. */
        @Test
        void signalChecksTheCallerAndTheCount() {
            assertFailsWith(call(lock, A, SIGNAL, cond, 1), IllegalMonitorStateException.class);
            lockTimes(A, 1);
            assertFailsWith(call(lock, A, SIGNAL, cond, -1), IllegalArgumentException.class);
        }

        /** Await releases every hold; once signalled, the waiter gets the lock back at the same count. */
        @Test
        void awaitReleasesFullyAndRetakesAtTheSameCount() {
            lockTimes(A, 2);
            CompletableFuture<Object> waiting = call(lock, A, AWAIT, cond);
            assertThat(waiting).isNotDone();
            assertThat(now(lock, B, IS_LOCKED)).isEqualTo(false);

            lockTimes(B, 1);
            now(lock, B, SIGNAL, cond, 1);
            assertThat(waiting).as("the lock is still B's").isNotDone();
            now(lock, B, RELEASE);

            assertThat(waiting).isCompletedWithValue(true);
            assertThat(holdCount(A)).isEqualTo(2);
        }

        /** Releasing the lock and starting to wait are one step: the lock goes to the next lock waiter. */
        @Test
        void awaitHandsTheLockToTheNextWaiter() {
            lockTimes(A, 1);
            CompletableFuture<Object> b = call(lock, B, ACQUIRE);
            CompletableFuture<Object> waiting = call(lock, A, AWAIT, cond);
            assertThat(b).isCompletedWithValue(true);
            now(lock, B, SIGNAL, cond, 1);
            now(lock, B, RELEASE);
            assertThat(waiting).isCompletedWithValue(true);
        }

        /** signal(n) wakes at most n of the current waiters, oldest first, and no later one. */
        @Test
        void signalWakesAtMostNCurrentWaiters() {
            CompletableFuture<Object> a = awaitAs(A);
            CompletableFuture<Object> b = awaitAs(B);
            CompletableFuture<Object> c = awaitAs(C);

            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 2);
            now(lock, D, RELEASE);
            assertThat(a).isCompletedWithValue(true);
            now(lock, A, RELEASE);
            assertThat(b).isCompletedWithValue(true);
            now(lock, B, RELEASE);
            assertThat(c).isNotDone();
            assertThat(now(lock, D, IS_LOCKED)).isEqualTo(false);

            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 0);
            now(lock, D, RELEASE);
            assertThat(c).isNotDone();
        }

        /** A signal goes to a live waiter, not to one that timed out. */
        @Test
        void signalSkipsATimedOutWaiter() {
            CompletableFuture<Object> a = awaitAs(A);
            CompletableFuture<Object> b = awaitAs(B);
            timeOut(a);

            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 1);
            now(lock, D, RELEASE);
            assertThat(b).isCompletedWithValue(true);
        }

        /** A signal goes to a live waiter, not to one whose process ended. */
        @Test
        void signalSkipsAnEndedProcess() {
            CompletableFuture<Object> a = awaitAs(A);
            CompletableFuture<Object> b = awaitAs(B);
            lock.processEnded(A.process());
            assertThat(a).isCancelled();

            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 1);
            now(lock, D, RELEASE);
            assertThat(b).isCompletedWithValue(true);
        }

        /** After a timeout the waiter takes the lock back at its count, learning it was not signalled. */
        @Test
        void timedOutWaiterRetakesTheLockUnsignalled() {
            lockTimes(A, 3);
            CompletableFuture<Object> waiting = call(lock, A, AWAIT, cond);
            lockTimes(B, 1);
            timeOut(waiting);

            CompletableFuture<Object> back = call(lock, A, REACQUIRE, cond);
            assertThat(back).as("B holds the lock").isNotDone();
            now(lock, B, RELEASE);
            assertThat(back).isCompletedWithValue(false);
            assertThat(holdCount(A)).isEqualTo(3);
        }

        /** A timeout with the lock free retakes it at once (the zero-timeout case). */
        @Test
        void timedOutWaiterRetakesAFreeLockAtOnce() {
            lockTimes(A, 1);
            CompletableFuture<Object> waiting = call(lock, A, AWAIT, cond);
            timeOut(waiting);
            assertThat(now(lock, A, REACQUIRE, cond)).isEqualTo(false);
            assertThat(holdCount(A)).isEqualTo(1);
        }

        /** A waiter signalled, then timed out before it got the lock, keeps both the signal and its place. */
        @Test
        void signalIsNotLostToATimeoutThatFollowsIt() {
            CompletableFuture<Object> a = awaitAs(A);
            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 1);
            CompletableFuture<Object> b = call(lock, B, ACQUIRE);
            timeOut(a);

            CompletableFuture<Object> back = call(lock, A, REACQUIRE, cond);
            now(lock, D, RELEASE);
            assertThat(back).as("A is ahead of B").isCompletedWithValue(true);
            assertThat(b).isNotDone();
        }

        /** A signalled waiter whose timeout beat the grant is passed over, and still learns it was signalled. */
        @Test
        void signalIsNotLostWhenTheGrantLosesToATimeout() {
            CompletableFuture<Object> a = awaitAs(A);
            lockTimes(D, 1);
            now(lock, D, SIGNAL, cond, 1);
            timeOut(a);
            now(lock, D, RELEASE);
            assertThat(now(lock, C, IS_LOCKED)).isEqualTo(false);

            assertThat(now(lock, A, REACQUIRE, cond)).isEqualTo(true);
            assertThat(holdCount(A)).isEqualTo(1);
        }

        /** An interrupted wait (cancelled) also retakes the lock before the caller returns. */
        @Test
        void cancelledWaitRetakesTheLock() {
            CompletableFuture<Object> a = awaitAs(A);
            a.cancel(false);
            assertThat(now(lock, A, REACQUIRE, cond)).isEqualTo(false);
            assertThat(holdCount(A)).isEqualTo(1);
        }

        /** Resuming a wait that does not exist is refused. */
        @Test
        void reacquireWithoutAWaitFails() {
            assertFailsWith(call(lock, A, REACQUIRE, cond), IllegalStateException.class);
        }

        /** Conditions over one lock are independent. */
        @Test
        void conditionsAreIndependent() {
            long other = (Long) now(lock, A, ReentrantLockState.NEW_CONDITION);
            assertThat(other).isNotEqualTo(cond);
            CompletableFuture<Object> a = awaitAs(A);
            lockTimes(D, 1);
            now(lock, D, SIGNAL, other, Integer.MAX_VALUE);
            now(lock, D, RELEASE);
            assertThat(a).isNotDone();
        }

        private CompletableFuture<Object> awaitAs(Hosted.Caller caller) {
            lockTimes(caller, 1);
            CompletableFuture<Object> f = call(lock, caller, AWAIT, cond);
            assertThat(f).isNotDone();
            return f;
        }
    }
}
