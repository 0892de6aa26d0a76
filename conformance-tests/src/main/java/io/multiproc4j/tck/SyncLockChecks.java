package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpLock;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.SharedInt;
import io.multiproc4j.tck.support.Contention;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rules LOCK and RLOCK: locks and reentrant locks shared by processes. */
abstract class SyncLockChecks extends IpcChecksBase {

    SyncLockChecks(String providerId) {
        super(providerId);
    }

    /** LOCK-01: tryLock takes a free lock once; isLocked follows. */
    @Test
    void required_lock01_tryLockTakesAFreeLockOnlyOnce() {
        MpLock lock = mp.newLock();
        assertThat(lock.isLocked()).as("a new lock is locked").isFalse();
        assertThat(lock.tryLock()).as("tryLock of a free lock").isTrue();
        assertThat(lock.isLocked()).as("locked after tryLock").isTrue();
        assertThat(lock.tryLock()).as("tryLock of a held lock").isFalse();
        lock.unlock();
        assertThat(lock.isLocked()).as("locked after unlock").isFalse();
        assertThat(lock.tryLock()).as("tryLock after unlock").isTrue();
        lock.unlock();
    }

    /** LOCK-02: unlocking a free lock is refused. */
    @Test
    void required_lock02_unlockOfAFreeLockIsRefused() {
        MpLock lock = mp.newLock();
        assertThatThrownBy(lock::unlock).as("unlock of a new lock").isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        lock.unlock();
        assertThatThrownBy(lock::unlock).as("a second unlock").isInstanceOf(IllegalMonitorStateException.class);
    }

    /** LOCK-03: a lock held by a child excludes the parent until the child unlocks it. */
    @Test
    void required_lock03_lockHeldByAChildExcludesTheParent() {
        String dir = ex.path();
        MpLock lock = mp.newLock();
        MpProcess c = child(() -> holdUntilReleased(dir, lock));
        ex.await("held");
        assertThat(lock.isLocked()).as("isLocked in the parent while the child holds it").isTrue();
        assertThat(lock.tryLock()).as("tryLock in the parent while the child holds it").isFalse();
        ex.put("release", "now");
        ex.await("released");
        assertThat(lock.tryLock()).as("tryLock in the parent once the child unlocked it").isTrue();
        lock.unlock();
        assertEndsNormally(c);
    }

    /** The body of a child that takes {@code lock}, reports it and unlocks it when told to. */
    static void holdUntilReleased(String dir, MpLock lock) {
        lock.lock();
        Exchange.put(dir, "held", "yes");
        Exchange.awaitEntry(dir, "release");
        lock.unlock();
        Exchange.put(dir, "released", "yes");
    }

    /** LOCK-04: the lock makes a non-atomic increment by contending siblings exact. */
    @Test
    void required_lock04_counterIncrementedUnderTheLockBySiblingsEndsExact() {
        MpLock lock = mp.newLock();
        SharedInt counter = mp.raw().newSharedInt(0);
        Contention.Result r = Contention.run(mp, ex, () -> {
            lock.lock();
            try {
                int v = counter.get();
                Thread.yield();
                counter.set(v + 1);
            } finally {
                lock.unlock();
            }
        });
        assertThat((long) counter.get()).as("counter after %s increments under the lock by %s processes (%s each)",
                r.steps(), Contention.PROCESSES, r.perProcess()).isEqualTo(r.steps());
    }

    /** LOCK-05: another process may unlock. */
    @Test
    void required_lock05_anotherProcessMayUnlock() {
        String dir = ex.path();
        MpLock lock = mp.newLock();
        lock.lock();
        MpProcess c = child(() -> {
            lock.unlock();
            Exchange.put(dir, "unlocked", "yes");
        });
        ex.await("unlocked");
        assertEndsNormally(c);
        assertThat(lock.isLocked()).as("locked after a child unlocked it").isFalse();
        assertThat(lock.tryLock()).as("tryLock after a child unlocked it").isTrue();
        lock.unlock();
    }

