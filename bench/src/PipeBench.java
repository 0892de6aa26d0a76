import io.multiproc4j.Connection;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipes: ping-pong round trip and one-way 1 MiB throughput, the Java peer of CPython's {@code py_pipe.py}, with the
 * same counts and the same rows ({@link BenchRows}).
 *
 * <p>Round trip: a child echoes every message back until it gets the end marker; the parent sends and receives
 * 1,000 times to warm up, then NRTT times per round, timing each round trip; objects ({@code Integer} 12345, end
 * {@code null}) and bytes (8 bytes, end an empty message). Java cannot pin a thread to a processor, so only
 * py_pipe's {@code PIN=none} has a peer here. Throughput: a child sends NMIB messages of 1 MiB of zeros, then an
 * empty one, through a one-way and a two-way pipe, as objects and as bytes; timed from the go signal to the empty
 * message, so process start is excluded. Knobs (environment): ROUNDS (5), NRTT (10,000), NMIB (512).
 */
public final class PipeBench {

    private static final int NRTT = BenchRows.knob("NRTT", 10_000);
    private static final int NMIB = BenchRows.knob("NMIB", 512);
    private static final int MIB = 1 << 20;

    private PipeBench() {
    }

    /** py_pipe.echo: sends back what it receives, the end marker included, then returns. */
    static void echo(Connection c, boolean useBytes) {
        while (true) {
            if (useBytes) {
                byte[] x = c.receiveBytes();
                c.sendBytes(x);
                if (x.length == 0) {
                    return;
                }
            } else {
                Object x = c.receive();
                c.send(x);
                if (x == null) {
                    return;
                }
            }
        }
    }

    /** py_pipe.sender. */
    static void sender(Connection c, MpEvent go, boolean useBytes, int n) throws InterruptedException {
        byte[] data = new byte[MIB];
        go.await();
        for (int i = 0; i < n; i++) {
            if (useBytes) {
                c.sendBytes(data);
            } else {
                c.send(data);
            }
        }
        if (useBytes) {
            c.sendBytes(new byte[0]);
        } else {
            c.send(new byte[0]);
        }
        c.close();
    }

    private static void roundTrip(String m, boolean useBytes) throws InterruptedException {
        Pipe pipe = Multiprocessing.newPipe();
        Connection a = pipe.first();
        Connection b = pipe.second();
        MpProcess p = Multiprocessing.newProcess(() -> echo(b, useBytes)).start();
        byte[] bytesMsg = "12345678".getBytes(StandardCharsets.US_ASCII);
        Integer objMsg = 12345;
        for (int i = 0; i < 1000; i++) { // warm-up
            rtt(a, useBytes, bytesMsg, objMsg);
        }
        List<Double> raw = new ArrayList<>();
        List<Double> perRound = new ArrayList<>();
        List<Double> avg = new ArrayList<>();
        for (int r = 0; r < BenchRows.ROUNDS; r++) {
            List<Double> xs = new ArrayList<>(NRTT);
            long roundStart = System.nanoTime();
            for (int i = 0; i < NRTT; i++) {
                long t0 = System.nanoTime();
                rtt(a, useBytes, bytesMsg, objMsg);
                xs.add((System.nanoTime() - t0) / 1e9);
            }
            avg.add((System.nanoTime() - roundStart) / 1e3 / NRTT);
            raw.addAll(xs);
            perRound.add(BenchRows.median(xs) * 1e6);
        }
        if (useBytes) {
            a.sendBytes(new byte[0]);
            a.receiveBytes();
        } else {
            a.send(null);
            a.receive();
        }
        p.join();
        BenchRows.requireExitZero(p);
        a.close();
        b.close();
        String api = useBytes ? "sendBytes/receiveBytes(8 B)" : "send/receive(Integer)";
        String cmd = useBytes ? "a.sendBytes(x); a.receiveBytes()" : "a.send(x); a.receive()";
        BenchRows.row(m + ": newPipe() ping-pong RTT, " + api + " (median of " + BenchRows.thousands(NRTT)
                + ") [PIN=none]", cmd + "  [" + m + "]", perRound, "µs",
                BenchRows.latNotes(raw, 1e6, "µs") + "; mean RTT (loop) " + BenchRows.fixed(BenchRows.median(avg), 1)
                        + " µs");
    }

    private static void rtt(Connection a, boolean useBytes, byte[] bytesMsg, Integer objMsg) {
        if (useBytes) {
            a.sendBytes(bytesMsg);
            a.receiveBytes();
        } else {
            a.send(objMsg);
            a.receive();
        }
    }

    private static void throughput(String m, boolean duplex, boolean useBytes) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < BenchRows.ROUNDS; r++) {
            Pipe pipe = Multiprocessing.newPipe(duplex);
            Connection rd = pipe.first();
            Connection wr = pipe.second();
            MpEvent go = Multiprocessing.newEvent();
            MpProcess p = Multiprocessing.newProcess(() -> sender(wr, go, useBytes, NMIB)).start();
            wr.close(); // as py_pipe: only the child writes, so the parent closes its copy
            long n = 0;
            long t0 = System.nanoTime();
            go.set();
            while (true) {
                byte[] x = useBytes ? rd.receiveBytes() : (byte[]) rd.receive();
                if (x.length == 0) {
                    break;
                }
                n += x.length;
            }
            double dt = (System.nanoTime() - t0) / 1e9;
            p.join();
            BenchRows.requireExitZero(p);
            rd.close();
            if (n != (long) NMIB * MIB) {
                throw new AssertionError("received " + n + " bytes, not " + (long) NMIB * MIB);
            }
            rates.add(n / dt / 1e6);
        }
        String api = useBytes ? "sendBytes/receiveBytes" : "send/receive";
        String kind = duplex ? "newPipe() two-way" : "newPipe(false) one-way";
        BenchRows.row(m + ": " + kind + ", one-way " + NMIB + " x 1 MiB bytes, " + api,
                api + " of new byte[1 << 20], x" + NMIB + "  [" + m + "]", rates, "MB/s",
                "MB = 10^6 bytes; excludes process start");
    }

    public static void main(String[] args) throws Exception {
        BenchRows.requireOnClassPath(PipeBench.class);
        String m = BenchRows.provider();
        BenchRows.header("4. Pipe (multiproc4j, provider " + m + ")", "nrtt=" + NRTT + ", nmib=" + NMIB);
        for (boolean useBytes : new boolean[] {false, true}) {
            roundTrip(m, useBytes);
        }
        for (boolean duplex : new boolean[] {false, true}) {
            for (boolean useBytes : new boolean[] {false, true}) {
                throughput(m, duplex, useBytes);
            }
        }
    }
}
