package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.result.CapturedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Drains one output stream of a grading JVM, however much it writes, and keeps a bounded part of it: the beginning
 * and the end. Each line is also handed to a sink as it arrives (to tell which rule was running when it was written).
 */
final class OutputCapture {

    /** The beginning kept, and the end kept, in characters. */
    static final int KEEP = 32 * 1024;
    /** Longer lines are cut; the rest still counts. */
    static final int MAX_LINE = 2_000;

    private final Thread reader;
    private final Consumer<String> sink;
    private final StringBuilder head = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private int tailChars;
    private long bytes;
    private long lines;
    private boolean dropped;

    OutputCapture(InputStream in, String name, Consumer<String> sink) {
        this.sink = sink;
        this.reader = new Thread(() -> drain(in), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (this) {
                    bytes += n;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        take(line);
                    } else if (line.size() < MAX_LINE * 4) {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed under us: what was read is kept
        }
        if (line.size() > 0) {
            take(line);
        }
    }

    private void take(ByteArrayOutputStream raw) {
        String s = raw.toString(StandardCharsets.UTF_8);
        raw.reset();
        if (s.length() > MAX_LINE) {
            s = s.substring(0, MAX_LINE) + " …(line cut)";
        }
        sink.accept(s);
        synchronized (this) {
            lines++;
            if (head.length() < KEEP) {
                head.append(s).append('\n');
                return;
            }
            tail.addLast(s);
            tailChars += s.length() + 1;
            while (tailChars > KEEP) {
                tailChars -= tail.removeFirst().length() + 1;
                dropped = true;
            }
        }
    }

    /**
     * Waits for the stream to end: every process holding it has closed it (or is gone).
     *
     * @param limit the longest wait
     * @return whether it ended
     */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        reader.join(Math.max(1, limit.toMillis()));
        return !reader.isAlive();
    }

    /** @return what was captured so far */
    synchronized CapturedOutput captured() {
        StringBuilder kept = new StringBuilder(head);
        if (dropped) {
            kept.append("\n… (").append("output left out here; ").append(bytes).append(" bytes in all) …\n\n");
        }
        tail.forEach(l -> kept.append(l).append('\n'));
        return new CapturedOutput(bytes, lines, kept.toString(), dropped);
    }
}
