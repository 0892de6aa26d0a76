package io.multiproc4j.processbuilder.internal.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The handles' client-side logic (timeouts, interrupts, retaking the lock), between threads of this process. */
class LockHandlesTest {

    private final LockFactory factory = new LockFactory();

    /** A signalled condition waiter returns true holding the lock at its old count. */
    @Test
    void conditionWaiterIsSignalledAndRetakesItsHolds() throws Exception {
        MpCondition c = factory.newCondition(factory.newReentrantLock());
        Thread[] waiter = new Thread[1];
        FutureTask<Integer> waited = inThread(() -> {
            waiter[0] = Thread.currentThread();
            c.lock();
            c.lock();
            try {
                return c.await(TckEnvironment.LONG) ? c.holdCount() : -1;
            } finally {
                c.unlock();
                c.unlock();
            }
        });
        awaitTrue(() -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING && !c.isLocked());
        c.lock();
        c.signal();
        c.unlock();
        assertThat(waited.get()).isEqualTo(2);
    }

    /** A condition wait that times out returns false, holding the lock again. */
    @Test
    void conditionWaitTimesOutHoldingTheLock() throws Exception {
        MpCondition c = factory.newCondition(factory.newReentrantLock());
        c.lock();
        try {
            assertThat(c.await(TckEnvironment.TICK)).isFalse();
            assertThat(c.await(Duration.ZERO)).isFalse();
            assertThat(c.holdCount()).isEqualTo(1);
        } finally {
            c.unlock();
        }
        assertThat(c.isLocked()).isFalse();
    }

    /** An interrupted condition wait throws InterruptedException after taking the lock back. */
    @Test
    void interruptedConditionWaitRetakesTheLock() throws Exception {
        MpCondition c = factory.newCondition(factory.newReentrantLock());
        Thread[] waiter = new Thread[1];
        FutureTask<Integer> waited = inThread(() -> {
            waiter[0] = Thread.currentThread();
            c.lock();
            try {
                c.await(TckEnvironment.LONG);
                return -1;
            } catch (InterruptedException expected) {
                return c.holdCount();
            } finally {
                c.unlock();
            }
        });
        awaitTrue(() -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING && !c.isLocked());
        waiter[0].interrupt();
        assertThat(waited.get()).isEqualTo(1);
        assertThat(c.isLocked()).isFalse();
    }

    /** Waiting on or signalling a condition without its lock is refused. */
    @Test
    void conditionRequiresItsLock() {
        MpCondition c = factory.newCondition(factory.newReentrantLock());
        assertThatThrownBy(() -> c.await(TckEnvironment.TICK)).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(c::signal).isInstanceOf(IllegalMonitorStateException.class);
    }

    /** A condition over another condition shares its lock; a lock of another kind is refused. */
    @Test
    void conditionLocks() {
        MpReentrantLock lock = factory.newReentrantLock();
        MpCondition first = factory.newCondition(lock);
        MpCondition second = factory.newCondition(first);
        second.lock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        second.unlock();
        MpReentrantLock foreign = (MpReentrantLock) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MpReentrantLock.class}, (p, m, a) -> null);
        assertThatThrownBy(() -> factory.newCondition(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An interrupted lock wait throws and is never granted: the lock is free once its holder unlocks. */
    @Test
    void interruptedLockWaitIsWithdrawn() throws Exception {
        MpLock lock = factory.newLock();
        lock.lock();
        Thread[] waiter = new Thread[1];
        FutureTask<Boolean> waited = inThread(() -> {
            waiter[0] = Thread.currentThread();
            try {
                lock.lockInterruptibly();
                return false;
            } catch (InterruptedException expected) {
                return true;
            }
        });
        awaitTrue(() -> waiter[0] != null && waiter[0].getState() == Thread.State.WAITING);
        waiter[0].interrupt();
        assertThat(waited.get()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.tryLock(Duration.ZERO)).isTrue();
        lock.unlock();
    }

    /** A party that times out gets TimeoutException; the others get BrokenBarrierException. */
    @Test
    void barrierTimeoutBreaksItForTheOthers() throws Exception {
        MpBarrier barrier = factory.newBarrier(3);
        FutureTask<Integer> other = inThread(() -> barrier.await(TckEnvironment.LONG));
        awaitTrue(() -> barrier.numberWaiting() == 1);
        assertThatThrownBy(() -> barrier.await(TckEnvironment.TICK)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(other::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
        barrier.reset();
        assertThat(barrier.isBroken()).isFalse();
    }

    /** An interrupted party throws InterruptedException and breaks the barrier. */
    @Test
    void barrierInterruptBreaksIt() throws Exception {
        MpBarrier barrier = factory.newBarrier(2);
        Thread[] waiter = new Thread[1];
        FutureTask<Boolean> waited = inThread(() -> {
            waiter[0] = Thread.currentThread();
            try {
                barrier.await();
                return false;
            } catch (InterruptedException expected) {
                return true;
            }
        });
        awaitTrue(() -> barrier.numberWaiting() == 1);
        waiter[0].interrupt();
        assertThat(waited.get()).isTrue();
        assertThat(barrier.isBroken()).isTrue();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
    }

    /** A bounded semaphore reports its bound and refuses a release past it, with Python's words. */
    @Test
    void boundedSemaphore() {
        MpSemaphore s = factory.newSemaphore(1, true);
        assertThat(s.bound()).isEqualTo(OptionalInt.of(1));
        assertThat(factory.newSemaphore(1, false).bound()).isEmpty();
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released too many times");
    }

    /** A handle serialised other than in a task is refused, naming the rule. */
    @Test
    void handlesCannotBeSerialisedOutsideATask() {
        for (Object handle : new Object[] {factory.newLock(), factory.newReentrantLock(), factory.newEvent(),
                factory.newSemaphore(1, false), factory.newBarrier(2),
                factory.newCondition(factory.newReentrantLock())}) {
            assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(handle))
                    .as("%s", handle).isInstanceOf(NotSerializableException.class)
                    .hasMessageContaining("captured in the task");
        }
    }

    private static <T> FutureTask<T> inThread(Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread.ofPlatform().daemon().start(task);
        return task;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Awaitility.await().atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(5))
                .until(condition::getAsBoolean);
    }
}
