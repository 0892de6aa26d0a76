package io.multiproc4j.nativeos.internal.shm;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.SharedMemoryExistsException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.spi.ExitSequence;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One POSIX shared-memory object ({@code shm_open}, {@code mmap}) open through this handle: its descriptor, its
 * mapping, and the shared {@code flock} through which the kernel counts the handles that use it, in every process.
 *
 * <p><b>Lifetime.</b> Every handle holds a shared {@code flock} on its own descriptor. Closing a handle (or
 * dropping it: a {@link Cleaner} closes it) gives that lock up and tries for an exclusive one: getting it means no
 * handle is left anywhere, so the name is unlinked. The kernel drops the locks of a process that dies, even by
 * {@code SIGKILL}; an object whose every user died is found and removed by {@link #sweepOrphans()}, which the
 * launcher runs each time a child ends. {@code flock} locks belong to the open file description, not to the
 * process as POSIX record locks do, so two handles in one process count twice and closing one leaves the other's.
 *
 * <p><b>Creation.</b> An object is made and filled under a temporary name that names its creator's pid, and only
 * then linked to its real name, so that no one attaches to it half made, and a crash while making it leaves a file
 * the sweep recognises as its creator's.
 *
 * <p>Names: the object of block {@code n} is {@code /dev/shm/mp4jn.n}. The prefix differs from the JDK-only
 * implementation's, whose record locks do not see these {@code flock} locks.
 */
public final class ShmSegment {

    /** Where Linux keeps POSIX shared-memory objects. */
    public static final Path DIR = Path.of("/dev/shm");
    /** The object of a block named {@code n} is {@code mp4jn.n}, so that no object of another program is touched. */
    static final String FILE_PREFIX = "mp4jn.";
    /** Generated names start with this. */
    static final String GENERATED_PREFIX = "mp4jn-";
    /** An object being filled before it gets its name: {@code .mp4jn-new-<pid>-<random>}. */
    private static final String NEW_PREFIX = ".mp4jn-new-";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Cleaner CLEANER = Cleaner.create();

    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_CLOEXEC = 02000000;
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_SHARED = 1;
    private static final int LOCK_SH = 1;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int SEEK_END = 2;

    private static final MethodHandle SHM_OPEN = Libc.function("shm_open",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT, Libc.C_INT));
    private static final MethodHandle SHM_UNLINK = Libc.function("shm_unlink",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle FTRUNCATE = Libc.function("ftruncate",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_INT, Libc.C_LONG));
    private static final MethodHandle LSEEK = Libc.function("lseek",
            FunctionDescriptor.of(Libc.C_LONG, Libc.C_INT, Libc.C_LONG, Libc.C_INT));
    private static final MethodHandle FLOCK = Libc.function("flock",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_INT, Libc.C_INT));
    private static final MethodHandle MMAP = Libc.function("mmap", FunctionDescriptor.of(Libc.C_POINTER,
            Libc.C_POINTER, Libc.C_LONG, Libc.C_INT, Libc.C_INT, Libc.C_INT, Libc.C_LONG));
    private static final MethodHandle MUNMAP = Libc.function("munmap",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_LONG));

    /** The handles open in this JVM, released at exit after the exit rules. Guarded by itself. */
    private static final Set<Handle> OPEN = new HashSet<>();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    static {
        // After the exit rules: a child this JVM waits for (or terminates) may still use the memory, and only the
        // last user to let go may remove it.
        ExitSequence.afterChildren(ShmSegment::releaseAllAtExit);
    }

    private final String name;
    private final Handle handle;
    private final MemorySegment memory;

    private ShmSegment(String name, Handle handle) {
        this.name = name;
        this.handle = handle;
        this.memory = handle.memory;
        CLEANER.register(this, handle::release);
    }

    /**
     * Creates a zero-filled object, fills it, and only then gives it its name, with {@code link(2)}, which fails
     * rather than replace an existing object.
     *
     * @param nameOrNull the block's name, or {@code null} for a generated one
     * @param size its size in bytes, at least 1
     * @param init writes the initial content, before any other process can see it
     * @return the handle
     * @throws SharedMemoryExistsException if {@code nameOrNull} is taken
     * @throws IllegalArgumentException if the name or the size is invalid
     */
    public static ShmSegment create(String nameOrNull, long size, Consumer<MemorySegment> init) {
        if (nameOrNull != null) {
            checkName(nameOrNull);
        }
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the size must be from 1 to " + Integer.MAX_VALUE + " bytes, but is "
                    + size);
        }
        if (SWEPT.compareAndSet(false, true)) {
            // What a program killed outright left (no process of ours outlived it to sweep after it) goes when the
            // next one creates memory.
            sweepOrphans();
        }
        String fresh = NEW_PREFIX + Libc.pid() + "-" + randomHex();
        int fd = -1;
        Handle h = null;
        try {
            fd = shmOpen(fresh, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC);
            if (fd < 0) {
                throw Libc.failure("shm_open(" + fresh + ")");
            }
            call("ftruncate", (int) FTRUNCATE.invokeExact(Libc.errnoSlot(), fd, size));
            call("flock", (int) FLOCK.invokeExact(Libc.errnoSlot(), fd, LOCK_SH));
            h = Handle.map(fd, size, null);
            fd = -1;
            init.accept(h.memory);
            String name = nameOrNull;
            while (true) {
                String candidate = name != null ? name : GENERATED_PREFIX + randomHex();
                try {
                    Files.createLink(DIR.resolve(FILE_PREFIX + candidate), DIR.resolve(fresh));
                    name = candidate;
                    break;
                } catch (FileAlreadyExistsException taken) {
                    if (nameOrNull != null) {
                        throw new SharedMemoryExistsException("a shared-memory block named '" + nameOrNull
                                + "' already exists; choose another name, or attach to it with attachSharedMemory");
                    }
                }
            }
            h.fileName = FILE_PREFIX + name;
            ShmSegment s = new ShmSegment(name, h);
            h = null;
            return s;
        } catch (IOException e) {
            throw new MultiprocessingException("cannot create a shared-memory object in " + DIR + ": " + e, e);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            Libc.close(fd);
            if (h != null) {
                h.release();
            }
            shmUnlink(fresh);
        }
    }

    /**
     * Opens the object of a block by its name.
     *
     * @param name the block's name
     * @return a new handle on it
     * @throws NoSuchSharedMemoryException if no block has that name
     * @throws IllegalArgumentException if the name is invalid
     */
    public static ShmSegment attach(String name) {
        checkName(name);
        String file = FILE_PREFIX + name;
        int fd = shmOpen(file, O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            int e = Libc.errno();
            if (e == Libc.ENOENT) {
                throw noSuch(name);
            }
            throw new MultiprocessingException("cannot open the shared-memory block '" + name + "': "
                    + Libc.describe(e));
        }
        try {
            call("flock", (int) FLOCK.invokeExact(Libc.errnoSlot(), fd, LOCK_SH));
            // The last user may have unlinked it between our open and our lock.
            if (!sameFile(fd, file)) {
                throw noSuch(name);
            }
            long size = (long) LSEEK.invokeExact(Libc.errnoSlot(), fd, 0L, SEEK_END);
            if (size <= 0) {
                throw noSuch(name);
            }
            Handle h = Handle.map(fd, size, file);
            fd = -1;
            return new ShmSegment(name, h);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            Libc.close(fd);
        }
    }

    /** @return the block's name, for {@link #attach} */
    public String name() {
        return name;
    }

    /**
     * The whole mapping. Keep this handle reachable for as long as the memory is used: once the handle is
     * collected, or closed, every access to the memory throws {@link IllegalStateException}.
     *
     * @return the mapping
     */
    public MemorySegment memory() {
        return memory;
    }

    /** @return the size in bytes */
    public long size() {
        return memory.byteSize();
    }

    /** @return whether {@link #close()} was called on this handle */
    public boolean isClosed() {
        return handle.released();
    }

    /**
     * @param other another handle
     * @return whether both handles are on the same object, whatever has become of its name
     */
    public boolean sameObjectAs(ShmSegment other) {
        return handle.key.equals(other.handle.key);
    }

    /**
     * Gives this handle up: the mapping goes (unless a thread is inside a native call on it, as a futex wait, in
     * which case it goes with the JVM), and the object is removed if no handle on it is left anywhere. Idempotent.
     */
    public void close() {
        handle.release();
    }

    /**
     * Removes the name; the memory stays for every handle that has it. Allowed after {@link #close()} too, as long
     * as the name still leads to this object (another process still has it).
     *
     * @throws NoSuchSharedMemoryException if the name no longer leads to this object
     */
    public void unlink() {
        synchronized (handle) {
            if (!handle.linked() || !shmUnlink(handle.fileName)) {
                throw new NoSuchSharedMemoryException("the shared-memory block '" + name + "' was already unlinked,"
                        + " or removed when the last process that had it closed it");
            }
            handle.unlinkedHere = true;
        }
    }

    /** @return whether the name still leads to this object */
    public boolean isLinked() {
        synchronized (handle) {
            return handle.linked();
        }
    }

    @Override
    public String toString() {
        return DIR.resolve(FILE_PREFIX + name).toString();
    }

    /**
     * Removes the objects of ours that no process holds: left when every process that had one died without
     * closing it (killed, halted), and half-made ones whose creator died.
     */
    public static void sweepOrphans() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(DIR,
                f -> f.getFileName().toString().startsWith(FILE_PREFIX)
                        || f.getFileName().toString().startsWith(NEW_PREFIX))) {
            for (Path f : entries) {
                String file = f.getFileName().toString();
                if (file.startsWith(NEW_PREFIX)) {
                    String pid = file.substring(NEW_PREFIX.length(), file.indexOf('-', NEW_PREFIX.length()));
                    if (!Libc.isAlive(Integer.parseInt(pid))) {
                        shmUnlink(file);
                    }
                } else {
                    unlinkIfUnused(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover stays until the next sweep
        }
    }

    /**
     * @param name a block name
     * @throws IllegalArgumentException unless it has 1 to 200 letters, digits, {@code .}, {@code _} or
     *     {@code -} and does not start with {@code .}
     */
    public static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid shared-memory name '" + name + "': a name has 1 to 200"
                    + " letters, digits, '.', '_' or '-', and does not start with '.'");
        }
    }

    private static void unlinkIfUnused(String file) {
        int fd = shmOpen(file, O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            return;
        }
        try {
            if ((int) FLOCK.invokeExact(Libc.errnoSlot(), fd, LOCK_EX | LOCK_NB) == 0 && sameFile(fd, file)) {
                shmUnlink(file);
            }
        } catch (Throwable t) {
            // leave it
        } finally {
            Libc.close(fd);
        }
    }

    private static void releaseAllAtExit() {
        List<Handle> all;
        synchronized (OPEN) {
            all = List.copyOf(OPEN);
        }
        for (Handle h : all) {
            h.release();
        }
    }

    /** Whether {@code fd} is still the object named {@code file}, which a last user may have unlinked. */
    private static boolean sameFile(int fd, String file) {
        Object open = keyOfOpen(fd);
        return open != null && open.equals(keyOf(DIR.resolve(file)));
    }

    /** @return the identity (device and inode) of the object open as {@code fd}, or {@code null} */
    private static Object keyOfOpen(int fd) {
        // /proc/self/fd/N leads to the open object itself, even once its name is gone; its link text does not help,
        // as it names the path the object was opened by, which for a new object is its temporary name.
        return keyOf(Path.of("/proc/self/fd/" + fd));
    }

    /** @return the identity (device and inode) of the file, or {@code null} if there is none */
    private static Object keyOf(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int shmOpen(String file, int flags) {
        try (Arena a = Arena.ofConfined()) {
            return (int) SHM_OPEN.invokeExact(Libc.errnoSlot(), a.allocateFrom("/" + file), flags, 0600);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** @return whether the name was removed by this call */
    private static boolean shmUnlink(String file) {
        try (Arena a = Arena.ofConfined()) {
            return (int) SHM_UNLINK.invokeExact(Libc.errnoSlot(), a.allocateFrom("/" + file)) == 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static void call(String what, int result) {
        if (result != 0) {
            throw Libc.failure(what);
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

    /**
     * What a handle holds, apart from the handle object itself so that a {@link Cleaner} can release it: the
     * descriptor with its shared lock, and the mapping.
     */
    private static final class Handle {
        final int fd;
        /** The object's identity, which outlives both its name and this handle's descriptor. */
        final Object key;
        final Arena arena;
        final MemorySegment memory;
        /** The object's file name in {@link #DIR}; {@code null} only while it is being created. */
        String fileName;
        boolean unlinkedHere;
        private boolean released;

        private Handle(int fd, Object key, Arena arena, MemorySegment memory, String fileName) {
            this.fd = fd;
            this.key = key;
            this.arena = arena;
            this.memory = memory;
            this.fileName = fileName;
        }

        static Handle map(int fd, long size, String fileName) throws Throwable {
            Object key = keyOfOpen(fd);
            if (key == null) {
                throw new MultiprocessingException("cannot read the identity of shared-memory descriptor " + fd
                        + " in /proc/self/fd; multiproc4j's native implementation needs /proc mounted");
            }
            MemorySegment addr = (MemorySegment) MMAP.invokeExact(Libc.errnoSlot(), MemorySegment.NULL, size,
                    PROT_READ_WRITE, MAP_SHARED, fd, 0L);
            if (addr.address() == -1L) {
                throw Libc.failure("mmap(" + size + " bytes)");
            }
            long address = addr.address();
            Arena arena = Arena.ofShared();
            MemorySegment memory = addr.reinterpret(size, arena, s -> unmap(address, size));
            Handle h = new Handle(fd, key, arena, memory, fileName);
            synchronized (OPEN) {
                OPEN.add(h);
            }
            return h;
        }

        synchronized boolean released() {
            return released;
        }

        /** @return whether the name still leads to this object and was not unlinked through this handle */
        synchronized boolean linked() {
            return fileName != null && !unlinkedHere && key.equals(keyOf(DIR.resolve(fileName)));
        }

        /** Gives up the lock, removes the object if no one else holds it, and unmaps. Idempotent. */
        void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
                try {
                    // Converting the shared lock to an exclusive one first drops the shared one; the exclusive one
                    // is granted only if no handle anywhere holds a lock on the object.
                    if (fileName != null && !unlinkedHere
                            && (int) FLOCK.invokeExact(Libc.errnoSlot(), fd, LOCK_EX | LOCK_NB) == 0
                            && sameFile(fd, fileName)) {
                        shmUnlink(fileName);
                    }
                } catch (Throwable t) {
                    System.err.println("multiproc4j: could not release the shared-memory object " + fileName + ": "
                            + t);
                } finally {
                    Libc.close(fd);
                }
            }
            synchronized (OPEN) {
                OPEN.remove(this);
            }
            try {
                arena.close();
            } catch (IllegalStateException inUse) {
                // A thread is inside a native call on this memory (a futex wait): the mapping stays, harmlessly,
                // until this JVM ends.
            }
        }

        private static void unmap(long address, long size) {
            try {
                int r = (int) MUNMAP.invokeExact(Libc.errnoSlot(), MemorySegment.ofAddress(address), size);
                assert r == 0;
            } catch (Throwable t) {
                // the address range stays reserved; nothing else can go wrong
            }
        }
    }
}
