package io.multiproc4j.processbuilder.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpCondition;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.processbuilder.ProcessBuilderProvider;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locks, semaphores, events, conditions and barriers hosted by the parent, used by real child processes. */
class LockAcrossProcessesIT {

    private static final MpContext CTX = Multiprocessing.context(ProcessBuilderProvider.ID);

    @TempDir
    Path dir;

    /** Four children incrementing a counter file under one lock, read-modify-write, lose no update. */
    @Test
    void lockSerialisesReadModifyWriteOfFourChildren() throws Exception {
        MpLock lock = CTX.newLock();
        String counter = dir.resolve("counter").toString();
        Files.writeString(Path.of(counter), "0");
        List<MpProcess> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(CTX.newProcess(incrementUnderLock(lock, counter, 200)).start());
        }
        for (MpProcess c : children) {
            awaitSuccess(c);
        }
        assertThat(Files.readString(Path.of(counter))).isEqualTo("800");
        assertThat(lock.isLocked()).isFalse();
    }

    /** A child killed with SIGKILL while holding the lock releases it: the parent then takes it. */
    @Test
    void lockOfAKilledHolderIsReleased() throws Exception {
        MpLock lock = CTX.newLock();
        MpEvent held = CTX.newEvent();
        MpProcess holder = CTX.newProcess(lockAndStay(lock, held)).start();
        assertThat(held.await(TckEnvironment.LONG)).as("the child took the lock").isTrue();
        assertThat(lock.tryLock()).as("the parent while the child holds it").isFalse();

        holder.kill();
        assertThat(holder.join(TckEnvironment.LONG)).as("the killed child ended").isTrue();
        assertThat(lock.tryLock(TckEnvironment.LONG)).as("the parent after the kill").isTrue();
        lock.unlock();
    }

    /** A reentrant lock held twice by a child killed with SIGKILL is released whatever its count. */
    @Test
    void reentrantLockOfAKilledHolderIsReleased() throws Exception {
        MpReentrantLock lock = CTX.newReentrantLock();
        MpEvent held = CTX.newEvent();
        MpProcess holder = CTX.newProcess(lockTwiceAndStay(lock, held)).start();
        assertThat(held.await(TckEnvironment.LONG)).as("the child took the lock").isTrue();
        assertThat(lock.tryLock()).isFalse();

        holder.kill();
        assertThat(holder.join(TckEnvironment.LONG)).isTrue();
        assertThat(lock.tryLock(TckEnvironment.LONG)).as("the parent after the kill").isTrue();
        assertThat(lock.holdCount()).isEqualTo(1);
        lock.unlock();
    }

    /** An event set by the parent wakes a child, and an event set by that child wakes the parent. */
    @Test
    void eventsCrossBothWays() throws Exception {
        MpEvent go = CTX.newEvent();
        MpEvent done = CTX.newEvent();
        MpProcess child = CTX.newProcess(awaitThenSet(go, done)).start();
        assertThat(done.await(TckEnvironment.TICK)).as("the child waits for go").isFalse();
        go.set();
        assertThat(done.await(TckEnvironment.LONG)).as("the child set done").isTrue();
        assertThat(done.isSet()).isTrue();
        awaitSuccess(child);
    }

    /** A permit released by a child is taken by the parent. */
    @Test
    void semaphoreSignalsFromChildToParent() throws Exception {
        MpSemaphore s = CTX.newSemaphore(0);
        MpProcess child = CTX.newProcess(s::release).start();
        assertThat(s.tryAcquire(TckEnvironment.LONG)).isTrue();
        awaitSuccess(child);
        assertThat(s.availablePermits()).isZero();
    }

    /** Three processes meet at a barrier: none passes before the last arrives, and the indices are 2, 1, 0. */
    @Test
    void barrierOfThreeProcesses() throws Exception {
        MpBarrier barrier = CTX.newBarrier(3);
        String out = dir.toString();
        MpProcess first = CTX.newProcess(awaitAndRecord(barrier, out, "first")).start();
        MpProcess second = CTX.newProcess(awaitAndRecord(barrier, out, "second")).start();
        Awaitility.await("two children wait at the barrier").atMost(TckEnvironment.LONG)
                .pollInterval(Duration.ofMillis(10)).until(() -> barrier.numberWaiting() == 2);
        assertThat(first.isAlive()).isTrue();
        assertThat(second.isAlive()).isTrue();

        int mine = barrier.await(TckEnvironment.LONG);
        awaitSuccess(first);
        awaitSuccess(second);
        assertThat(List.of(mine, Integer.parseInt(Files.readString(dir.resolve("first"))),
                Integer.parseInt(Files.readString(dir.resolve("second"))))).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(mine).as("the parent arrived last").isZero();
        assertThat(barrier.isBroken()).isFalse();
    }

    /** A child killed while waiting at a barrier breaks it for the parent, who waits there too. */
    @Test
    void barrierBreaksWhenAWaitingChildIsKilled() throws Exception {
        MpBarrier barrier = CTX.newBarrier(3);
        MpProcess child = CTX.newProcess(awaitAndRecord(barrier, dir.toString(), "child")).start();
        Awaitility.await("the child waits at the barrier").atMost(TckEnvironment.LONG)
                .pollInterval(Duration.ofMillis(10)).until(() -> barrier.numberWaiting() == 1);
        child.kill();
        assertThat(child.join(TckEnvironment.LONG)).isTrue();
        Awaitility.await("the barrier breaks").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(barrier::isBroken);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> barrier.await(TckEnvironment.LONG))
                .isInstanceOf(BrokenBarrierException.class);
    }

    /** A child waiting on a condition is woken by the parent's signal, and holds the lock when it returns. */
    @Test
    void conditionSignalledByTheParentWakesAChild() throws Exception {
        MpReentrantLock lock = CTX.newReentrantLock();
        MpCondition ready = CTX.newCondition(lock);
        MpEvent waiting = CTX.newEvent();
        String flag = dir.resolve("flag").toString();
        MpProcess child = CTX.newProcess(waitForFlag(ready, waiting, flag)).start();
        assertThat(waiting.await(TckEnvironment.LONG)).isTrue();

        ready.lock();
        try {
            // The child set "waiting" holding the lock, so it waits on the condition once we have the lock.
            Files.writeString(Path.of(flag), "up");
            ready.signalAll();
        } finally {
            ready.unlock();
        }
        awaitSuccess(child);
        assertThat(lock.isLocked()).isFalse();
    }

    private static ProcessTask incrementUnderLock(MpLock lock, String counter, int times) {
        return () -> {
            Path file = Path.of(counter);
            for (int i = 0; i < times; i++) {
                lock.lock();
                try {
                    Files.writeString(file, Integer.toString(Integer.parseInt(Files.readString(file)) + 1));
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    private static ProcessTask lockAndStay(MpLock lock, MpEvent held) {
        return () -> {
            lock.lock();
            held.set();
            Thread.sleep(TckEnvironment.OUTLIVES_TEST);
        };
    }

    private static ProcessTask lockTwiceAndStay(MpReentrantLock lock, MpEvent held) {
        return () -> {
            lock.lock();
            lock.lock();
            held.set();
            Thread.sleep(TckEnvironment.OUTLIVES_TEST);
        };
    }

    private static ProcessTask awaitThenSet(MpEvent go, MpEvent done) {
        return () -> {
            if (go.await(TckEnvironment.LONG)) {
                done.set();
            }
        };
    }

    private static ProcessTask awaitAndRecord(MpBarrier barrier, String dir, String name) {
        return () -> {
            int index = barrier.await(TckEnvironment.LONG);
            Files.writeString(Path.of(dir, name), Integer.toString(index));
        };
    }

    private static ProcessTask waitForFlag(MpCondition ready, MpEvent waiting, String flag) {
        return () -> {
            ready.lock();
            try {
                waiting.set();
                if (!ready.waitFor(() -> Files.exists(Path.of(flag)), TckEnvironment.LONG)) {
                    throw new AssertionError("not signalled with the flag up");
                }
                if (!ready.isHeldByCurrentThread()) {
                    throw new AssertionError("the lock was not taken back");
                }
            } finally {
                ready.unlock();
            }
        };
    }

    private static void awaitSuccess(MpProcess p) throws InterruptedException {
        assertThat(p.join(TckEnvironment.LONG)).as("the child ended").isTrue();
        assertThat(p.exitCode()).as("the child's exit code").hasValue(0);
    }
}
