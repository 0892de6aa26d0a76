package io.multiproc4j.processbuilder.internal.broker;

import static io.multiproc4j.processbuilder.internal.broker.LockTesting.A;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.B;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.C;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.call;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.now;
import static io.multiproc4j.processbuilder.internal.broker.LockTesting.timeOut;
import static io.multiproc4j.processbuilder.internal.broker.SemaphoreState.ACQUIRE;
import static io.multiproc4j.processbuilder.internal.broker.SemaphoreState.AVAILABLE;
import static io.multiproc4j.processbuilder.internal.broker.SemaphoreState.RELEASE;
import static io.multiproc4j.processbuilder.internal.broker.SemaphoreState.TRY_ACQUIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The host side of a semaphore shared by processes. */
class SemaphoreStateTest {

    /** Each acquire takes a permit; with none left, acquire waits and tryAcquire fails. */
    @Test
    void acquireTakesPermitsUntilNoneIsLeft() {
        SemaphoreState s = new SemaphoreState(2, false);
        assertThat(now(s, A, ACQUIRE)).isEqualTo(true);
        assertThat(now(s, B, TRY_ACQUIRE)).isEqualTo(true);
        assertThat(now(s, A, AVAILABLE)).isEqualTo(0);
        assertThat(now(s, C, TRY_ACQUIRE)).isEqualTo(false);
        assertThat(call(s, C, ACQUIRE)).isNotDone();
    }

    /** A release hands its permit to the oldest waiter, passing over one that timed out. */
    @Test
    void releaseWakesTheOldestLiveWaiter() {
        SemaphoreState s = new SemaphoreState(0, false);
        CompletableFuture<Object> a = call(s, A, ACQUIRE);
        CompletableFuture<Object> b = call(s, B, ACQUIRE);
        CompletableFuture<Object> c = call(s, C, ACQUIRE);
        timeOut(a);
        now(s, C, RELEASE);
        assertThat(b).isCompletedWithValue(true);
        assertThat(c).isNotDone();
        assertThat(now(s, A, AVAILABLE)).isEqualTo(0);
    }

    /** A plain semaphore counts past its initial value. */
    @Test
    void plainSemaphoreIsNotBounded() {
        SemaphoreState s = new SemaphoreState(1, false);
        now(s, A, RELEASE);
        now(s, A, RELEASE);
        assertThat(now(s, A, AVAILABLE)).isEqualTo(3);
    }

    /** A bounded semaphore refuses a release past its initial count, as Python's does. */
    @Test
    void boundedSemaphoreRefusesTooManyReleases() {
        SemaphoreState s = new SemaphoreState(1, true);
        now(s, A, ACQUIRE);
        now(s, B, RELEASE);
        assertThatThrownBy(() -> call(s, B, RELEASE).join()).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released too many times");
        assertThat(now(s, A, AVAILABLE)).isEqualTo(1);
    }

    /** A process that ends keeps the permits it took, and stops waiting. */
    @Test
    void endedProcessKeepsItsPermits() {
        SemaphoreState s = new SemaphoreState(1, false);
        now(s, A, ACQUIRE);
        CompletableFuture<Object> a = call(s, A, ACQUIRE);
        CompletableFuture<Object> b = call(s, B, ACQUIRE);
        s.processEnded(A.process());
        assertThat(a).isCancelled();
        assertThat(now(s, C, AVAILABLE)).isEqualTo(0);
        now(s, C, RELEASE);
        assertThat(b).isCompletedWithValue(true);
    }
}
