package io.multiproc4j.processbuilder.shm;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.SharedCharArray;
import io.multiproc4j.SharedDoubleArray;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedLong;
import io.multiproc4j.SharedMemory;
import io.multiproc4j.SharedObjectFactory;
import io.multiproc4j.processbuilder.ProcessBuilderProvider;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shared values, arrays and blocks between real processes. */
@ExtendWith(ShmLeaks.class)
class ShmObjectsIT {

    private static final MpContext CTX = Multiprocessing.context(ProcessBuilderProvider.ID);
    private static final SharedObjectFactory RAW = CTX.raw();

    /** A child's writes to captured values and arrays are seen by the parent once it has joined the child. */
    @Test
    void childWritesAreSeenByTheParent() throws Exception {
        SharedLong l = RAW.newSharedLong(1);
        SharedDoubleArray d = RAW.newSharedDoubleArray(3);
        SharedCharArray s = RAW.newSharedCharArray(16);
        runToSuccess(writeAll(l, d, s));
        assertThat(l.get()).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(d.toArray()).containsExactly(0.5, 0, -2.25);
        assertThat(s.getString()).isEqualTo("from the child");
    }

    /** Four children adding 10,000 times each to one shared int end with the exact sum. */
    @Test
    void concurrentAddsFromFourChildrenAreExact() throws Exception {
        SharedInt counter = RAW.newSharedInt(0);
        List<MpProcess> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(CTX.newProcess(addMany(counter, 10_000)).start());
        }
        for (MpProcess c : children) {
            awaitSuccess(c);
        }
        assertThat(counter.get()).isEqualTo(40_000);
    }

    /** Compound updates under a locked value's own lock, from four children, lose nothing. */
    @Test
    void lockedValueSerialisesCompoundUpdates() throws Exception {
        SharedInt counter = CTX.newSharedInt(0);
        assertThat(counter.hasLock()).isTrue();
        List<MpProcess> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(CTX.newProcess(incrementUnderLock(counter, 1_000)).start());
        }
        for (MpProcess c : children) {
            awaitSuccess(c);
        }
        assertThat(counter.get()).isEqualTo(4_000);
    }

    /** A block attached by name in a child, and a block captured by a child, are the parent's memory. */
    @Test
    void blockByNameAndByCapture() throws Exception {
        try (SharedMemory byName = CTX.createSharedMemory(64); SharedMemory captured = CTX.createSharedMemory(8)) {
            runToSuccess(attachAndWrite(byName.name(), captured));
            byte[] got = new byte[3];
            byName.read(10, got, 0, 3);
            assertThat(got).containsExactly(1, 2, 3);
            assertThat(captured.get(7)).isEqualTo((byte) 99);
        }
    }

    /**
     * When a block's creator is killed with SIGKILL while another process has the block, the block lives on for
     * that process, and its file is gone once that process has ended too.
     */
    @Test
    void blockOutlivesItsKilledCreatorAndGoesWithItsLastUser() throws Exception {
        SharedCharArray nameBox = RAW.newSharedCharArray(64);
        MpProcess creator = CTX.newProcess(createAndWait(nameBox)).start();
        awaitTrue("the creator made the block", () -> !nameBox.getString().isEmpty());
        String name = nameBox.getString();
        assertThat(ShmLeaks.fileOf(name)).exists();

        SharedInt attached = RAW.newSharedInt(0);
        SharedInt letGo = RAW.newSharedInt(0);
        SharedInt seen = RAW.newSharedInt(0);
        MpProcess holder = CTX.newProcess(holdUntilToldTo(name, attached, letGo, seen)).start();
        awaitTrue("the holder attached", () -> attached.get() == 1);

        creator.kill();
        assertThat(creator.join(TckEnvironment.LONG)).as("the killed creator ended").isTrue();
        assertThat(Files.exists(ShmLeaks.fileOf(name))).as("the block outlives its killed creator").isTrue();

        letGo.set(1);
        awaitSuccess(holder);
        assertThat(seen.get()).as("the holder read the creator's byte after the kill").isEqualTo(42);
        assertThat(Files.exists(ShmLeaks.fileOf(name))).as("the last user's end removed the block").isFalse();
    }

    private static ProcessTask writeAll(SharedLong l, SharedDoubleArray d, SharedCharArray s) {
        return () -> {
            l.set(Long.MIN_VALUE);
            l.addAndGet(1);
            d.setAll(new double[] {0.5, 0, -2.25});
            s.setString("from the child");
        };
    }

    private static ProcessTask addMany(SharedInt counter, int times) {
        return () -> {
            for (int i = 0; i < times; i++) {
                counter.addAndGet(1);
            }
        };
    }

    private static ProcessTask incrementUnderLock(SharedInt counter, int times) {
        return () -> {
            for (int i = 0; i < times; i++) {
                counter.lock().lock();
                try {
                    counter.set(counter.get() + 1);
                } finally {
                    counter.lock().unlock();
                }
            }
        };
    }

    private static ProcessTask attachAndWrite(String name, SharedMemory captured) {
        return () -> {
            try (SharedMemory m = Multiprocessing.context(ProcessBuilderProvider.ID).attachSharedMemory(name)) {
                m.write(10, new byte[] {1, 2, 3}, 0, 3);
            }
            captured.put(7, (byte) 99);
        };
    }

    private static ProcessTask createAndWait(SharedCharArray nameBox) {
        return () -> {
            SharedMemory m = Multiprocessing.context(ProcessBuilderProvider.ID).createSharedMemory(16);
            m.put(0, (byte) 42);
            nameBox.setString(m.name());
            Thread.sleep(TckEnvironment.OUTLIVES_TEST);
        };
    }

    private static ProcessTask holdUntilToldTo(String name, SharedInt attached, SharedInt letGo, SharedInt seen) {
        return () -> {
            SharedMemory m = Multiprocessing.context(ProcessBuilderProvider.ID).attachSharedMemory(name);
            attached.set(1);
            long deadline = System.nanoTime() + TckEnvironment.LONG.toNanos();
            while (letGo.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            seen.set(m.get(0));
            m.close();
        };
    }

    private static void runToSuccess(ProcessTask task) throws InterruptedException {
        awaitSuccess(CTX.newProcess(task).start());
    }

    private static void awaitSuccess(MpProcess p) throws InterruptedException {
        assertThat(p.join(TckEnvironment.LONG)).as("the child ended").isTrue();
        assertThat(p.exitCode()).as("the child's exit code").hasValue(0);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TckEnvironment.LONG).pollInterval(java.time.Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
