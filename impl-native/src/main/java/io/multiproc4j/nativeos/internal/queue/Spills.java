package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files that hold items too large for a queue's ring: {@code /dev/shm/.mp4jq.<queue file>.<pid>.<n>}, written
 * by the putting process (pid) before it takes the queue's lock, referenced by name from the ring, and unlinked by
 * the getter under the lock before it removes the reference, so that a file no ring references is either not yet
 * linked in by a live writer, or an orphan: its writer died, or the getter that claimed it already holds it open.
 *
 * <p>They are not shared-memory objects counted by {@link ShmSegment}: each queue handle deletes its queue's files
 * once the queue itself is gone, and {@link #sweepOrphans()} deletes those of queues that are gone and those whose
 * writer died before linking them in.
 */
final class Spills {

    private static final String PREFIX = ".mp4jq.";
    private static final int CHUNK = 1 << 20;
    private static final FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<StandardOpenOption> CREATE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Spills() {
    }

    /**
     * Writes an item to a new file of the queue.
     *
     * @param queueFile the file name of the queue's shared-memory object
     * @param item the serialised item
     * @return the file's name, for the ring
     * @throws MultiprocessingException if the file cannot be written (no room in {@code /dev/shm})
     */
    static String write(String queueFile, byte[] item) {
        String name = PREFIX + queueFile + "." + Libc.pid() + "." + SEQUENCE.incrementAndGet();
        Path file = ShmSegment.DIR.resolve(name);
        try (FileChannel out = FileChannel.open(file, CREATE, PRIVATE)) {
            // In chunks, so that the JDK's cached temporary direct buffer stays small.
            for (int off = 0; off < item.length; ) {
                off += out.write(ByteBuffer.wrap(item, off, Math.min(CHUNK, item.length - off)));
            }
            return name;
        } catch (IOException e) {
            delete(name);
            throw new MultiprocessingException("cannot write an item of " + item.length + " bytes to " + file
                    + " for a queue: " + e + "; make room in " + ShmSegment.DIR + ", or put smaller items", e);
        }
    }

    /**
     * Claims a file that the ring references: opens it and unlinks it, so that from now on only the returned
     * channel holds it. Called under the queue's lock, before the reference is removed.
     *
     * @param name the file's name
     * @return the open file
     * @throws IpcObjectLostException if the file is gone
     */
    static FileChannel claim(String name) {
        Path file = ShmSegment.DIR.resolve(name);
        try {
            FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
            delete(name);
            return in;
        } catch (IOException e) {
            throw new IpcObjectLostException("an item of a queue was lost: its file " + file + " is gone (" + e
                    + "); something other than multiproc4j removed it", e);
        }
    }

    /**
     * Reads a claimed file whole, and closes it.
     *
     * @param in what {@link #claim} returned
     * @return the serialised item
     */
    static byte[] read(FileChannel in) {
        try (in; Arena arena = Arena.ofConfined()) {
            long size = in.size();
            byte[] item = new byte[Math.toIntExact(size)];
            MemorySegment mapped = in.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            MemorySegment.copy(mapped, ValueLayout.JAVA_BYTE, 0, item, 0, item.length);
            return item;
        } catch (IOException e) {
            throw new IpcObjectLostException("an item of a queue could not be read from its file: " + e, e);
        }
    }

    /** Deletes a file, if it is still there. */
    static void delete(String name) {
        try {
            Files.deleteIfExists(ShmSegment.DIR.resolve(name));
        } catch (IOException e) {
            // best effort: the sweep finds it again
        }
    }

    /**
     * Deletes every file of a queue that no longer exists.
     *
     * @param queueFile the file name of the queue's shared-memory object
     */
    static void deleteAllOf(String queueFile) {
        for (String name : list().getOrDefault(queueFile, List.of())) {
            delete(name);
        }
    }

    /**
     * Deletes the files of queues that no longer exist, and those whose writer died without linking them into the
     * ring (it was killed while writing, or while waiting for room).
     */
    static void sweepOrphans() {
        for (Map.Entry<String, List<String>> e : list().entrySet()) {
            String queueFile = e.getKey();
            if (!Files.exists(ShmSegment.DIR.resolve(queueFile))) {
                e.getValue().forEach(Spills::delete);
                continue;
            }
            List<String> deadWriters = new ArrayList<>();
            for (String name : e.getValue()) {
                if (!Libc.isAlive(writerPid(name))) {
                    deadWriters.add(name);
                }
            }
            if (!deadWriters.isEmpty()) {
                QueueRing.deleteUnreferenced(queueFile, deadWriters);
            }
        }
    }

    /** @return the files in {@code /dev/shm}, by the file name of their queue */
    private static Map<String, List<String>> list() {
        Map<String, List<String>> byQueue = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ShmSegment.DIR, PREFIX + "*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                int n = name.lastIndexOf('.');
                int pid = n < 0 ? -1 : name.lastIndexOf('.', n - 1);
                if (pid > PREFIX.length()) {
                    byQueue.computeIfAbsent(name.substring(PREFIX.length(), pid), k -> new ArrayList<>()).add(name);
                }
            }
        } catch (NoSuchFileException gone) {
            // no /dev/shm: nothing to do
        } catch (IOException | RuntimeException e) {
            // best effort: the next sweep tries again
        }
        return byQueue;
    }

    private static int writerPid(String name) {
        int n = name.lastIndexOf('.');
        try {
            return Integer.parseInt(name, name.lastIndexOf('.', n - 1) + 1, n, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return a file's name as the ring holds it */
    static byte[] encode(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return a file's name from the ring */
    static String decode(byte[] name) {
        return new String(name, StandardCharsets.US_ASCII);
    }
}
