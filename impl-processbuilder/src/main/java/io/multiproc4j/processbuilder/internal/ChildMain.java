package io.multiproc4j.processbuilder.internal;

import io.multiproc4j.ProcessSignal;
import io.multiproc4j.spi.ChildRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The entry point of a child JVM. Reads the control socket's path and token from standard input, connects, receives
 * the child spec and hands it to {@link ChildRuntime}. It reports over the socket when the task starts and how the
 * JVM ends, and, in a daemon child, ends the JVM when the parent's end of the socket closes.
 */
public final class ChildMain {

    /** The signals that end a child by default: each is reported to the parent, which sees exit code -N. */
    private static final Set<ProcessSignal> DEADLY = EnumSet.of(ProcessSignal.SIGHUP, ProcessSignal.SIGINT,
            ProcessSignal.SIGTERM, ProcessSignal.SIGUSR1, ProcessSignal.SIGUSR2);

    /** The control socket to the parent once connected; {@code null} in a JVM that is not a child. */
    private static volatile SocketChannel control;

    /** Set once the JVM is ending, so that the watcher does not mistake our own close for the parent's death. */
    private static volatile boolean exiting;

    private ChildMain() {
    }

    /**
     * @param args ignored: everything arrives over standard input and the control socket
     */
    public static void main(String[] args) {
        SocketChannel channel;
        boolean daemon;
        byte[] spec;
        try {
            String[] bootstrap = readLine(System.in).split("\t", 2);
            Path socket = Path.of(bootstrap[0]);
            try {
                channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            } catch (IOException parentGone) {
                // The parent died before we connected; its socket file would otherwise be left behind.
                Files.deleteIfExists(socket);
                throw parentGone;
            }
            write(channel, ByteBuffer.wrap(HexFormat.of().parseHex(bootstrap[1])));
            ByteBuffer header = read(channel, 5);
            daemon = header.get() == 1;
            spec = read(channel, header.getInt()).array();
        } catch (IOException | RuntimeException e) {
            System.err.println("multiproc4j: this child could not receive its task from its parent: " + e);
            Runtime.getRuntime().halt(1);
            return;
        }
        reportSignalDeaths(channel);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> reportAndClose(channel, Wire.VOLUNTARY_EXIT, -1),
                "multiproc4j-exit-report"));
        Thread watcher = new Thread(() -> watchParent(channel, daemon), "multiproc4j-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        ChildRuntime.run(spec, () -> report(channel, Wire.TASK_STARTED, -1));
    }

    /**
     * The JVM would turn SIGTERM, SIGINT and SIGHUP into an orderly exit with 128+N, and ignores SIGUSR2; instead the
     * child reports the signal and halts at once, as a process without handlers dies of it.
     */
    private static void reportSignalDeaths(SocketChannel channel) {
        control = channel;
        for (ProcessSignal signal : DEADLY) {
            try {
                Signal.handle(new Signal(signal.name().substring(3)), deathHandler(signal));
            } catch (IllegalArgumentException ignoredByTheJvm) {
                // for example SIGHUP under nohup: the signal is ignored, so it cannot end us
            }
        }
    }

    /**
     * What a child does by default on {@code signal}, for {@link PbSignals#restoreDefault}.
     *
     * @return the handler that reports the death to the parent and halts, or {@code null} if this JVM is not a child
     *     or {@code signal} does not end a child
     */
    static SignalHandler deathHandler(ProcessSignal signal) {
        SocketChannel channel = control;
        if (channel == null || !DEADLY.contains(signal)) {
            return null;
        }
        return s -> {
            reportAndClose(channel, Wire.SIGNALLED, s.getNumber());
            Runtime.getRuntime().halt(128 + s.getNumber());
        };
    }

    /** Blocks until the parent's end closes; the parent never sends anything after the spec. */
    private static void watchParent(SocketChannel channel, boolean daemon) {
        ByteBuffer sink = ByteBuffer.allocate(16);
        try {
            while (channel.read(sink) >= 0) {
                sink.clear();
            }
        } catch (IOException e) {
            // treated as the parent's end closing
        }
        if (daemon && !exiting) {
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * Reports how the JVM ends, then closes the channel. Closing matters for speed: HotSpot's exit waits up to
     * 300 ms for threads blocked in native code, such as the watcher's read, to leave it.
     */
    private static void reportAndClose(SocketChannel channel, byte what, int signalNumber) {
        exiting = true;
        report(channel, what, signalNumber);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort; the exit goes on
        }
    }

    private static void report(SocketChannel channel, byte what, int signalNumber) {
        ByteBuffer msg = signalNumber >= 0 ? ByteBuffer.wrap(new byte[] {what, (byte) signalNumber})
                : ByteBuffer.wrap(new byte[] {what});
        synchronized (channel) {
            try {
                write(channel, msg);
            } catch (IOException parentGone) {
                // an orphan has no one to report to
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void write(SocketChannel channel, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    private static ByteBuffer read(SocketChannel channel, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new IOException("the parent closed the control socket early");
            }
        }
        return buf.flip();
    }
}
