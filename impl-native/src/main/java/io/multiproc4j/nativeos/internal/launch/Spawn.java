package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.PassedDescriptors;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The system calls that start, signal and reap a child: {@code posix_spawn} with its file actions and attributes,
 * {@code pidfd_open}, {@code pidfd_send_signal}, {@code waitpid}, and {@code socketpair} for the control channel.
 */
final class Spawn {

    /** The child's control channel is this descriptor. */
    static final int CONTROL_FD = 3;
    /** The parent's standard error, in the child until its task starts; its own standard error is a pipe till then. */
    static final int PARENT_STDERR_FD = 4;

    private static final int POSIX_SPAWN_SETPGROUP = 0x02;
    private static final int POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final int POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int O_RDONLY = 0;
    /** Sources of the child's descriptors are moved at or above this, clear of the numbers they take in the child. */
    private static final int SOURCE_FLOOR = 256;
    private static final long SYS_PIDFD_SEND_SIGNAL = 424;
    private static final long SYS_PIDFD_OPEN = 434;
    /** glibc's {@code posix_spawn_file_actions_t} is 80 bytes and {@code posix_spawnattr_t} 336; room to spare. */
    private static final long OPAQUE_BYTES = 1024;
    private static final long SIGSET_BYTES = 128;
    /** The signals a child starts with at their default action, even when this process ignores them. */
    private static final int[] DEFAULT_SIGNALS = {1, 2, 3, 10, 12, 13, 15};

