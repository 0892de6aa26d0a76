package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.child.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;

/**
 * The private connection over which one grading JVM reports to the grader: a loopback socket that accepts one
 * connection, whose first line must carry a token only the grader and that JVM know. Every event, and the end of the
 * connection, goes into the queue the grader waits on.
 */
final class EventChannel implements AutoCloseable {

    /** Lines longer than this are not events (the longest carries a capped message and stack trace). */
    private static final int MAX_LINE = 1 << 20;

    private final ServerSocket server;
    private final String token;
    private final Thread reader;
    private volatile Socket socket;

    EventChannel(BlockingQueue<Signal> into) {
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for a grading JVM", e);
        }
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        token = HexFormat.of().formatHex(t);
        reader = new Thread(() -> serve(into), "grading-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the port the grading JVM connects to */
    int port() {
        return server.getLocalPort();
    }

    /** @return the token it must send first */
    String token() {
        return token;
    }

    private void serve(BlockingQueue<Signal> into) {
        String why = "";
        try (Socket s = server.accept()) {
            socket = s;
            server.close();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8),
                    64 * 1024);
            String line = in.readLine();
            if (line == null || !Event.of(Event.Kind.HELLO, token).encode().equals(line)) {
                why = "something connected to the grader that is not the grading JVM";
                return;
            }
            into.add(new Signal.Received(Event.decode(line)));
            while ((line = in.readLine()) != null) {
                if (line.length() > MAX_LINE) {
                    why = "the grading JVM sent a line that is not an event";
                    return;
                }
                into.add(new Signal.Received(Event.decode(line)));
            }
        } catch (IOException e) {
            why = "the connection to the grading JVM ended: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            why = "the grading JVM sent something that is not an event: " + e.getMessage();
        } finally {
            into.add(new Signal.Closed(why.isEmpty(), why));
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Socket s = socket;
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
