package io.multiproc4j.nativeos.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The C library of this Linux system, through the Foreign Function &amp; Memory API: the linker, the lookup, the
 * {@code errno} of each call, and the few calls every part of this implementation needs. Each part binds the
 * further functions it uses with {@link #function} next to the code that calls them.
 *
 * <p>A function bound with {@link #function} takes, before its C arguments, the segment that receives its
 * {@code errno}: pass {@link #errnoSlot()}, and read {@link #errno()} right after a call that failed, on the same
 * thread.
 */
public final class Libc {

    /** The native linker of this platform. */
    public static final Linker LINKER = Linker.nativeLinker();
    /** The C library's symbols. */
    public static final SymbolLookup LOOKUP = LINKER.defaultLookup();

    /** A C {@code int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** A C {@code long}, {@code size_t}, {@code ssize_t} or {@code off_t} on 64-bit Linux. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** A C pointer. */
    public static final ValueLayout C_POINTER = ValueLayout.ADDRESS;

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final ThreadLocal<MemorySegment> ERRNO_SLOT =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** Try again: would block, or a futex word did not hold the expected value. */
    public static final int EAGAIN = 11;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** No such process. */
    public static final int ESRCH = 3;
    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** File exists. */
    public static final int EEXIST = 17;
    /** Broken pipe. */
    public static final int EPIPE = 32;
    /** Connection reset by peer. */
    public static final int ECONNRESET = 104;
    /** {@code O_CLOEXEC}, which is also {@code SOCK_CLOEXEC} and {@code MFD_CLOEXEC}'s value on Linux. */
    public static final int O_CLOEXEC = 02000000;
    /** {@code fcntl}: duplicate to the lowest free number at or above the argument, close-on-exec. */
    public static final int F_DUPFD_CLOEXEC = 1030;
    /** {@code fcntl}: set the descriptor flags. */
    public static final int F_SETFD = 2;
    /** The close-on-exec descriptor flag. */
    public static final int FD_CLOEXEC = 1;
    /** Timed out. */
    public static final int ETIMEDOUT = 110;
    /** No child processes. */
    public static final int ECHILD = 10;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(EPERM, "EPERM"),
            Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"), Map.entry(EINTR, "EINTR"), Map.entry(9, "EBADF"),
            Map.entry(ECHILD, "ECHILD"), Map.entry(EAGAIN, "EAGAIN"), Map.entry(12, "ENOMEM"),
            Map.entry(13, "EACCES"), Map.entry(EEXIST, "EEXIST"), Map.entry(22, "EINVAL"), Map.entry(24, "EMFILE"),
            Map.entry(28, "ENOSPC"), Map.entry(EPIPE, "EPIPE"), Map.entry(38, "ENOSYS"),
            Map.entry(ECONNRESET, "ECONNRESET"), Map.entry(ETIMEDOUT, "ETIMEDOUT"));

    private static final MethodHandle GETPID = plain("getpid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle GETPPID = plain("getppid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle KILL = function("kill", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle READ = function("read", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final MethodHandle WRITE = function("write",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));

    private static final int PID = getpidUncached();

    private Libc() {
    }

    /**
     * Binds a C library function that sets {@code errno}; the handle's first parameter is the errno segment.
     *
     * @param name the symbol
     * @param descriptor its C signature
     * @param options further linker options, such as {@code firstVariadicArg}
     * @return the downcall handle
     * @throws UnsatisfiedLinkError if the C library has no such function
     */
    public static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(symbol(name), descriptor, all);
    }

    /**
     * Binds a C library function whose failures need no {@code errno}.
     *
     * @param name the symbol
     * @param descriptor its C signature
     * @return the downcall handle
     */
    public static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    private static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("the C library has no function " + name
                + "; multiproc4j's native implementation needs Linux with glibc 2.34 or newer"));
    }

    /** @return this thread's segment for the {@code errno} of the next call */
    public static MemorySegment errnoSlot() {
        return ERRNO_SLOT.get();
    }

    /** @return the {@code errno} of the last call on this thread made with {@link #errnoSlot()} */
    public static int errno() {
        return (int) ERRNO.get(ERRNO_SLOT.get(), 0L);
    }

    /**
     * @param errno an error number
     * @return its symbolic name and text, for example {@code "EEXIST (File exists)"}
     */
    public static String describe(int errno) {
        String text;
        try {
            MemorySegment s = (MemorySegment) Rare.STRERROR.invokeExact(errno);
            text = s.reinterpret(256).getString(0, StandardCharsets.UTF_8);
        } catch (Throwable t) {
            text = "error " + errno;
        }
        return NAMES.getOrDefault(errno, "errno " + errno) + " (" + text + ")";
    }

    /**
     * @param call what was called, for example {@code "shm_open(mp4jn.x)"}
     * @return an exception naming the call and this thread's last {@code errno}
     */
    public static NativeCallException failure(String call) {
        int e = errno();
        return new NativeCallException(call, e);
    }

    /** @return this process's pid, as the kernel numbers it */
    public static int pid() {
        return PID;
    }

    /** @return the pid of this process's parent now: 1 or a subreaper's once the parent has died */
    public static int parentPid() {
        try {
            return (int) GETPPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Sends a signal.
     *
     * @param pid the process, or {@code -pgid} for a process group
     * @param signal the signal number, or 0 to check that the process exists
     * @return 0, or the {@code errno} of the failure ({@link #ESRCH} if there is no such process)
     */
    public static int kill(int pid, int signal) {
        try {
            int r = (int) KILL.invokeExact(errnoSlot(), pid, signal);
            return r == 0 ? 0 : errno();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Whether a process is alive: it exists and is not a zombie. A zombie holds its pid until its parent reaps it,
     * which a parent that never waits (PID 1 in some containers) never does; it runs no code any more.
     *
     * @param pid the process
     * @return whether it exists and has not ended
     */
    public static boolean isAlive(int pid) {
        if (pid <= 0) {
            return false;
        }
        int r = kill(pid, 0);
        if (r == ESRCH) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Closes a descriptor, ignoring errors: after {@code close} fails, Linux has released the descriptor anyway.
     *
     * @param fd the descriptor; negative values are ignored
     */
    public static void close(int fd) {
        if (fd < 0) {
            return;
        }
        try {
            int r = (int) CLOSE.invokeExact(errnoSlot(), fd);
            assert r == 0 || r == -1;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * One {@code read(2)}, retried when a signal interrupts it.
     *
     * @param fd the descriptor
     * @param into where the bytes go
     * @param max at most this many
     * @return the number read, 0 at end of file
     * @throws NativeCallException if the read fails
     */
    public static long read(int fd, MemorySegment into, long max) {
        try {
            while (true) {
                long n = (long) READ.invokeExact(errnoSlot(), fd, into, max);
                if (n >= 0) {
                    return n;
                }
                if (errno() != EINTR) {
                    throw failure("read(" + fd + ")");
                }
            }
        } catch (NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * One {@code write(2)}, retried when a signal interrupts it.
     *
     * @param fd the descriptor
     * @param from the bytes
     * @param length how many to write at most
     * @return the number written
     * @throws NativeCallException if the write fails ({@link #EPIPE} when no reader is left)
     */
    public static long write(int fd, MemorySegment from, long length) {
        try {
            while (true) {
                long n = (long) WRITE.invokeExact(errnoSlot(), fd, from, length);
                if (n >= 0) {
                    return n;
                }
                if (errno() != EINTR) {
                    throw failure("write(" + fd + ")");
                }
            }
        } catch (NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * A connected pair of Unix stream sockets, both close-on-exec.
     *
     * @return the two descriptors
     * @throws NativeCallException if they cannot be made (EMFILE: too many open descriptors)
     */
    public static int[] socketPair() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(C_INT, 2);
            int r = (int) Rare.SOCKETPAIR.invokeExact(errnoSlot(), 1 /* AF_UNIX */, 1 /* SOCK_STREAM */ | O_CLOEXEC, 0,
                    fds);
            if (r != 0) {
                throw failure("socketpair");
            }
            return new int[] {fds.getAtIndex(C_INT, 0), fds.getAtIndex(C_INT, 1)};
        } catch (NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code fcntl(fd, cmd, arg)} with an int argument.
     *
     * @param fd the descriptor
     * @param cmd the command, such as {@link #F_DUPFD_CLOEXEC}
     * @param arg its argument
     * @return what the call returned; -1 on failure, with {@link #errno()} set
     */
    public static int fcntl(int fd, int cmd, int arg) {
        try {
            return (int) Rare.FCNTL.invokeExact(errnoSlot(), fd, cmd, arg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Makes {@code to} a copy of {@code from}, closing what {@code to} was.
     *
     * @param from a descriptor
     * @param to the number it is copied to
     * @throws NativeCallException if the call fails
     */
    public static void dup2(int from, int to) {
        try {
            if ((int) Rare.DUP2.invokeExact(errnoSlot(), from, to) < 0) {
                throw failure("dup2(" + from + ", " + to + ")");
            }
        } catch (NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Turns what a downcall threw into an unchecked exception: a downcall handle declares {@code Throwable}, but
     * throws only what the Java side of the call does.
     *
     * @param t what was thrown
     * @return never returns normally; declared so that callers can write {@code throw rethrow(t)}
     */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a native call failed: " + t, t);
    }

    private static int getpidUncached() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Bindings that only some processes need, made on first use: a cold JVM spends milliseconds on each new shape
     * of native call, and a child pays for what is bound before its task can start.
     */
    private static final class Rare {
        static final MethodHandle SOCKETPAIR = function("socketpair",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER));
        static final MethodHandle FCNTL = function("fcntl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT),
                Linker.Option.firstVariadicArg(2));
        static final MethodHandle DUP2 = function("dup2", FunctionDescriptor.of(C_INT, C_INT, C_INT));
        static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(C_POINTER, C_INT));
    }

    /** A C library call that failed, with its {@code errno}. */
    public static final class NativeCallException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int errno;

        /**
         * @param call what was called
         * @param errno the error number it set
         */
        public NativeCallException(String call, int errno) {
            super(call + " failed: " + describe(errno));
            this.errno = errno;
        }

        /** @return the error number */
        public int errno() {
            return errno;
        }
    }
}