    private static final MethodHandle SPAWN = Libc.plain("posix_spawn", FunctionDescriptor.of(Libc.C_INT,
            Libc.C_POINTER, Libc.C_POINTER, Libc.C_POINTER, Libc.C_POINTER, Libc.C_POINTER, Libc.C_POINTER));
    private static final MethodHandle FA_INIT = Libc.plain("posix_spawn_file_actions_init",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle FA_DESTROY = Libc.plain("posix_spawn_file_actions_destroy",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle FA_DUP2 = Libc.plain("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT, Libc.C_INT));
    private static final MethodHandle FA_OPEN = Libc.plain("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT, Libc.C_POINTER, Libc.C_INT, Libc.C_INT));
    private static final MethodHandle FA_CLOSEFROM = Libc.plain("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT));
    private static final MethodHandle ATTR_INIT = Libc.plain("posix_spawnattr_init",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle ATTR_DESTROY = Libc.plain("posix_spawnattr_destroy",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle ATTR_FLAGS = Libc.plain("posix_spawnattr_setflags",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, ValueLayout.JAVA_SHORT));
    private static final MethodHandle ATTR_SIGDEFAULT = Libc.plain("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_POINTER));
    private static final MethodHandle ATTR_SIGMASK = Libc.plain("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_POINTER));
    private static final MethodHandle ATTR_PGROUP = Libc.plain("posix_spawnattr_setpgroup",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT));
    private static final MethodHandle SIGEMPTYSET = Libc.plain("sigemptyset",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER));
    private static final MethodHandle SIGADDSET = Libc.plain("sigaddset",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT));
    private static final MethodHandle PIPE2 = Libc.function("pipe2",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_INT));
    private static final MethodHandle WAITPID = Libc.function("waitpid",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_INT, Libc.C_POINTER, Libc.C_INT));
    private static final MethodHandle SYSCALL = Libc.function("syscall",
            FunctionDescriptor.of(Libc.C_LONG, Libc.C_LONG, Libc.C_LONG, Libc.C_LONG, Libc.C_POINTER, Libc.C_LONG),
            Linker.Option.firstVariadicArg(1));
    /** The process's environment, as {@code environ} holds it; the JDK never changes it. */
    private static final MemorySegment ENVIRON = Libc.LOOKUP.find("environ").orElseThrow()
            .reinterpret(ValueLayout.ADDRESS.byteSize());

    private Spawn() {
    }

    /**
     * Spawns a program. The child gets this process's standard output, {@code /dev/null} as standard input,
     * {@code startupErrFd} as standard error and this process's standard error as {@link #PARENT_STDERR_FD},
     * {@code controlFd} as descriptor {@link #CONTROL_FD}, each of {@code passed} as {@link PassedDescriptors#FIRST}
     * onwards, and no other descriptor of ours; the signals a child reports as its death start at their default
     * action and none is blocked.
     *
     * @param argv the program's path and arguments
     * @param controlFd the child's end of the control channel
     * @param startupErrFd the child's standard error until its task starts
     * @param passed further descriptors to hand over, in order
     * @param newProcessGroup whether the child leads a process group of its own
     * @return the child's pid
     * @throws Libc.NativeCallException if the child cannot be spawned
     */
    static int spawn(List<String> argv, int controlFd, int startupErrFd, List<Integer> passed,
            boolean newProcessGroup) {
        int[] sources = new int[passed.size() + 3];
        int fixed = 3;
        try (Arena arena = Arena.ofConfined()) {
            // Moved clear of every number a descriptor takes in the child, so that no dup2 overwrites a source that
            // a later one still needs.
            sources[0] = duplicateHigh(controlFd);
            sources[1] = duplicateHigh(startupErrFd);
            sources[2] = duplicateHigh(2);
            for (int i = 0; i < passed.size(); i++) {
                sources[fixed + i] = duplicateHigh(passed.get(i));
            }
            MemorySegment actions = arena.allocate(OPAQUE_BYTES, 16);
            MemorySegment attr = arena.allocate(OPAQUE_BYTES, 16);
            check("posix_spawn_file_actions_init", (int) FA_INIT.invokeExact(actions));
            check("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
            try {
                check("addopen", (int) FA_OPEN.invokeExact(actions, 0, arena.allocateFrom("/dev/null"), O_RDONLY,
                        0));
                check("adddup2", (int) FA_DUP2.invokeExact(actions, sources[0], CONTROL_FD));
                check("adddup2", (int) FA_DUP2.invokeExact(actions, sources[1], 2));
                check("adddup2", (int) FA_DUP2.invokeExact(actions, sources[2], PARENT_STDERR_FD));
                for (int i = fixed; i < sources.length; i++) {
                    check("adddup2", (int) FA_DUP2.invokeExact(actions, sources[i],
                            PassedDescriptors.FIRST + i - fixed));
                }
                check("addclosefrom_np", (int) FA_CLOSEFROM.invokeExact(actions,
                        PassedDescriptors.FIRST + passed.size()));

                MemorySegment defaults = arena.allocate(SIGSET_BYTES, 8);
                check("sigemptyset", (int) SIGEMPTYSET.invokeExact(defaults));
                for (int s : DEFAULT_SIGNALS) {
                    check("sigaddset", (int) SIGADDSET.invokeExact(defaults, s));
                }
                MemorySegment noneBlocked = arena.allocate(SIGSET_BYTES, 8);
                check("sigemptyset", (int) SIGEMPTYSET.invokeExact(noneBlocked));
                check("setsigdefault", (int) ATTR_SIGDEFAULT.invokeExact(attr, defaults));
                check("setsigmask", (int) ATTR_SIGMASK.invokeExact(attr, noneBlocked));
                int flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
                if (newProcessGroup) {
                    check("setpgroup", (int) ATTR_PGROUP.invokeExact(attr, 0));
                    flags |= POSIX_SPAWN_SETPGROUP;
                }
                check("setflags", (int) ATTR_FLAGS.invokeExact(attr, (short) flags));

                MemorySegment args = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1L);
                for (int i = 0; i < argv.size(); i++) {
                    args.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
                }
                args.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
                MemorySegment pid = arena.allocate(Libc.C_INT);
                MemorySegment env = ENVIRON.get(ValueLayout.ADDRESS, 0);
                int r = (int) SPAWN.invokeExact(pid, args.getAtIndex(ValueLayout.ADDRESS, 0), actions, attr, args,
                        env);
                if (r != 0) {
                    throw new Libc.NativeCallException("posix_spawn(" + argv.get(0) + ")", r);
                }
                return pid.get(Libc.C_INT, 0);
            } finally {
                int ignoredA = (int) FA_DESTROY.invokeExact(actions);
                int ignoredB = (int) ATTR_DESTROY.invokeExact(attr);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            for (int fd : sources) {
                if (fd > 0) {
                    Libc.close(fd);
                }
            }
        }
    }

    /**
     * @return a pipe, read end first, both close-on-exec
     */
    static int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(Libc.C_INT, 2);
            if ((int) PIPE2.invokeExact(Libc.errnoSlot(), fds, Libc.O_CLOEXEC) != 0) {
                throw Libc.failure("pipe2");
            }
            return new int[] {fds.getAtIndex(Libc.C_INT, 0), fds.getAtIndex(Libc.C_INT, 1)};
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * @param pid a child
     * @return a descriptor that refers to that very process, whatever happens to its pid later
     */
    static int pidfdOpen(int pid) {
        try {
            long fd = (long) SYSCALL.invokeExact(Libc.errnoSlot(), SYS_PIDFD_OPEN, (long) pid, 0L,
                    MemorySegment.NULL, 0L);
            if (fd < 0) {
                throw Libc.failure("pidfd_open(" + pid + ")");
            }
            return (int) fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * @param pidfd a process descriptor
     * @param signal the signal number
     * @return 0, or the errno ({@link Libc#ESRCH} once the process has ended)
     */
    static int pidfdSendSignal(int pidfd, int signal) {
        try {
            long r = (long) SYSCALL.invokeExact(Libc.errnoSlot(), SYS_PIDFD_SEND_SIGNAL, (long) pidfd,
                    (long) signal, MemorySegment.NULL, 0L);
            return r == 0 ? 0 : Libc.errno();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Waits for a child to end and reaps it, through interruptions by signals.
     *
     * @param pid the child
     * @return its exit code in Python's form: the status it exited with, or {@code -N} for a death by signal N
     */
    static int awaitExit(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(Libc.C_INT);
            while (true) {
                int r = (int) WAITPID.invokeExact(Libc.errnoSlot(), pid, status, 0);
                if (r == pid) {
                    int s = status.get(Libc.C_INT, 0);
                    int termSignal = s & 0x7f;
                    return termSignal == 0 ? (s >> 8) & 0xff : -termSignal;
                }
                if (r < 0 && Libc.errno() != Libc.EINTR) {
                    throw Libc.failure("waitpid(" + pid + ")");
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int duplicateHigh(int fd) {
        int dup = Libc.fcntl(fd, Libc.F_DUPFD_CLOEXEC, SOURCE_FLOOR);
        if (dup < 0) {
            throw Libc.failure("fcntl(" + fd + ", F_DUPFD_CLOEXEC)");
        }
        return dup;
    }

    private static void check(String what, int result) {
        if (result != 0) {
            throw new Libc.NativeCallException(what, result);
        }
    }
}
