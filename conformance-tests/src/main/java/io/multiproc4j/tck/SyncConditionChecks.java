package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpCondition;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rules COND: conditions shared by processes. */
abstract class SyncConditionChecks extends SyncSemaphoreEventChecks {

    SyncConditionChecks(String providerId) {
        super(providerId);
    }

    /** COND-01: waiting or signalling needs the lock; a negative count is refused. */
    @Test
    void required_cond01_waitingOrSignallingWithoutTheLockIsRefused() {
        MpCondition c = mp.newCondition();
        assertThatThrownBy(() -> c.await(TIMEOUT)).as("await(timeout) without the lock")
                .isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(c::await).as("await() without the lock").isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(c::signal).as("signal() without the lock").isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(c::signalAll).as("signalAll() without the lock")
                .isInstanceOf(IllegalMonitorStateException.class);
        c.lock();
        try {
            assertThatThrownBy(() -> c.signal(-1)).as("signal(-1)").isInstanceOf(IllegalArgumentException.class);
        } finally {
            c.unlock();
        }
    }

    /** COND-02: an unsignalled timed wait runs out and gives the lock back at the same hold count. */
    @Test
    void required_cond02_timedWaitRunsOutAndRetakesTheLockAtItsHoldCount() throws Exception {
        MpCondition c = mp.newCondition();
        c.lock();
        c.lock();
        try {
            long t0 = System.nanoTime();
            assertThat(c.await(TIMEOUT)).as("await(%s) without a signal", TIMEOUT).isFalse();
            assertWaitedAtLeast(t0, TIMEOUT, "await(timeout)");
            assertThat(c.holdCount()).as("hold count after await(timeout)").isEqualTo(2);
            for (Duration d : NOT_POSITIVE) {
                t0 = System.nanoTime();
                assertThat(c.await(d)).as("await(%s) without a signal", d).isFalse();
                assertAtOnce(t0, "await(" + d + ")");
                assertThat(c.holdCount()).as("hold count after await(%s)", d).isEqualTo(2);
            }
            assertThat(c.isHeldByCurrentThread()).isTrue();
        } finally {
            c.unlock();
            c.unlock();
        }
        assertThat(c.isLocked()).isFalse();
    }

    /**
     * Starts {@code n} children that each wait on {@code c} and then report whether they were signalled, and returns
     * once all of them are waiting: each reports "waiting" while it holds the lock, which only its await releases.
     */
    final void childrenWaitingOn(MpCondition c, int n) {
        String dir = ex.path();
        for (int i = 0; i < n; i++) {
            String key = "waiter-" + i;
            child(() -> {
                c.lock();
                try {
                    Exchange.put(dir, key + ".waiting", "yes");
                    Exchange.put(dir, key + ".woke", Boolean.toString(c.await(TckEnvironment.LONG)));
                } finally {
                    c.unlock();
                }
            });
        }
        for (int i = 0; i < n; i++) {
            ex.await("waiter-" + i + ".waiting");
        }
        c.lock();
        c.unlock();
    }

    private long woken(int n) {
        return IntStream.range(0, n).filter(i -> ex.peek("waiter-" + i + ".woke").isPresent()).count();
    }

