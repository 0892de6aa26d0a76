package io.multiproc4j.nativeos.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.spi.Transfer;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The primitives within one JVM: several threads, and second handles made as a child process makes them (serialised
 * in a transfer, deserialised), which share the same memory as two processes would. A dead process is played by the
 * pid of one that has ended, written where a live one would be.
 */
class NativeSyncTest {

    private static final Duration SHORT = TckEnvironment.TICK;
    private static final long PROMPT_SECONDS = TckEnvironment.PROMPT.toSeconds();

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sync-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aLockExcludesEveryHandleAndAnyThreadMayUnlockIt() throws Exception {
        MpLock lock = NativeSync.newLock();
        MpLock other = copy(lock);
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.tryLock()).isTrue();
        assertThat(other.isLocked()).isTrue();
        assertThat(other.tryLock()).isFalse();
        assertThat(lock.tryLock()).as("a lock is not reentrant").isFalse();
        assertThat(call(() -> {
            other.unlock();
            return true;
        })).isTrue();
        assertThat(lock.isLocked()).isFalse();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(lock::newCondition).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void timedWaitsLastAtLeastTheirTimeoutAndNotPositiveOnesDoNotWait() throws Exception {
        MpLock lock = NativeSync.newLock();
        lock.lock();
        long t0 = System.nanoTime();
        assertThat(lock.tryLock(SHORT)).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());
        for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(-1_000_000))) {
            t0 = System.nanoTime();
            assertThat(lock.tryLock(d)).isFalse();
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
        }
        lock.unlock();
        assertThat(lock.tryLock(Duration.ofDays(1_000_000_000L))).as("a huge timeout").isTrue();
        lock.unlock();
    }

    @Test
    void aBlockedLockReturnsOnceUnlockedAndAnInterruptedOneTakesNothing() throws Exception {
        MpLock lock = NativeSync.newLock();
        lock.lock();
        Future<Boolean> waiter = threads.submit(() -> {
            lock.lock();
            return true;
        });
        assertBlocked(waiter);
        lock.unlock();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (boolean timed : new boolean[] {true, false}) {
            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<String> interrupted = threads.submit(() -> {
                thread.set(Thread.currentThread());
                try {
                    if (timed) {
                        return "returned " + lock.tryLock(Duration.ofMinutes(1));
                    }
                    lock.lockInterruptibly();
                    return "acquired";
                } catch (InterruptedException e) {
                    return "interrupted";
                }
            });
            assertBlocked(interrupted);
            thread.get().interrupt();
            assertThat(interrupted.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("interrupted");
        }
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aLockHeldByADeadProcessIsTakenOver() throws Exception {
        NativeLock lock = (NativeLock) NativeSync.newLock();
        holdAsDeadProcess(lock.segment().memory());
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
        holdAsDeadProcess(lock.segment().memory());
        long t0 = System.nanoTime();
        assertThat(lock.tryLock(Duration.ofSeconds(PROMPT_SECONDS))).isTrue();
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(1));
        lock.unlock();
    }

    @Test
    void aReentrantLockCountsHoldsAndOnlyItsHolderMayUnlockIt() throws Exception {
        MpReentrantLock lock = NativeSync.newReentrantLock();
        MpReentrantLock second = copy(lock);
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        assertThat(second.tryLock()).as("the same thread, through a second handle").isTrue();
        assertThat(lock.tryLock(SHORT)).isTrue();
        assertThat(lock.holdCount()).isEqualTo(3);
        assertThat(second.holdCount()).isEqualTo(3);
        assertThat((boolean) call(lock::tryLock)).as("tryLock by another thread").isFalse();
        assertThat(call(() -> second.tryLock(SHORT))).as("timed tryLock by another thread").isFalse();
        assertThat(call(() -> {
            try {
                second.unlock();
                return "unlocked";
            } catch (IllegalMonitorStateException e) {
                return "refused";
            }
        })).isEqualTo("refused");
        assertThat(call(lock::holdCount)).isZero();
        lock.unlock();
        second.unlock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        Future<Boolean> waiter = threads.submit(() -> {
            second.lock();
            try {
                return second.holdCount() == 1;
            } finally {
                second.unlock();
            }
        });
        assertBlocked(waiter);
        lock.unlock();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void aReentrantLockHeldByADeadProcessIsTakenOverAtHoldCountOne() throws Exception {
        MpReentrantLock lock = NativeSync.newReentrantLock();
        holdAsDeadProcess(((NativeReentrantLock) lock).segment().memory());
        assertThat(lock.tryLock(Duration.ofSeconds(PROMPT_SECONDS))).isTrue();
        assertThat(lock.holdCount()).isEqualTo(1);
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void theReentrantLockExcludesContendingThreads() throws Exception {
        MpReentrantLock lock = NativeSync.newReentrantLock();
        int[] counter = new int[1];
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            MpReentrantLock mine = t % 2 == 0 ? lock : copy(lock);
            all.add(threads.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    mine.lock();
                    mine.lock();
                    try {
                        int v = counter[0];
                        if (i % 100 == 0) {
                            Thread.yield();
                        }
                        counter[0] = v + 1;
                    } finally {
                        mine.unlock();
                        mine.unlock();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        lock.lock();
        assertThat(counter[0]).isEqualTo(80_000);
        lock.unlock();
    }

    @Test
    void aSemaphoreCountsPermitsAndABoundedOneRefusesToPassItsBound() throws Exception {
        MpSemaphore s = NativeSync.newSemaphore(2, false);
        MpSemaphore other = copy(s);
        assertThat(s.bound()).isEmpty();
        s.acquire();
        assertThat(other.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
        assertThat(s.availablePermits()).isZero();
        long t0 = System.nanoTime();
        assertThat(s.tryAcquire(SHORT)).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());
        assertThat(s.tryAcquire(Duration.ofDays(-1))).isFalse();
        Future<Boolean> waiter = threads.submit(() -> {
            other.acquire();
            return true;
        });
        assertBlocked(waiter);
        s.release();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            s.release();
        }
        assertThat(other.availablePermits()).isEqualTo(3);

        MpSemaphore bounded = NativeSync.newSemaphore(1, true);
        MpSemaphore boundedCopy = copy(bounded);
        assertThat(boundedCopy.bound()).isEqualTo(OptionalInt.of(1));
        assertThatThrownBy(boundedCopy::release).isInstanceOf(IllegalStateException.class);
        assertThat(bounded.tryAcquire()).isTrue();
        boundedCopy.release();
        assertThat(bounded.availablePermits()).isEqualTo(1);
        assertThat(NativeSync.newSemaphore(0, true).tryAcquire()).isFalse();
    }

    @Test
    void anEventWakesEveryWaiterAndLetsWaitsThroughUntilCleared() throws Exception {
        MpEvent e = NativeSync.newEvent();
        MpEvent other = copy(e);
        assertThat(e.isSet()).isFalse();
        long t0 = System.nanoTime();
        assertThat(e.await(SHORT)).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());
        assertThat(e.await(Duration.ZERO)).isFalse();
        List<Future<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MpEvent mine = i == 0 ? e : other;
            waiters.add(threads.submit(() -> mine.await(Duration.ofMinutes(1))));
        }
        Future<Boolean> forever = threads.submit(() -> {
            e.await();
            return true;
        });
        assertBlocked(forever);
        other.set();
        for (Future<Boolean> w : waiters) {
            assertThat(w.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(forever.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(e.await(Duration.ofDays(-1))).isTrue();
        e.set();
        e.clear();
        assertThat(other.isSet()).isFalse();
        assertThat(other.await(Duration.ZERO)).isFalse();
    }

    @Test
    void aConditionNeedsItsLockAndGivesItBackAtItsHoldCount() throws Exception {
        MpCondition c = NativeSync.newCondition(null);
        assertThatThrownBy(() -> c.await(SHORT)).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(c::signalAll).isInstanceOf(IllegalMonitorStateException.class);
        c.lock();
        c.lock();
        try {
            assertThatThrownBy(() -> c.signal(-1)).isInstanceOf(IllegalArgumentException.class);
            long t0 = System.nanoTime();
            assertThat(c.await(SHORT)).isFalse();
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());
            assertThat(c.holdCount()).isEqualTo(2);
            assertThat(c.await(Duration.ofDays(-1))).isFalse();
            assertThat(c.holdCount()).isEqualTo(2);
            assertThat(c.waitFor(() -> false, SHORT)).isFalse();
        } finally {
            c.unlock();
            c.unlock();
        }
        assertThat(c.isLocked()).isFalse();

        MpReentrantLock lock = NativeSync.newReentrantLock();
        MpCondition over = NativeSync.newCondition(lock);
        lock.lock();
        assertThat(over.isHeldByCurrentThread()).isTrue();
        assertThat(NativeSync.newCondition(over).holdCount()).as("a condition over a condition's lock").isEqualTo(1);
        lock.unlock();
        assertThatThrownBy(() -> NativeSync.newCondition(foreignLock()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signalWakesExactlyThatManyWaitersAndIsNotRemembered() throws Exception {
        MpCondition c = NativeSync.newCondition(null);
        MpCondition other = copy(c);
        List<Future<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(waitOn(i == 0 ? c : other));
        }
        awaitWaiting(c, 3);
        other.lock();
        other.signal(2);
        other.unlock();
        assertThat(countDone(waiters, 2)).isEqualTo(2);
        c.lock();
        c.signal(5);
        c.unlock();
        for (Future<Boolean> w : waiters) {
            assertThat(w.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        c.lock();
        try {
            assertThat(c.await(SHORT)).as("a wait after signals sent to no one").isFalse();
        } finally {
            c.unlock();
        }
        List<Future<Boolean>> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            more.add(waitOn(other));
        }
        awaitWaiting(c, 3);
        c.lock();
        c.signalAll();
        c.unlock();
        for (Future<Boolean> w : more) {
            assertThat(w.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSignalSkipsADeadWaiterAndOneItWasGivenIsPassedOn() throws Exception {
        NativeCondition c = (NativeCondition) NativeSync.newCondition(null);
        MemorySegment m = c.segment().memory();
        int dead = deadPid();
        c.lock();
        try {
            // A dead waiter that began before the live one: the signal must skip it.
            occupySlot(m, 0, dead, 1, 0);
        } finally {
            c.unlock();
        }
        Future<Boolean> live = waitOn(c);
        awaitWaiting(c, 2);
        c.lock();
        c.signal();
        c.unlock();
        assertThat(live.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();

        Future<Boolean> second = waitOn(c);
        awaitWaiting(c, 1);
        c.lock();
        try {
            // A dead waiter that was signalled after the live one began waiting: the live one must get its signal.
            long next = m.get(ValueLayout.JAVA_LONG, MonitorHandle.STATE);
            occupySlot(m, 5, dead, 2, next);
        } finally {
            c.unlock();
        }
        assertThat(second.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void barrierPartiesPassTogetherCycleAfterCycle() throws Exception {
        MpBarrier b = NativeSync.newBarrier(3);
        List<Future<List<Integer>>> parties = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            MpBarrier mine = p == 0 ? b : copy(b);
            parties.add(threads.submit(() -> {
                List<Integer> indices = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    indices.add(mine.await(Duration.ofMinutes(1)));
                }
                return indices;
            }));
        }
        List<List<Integer>> results = new ArrayList<>();
        for (Future<List<Integer>> f : parties) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        for (int k = 0; k < 20; k++) {
            Set<Integer> cycle = new TreeSet<>();
            for (List<Integer> r : results) {
                cycle.add(r.get(k));
            }
            assertThat(cycle).containsExactly(0, 1, 2);
        }
        assertThat(b.isBroken()).isFalse();
        assertThat(b.numberWaiting()).isZero();
        assertThat(NativeSync.newBarrier(1).await(Duration.ZERO)).isZero();
    }

    @Test
    void aBarrierBreaksOnTimeoutAbortResetAndADeadWaiter() throws Exception {
        MpBarrier b = NativeSync.newBarrier(3);
        MpBarrier other = copy(b);
        Future<String> waiter = threads.submit(() -> outcome(other));
        awaitNumberWaiting(b, 1);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> b.await(SHORT)).isInstanceOf(TimeoutException.class);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("broken");
        assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierException.class);
        b.reset();
        assertThat(b.isBroken()).isFalse();

        waiter = threads.submit(() -> outcome(other));
        awaitNumberWaiting(b, 1);
        b.abort();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("broken");
        b.reset();

        waiter = threads.submit(() -> outcome(other));
        awaitNumberWaiting(b, 1);
        b.reset();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("broken");
        assertThat(b.isBroken()).isFalse();

        assertThatThrownBy(() -> b.await(Duration.ZERO)).isInstanceOf(TimeoutException.class);
        b.reset();

        waiter = threads.submit(() -> outcome(other));
        awaitNumberWaiting(b, 1);
        NativeBarrier nb = (NativeBarrier) b;
        // A second party, in a process that then died.
        long arrived = MonitorHandle.STATE + 4;
        nb.segment().memory().set(ValueLayout.JAVA_INT, arrived + 12 + 4, deadPid());
        nb.segment().memory().set(ValueLayout.JAVA_INT, arrived, 2);
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("broken");
        assertThat(b.isBroken()).isTrue();
        b.reset();

        List<Future<String>> pair = List.of(threads.submit(() -> outcome(b)), threads.submit(() -> outcome(other)));
        awaitNumberWaiting(b, 2);
        assertThat(b.await(SHORT)).isZero();
        for (Future<String> f : pair) {
            assertThat(f.get(PROMPT_SECONDS, TimeUnit.SECONDS)).startsWith("passed");
        }
    }

    @Test
    void anInterruptedBarrierWaitBreaksTheBarrier() throws Exception {
        MpBarrier b = NativeSync.newBarrier(2);
        AtomicReference<Thread> thread = new AtomicReference<>();
        Future<String> waiter = threads.submit(() -> {
            thread.set(Thread.currentThread());
            return outcome(b);
        });
        awaitNumberWaiting(b, 1);
        thread.get().interrupt();
        assertThat(waiter.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo("interrupted");
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void primitivesAreSerialisableOnlyInATransfer() {
        List<Object> all = List.of(NativeSync.newLock(), NativeSync.newReentrantLock(),
                NativeSync.newSemaphore(1, false), NativeSync.newEvent(), NativeSync.newCondition(null),
                NativeSync.newBarrier(2));
        for (Object o : all) {
            assertThatThrownBy(() -> serialise(o)).as("%s", o).isInstanceOf(NotSerializableException.class);
        }
    }

    @Test
    void aCopyOfAConditionCarriesItsLock() throws Exception {
        MpReentrantLock lock = NativeSync.newReentrantLock();
        MpCondition c = NativeSync.newCondition(lock);
        MpCondition copied = copy(c);
        lock.lock();
        try {
            assertThat(copied.isHeldByCurrentThread()).isTrue();
            assertThat(call(copied::isLocked)).isTrue();
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers

    private <T> T call(Callable<T> c) throws Exception {
        return threads.submit(c).get(PROMPT_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertBlocked(Future<?> f) throws Exception {
        try {
            Object r = f.get(SHORT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("returned " + r + " instead of blocking");
        } catch (TimeoutException expected) {
            // still blocked
        }
    }

    private Future<Boolean> waitOn(MpCondition c) {
        return threads.submit(() -> {
            c.lock();
            try {
                return c.await(Duration.ofMinutes(1));
            } finally {
                c.unlock();
            }
        });
    }

    /** Waits until {@code n} slots of the condition's table are waiting. */
    private static void awaitWaiting(MpCondition c, int n) throws InterruptedException {
        MemorySegment m = ((NativeCondition) c).segment().memory();
        long slots = MonitorHandle.STATE + 16;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPT_SECONDS);
        while (true) {
            int waiting = 0;
            for (int i = 0; i < 16; i++) {
                if (m.get(ValueLayout.JAVA_INT, slots + 16L * i + 4) == 1) {
                    waiting++;
                }
            }
            if (waiting >= n) {
                // the last one may still be releasing the lock
                c.lock();
                c.unlock();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(waiting + " waiters, not " + n);
            }
            Thread.sleep(5);
        }
    }

    private static void occupySlot(MemorySegment m, int slot, int pid, int state, long ticket) {
        long slots = MonitorHandle.STATE + 16;
        long at = slots + 16L * slot;
        m.set(ValueLayout.JAVA_INT, at, pid);
        m.set(ValueLayout.JAVA_LONG, at + 8, ticket);
        m.set(ValueLayout.JAVA_INT, at + 4, state);
        long used = MonitorHandle.STATE + 8;
        m.set(ValueLayout.JAVA_INT, used, Math.max(m.get(ValueLayout.JAVA_INT, used), slot + 1));
    }

    /** Waits for {@code n} of the futures to be done, then a little more, and counts them. */
    private static long countDone(List<? extends Future<?>> futures, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPT_SECONDS);
        while (futures.stream().filter(Future::isDone).count() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(SHORT.toMillis());
        return futures.stream().filter(Future::isDone).count();
    }

    private static void awaitNumberWaiting(MpBarrier b, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPT_SECONDS);
        while (b.numberWaiting() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(b.numberWaiting() + " waiting, not " + n);
            }
            Thread.sleep(5);
        }
    }

    private static String outcome(MpBarrier b) {
        try {
            return "passed " + b.await(Duration.ofMinutes(1));
        } catch (BrokenBarrierException e) {
            return "broken";
        } catch (TimeoutException e) {
            return "timed out";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    /** Marks a mutex at {@link SyncHandle#BODY} as held by a process that has ended. */
    private static void holdAsDeadProcess(MemorySegment memory) throws Exception {
        memory.set(ValueLayout.JAVA_INT, SyncHandle.BODY, deadPid());
    }

    private static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return (int) p.pid();
    }

    /** @return a reentrant lock that this implementation did not make */
    private static MpReentrantLock foreignLock() {
        return (MpReentrantLock) Proxy.newProxyInstance(NativeSyncTest.class.getClassLoader(),
                new Class<?>[] {MpReentrantLock.class}, (proxy, method, args) -> null);
    }

    /** A second handle on the same object, made as a child process makes it. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T handle) throws Exception {
        Transfer transfer = Transfer.openForNewProcess();
        byte[] bytes;
        try {
            bytes = serialise(handle);
        } finally {
            transfer.close();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } finally {
            transfer.receiverEnded();
        }
    }

    private static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
