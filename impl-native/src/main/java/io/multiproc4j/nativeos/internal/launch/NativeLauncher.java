package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.PassedDescriptors;
import io.multiproc4j.spi.ChildHandle;
import io.multiproc4j.spi.JvmCommand;
import io.multiproc4j.spi.LaunchRequest;
import io.multiproc4j.spi.ProcessLauncher;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Starts children with {@code posix_spawn}, always from one long-lived platform thread of this JVM: a child's
 * parent-death signal fires when the <em>thread</em> that created it ends, so a child spawned from a pooled or
 * virtual thread would be killed whenever that thread happened to end.
 *
 * <p>The child JVM runs {@link NativeChildMain}, receives its start-up message on descriptor
 * {@link Spawn#CONTROL_FD}, never on its command line, and is granted native access explicitly.
 *
 * <p>With the system property {@value #PROCESS_GROUP_PROPERTY} set to {@code true} in a main program, each child
 * leads a process group of its own, which its descendants join, and {@code terminate()} and {@code kill()} signal
 * that whole group: the child's whole tree. By default children stay in their parent's group, as in Python, so that a
 * terminal's Ctrl-C reaches them.
 */
public final class NativeLauncher implements ProcessLauncher {

    /** The system property that puts each child of a main program in a process group of its own. */
    public static final String PROCESS_GROUP_PROPERTY = "multiproc4j.native.processGroups";

    private static final LinkedBlockingQueue<Runnable> SPAWNS = new LinkedBlockingQueue<>();
    private static final Thread SPAWNER = startSpawner();
    private static final List<String> CHILD_OPTIONS = childOptions();

    /** Creates the launcher. */
    public NativeLauncher() {
    }

    @Override
    public ChildHandle launch(LaunchRequest request) {
        boolean ownGroup = Boolean.getBoolean(PROCESS_GROUP_PROPERTY) && !NativeChildMain.isChild();
        PassedDescriptors passed = request.transfer().attachment(PassedDescriptors.class)
                .orElseGet(PassedDescriptors::new);
        List<String> command = JvmCommand.forMainClass(NativeChildMain.class, CHILD_OPTIONS);
        try {
            return onSpawner(() -> {
                int[] pair = Libc.socketPair();
                int[] err = null;
                try {
                    err = Spawn.pipe();
                    int pid = Spawn.spawn(command, pair[1], err[1], passed.descriptors(), ownGroup);
                    NativeChild child = NativeChild.begin(pid, pair[0], err[0], startup(request), ownGroup);
                    pair[0] = -1;
                    err[0] = -1;
                    return child;
                } finally {
                    Libc.close(pair[0]);
                    Libc.close(pair[1]);
                    if (err != null) {
                        Libc.close(err[0]);
                        Libc.close(err[1]);
                    }
                }
            });
        } catch (RuntimeException e) {
            throw new MultiprocessingException("could not start process '" + request.processName() + "': "
                    + e.getMessage(), e);
        } finally {
            passed.closeAll();
        }
    }

    private static byte[] startup(LaunchRequest request) {
        byte[] spec = request.childSpec();
        return ByteBuffer.allocate(Control.HEADER_BYTES + spec.length)
                .putInt(Control.MAGIC)
                .putInt(Libc.pid())
                .put((byte) (request.daemon() ? 1 : 0))
                .putInt(request.niceness().orElse(Control.NO_NICENESS))
                .putInt(spec.length)
                .put(spec)
                .array();
    }

    /** Runs {@code action} on the spawning thread and returns its result, or throws what it threw. */
    private static <T> T onSpawner(Supplier<T> action) {
        if (Thread.currentThread() == SPAWNER) {
            return action.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        SPAWNS.add(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    // The spawn is under way and cannot be undone halfway: finish it, keep the interrupt.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread startSpawner() {
        // Waits in Java, never in native code, so that it never delays the JVM's exit.
        return Thread.ofPlatform().daemon().name("mp4j-spawner").start(() -> {
            while (true) {
                try {
                    SPAWNS.take().run();
                } catch (InterruptedException e) {
                    // nothing interrupts this thread on purpose; keep serving
                }
            }
        });
    }

    /**
     * Native access for the child's implementation classes, and, when this JVM runs with
     * {@code --illegal-native-access} set, the same setting, so that a denial is enforced in children too.
     */
    private static List<String> childOptions() {
        List<String> options = new ArrayList<>();
        Module module = NativeLauncher.class.getModule();
        options.add("--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED"));
        for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (arg.startsWith("--illegal-native-access=")) {
                options.add(arg);
            }
        }
        return List.copyOf(options);
    }
}
