package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.SharedInt;
import io.multiproc4j.SharedMemory;
import io.multiproc4j.SharedMemoryExistsException;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules SHM: named shared-memory blocks and their lifetime. */
abstract class SharedMemoryBlockChecks extends SharedValueChecks {

    SharedMemoryBlockChecks(String providerId) {
        super(providerId);
    }

    /** A valid name no block has; it does not start with the kit's own prefix, which the leak check ignores. */
    static String freshName() {
        return "tck-shm-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** Entries of {@code /dev/shm} and the temporary directory that are new since {@code before}. */
    static List<Path> newEntriesSince(Set<Path> before) {
        return LeakCheck.snapshot().stream().filter(p -> !before.contains(p))
                .filter(p -> !p.getFileName().toString().startsWith(Exchange.PREFIX))
                .filter(p -> !p.getFileName().toString().startsWith("hsperfdata_"))
                .sorted().collect(Collectors.toList());
    }

    /** Waits until nothing is new since {@code before}, then asserts that {@code name} cannot be attached. */
    final void assertRemoved(String name, Set<Path> before, String when) {
        await("nothing left in /dev/shm or the temporary directory " + when + " (found " + newEntriesSince(before)
                + ")").atMost(TckEnvironment.PROMPT).pollInterval(Duration.ofMillis(20))
                .until(() -> newEntriesSince(before).isEmpty());
        assertThatThrownBy(() -> mp.attachSharedMemory(name).close()).as("attach %s", when)
                .isInstanceOf(NoSuchSharedMemoryException.class);
    }

    /** SHM-01: a new block has its size, a valid name, zeros, and reads back what is written. */
    @Test
    void required_shm01_newBlockHasItsSizeAValidNameAndReadsBackWrites() {
        try (SharedMemory m = mp.createSharedMemory(100)) {
            assertThat(m.size()).isEqualTo(100);
            assertThat(m.name()).as("generated name").matches("[A-Za-z0-9_.-]{1,200}").doesNotStartWith(".");
            byte[] all = new byte[100];
            Arrays.fill(all, (byte) 0x55);
            m.read(0, all, 0, 100);
            assertThat(all).as("content of a new block").containsOnly(0);
            m.put(0, (byte) 42);
            m.put(99, (byte) -1);
            assertThat(m.get(0)).isEqualTo((byte) 42);
            assertThat(m.get(99)).isEqualTo((byte) -1);
            m.write(10, new byte[] {1, 2, 3, 4}, 1, 2);
            assertThat(List.of(m.get(9), m.get(10), m.get(11), m.get(12))).as("bytes 9..12 after write(10, {1,2,3,4},"
                    + " 1, 2)").containsExactly((byte) 0, (byte) 2, (byte) 3, (byte) 0);
            byte[] two = new byte[4];
            m.read(10, two, 1, 2);
            assertThat(two).containsExactly(0, 2, 3, 0);
            ByteBuffer buf = m.buffer();
            assertThat(buf.capacity()).isEqualTo(100);
            assertThat(buf.position()).isZero();
            assertThat(buf.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
            buf.putInt(20, 0x01020304);
            assertThat(List.of(m.get(20), m.get(23))).as("bytes written through the buffer")
                    .containsExactly((byte) 1, (byte) 4);
            m.put(50, (byte) 9);
            assertThat(buf.get(50)).as("a byte put, read through the buffer").isEqualTo((byte) 9);
        }
    }

    /** SHM-02: a named block keeps its name and a child attaching by name shares its bytes. */
    @Test
    void required_shm02_childAttachingByNameSharesTheBytes() {
        String dir = ex.path();
        String name = freshName();
        try (SharedMemory m = mp.createSharedMemory(name, 64)) {
            assertThat(m.name()).isEqualTo(name);
            m.put(0, (byte) 42);
            String id = providerId;
            MpProcess p = child(() -> {
                try (SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name)) {
                    Exchange.put(dir, "seen", a.size() + " " + a.get(0));
                    a.put(1, (byte) 43);
                }
            });
            assertThat(ex.await("seen")).as("size and first byte, attached by name in a child").isEqualTo("64 42");
            assertEndsNormally(p);
            assertThat(m.get(1)).as("byte written by the child").isEqualTo((byte) 43);
        }
    }

    /** SHM-03: a captured block is the same block in the child; a sibling attaching by name shares it too. */
    @Test
    void required_shm03_capturedBlockIsTheSameBlockAndSiblingsShareIt() {
        String dir = ex.path();
        String id = providerId;
        try (SharedMemory m = mp.createSharedMemory(32)) {
            String name = m.name();
            m.put(0, (byte) 7);
            MpProcess first = child(() -> {
                Exchange.put(dir, "first", Byte.toString(m.get(0)));
                m.put(1, (byte) 8);
                Exchange.awaitEntry(dir, "sibling-done");
            });
            assertThat(ex.await("first")).as("byte read through the captured block").isEqualTo("7");
            MpProcess sibling = child(() -> {
                try (SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name)) {
                    Exchange.put(dir, "sibling", Byte.toString(a.get(1)));
                    a.put(2, (byte) 9);
                }
                Exchange.put(dir, "sibling-done", "yes");
            });
            assertThat(ex.await("sibling")).as("byte written by one child, read by a sibling").isEqualTo("8");
            assertEndsNormally(sibling);
            assertEndsNormally(first);
            assertThat(m.get(2)).as("byte written by the sibling").isEqualTo((byte) 9);
        }
    }

