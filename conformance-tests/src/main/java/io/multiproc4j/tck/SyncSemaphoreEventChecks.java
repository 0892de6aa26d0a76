package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpEvent;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rules SEM and EVT: semaphores and events shared by processes. */
abstract class SyncSemaphoreEventChecks extends SyncLockChecks {

    /** Zero and negative timeouts, which must all mean "do not wait". */
    static final List<Duration> NOT_POSITIVE = List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(-1));

    SyncSemaphoreEventChecks(String providerId) {
        super(providerId);
    }

    /** SEM-01: permits are counted; a plain semaphore has no bound. */
    @Test
    void required_sem01_permitsAreCountedAndAPlainSemaphoreHasNoBound() throws Exception {
        MpSemaphore s = mp.newSemaphore(2);
        assertThat(s.bound()).as("bound of a plain semaphore").isEmpty();
        assertThat(s.availablePermits()).isEqualTo(2);
        s.acquire();
        assertThat(s.availablePermits()).as("permits after one acquire").isEqualTo(1);
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.availablePermits()).as("permits after two acquires").isZero();
        assertThat(s.tryAcquire()).as("tryAcquire with no permit").isFalse();
        assertThat(s.availablePermits()).isZero();
        s.release();
        s.release();
        assertThat(s.availablePermits()).as("permits after two releases").isEqualTo(2);
        s.release();
        assertThat(s.availablePermits()).as("permits after a release past the initial count").isEqualTo(3);
    }

    /** SEM-02: a bounded semaphore refuses a release past its bound. */
    @Test
    void required_sem02_boundedSemaphoreRefusesAReleasePastItsBound() {
        MpSemaphore s = mp.newBoundedSemaphore(2);
        assertThat(s.bound()).as("bound of a bounded semaphore").isEqualTo(OptionalInt.of(2));
        assertThat(s.tryAcquire()).isTrue();
        s.release();
        assertThat(s.availablePermits()).isEqualTo(2);
        assertThatThrownBy(s::release).as("release of a bounded semaphore at its bound")
                .isInstanceOf(IllegalStateException.class);
        assertThat(s.availablePermits()).as("permits after a refused release").isEqualTo(2);
    }

    /** SEM-03: negative permits are refused; zero is fine. */
    @Test
    void required_sem03_negativePermitsAreRefusedAndZeroIsAllowed() {
        assertThatThrownBy(() -> mp.newSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mp.newBoundedSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
        for (MpSemaphore s : List.of(mp.newSemaphore(0), mp.newBoundedSemaphore(0))) {
            assertThat(s.availablePermits()).as("permits of a semaphore created with none").isZero();
            assertThat(s.tryAcquire()).as("tryAcquire of a semaphore created with none").isFalse();
        }
    }

    /** SEM-04: timed tryAcquire waits at least its timeout; zero or negative does not wait. */
    @Test
    void required_sem04_timedTryAcquireWaitsAtLeastItsTimeoutAndNotAtAllWhenNotPositive() throws Exception {
        MpSemaphore s = mp.newSemaphore(0);
        long t0 = System.nanoTime();
        assertThat(s.tryAcquire(TIMEOUT)).as("tryAcquire(%s) with no permit", TIMEOUT).isFalse();
        assertWaitedAtLeast(t0, TIMEOUT, "tryAcquire(timeout)");
        for (Duration d : NOT_POSITIVE) {
            t0 = System.nanoTime();
            assertThat(s.tryAcquire(d)).as("tryAcquire(%s) with no permit", d).isFalse();
            assertAtOnce(t0, "tryAcquire(" + d + ")");
        }
    }

    /** SEM-05: acquire blocks until another process releases. */
    @Test
    void required_sem05_blockedAcquireReturnsPromptlyOnceAnotherProcessReleases() throws Throwable {
        String dir = ex.path();
        MpSemaphore s = mp.newSemaphore(0);
        Future<Boolean> waiter = inThread(() -> {
            s.acquire();
            return true;
        });
        MpProcess c = child(() -> {
            Exchange.awaitEntry(dir, "go");
            s.release();
        });
        assertStillBlocked(waiter, "acquire() with no permit");
        ex.put("go", "now");
        assertThat(promptly(waiter, "acquire() once a child released")).isTrue();
        assertEndsNormally(c);
        assertThat(s.availablePermits()).isZero();
    }

    /** SEM-06: permits taken by a process that ends are not given back. */
    @Test
    void required_sem06_permitsTakenByAnEndedProcessAreNotGivenBack() {
        String dir = ex.path();
        MpSemaphore s = mp.newSemaphore(1);
        MpProcess c = child(() -> Exchange.put(dir, "took", Boolean.toString(s.tryAcquire())));
        assertThat(ex.await("took")).as("tryAcquire in the child").isEqualTo("true");
        assertEndsNormally(c);
        assertThat(s.availablePermits()).as("permits after the child that took the only one ended").isZero();
        assertThat(s.tryAcquire()).isFalse();
    }

    /** EVT-01: a new event is unset; timed waits wait at least their timeout, or not at all. */
    @Test
    void required_evt01_newEventIsUnsetAndTimedWaitsRunOut() throws Exception {
        MpEvent e = mp.newEvent();
        assertThat(e.isSet()).as("a new event is set").isFalse();
        long t0 = System.nanoTime();
        assertThat(e.await(TIMEOUT)).as("await(%s) of an unset event", TIMEOUT).isFalse();
        assertWaitedAtLeast(t0, TIMEOUT, "await(timeout)");
        for (Duration d : NOT_POSITIVE) {
            t0 = System.nanoTime();
            assertThat(e.await(d)).as("await(%s) of an unset event", d).isFalse();
            assertAtOnce(t0, "await(" + d + ")");
        }
    }

    /** EVT-02: a set event lets every wait through at once until cleared. */
    @Test
    void required_evt02_setEventLetsEveryWaitThroughUntilCleared() throws Throwable {
        MpEvent e = mp.newEvent();
        e.set();
        assertThat(e.isSet()).isTrue();
        long t0 = System.nanoTime();
        promptly(inThread(() -> {
            e.await();
            return true;
        }), "await() of a set event");
        assertAtOnce(t0, "await() of a set event");
        for (Duration d : List.of(TckEnvironment.LONG, Duration.ZERO, Duration.ofMillis(-1))) {
            t0 = System.nanoTime();
            assertThat(e.await(d)).as("await(%s) of a set event", d).isTrue();
            assertAtOnce(t0, "await(" + d + ") of a set event");
        }
        e.set();
        assertThat(e.isSet()).as("set twice").isTrue();
        e.clear();
        assertThat(e.isSet()).as("set after clear").isFalse();
        assertThat(e.await(Duration.ZERO)).as("await(0) after clear").isFalse();
    }

    /** EVT-03: set in one process wakes the waiters in every process. */
    @Test
    void required_evt03_setWakesEveryWaiterInEveryProcess() throws Throwable {
        String dir = ex.path();
        MpEvent e = mp.newEvent();
        for (int i = 0; i < 2; i++) {
            String key = "waiter-" + i;
            child(() -> {
                Exchange.put(dir, key + ".ready", "yes");
                Exchange.put(dir, key + ".woke", Boolean.toString(e.await(TckEnvironment.LONG)));
            });
        }
        MpProcess setter = child(() -> {
            Exchange.awaitEntry(dir, "go");
            e.set();
        });
        Future<Boolean> parent = inThread(() -> e.await(TckEnvironment.LONG));
        ex.await("waiter-0.ready");
        ex.await("waiter-1.ready");
        assertStillBlocked(parent, "await() of an event no one has set");
        ex.put("go", "now");
        assertThat(promptly(parent, "the parent's await once a sibling set the event")).isTrue();
        for (int i = 0; i < 2; i++) {
            assertThat(promptEntry("waiter-" + i + ".woke")).as("await in waiting child %s", i).isEqualTo("true");
        }
        assertEndsNormally(setter);
    }
}
