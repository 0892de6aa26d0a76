package io.multiproc4j.nativeos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.SharedMemoryExistsException;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import io.multiproc4j.nativeos.internal.sync.ShmMonitor;
import io.multiproc4j.nativeos.internal.sync.ShmMutex;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared-memory object, the mutex and the monitor every native IPC object is built on, within one JVM. */
class ShmFoundationTest {

    @Test
    void aSegmentIsSharedByNameAndRemovedWhenItsLastHandleCloses() {
        ShmSegment a = ShmSegment.create(null, 4096, m -> m.set(ValueLayout.JAVA_INT, 0, 42));
        Path file = ShmSegment.DIR.resolve("mp4jn." + a.name());
        assertThat(file).exists();
        ShmSegment b = ShmSegment.attach(a.name());
        assertThat(b.memory().get(ValueLayout.JAVA_INT, 0)).isEqualTo(42);
        b.memory().set(ValueLayout.JAVA_INT, 4, 7);
        assertThat(a.memory().get(ValueLayout.JAVA_INT, 4)).isEqualTo(7);
        a.close();
        assertThat(file).exists();
        assertThatThrownBy(() -> a.memory().get(ValueLayout.JAVA_INT, 0)).isInstanceOf(IllegalStateException.class);
        b.close();
        b.close();
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> ShmSegment.attach(a.name())).isInstanceOf(NoSuchSharedMemoryException.class);
    }

    @Test
    void aNameIsTakenOnceAndLeavesNoTemporaryFile() throws Exception {
        String name = "shm-foundation-" + ProcessHandle.current().pid();
        ShmSegment a = ShmSegment.create(name, 100, m -> { });
        assertThatThrownBy(() -> ShmSegment.create(name, 100, m -> { }))
                .isInstanceOf(SharedMemoryExistsException.class);
        assertThat(a.size()).isEqualTo(100);
        a.unlink();
        assertThat(a.isLinked()).isFalse();
        assertThatThrownBy(a::unlink).isInstanceOf(NoSuchSharedMemoryException.class);
        a.close();
        try (var s = Files.list(ShmSegment.DIR)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".mp4jn-new-"));
        }
    }

    @Test
    void theMutexExcludesThreadsAndTheMonitorWakesWaiters() throws Exception {
        ShmSegment seg = ShmSegment.create(null, 64, m -> { });
        try {
            ShmMutex mutex = new ShmMutex(seg.memory(), 0);
            ShmMonitor monitor = new ShmMonitor(seg.memory(), 8);
            assertThat(mutex.tryLock()).isTrue();
            assertThat(mutex.isLocked()).isTrue();
            assertThat(mutex.tryLock()).isFalse();
            long t0 = System.nanoTime();
            assertThat(mutex.lock(TimeUnit.MILLISECONDS.toNanos(50), true)).isFalse();
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            mutex.unlock();
            assertThatThrownBy(mutex::unlock).isInstanceOf(IllegalMonitorStateException.class);

            AtomicInteger counter = new AtomicInteger();
            int[] plain = new int[1];
            Thread[] ts = new Thread[4];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = new Thread(() -> {
                    for (int k = 0; k < 20_000; k++) {
                        mutex.lockShort();
                        plain[0]++;
                        mutex.unlock();
                        counter.incrementAndGet();
                    }
                });
                ts[i].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(plain[0]).isEqualTo(counter.get());

            CountDownLatch waiting = new CountDownLatch(1);
            long flag = 24;
            Thread waiter = new Thread(() -> {
                monitor.enter();
                try {
                    waiting.countDown();
                    while (seg.memory().get(ValueLayout.JAVA_INT, flag) == 0) {
                        monitor.await(Long.MAX_VALUE);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    monitor.exit();
                }
            });
            waiter.start();
            waiting.await();
            monitor.enter();
            seg.memory().set(ValueLayout.JAVA_INT, flag, 1);
            monitor.signalAll();
            monitor.exit();
            waiter.join(10_000);
            assertThat(waiter.isAlive()).isFalse();
        } finally {
            seg.close();
        }
    }
}