    /** SHM-04: creating a name in use is refused and harms nothing. */
    @Test
    void required_shm04_creatingANameInUseIsRefusedAndHarmsNothing() {
        String name = freshName();
        try (SharedMemory m = mp.createSharedMemory(name, 16)) {
            m.put(0, (byte) 5);
            assertThatThrownBy(() -> mp.createSharedMemory(name, 16)).isInstanceOf(SharedMemoryExistsException.class);
            assertThatThrownBy(() -> mp.createSharedMemory(name, 32)).isInstanceOf(SharedMemoryExistsException.class);
            assertThat(m.get(0)).as("byte of the existing block").isEqualTo((byte) 5);
            try (SharedMemory a = mp.attachSharedMemory(name)) {
                assertThat(a.size()).isEqualTo(16);
                assertThat(a.get(0)).as("byte of the existing block, attached again").isEqualTo((byte) 5);
            }
        }
    }

    /** SHM-05: attaching an unknown name is refused. */
    @Test
    void required_shm05_attachingAnUnknownNameIsRefused() {
        String name = freshName();
        assertThatThrownBy(() -> mp.attachSharedMemory(name)).isInstanceOf(NoSuchSharedMemoryException.class)
                .hasMessageContaining(name);
    }

    /** SHM-06: processes that attach, however they end, do not change the block's lifetime (W-07). */
    @Test
    void required_shm06_attachingNeverChangesTheLifetime() {
        String dir = ex.path();
        String id = providerId;
        String name = freshName();
        try (SharedMemory m = mp.createSharedMemory(name, 16)) {
            m.put(0, (byte) 1);
            MpProcess closes = child(() -> {
                SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name);
                a.put(1, (byte) 2);
                a.close();
            });
            MpProcess ends = child(() -> Multiprocessing.context(id).attachSharedMemory(name).put(2, (byte) 3));
            MpProcess killed = child(() -> {
                Multiprocessing.context(id).attachSharedMemory(name).put(3, (byte) 4);
                Exchange.put(dir, "attached", "yes");
                Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
            });
            ex.await("attached");
            killed.kill();
            awaitExitCode(killed);
            assertEndsNormally(closes);
            assertEndsNormally(ends);
            assertThat(List.of(m.get(0), m.get(1), m.get(2), m.get(3))).as("content after the attaching processes"
                    + " closed, ended and were killed").containsExactly((byte) 1, (byte) 2, (byte) 3, (byte) 4);
            try (SharedMemory again = mp.attachSharedMemory(name)) {
                assertThat(again.get(3)).as("byte read by attaching again").isEqualTo((byte) 4);
            }
        }
    }

    /** SHM-07: bad sizes and names are refused. */
    @Test
    void required_shm07_badSizesAndNamesAreRefused() {
        for (int size : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> mp.createSharedMemory(size)).as("create with size %s", size)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mp.createSharedMemory(freshName(), size)).as("create a named block of size %s",
                    size).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("", ".hidden", "a/b", "/abc", "a b", "a\0b", "caf\u00e9", "x".repeat(201))) {
            assertThatThrownBy(() -> mp.createSharedMemory(bad, 16)).as("create with name \"%s\"", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mp.attachSharedMemory(bad)).as("attach name \"%s\"", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        String longest = "tck-shm-" + "x".repeat(192);
        try (SharedMemory m = mp.createSharedMemory(longest, 8)) {
            assertThat(m.name()).as("a 200-character name").isEqualTo(longest);
        }
    }

    /** SHM-08: out-of-bounds access is refused and copies nothing. */
    @Test
    void required_shm08_outOfBoundsAccessIsRefusedAndCopiesNothing() {
        try (SharedMemory m = mp.createSharedMemory(16)) {
            for (int bad : new int[] {-1, 16, Integer.MAX_VALUE}) {
                assertThatThrownBy(() -> m.get(bad)).as("get(%s)", bad).isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> m.put(bad, (byte) 1)).as("put(%s)", bad)
                        .isInstanceOf(IndexOutOfBoundsException.class);
            }
            byte[] dst = new byte[10];
            Arrays.fill(dst, (byte) 0x55);
            m.put(15, (byte) 1);
            assertThatThrownBy(() -> m.read(10, dst, 0, 7)).as("read past the block")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.read(0, dst, 5, 6)).as("read past the destination")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.read(0, dst, -1, 2)).as("read to a negative offset")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.read(0, dst, 0, -1)).as("read a negative length")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(dst).as("destination after refused reads").containsOnly(0x55);
            byte[] src = {9, 9, 9, 9, 9};
            assertThatThrownBy(() -> m.write(12, src, 0, 5)).as("write past the block")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.write(0, src, 2, 4)).as("write from past the source")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.write(-1, src, 0, 1)).as("write at a negative index")
                    .isInstanceOf(IndexOutOfBoundsException.class);
            byte[] all = new byte[16];
            m.read(0, all, 0, 16);
            byte[] expected = new byte[16];
            expected[15] = 1;
            assertThat(all).as("block after refused writes").containsExactly(expected);
        }
    }

    /** SHM-09: close ends this process's use only. */
    @Test
    void required_shm09_closeEndsThisProcessesUseOnly() {
        String dir = ex.path();
        String id = providerId;
        String name = freshName();
        SharedMemory m = mp.createSharedMemory(name, 16);
        m.put(0, (byte) 9);
        MpProcess p = child(() -> {
            try (SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name)) {
                Exchange.put(dir, "attached", "yes");
                Exchange.awaitEntry(dir, "closed");
                a.put(1, (byte) 10);
                Exchange.put(dir, "seen", a.get(0) + " " + a.get(1));
            }
        });
        ex.await("attached");
        m.close();
        byte[] b = new byte[1];
        assertThatThrownBy(() -> m.get(0)).as("get after close").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.put(0, (byte) 1)).as("put after close").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.read(0, b, 0, 1)).as("read after close").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.write(0, b, 0, 1)).as("write after close").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(m::buffer).as("buffer after close").isInstanceOf(IllegalStateException.class);
        m.close();
        ex.put("closed", "yes");
        assertThat(ex.await("seen")).as("bytes in a child after the creator closed its view").isEqualTo("9 10");
        assertEndsNormally(p);
    }

    /** SHM-10: unlink removes the name, not the block. */
    @Test
    void required_shm10_unlinkRemovesTheNameNotTheBlock() {
        String dir = ex.path();
        String id = providerId;
        String name = freshName();
        try (SharedMemory m = mp.createSharedMemory(name, 16)) {
            m.put(0, (byte) 5);
            MpProcess p = child(() -> {
                try (SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name)) {
                    Exchange.put(dir, "attached", "yes");
                    Exchange.awaitEntry(dir, "unlinked");
                    a.put(1, (byte) 6);
                    Exchange.put(dir, "seen", Byte.toString(a.get(0)));
                }
            });
            ex.await("attached");
            m.unlink();
            assertThatThrownBy(() -> mp.attachSharedMemory(name).close()).as("attach after unlink")
                    .isInstanceOf(NoSuchSharedMemoryException.class);
            ex.put("unlinked", "yes");
            assertThat(ex.await("seen")).as("byte read in a child after unlink").isEqualTo("5");
            assertEndsNormally(p);
            assertThat(m.get(1)).as("byte written by the child after unlink").isEqualTo((byte) 6);
            assertThatThrownBy(m::unlink).as("a second unlink").isInstanceOf(NoSuchSharedMemoryException.class);
        }
    }

    /** SHM-11: the last close removes the block. */
    @Test
    void required_shm11_lastCloseRemovesTheBlock() {
        String dir = ex.path();
        String id = providerId;
        String name = freshName();
        Set<Path> before = LeakCheck.snapshot();
        SharedMemory m = mp.createSharedMemory(name, 16);
        m.put(0, (byte) 3);
        MpProcess p = child(() -> {
            SharedMemory a = Multiprocessing.context(id).attachSharedMemory(name);
            Exchange.put(dir, "attached", "yes");
            Exchange.awaitEntry(dir, "parent-closed");
            Exchange.put(dir, "seen", Byte.toString(a.get(0)));
            a.close();
            Exchange.put(dir, "child-closed", "yes");
            Exchange.awaitEntry(dir, "checked");
        });
        ex.await("attached");
        m.close();
        ex.put("parent-closed", "yes");
        assertThat(ex.await("seen")).as("byte read in a child after the creator closed").isEqualTo("3");
        ex.await("child-closed");
        assertRemoved(name, before, "after the last process that had the block closed it (the child still runs)");
        ex.put("checked", "yes");
        assertEndsNormally(p);
    }

    /** SHM-12: a killed creator's block and value are removed promptly. */
    @Test
    void required_shm12_killedCreatorsBlockAndValueAreRemoved() {
        String dir = ex.path();
        String id = providerId;
        String name = freshName();
        Set<Path> before = LeakCheck.snapshot();
        MpProcess creator = child(() -> {
            MpContext ctx = Multiprocessing.context(id);
            SharedMemory m = ctx.createSharedMemory(name, 4096);
            m.put(0, (byte) 1);
            SharedInt v = ctx.raw().newSharedInt(5);
            SharedInt locked = ctx.newSharedInt(6);
            Exchange.put(dir, "created", v.get() + " " + locked.get());
            Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        });
        assertThat(ex.await("created")).isEqualTo("5 6");
        creator.kill();
        awaitExitCode(creator);
        assertRemoved(name, before, "after its creator, the only process that had it, was killed");
    }
}
