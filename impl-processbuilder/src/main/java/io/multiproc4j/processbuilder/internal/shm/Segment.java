package io.multiproc4j.processbuilder.internal.shm;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.SharedMemoryExistsException;
import io.multiproc4j.spi.ExitSequence;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One shared-memory file open in this JVM: its channel, its mapping, and the shared lock through which the
 * operating system counts the processes that use it.
 *
 * <p>Every process that has the file open holds a shared {@code fcntl} lock on all of it. The last local user to
 * let go releases that lock and tries for an exclusive one: getting it means no other process holds the file, so
 * it is deleted. The kernel drops the locks of a process that dies, even by {@code SIGKILL}, so the processes
 * that remain still see the right count. A file whose every user died is found by {@link #sweepOrphans()}.
 *
 * <p>POSIX record locks belong to the process and file, not to the descriptor: closing <em>any</em> descriptor of
 * the file drops them all, and the JDK throws {@code OverlappingFileLockException} for a second lock on the same
 * file. Hence one channel per file per JVM, found through {@link #OPEN} by file key before anything is opened, and
 * every open, lock and close done under that table's monitor.
 */
final class Segment {

    /** Where the files live: {@code /dev/shm} on Linux, the temporary directory elsewhere. */
    static final Path DIR = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
            : Path.of(System.getProperty("java.io.tmpdir"));
    /** The file of a block named {@code n} is {@code mp4j.n}, so that no file of another program is ever touched. */
    static final String FILE_PREFIX = "mp4j.";
    /** Generated names start with this. */
    static final String GENERATED_PREFIX = "mp4j-";
    /** A file being filled before it gets its name; never a valid block name, as it starts with a dot. */
    private static final String NEW_PREFIX = ".mp4j-new-";
    /** A half-made file older than this has lost its creator. */
    private static final Duration ORPHAN_NEW_AGE = Duration.ofMinutes(1);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The files this JVM has open, by file key; its monitor guards every {@link Segment}'s mutable state. */
    private static final Map<Object, Segment> OPEN = new HashMap<>();
    private static boolean swept;
    private static boolean exiting;

    static {
        // After the exit rules: a child this JVM waits for (or terminates) may still hold the memory, and only the
        // last user to let go can remove the file.
        ExitSequence.afterChildren(Segment::releaseAllAtExit);
    }

    private final String name;
    private final Path path;
    private final Object fileKey;
    private final FileChannel channel;
    private final MappedByteBuffer map;
    private FileLock lock;
    /*
     * users > 0: open, counted in OPEN. users == 0: released (lock given up, channel closed, out of OPEN), for good.
     * unlinkedHere: this JVM removed the name, so the release must not delete whatever has that name later.
     */
    private int users = 1;
    private boolean unlinkedHere;

    private Segment(String name, Path path, Object fileKey, FileChannel channel, FileLock lock, MappedByteBuffer map) {
        this.name = name;
        this.path = path;
        this.fileKey = fileKey;
        this.channel = channel;
        this.lock = lock;
        this.map = map;
    }

    /**
     * Creates a zero-filled file, fills it, and only then gives it its name, so that no one attaches to it half
     * made; the name is taken with {@code link(2)}, which fails rather than replace an existing file.
     *
     * @param nameOrNull the block's name, or {@code null} for a random one
     * @param size its size in bytes
     * @param init writes the initial content
     * @return the segment, with one local user
     */
    static Segment create(String nameOrNull, long size, Consumer<MappedByteBuffer> init) {
        if (nameOrNull != null) {
            checkName(nameOrNull);
        }
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the size must be from 1 to " + Integer.MAX_VALUE + " bytes, but is "
                    + size);
        }
        synchronized (OPEN) {
            sweepOrphansOnce();
            Path fresh = DIR.resolve(NEW_PREFIX + randomHex());
            FileChannel ch = null;
            try {
                ch = FileChannel.open(fresh, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE), OWNER_ONLY);
                FileLock shared = ch.lock(0, Long.MAX_VALUE, true);
                Object key = Files.readAttributes(fresh, BasicFileAttributes.class).fileKey();
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
                init.accept(m);
                String name = nameOrNull;
                while (true) {
                    String candidate = name != null ? name : GENERATED_PREFIX + randomHex();
                    try {
                        Files.createLink(pathOf(candidate), fresh);
                        name = candidate;
                        break;
                    } catch (FileAlreadyExistsException taken) {
                        if (nameOrNull != null) {
                            throw new SharedMemoryExistsException("a shared-memory block named '" + nameOrNull
                                    + "' already exists; choose another name, or attach to it with"
                                    + " attachSharedMemory");
                        }
                    }
                }
                Segment s = new Segment(name, pathOf(name), key, ch, shared, m);
                OPEN.put(key, s);
                ch = null;
                return s;
            } catch (IOException e) {
                throw new MultiprocessingException("cannot create a shared-memory file in " + DIR + ": " + e, e);
            } finally {
                closeQuietly(ch);
                try {
                    Files.deleteIfExists(fresh);
                } catch (IOException e) {
                    // left for sweepOrphans, which recognises the prefix
                }
            }
        }
    }

    /**
     * Opens the block with that name, or takes one more local use of it if this JVM has it open already.
     *
     * @param name the block's name
     * @return the segment
     * @throws NoSuchSharedMemoryException if no block has that name
     */
    static Segment attach(String name) {
        checkName(name);
        Path p = pathOf(name);
        synchronized (OPEN) {
            Object key = keyOf(p);
            if (key == null) {
                throw noSuch(name);
            }
            Segment s = OPEN.get(key);
            if (s != null) {
                s.users++;
                return s;
            }
            FileChannel ch = null;
            try {
                ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock shared = ch.lock(0, Long.MAX_VALUE, true);
                // The last user may have deleted the file between our lookup and our lock.
                if (!key.equals(keyOf(p))) {
                    throw noSuch(name);
                }
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
                s = new Segment(name, p, key, ch, shared, m);
                OPEN.put(key, s);
                ch = null;
                return s;
            } catch (NoSuchFileException e) {
                throw noSuch(name);
            } catch (IOException e) {
                throw new MultiprocessingException("cannot open the shared-memory block '" + name + "' (" + p + "): "
                        + e, e);
            } finally {
                closeQuietly(ch);
            }
        }
    }

    /** @return the block's name */
    String name() {
        return name;
    }

    /** @return the whole mapping, shared by every local user: use absolute access only */
    MappedByteBuffer map() {
        return map;
    }

    /**
     * Takes one more local use, for example for a receiver that has not attached yet.
     *
     * @throws IllegalStateException if every local use has been released already
     */
    void acquire() {
        synchronized (OPEN) {
            if (users == 0) {
                throw new IllegalStateException("the shared-memory block '" + name + "' was closed in this process");
            }
            users++;
        }
    }

    /** Gives up one local use; the last one gives up this JVM's lock and deletes the file if no one else has it. */
    void release() {
        synchronized (OPEN) {
            if (users == 0 || --users > 0) {
                return;
            }
            OPEN.remove(fileKey);
            letGo();
        }
    }

    /**
     * Removes the name; the mapping stays valid for every process that has it.
     *
     * @throws NoSuchSharedMemoryException if the name was already removed
     */
    void unlink() {
        synchronized (OPEN) {
            if (unlinkedHere || !fileKey.equals(keyOf(path))) {
                throw new NoSuchSharedMemoryException("the shared-memory block '" + name + "' was already unlinked");
            }
            try {
                Files.delete(path);
            } catch (NoSuchFileException e) {
                throw new NoSuchSharedMemoryException("the shared-memory block '" + name + "' was already unlinked",
                        e);
            } catch (IOException e) {
                throw new MultiprocessingException("cannot unlink the shared-memory block '" + name + "': " + e, e);
            }
            unlinkedHere = true;
        }
    }

    /** @return whether the name still leads to this block */
    boolean isLinked() {
        synchronized (OPEN) {
            return !unlinkedHere && fileKey.equals(keyOf(path));
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** Called with the monitor held, once no local user is left. */
    private void letGo() {
        users = 0;
        try {
            lock.release();
            lock = null;
            try (FileLock exclusive = channel.tryLock(0, Long.MAX_VALUE, false)) {
                // With the exclusive lock no other process has the file, and none can unlink it: only an open
                // block can be unlinked. The name may have been reused after an unlink, hence the key check.
                if (exclusive != null && !unlinkedHere && fileKey.equals(keyOf(path))) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            System.err.println("multiproc4j: could not release the shared-memory file " + path + ": " + e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void releaseAllAtExit() {
        synchronized (OPEN) {
            exiting = true;
            for (Segment s : new ArrayList<>(OPEN.values())) {
                s.letGo();
            }
            OPEN.clear();
        }
    }

    /** Runs {@link #sweepOrphans()} once per JVM, before its first creation. */
    private static void sweepOrphansOnce() {
        if (swept || exiting) {
            return;
        }
        swept = true;
        sweepOrphans();
    }

    /**
     * Deletes the files of ours that no process holds: left when every process that had one died without running
     * its shutdown hooks (killed, halted).
     */
    static void sweepOrphans() {
        // Under OPEN: opening and closing a file this JVM has open would drop its lock on it.
        synchronized (OPEN) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(DIR,
                    f -> f.getFileName().toString().startsWith(FILE_PREFIX)
                            || f.getFileName().toString().startsWith(NEW_PREFIX))) {
                for (Path f : entries) {
                    deleteIfOrphan(f);
                }
            } catch (IOException | RuntimeException e) {
                // best effort: a leftover stays until a later JVM sweeps
            }
        }
    }

    private static void deleteIfOrphan(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            if (!a.isRegularFile() || OPEN.containsKey(a.fileKey())) {
                return;
            }
            // A new file is locked right after it is made; only an old one can be a creator's leftover.
            if (f.getFileName().toString().startsWith(NEW_PREFIX)
                    && a.lastModifiedTime().toInstant().isAfter(Instant.now().minus(ORPHAN_NEW_AGE))) {
                return;
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock exclusive = ch.tryLock(0, Long.MAX_VALUE, false)) {
                if (exclusive != null && a.fileKey().equals(keyOf(f))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not ours (another user's), gone meanwhile, or in use: leave it
        }
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid shared-memory name '" + name + "': a name has 1 to 200"
                    + " letters, digits, '.', '_' or '-', and does not start with '.'");
        }
    }

    private static Path pathOf(String name) {
        return DIR.resolve(FILE_PREFIX + name);
    }

    private static Object keyOf(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static NoSuchSharedMemoryException noSuch(String name) {
        return new NoSuchSharedMemoryException("no shared-memory block is named '" + name + "': it was never"
                + " created, was unlinked, or was removed when its last user closed it or ended");
    }

    private static String randomHex() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
