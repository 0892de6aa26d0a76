package io.multiproc4j.processbuilder.internal;

import io.multiproc4j.ProcessSignal;
import io.multiproc4j.spi.ChildExit;
import io.multiproc4j.spi.ChildHandle;
import io.multiproc4j.spi.KillCommand;
import io.multiproc4j.spi.LaunchRequest;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running child: its control connection, its standard-error pump, and how its exit code is worked out. */
final class PbChild implements ChildHandle {

    /** The parent's own standard error, shared by every pump. */
    private static final OutputStream PARENT_STDERR = new FileOutputStream(FileDescriptor.err);
    /** How much of a child's error output is kept to explain a failed start. */
    private static final int START_OUTPUT_LIMIT = 16 * 1024;
    /** The control and pump threads need little stack: they only move bytes. */
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    /** How long the pump may outlive the child, in case a descendant still holds its standard error. */
    private static final long PUMP_GRACE_MILLIS = 2_000;

    private final Process process;
    private final CompletableFuture<ChildExit> exit = new CompletableFuture<>();
    private final ByteArrayOutputStream startOutput = new ByteArrayOutputStream();
    private volatile boolean taskStarted;
    private volatile boolean voluntary;
    private volatile int signalled;

    private PbChild(Process process) {
        this.process = process;
    }

    static PbChild begin(Process process, ServerSocketChannel server, Path socket, byte[] token,
            LaunchRequest request) {
        PbChild child = new PbChild(process);
        // If the child dies before it connects, closing the server ends the blocked accept().
        process.onExit().thenRun(() -> closeQuietly(server));
        CompletableFuture<Void> control = new CompletableFuture<>();
        CompletableFuture<Void> pump = new CompletableFuture<>();
        // Platform threads, not virtual ones. A virtual thread blocked on a socket hands it to the JDK's I/O poller,
        // whose platform thread then waits in epoll for the rest of the JVM's life, and HotSpot's exit waits up to
        // 300 ms for threads in native code: every program would end 300 ms late. A virtual thread reading a pipe
        // would also pin its carrier for the child's whole life.
        Thread.ofPlatform().daemon().stackSize(THREAD_STACK_BYTES).name("mp4j-control-" + process.pid())
                .start(() -> child.control(server, socket, token, request, control));
        Thread.ofPlatform().daemon().stackSize(THREAD_STACK_BYTES).name("mp4j-stderr-" + process.pid())
                .start(() -> child.pump(pump));
        process.onExit()
                .thenCompose(p -> control)
                .thenCompose(v -> pump.completeOnTimeout(null, PUMP_GRACE_MILLIS, TimeUnit.MILLISECONDS))
                .whenComplete((v, e) -> {
                    PbLeftovers.sweepAfterChildEnded();
                    child.exit.complete(child.outcome());
                });
        return child;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<ChildExit> onExit() {
        return exit;
    }

    @Override
    public boolean signal(ProcessSignal signal) {
        if (!process.isAlive()) {
            return false;
        }
        switch (signal) {
            case SIGTERM -> process.destroy();
            case SIGKILL -> process.destroyForcibly();
            default -> KillCommand.send(pid(), signal);
        }
        return true;
    }


    /** Hands the child its spec, then reads its reports until it closes the connection by ending. */
    private void control(ServerSocketChannel server, Path socket, byte[] token, LaunchRequest request,
            CompletableFuture<Void> done) {
        try (SocketChannel channel = server.accept()) {
            deleteQuietly(socket);
            closeQuietly(server);
            ByteBuffer proof = ByteBuffer.allocate(Wire.TOKEN_BYTES);
            while (proof.hasRemaining() && channel.read(proof) >= 0) {
                // keep reading
            }
            if (!MessageDigest.isEqual(proof.array(), token)) {
                process.destroyForcibly();
                return;
            }
            byte[] spec = request.childSpec();
            ByteBuffer out = ByteBuffer.allocate(1 + 4 + spec.length);
            out.put((byte) (request.daemon() ? 1 : 0)).putInt(spec.length).put(spec).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(64);
            int expectSignalNumber = 0;
            while (channel.read(in) >= 0) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (expectSignalNumber > 0) {
                        signalled = b;
                        expectSignalNumber = 0;
                    } else if (b == Wire.TASK_STARTED) {
                        taskStarted = true;
                    } else if (b == Wire.VOLUNTARY_EXIT) {
                        voluntary = true;
                    } else if (b == Wire.SIGNALLED) {
                        expectSignalNumber = 1;
                    }
                }
                in.clear();
            }
        } catch (IOException e) {
            // The child died before connecting, or the connection broke: the exit status tells the rest.
        } finally {
            deleteQuietly(socket);
            closeQuietly(server);
            done.complete(null);
        }
    }

    /** Copies the child's standard error to ours, keeping the start of it to explain a failed start. */
    private void pump(CompletableFuture<Void> done) {
        byte[] buf = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buf)) >= 0) {
                synchronized (PARENT_STDERR) {
                    PARENT_STDERR.write(buf, 0, n);
                    PARENT_STDERR.flush();
                }
                if (!taskStarted) {
                    synchronized (startOutput) {
                        startOutput.write(buf, 0, Math.min(n, Math.max(0, START_OUTPUT_LIMIT - startOutput.size())));
                    }
                }
            }
        } catch (IOException e) {
            // the child's end closed
        } finally {
            done.complete(null);
        }
    }

    /**
     * The exit code in Python's form. {@code java.lang.Process} reports a death by signal N as 128+N, which a JVM
     * calling {@code System.exit(128+N)} also produces; the child's own report settles which it was.
     */
    private ChildExit outcome() {
        int raw = process.exitValue();
        int code;
        if (signalled > 0) {
            code = -signalled;
        } else if (voluntary) {
            code = raw;
        } else if (raw > 128 && raw <= 128 + 64) {
            code = 128 - raw;
        } else {
            code = raw;
        }
        Optional<String> failure = Optional.empty();
        if (!taskStarted && code >= 0) {
            String text;
            synchronized (startOutput) {
                text = startOutput.toString(StandardCharsets.UTF_8);
            }
            failure = Optional.of(text.isBlank() ? "(it wrote nothing to its standard error)" : text);
        }
        return new ChildExit(code, failure);
    }

    static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // already gone or not ours to delete
        }
    }
}