    /** COND-03: signal(n) wakes exactly n waiters and is not remembered for later ones. */
    @Test
    void required_cond03_signalWakesExactlyThatManyWaitersAndIsNotRemembered() throws Exception {
        MpCondition c = mp.newCondition();
        childrenWaitingOn(c, 3);
        c.lock();
        c.signal(2);
        c.unlock();
        await("two of three waiters woken by signal(2)").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(5)).until(() -> woken(3) >= 2);
        await("no third waiter woken by signal(2)").during(STILL_BLOCKED).atMost(STILL_BLOCKED.multipliedBy(3))
                .pollInterval(Duration.ofMillis(10)).until(() -> woken(3) == 2);
        c.lock();
        c.signal(5);
        c.unlock();
        await("the last waiter woken by signal(5)").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(5)).until(() -> woken(3) == 3);
        for (int i = 0; i < 3; i++) {
            assertThat(ex.peek("waiter-" + i + ".woke")).as("await in child %s", i).hasValue("true");
        }
        c.lock();
        try {
            assertThat(c.await(TIMEOUT)).as("await after signals sent to no one").isFalse();
        } finally {
            c.unlock();
        }
    }

    /** COND-04: signalAll wakes every waiter in every process. */
    @Test
    void required_cond04_signalAllWakesEveryWaiterInEveryProcess() throws Throwable {
        MpCondition c = mp.newCondition();
        childrenWaitingOn(c, 2);
        Future<Boolean> parent = inThread(() -> {
            c.lock();
            try {
                ex.put("parent.waiting", "yes");
                return c.await(TckEnvironment.LONG);
            } finally {
                c.unlock();
            }
        });
        ex.await("parent.waiting");
        c.lock();
        c.signalAll();
        c.unlock();
        assertThat(promptly(parent, "the parent thread's await after signalAll")).isTrue();
        for (int i = 0; i < 2; i++) {
            assertThat(promptEntry("waiter-" + i + ".woke")).as("await in child %s", i).isEqualTo("true");
        }
    }

    /** COND-05: waitFor returns once another process makes the predicate true, and runs out otherwise. */
    @Test
    void required_cond05_waitForReturnsWhenAnotherProcessMakesThePredicateTrue() throws Exception {
        String dir = ex.path();
        MpCondition c = mp.newCondition();
        MpProcess p = child(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            c.lock();
            try {
                Exchange.put(dir, "state", "4");
                c.signalAll();
            } finally {
                c.unlock();
            }
        });
        ex.await("ready");
        Path state = Path.of(dir, "state");
        c.lock();
        try {
            ex.put("go", "now");
            long t0 = System.nanoTime();
            assertThat(c.waitFor(() -> Files.exists(state), TckEnvironment.LONG))
                    .as("waitFor a state a child makes true").isTrue();
            assertThat(millisSince(t0)).as("milliseconds waitFor took").isLessThan(TckEnvironment.PROMPT.toMillis());
            t0 = System.nanoTime();
            assertThat(c.waitFor(() -> false, TIMEOUT)).as("waitFor a state that never comes").isFalse();
            assertWaitedAtLeast(t0, TIMEOUT, "waitFor(never, timeout)");
            assertThat(c.holdCount()).isEqualTo(1);
        } finally {
            c.unlock();
        }
        assertEndsNormally(p);
    }

    /** COND-06: a signal is not lost to a waiter that was killed. */
    @Test
    void required_cond06_signalIsNotLostToAKilledWaiter() throws Throwable {
        MpCondition c = mp.newCondition();
        String dir = ex.path();
        MpProcess doomed = child(() -> {
            c.lock();
            Exchange.put(dir, "doomed.waiting", "yes");
            c.await(TckEnvironment.OUTLIVES_TEST);
        });
        ex.await("doomed.waiting");
        c.lock();
        c.unlock();
        doomed.kill();
        awaitExitCode(doomed);
        Future<Boolean> live = inThread(() -> {
            c.lock();
            try {
                ex.put("live.waiting", "yes");
                return c.await(TckEnvironment.LONG);
            } finally {
                c.unlock();
            }
        });
        ex.await("live.waiting");
        c.lock();
        c.signal();
        c.unlock();
        assertThat(promptly(live, "a live waiter's await after signal(), the other waiter having been killed"))
                .isTrue();
    }

    /** COND-07: a condition over a given lock uses it; a lock from elsewhere is refused. */
    @Test
    void required_cond07_conditionUsesTheLockItWasCreatedOver() throws Exception {
        MpReentrantLock lock = mp.newReentrantLock();
        MpCondition c = mp.newCondition(lock);
        lock.lock();
        try {
            assertThat(c.isHeldByCurrentThread()).as("condition held once its lock is taken").isTrue();
            assertThat(c.holdCount()).isEqualTo(1);
            assertThat(c.await(Duration.ZERO)).as("await(0) holding only the lock").isFalse();
        } finally {
            lock.unlock();
        }
        assertThat(c.isLocked()).isFalse();
        c.lock();
        try {
            assertThat(lock.isHeldByCurrentThread()).as("lock held once the condition is locked").isTrue();
        } finally {
            c.unlock();
        }
        assertThatThrownBy(() -> mp.newCondition(new ForeignLock())).as("a condition over a lock from elsewhere")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A reentrant lock that no context created. */
    static final class ForeignLock implements MpReentrantLock {
        @Override
        public int holdCount() {
            return 0;
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return false;
        }

        @Override
        public boolean tryLock(Duration timeout) {
            return true;
        }

        @Override
        public boolean isLocked() {
            return false;
        }

        @Override
        public void lock() {
        }

        @Override
        public void lockInterruptibly() {
        }

        @Override
        public boolean tryLock() {
            return true;
        }

        @Override
        public void unlock() {
        }
    }
}
