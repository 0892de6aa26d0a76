import io.multiproc4j.MpEvent;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpQueue;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.SimpleQueue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Queue throughput, one producer process → the parent: the Java peer of CPython's {@code py_queue.py}, with the same
 * counts and the same rows ({@link BenchRows}).
 *
 * <p>For {@code newQueue()} and {@code newSimpleQueue()}, and for small ints ({@code Integer}) and 1 KiB messages
 * ({@code byte[1024]}): a child puts {@code "ready"}, waits for an event, puts {@code n} items and then the end
 * marker {@code null}. Timing starts when the parent has got {@code "ready"} and sets the event, and stops when it
 * has got the end marker, so process start is excluded. Knobs (environment): ROUNDS (5), NINT (200,000),
 * NKIB (20,000).
 */
public final class QueueBench {

    private static final int NINT = BenchRows.knob("NINT", 200_000);
    private static final int NKIB = BenchRows.knob("NKIB", 20_000);

    private QueueBench() {
    }

    /** A queue's put, as the producer sees it; serialisable because the producer's task captures it. */
    @FunctionalInterface
    interface Put extends Serializable {
        void put(Object item) throws InterruptedException;
    }

    /** A queue's get, as the parent sees it. */
    @FunctionalInterface
    interface Get {
        Object get() throws InterruptedException;
    }

    /** py_queue.producer. */
    static void producer(Put q, MpEvent go, boolean ints, int n) throws InterruptedException {
        q.put("ready");
        go.await();
        if (ints) {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
        } else {
            byte[] kib = new byte[1024];
            Arrays.fill(kib, (byte) 'x');
            for (int i = 0; i < n; i++) {
                q.put(kib);
            }
        }
        q.put(null);
    }

    /** py_queue.one: one round; returns the seconds from the go signal to the end marker. */
    static double one(boolean simple, boolean ints, int n) throws InterruptedException {
        Put put;
        Get get;
        BooleanSupplier empty;
        AutoCloseable queue;
        if (simple) {
            SimpleQueue<Object> q = Multiprocessing.newSimpleQueue();
            put = q::put;
            get = q::get;
            empty = q::isEmpty;
            queue = q;
        } else {
            MpQueue<Object> q = Multiprocessing.newQueue();
            put = q::put;
            get = q::get;
            empty = q::isEmpty;
            queue = q;
        }
        MpEvent go = Multiprocessing.newEvent();
        MpProcess p = Multiprocessing.newProcess(() -> producer(put, go, ints, n)).start();
        while (empty.getAsBoolean()) { // rather than hang when the producer could not start
            if (!p.isAlive()) {
                throw new AssertionError("producer " + p.name() + " ended with exit code " + p.exitCode()
                        + " before putting \"ready\" (see its standard error)");
            }
            Thread.sleep(10);
        }
        Object ready = get.get();
        if (!"ready".equals(ready)) {
            throw new AssertionError("expected \"ready\" from the producer, got " + ready);
        }
        int count = 0;
        long t0 = System.nanoTime();
        go.set();
        while (get.get() != null) {
            count++;
        }
        double dt = (System.nanoTime() - t0) / 1e9;
        p.join();
        BenchRows.requireExitZero(p);
        if (count != n) {
            throw new AssertionError("got " + count + " items, not " + n);
        }
        try {
            queue.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return dt;
    }

    public static void main(String[] args) throws Exception {
        BenchRows.requireOnClassPath(QueueBench.class);
        String m = BenchRows.provider();
        BenchRows.header("3. Queue / SimpleQueue, 1 producer process -> parent (multiproc4j, provider " + m + ")",
                "nint=" + NINT + ", nkib=" + NKIB);
        for (boolean simple : new boolean[] {false, true}) {
            String qtype = simple ? "SimpleQueue" : "Queue";
            String factory = simple ? "newSimpleQueue()" : "newQueue()";
            one(simple, true, 1000); // warm-up
            for (boolean ints : new boolean[] {true, false}) {
                int n = ints ? NINT : NKIB;
                List<Double> dts = new ArrayList<>();
                for (int r = 0; r < BenchRows.ROUNDS; r++) {
                    dts.add(one(simple, ints, n));
                }
                String cmd = factory + ": put(" + (ints ? "i" : "new byte[1024]") + ") x" + n + " -> get()  [" + m
                        + "]";
                String what = m + ": " + qtype + ", " + BenchRows.thousands(n) + " x "
                        + (ints ? "small int" : "1 KiB bytes");
                BenchRows.row(what, cmd, dts.stream().map(d -> n / d).toList(), "msgs/s", "");
                if (!ints) {
                    BenchRows.row(what + " (payload)", cmd, dts.stream().map(d -> n * 1024 / d / 1e6).toList(),
                            "MB/s", "MB = 10^6 bytes of payload");
                }
            }
        }
    }
}
