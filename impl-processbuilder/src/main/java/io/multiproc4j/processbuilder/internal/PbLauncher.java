package io.multiproc4j.processbuilder.internal;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.spi.ChildHandle;
import io.multiproc4j.spi.JvmCommand;
import io.multiproc4j.spi.LaunchRequest;
import io.multiproc4j.spi.OwnedFiles;
import io.multiproc4j.spi.ProcessLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Starts children with {@link ProcessBuilder}. Each start binds a fresh Unix-domain socket, private to the user,
 * whose path and one-time token reach the child on its standard input (never its command line); the socket file is
 * removed as soon as the child has connected, or has died.
 */
public final class PbLauncher implements ProcessLauncher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** Creates the launcher. */
    public PbLauncher() {
    }

    @Override
    public ChildHandle launch(LaunchRequest request) {
        byte[] token = new byte[Wire.TOKEN_BYTES];
        RANDOM.nextBytes(token);
        Path socket = OwnedFiles.socketBase().resolve("mp4j-" + HEX.formatHex(randomBytes(12)) + ".sock");
        ServerSocketChannel server = null;
        Process process = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder builder = new ProcessBuilder(command(request))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            process = builder.start();
            PbChild child = PbChild.begin(process, server, socket, token, request);
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((socket + "\t" + HEX.formatHex(token) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException childAlreadyGone) {
                // The JVM died before reading its standard input (a bad option, say): its exit status and error
                // output, which the child handle keeps, explain it at join().
            }
            return child;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            PbChild.closeQuietly(server);
            PbChild.deleteQuietly(socket);
            throw new MultiprocessingException("could not start process '" + request.processName() + "': " + e, e);
        }
    }

    private static List<String> command(LaunchRequest request) {
        List<String> cmd = new ArrayList<>();
        if (IGNORED_DEADLY_SIGNALS) {
            // A program started in the background by a non-interactive shell ignores SIGINT, and an ignored signal
            // stays ignored across exec: the child JVM could then neither die of it nor handle it. Give it the
            // default disposition, as a process started from a terminal has.
            cmd.add("env");
            cmd.add("--default-signal=HUP,INT,TERM,USR1,USR2");
        }
        if (request.niceness().isPresent()) {
            // nice(1) adjusts relative to the current niceness; the API promises an absolute value.
            cmd.add("nice");
            cmd.add("-n");
            cmd.add(Integer.toString(request.niceness().getAsInt() - ownNiceness()));
        }
        cmd.addAll(JvmCommand.forMainClass(ChildMain.class, List.of()));
        return cmd;
    }

    /** Whether this JVM was started with one of the signals a child reports as its death ignored. */
    private static final boolean IGNORED_DEADLY_SIGNALS = ignoresDeadlySignals();

    private static boolean ignoresDeadlySignals() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    long deadly = 0;
                    for (int signal : new int[] {1, 2, 10, 12, 15}) {
                        deadly |= 1L << (signal - 1);
                    }
                    return (ignored & deadly) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: leave the dispositions as they are
        }
        return false;
    }

    private static int ownNiceness() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]); // field 19 of stat; the fields after the name start at field 3
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