    /** LOCK-06: timed tryLock waits at least its timeout; zero or negative does not wait. */
    @Test
    void required_lock06_timedTryLockWaitsAtLeastItsTimeoutAndNotAtAllWhenNotPositive() throws Exception {
        String dir = ex.path();
        MpLock lock = mp.newLock();
        MpProcess c = child(() -> holdUntilReleased(dir, lock));
        ex.await("held");
        long t0 = System.nanoTime();
        assertThat(lock.tryLock(TIMEOUT)).as("tryLock(%s) of a lock a child holds", TIMEOUT).isFalse();
        assertWaitedAtLeast(t0, TIMEOUT, "tryLock(timeout)");
        for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(-1))) {
            t0 = System.nanoTime();
            assertThat(lock.tryLock(d)).as("tryLock(%s) of a lock a child holds", d).isFalse();
            assertAtOnce(t0, "tryLock(" + d + ")");
        }
        ex.put("release", "now");
        assertEndsNormally(c);
    }

    /** LOCK-07: lock() blocks while another process holds the lock, and returns once it unlocks. */
    @Test
    void required_lock07_blockedLockReturnsPromptlyOnceTheHolderUnlocks() throws Throwable {
        String dir = ex.path();
        MpLock lock = mp.newLock();
        MpProcess c = child(() -> holdUntilReleased(dir, lock));
        ex.await("held");
        Future<Boolean> waiter = inThread(() -> {
            lock.lock();
            return true;
        });
        assertStillBlocked(waiter, "lock() of a lock a child holds");
        ex.put("release", "now");
        assertThat(promptly(waiter, "lock() after the child unlocked")).isTrue();
        lock.unlock();
        assertEndsNormally(c);
    }

    /** LOCK-08: a lock held by a killed process is released (Python's stays locked: W-06). */
    @Test
    void required_lock08_lockOfAKilledHolderIsReleased() throws Throwable {
        String dir = ex.path();
        MpLock lock = mp.newLock();
        MpProcess c = child(() -> {
            lock.lock();
            Exchange.put(dir, "held", "yes");
            Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        });
        ex.await("held");
        assertThat(lock.tryLock()).as("tryLock while the child holds it").isFalse();
        Future<Boolean> waiter = inThread(() -> lock.tryLock(TckEnvironment.LONG));
        c.kill();
        assertThat(promptly(waiter, "tryLock(LONG) once the holder was killed")).isTrue();
        lock.unlock();
    }

    /** LOCK-09: an interrupted wait throws InterruptedException and takes nothing. */
    @Test
    void required_lock09_interruptedWaitThrowsAndDoesNotTakeTheLock() throws Throwable {
        MpLock lock = mp.newLock();
        lock.lock();
        for (String form : List.of("tryLock(timeout)", "lockInterruptibly()")) {
            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<String> waiter = inThread(() -> {
                thread.set(Thread.currentThread());
                try {
                    if (form.startsWith("tryLock")) {
                        return "returned " + lock.tryLock(TckEnvironment.LONG);
                    }
                    lock.lockInterruptibly();
                    return "acquired";
                } catch (InterruptedException e) {
                    return "interrupted";
                }
            });
            assertStillBlocked(waiter, form + " of a held lock");
            thread.get().interrupt();
            assertThat(promptly(waiter, form + " interrupted")).as("outcome of an interrupted %s", form)
                    .isEqualTo("interrupted");
        }
        lock.unlock();
        assertThat(lock.isLocked()).as("locked after its holder unlocked it, the waiters having been interrupted")
                .isFalse();
    }

    /** LOCK-10: a grandchild shares the lock. */
    @Test
    void required_lock10_grandchildSharesTheLock() {
        String dir = ex.path();
        String id = providerId;
        MpLock lock = mp.newLock();
        lock.lock();
        MpProcess c = child(() -> Multiprocessing.context(id).newProcess(() -> {
            Exchange.put(dir, "first", Boolean.toString(lock.tryLock()));
            Exchange.awaitEntry(dir, "go");
            boolean got = lock.tryLock(TckEnvironment.LONG);
            if (got) {
                lock.unlock();
            }
            Exchange.put(dir, "second", Boolean.toString(got));
        }).start().join());
        assertThat(ex.await("first")).as("tryLock in the grandchild while the parent holds the lock")
                .isEqualTo("false");
        lock.unlock();
        ex.put("go", "now");
        assertThat(ex.await("second")).as("tryLock in the grandchild once the parent unlocked").isEqualTo("true");
        assertEndsNormally(c);
    }

    /** LOCK-11: synchronisation objects cannot be serialised except by capture. */
    @Test
    void required_lock11_syncObjectsAreSerialisableOnlyByCapture() {
        List<Object> objects = List.of(mp.newLock(), mp.newReentrantLock(), mp.newSemaphore(1),
                mp.newBoundedSemaphore(1), mp.newEvent(), mp.newCondition(), mp.newBarrier(2));
        for (Object o : objects) {
            assertThatThrownBy(() -> {
                try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                    out.writeObject(o);
                }
            }).as("serialising %s outside a task", o.getClass().getName())
                    .isInstanceOf(NotSerializableException.class);
        }
    }

    /** RLOCK-01: reentrant holds are counted. */
    @Test
    void required_rlock01_holdsAreCountedAndReleasedOneByOne() {
        MpReentrantLock lock = mp.newReentrantLock();
        assertThat(lock.holdCount()).isZero();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        lock.lock();
        lock.lock();
        assertThat(lock.tryLock()).as("tryLock by the holder").isTrue();
        assertThat(lock.holdCount()).as("hold count after three locks").isEqualTo(3);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
        lock.unlock();
        assertThat(lock.holdCount()).as("hold count after three locks and two unlocks").isEqualTo(1);
        assertThat(lock.isLocked()).as("locked with one hold left").isTrue();
        lock.unlock();
        assertThat(lock.holdCount()).isZero();
        assertThat(lock.isLocked()).as("locked after as many unlocks as locks").isFalse();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    /** RLOCK-02: only the holder may unlock. */
    @Test
    void required_rlock02_onlyTheHolderMayUnlock() throws Throwable {
        String dir = ex.path();
        MpReentrantLock lock = mp.newReentrantLock();
        assertThatThrownBy(lock::unlock).as("unlock of a free reentrant lock")
                .isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        Future<String> otherThread = inThread(() -> unlockOutcome(lock));
        assertThat(promptly(otherThread, "unlock by another thread")).as("unlock by another thread of the holder's"
                + " process").isEqualTo("refused");
        MpProcess c = child(() -> Exchange.put(dir, "outcome", unlockOutcome(lock)));
        assertThat(ex.await("outcome")).as("unlock by a thread of another process").isEqualTo("refused");
        assertEndsNormally(c);
        assertThat(lock.isHeldByCurrentThread()).as("still held by its holder").isTrue();
        assertThat(lock.holdCount()).isEqualTo(1);
        lock.unlock();
    }

    static String unlockOutcome(MpReentrantLock lock) {
        try {
            lock.unlock();
            return "unlocked";
        } catch (IllegalMonitorStateException e) {
            return "refused";
        }
    }

    /** RLOCK-03: a held reentrant lock excludes other threads, here and in other processes. */
    @Test
    void required_rlock03_heldReentrantLockExcludesOtherThreadsAndProcesses() throws Throwable {
        String dir = ex.path();
        MpReentrantLock lock = mp.newReentrantLock();
        lock.lock();
        lock.lock();
        Future<Boolean> otherThread = inThread(lock::tryLock);
        assertThat(promptly(otherThread, "tryLock by another thread")).as("tryLock by another thread").isFalse();
        MpProcess c = child(() -> Exchange.put(dir, "outcome", lock.tryLock() + " " + lock.isLocked()));
        assertThat(ex.await("outcome")).as("tryLock and isLocked in a child").isEqualTo("false true");
        assertEndsNormally(c);
        lock.unlock();
        lock.unlock();
    }

    /** RLOCK-04: the reentrant lock, taken twice, makes a non-atomic increment by contending siblings exact. */
    @Test
    void required_rlock04_counterIncrementedUnderAReentrantLockBySiblingsEndsExact() {
        MpReentrantLock lock = mp.newReentrantLock();
        SharedInt counter = mp.raw().newSharedInt(0);
        Contention.Result r = Contention.run(mp, ex, () -> {
            lock.lock();
            lock.lock();
            try {
                int v = counter.get();
                Thread.yield();
                counter.set(v + 1);
            } finally {
                lock.unlock();
                lock.unlock();
            }
        });
        assertThat((long) counter.get()).as("counter after %s increments under the lock by %s processes (%s each)",
                r.steps(), Contention.PROCESSES, r.perProcess()).isEqualTo(r.steps());
    }

    /** RLOCK-05: a reentrant lock held several times over by a killed process is released. */
    @Test
    void required_rlock05_reentrantLockOfAKilledHolderIsReleased() throws Throwable {
        String dir = ex.path();
        MpReentrantLock lock = mp.newReentrantLock();
        MpProcess c = child(() -> {
            lock.lock();
            lock.lock();
            lock.lock();
            Exchange.put(dir, "held", "yes");
            Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        });
        ex.await("held");
        assertThat(lock.tryLock()).as("tryLock while the child holds it").isFalse();
        c.kill();
        long t0 = System.nanoTime();
        assertThat(lock.tryLock(TckEnvironment.LONG)).as("tryLock(LONG) once the holder was killed").isTrue();
        assertThat(millisSince(t0)).as("milliseconds until the lock of the killed holder was free")
                .isLessThan(TckEnvironment.PROMPT.toMillis());
        assertThat(lock.holdCount()).isEqualTo(1);
        lock.unlock();
    }
}
