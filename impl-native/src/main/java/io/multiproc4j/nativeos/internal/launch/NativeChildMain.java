package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.spi.ChildRuntime;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of a child JVM started by {@link NativeLauncher}. Reads its start-up message from descriptor
 * {@link Spawn#CONTROL_FD}; in a daemon child, asks the kernel for {@code SIGKILL} when the parent dies, then
 * checks that the parent has not died already; gives the signals a child reports as its death their default
 * action, so that a death by signal N is what the parent's {@code waitpid} sees; and runs the task. Until the task
 * is loaded, its standard error is a pipe that the parent copies to its own and keeps the start of, so that the
 * reason a child could not start, in its JVM's own words or its loader's, reaches {@code join()}.
 */
public final class NativeChildMain {

    private static final int PR_SET_PDEATHSIG = 1;
    private static final int SIGKILL = 9;
    private static final int PRIO_PROCESS = 0;
    /** The signals whose default action ends a process, which the JVM would otherwise turn into an orderly exit. */
    static final int[] DEADLY = {1, 2, 10, 12, 15};

    /** The descriptor the parent's standard error arrives at; the launcher's own constant, for this class only. */
    private static final int PARENT_STDERR_FD = Spawn.PARENT_STDERR_FD;

    private static volatile boolean child;
    private static volatile boolean taskStarted;

    private NativeChildMain() {
    }

    /** @return whether this JVM is a child started by this implementation */
    static boolean isChild() {
        return child;
    }

    /**
     * @param args ignored: everything arrives over the control channel
     */
    public static void main(String[] args) {
        int control = Spawn.CONTROL_FD;
        byte[] spec;
        try {
            ByteBuffer header = ByteBuffer.wrap(Control.readUpTo(control, Control.HEADER_BYTES));
            if (header.remaining() < Control.HEADER_BYTES || header.getInt() != Control.MAGIC) {
                throw new IllegalStateException("no start-up message on descriptor " + control);
            }
            int parentPid = header.getInt();
            boolean daemon = header.get() == 1;
            int niceness = header.getInt();
            int length = header.getInt();
            if (daemon) {
                // The parent may have died before this line: then no signal will ever come, so look.
                call("prctl(PR_SET_PDEATHSIG)", (int) Rare.PRCTL.invokeExact(Libc.errnoSlot(), PR_SET_PDEATHSIG,
                        (long) SIGKILL, 0L, 0L, 0L));
                if (Libc.parentPid() != parentPid) {
                    Runtime.getRuntime().halt(1);
                }
            }
            if (niceness != Control.NO_NICENESS) {
                setNiceness(niceness);
            }
            spec = Control.readUpTo(control, length);
            if (spec.length != length) {
                throw new IllegalStateException("the parent closed the control channel early");
            }
        } catch (Throwable t) {
            System.err.println("multiproc4j: this child could not receive its task from its parent: " + t);
            Runtime.getRuntime().halt(1);
            return;
        }
        child = true;
        NativeSignals.dieOnDeadlySignals();
        ChildRuntime.run(spec, () -> {
            // From now on the task's own output: standard error becomes the parent's, and the start-up pipe, whose
            // contents the parent keeps to explain a failed start, reaches its end.
            System.err.flush();
            Libc.dup2(PARENT_STDERR_FD, 2);
            Libc.close(PARENT_STDERR_FD);
            Control.writeFully(control, new byte[] {Control.TASK_STARTED});
        });
    }

    /**
     * Linux keeps a niceness per thread, and a new thread takes its creator's: every thread the JVM has started so
     * far is set, and those it starts later follow.
     */
    private static void setNiceness(int niceness) throws Throwable {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                int tid = Integer.parseInt(task.getFileName().toString());
                if ((int) Rare.SETPRIORITY.invokeExact(Libc.errnoSlot(), PRIO_PROCESS, tid, niceness) != 0
                        && Libc.errno() != Libc.ESRCH) {
                    System.err.println("multiproc4j: cannot set the niceness of this process to " + niceness + ": "
                            + Libc.describe(Libc.errno()));
                    return;
                }
            }
        }
    }

    private static void call(String what, int result) {
        if (result != 0) {
            throw Libc.failure(what);
        }
    }

    /**
     * Bindings only some children need. A cold JVM spends milliseconds on each new shape of native call, and every
     * child pays what its entry point binds before its task can start.
     */
    private static final class Rare {
        static final MethodHandle PRCTL = Libc.function("prctl", FunctionDescriptor.of(Libc.C_INT, Libc.C_INT,
                Libc.C_LONG, Libc.C_LONG, Libc.C_LONG, Libc.C_LONG));
        static final MethodHandle SETPRIORITY = Libc.function("setpriority",
                FunctionDescriptor.of(Libc.C_INT, Libc.C_INT, Libc.C_INT, Libc.C_INT));
    }
}
