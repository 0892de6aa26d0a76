package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.ProcessSignal;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.NativeLeftovers;
import io.multiproc4j.spi.ChildExit;
import io.multiproc4j.spi.ChildHandle;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A spawned child. A platform thread of its own hands it its start-up message, copies its start-up error output
 * to ours (keeping the start of it) until its task starts, waits for it with {@code waitpid}, which gives its exit
 * status exactly, and then reads on the control channel whether its task started. Signals go through a pidfd, so a
 * signal can never reach another process that was given the pid after the child was reaped.
 */
final class NativeChild implements ChildHandle {

    /** The waiting thread only copies a message and waits: it needs little stack. */
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    /** How much of a child's error output is kept to explain a failed start. */
    private static final int START_OUTPUT_LIMIT = 16 * 1024;
    /** The parent's own standard error, shared by every child's start-up output. */
    private static final OutputStream PARENT_STDERR = new FileOutputStream(FileDescriptor.err);

    private final int pid;
    private final boolean ownGroup;
    private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();
    /** Closed, and set to -1, once the child is reaped; guarded by this. */
    private int pidfd;

    private NativeChild(int pid, int pidfd, boolean ownGroup) {
        this.pid = pid;
        this.pidfd = pidfd;
        this.ownGroup = ownGroup;
    }

    /**
     * Takes charge of a child just spawned.
     *
     * @param pid its pid
     * @param control this process's end of its control channel; closed once the child has ended
     * @param startupErr the read end of the child's standard error until its task starts; closed at its end
     * @param startup the start-up message to send it
     * @param ownGroup whether it leads its own process group, so that terminate and kill reach its descendants
     * @return the handle
     */
    static NativeChild begin(int pid, int control, int startupErr, byte[] startup, boolean ownGroup) {
        int pidfd = Spawn.pidfdOpen(pid);
        NativeChild child = new NativeChild(pid, pidfd, ownGroup);
        // A platform thread: a virtual one would pin its carrier in waitpid for the child's whole life.
        Thread.ofPlatform().daemon().stackSize(THREAD_STACK_BYTES).name("mp4j-child-" + pid)
                .start(() -> child.superviseUntilEnd(control, startupErr, startup));
        return child;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<ChildExit> onExit() {
        return exit;
    }

    @Override
    public synchronized boolean signal(ProcessSignal signal) {
        if (pidfd < 0) {
            return false;
        }
        if (ownGroup && (signal == ProcessSignal.SIGTERM || signal == ProcessSignal.SIGKILL)) {
            // The whole tree: the child leads its group, and its descendants stay in it.
            return Libc.kill(-pid, signal.number()) == 0;
        }
        return Spawn.pidfdSendSignal(pidfd, signal.number()) == 0;
    }

    private void superviseUntilEnd(int control, int startupErr, byte[] startup) {
        int code;
        Optional<String> failure;
        try {
            try {
                Control.writeFully(control, startup);
            } catch (Libc.NativeCallException childGone) {
                // It died before reading its start-up message: its exit status and error output tell why.
            }
            byte[] startOutput = pumpStartupOutput(startupErr);
            code = Spawn.awaitExit(pid);
            synchronized (this) {
                Libc.close(pidfd);
                pidfd = -1;
            }
            byte[] answer = Control.readToEnd(control, 1);
            boolean started = answer.length > 0 && answer[0] == Control.TASK_STARTED;
            failure = started || code < 0 ? Optional.empty()
                    : Optional.of(startOutput.length == 0 ? "(it wrote nothing to its standard error)"
                            : new String(startOutput, StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            code = 1;
            failure = Optional.of("multiproc4j could not follow this child: " + e);
        } finally {
            Libc.close(control);
            Libc.close(startupErr);
        }
        NativeLeftovers.sweepAfterChildEnded();
        exit.complete(new ChildExit(code, failure));
    }

    /**
     * Copies what the child writes on its standard error before its task starts to ours, until the child replaces
     * that pipe by our standard error or ends.
     *
     * @return the start of it
     */
    private static byte[] pumpStartupOutput(int startupErr) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(8192);
            long n;
            while ((n = Libc.read(startupErr, buf, buf.byteSize())) > 0) {
                byte[] bytes = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                synchronized (PARENT_STDERR) {
                    PARENT_STDERR.write(bytes);
                    PARENT_STDERR.flush();
                }
                kept.write(bytes, 0, Math.min(bytes.length, Math.max(0, START_OUTPUT_LIMIT - kept.size())));
            }
        } catch (IOException | Libc.NativeCallException e) {
            // our standard error or the pipe broke: what was kept is all there is
        }
        return kept.toByteArray();
    }
}
