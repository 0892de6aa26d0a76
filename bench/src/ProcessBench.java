import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import java.util.ArrayList;
import java.util.List;

/**
 * Process start→join for multiproc4j's default provider, printed as the same Markdown rows as CPython's peer
 * benchmark {@code py_process.py} (see {@code ../shared/bench/cpython/}):
 *
 * <pre>| what | command | median | min | max | unit | notes |</pre>
 *
 * <p>Every figure is repeated in ROUNDS rounds; a row gives the median of the per-round figures and their min and
 * max ({@link BenchRows}). Knobs (environment): ROUNDS (default 5), SEQ (default 20), BURST (default 20).
 *
 * <p>The children deserialise the task's lambda, so this class must be on the class path as a compiled class:
 * compile it with {@code javac} (as {@code bench/run.sh} does) rather than running it with the source launcher,
 * whose in-memory classes a child JVM cannot load.
 */
public final class ProcessBench {

    private static final int ROUNDS = BenchRows.ROUNDS;
    private static final int SEQ = BenchRows.knob("SEQ", 20);
    private static final int BURST = BenchRows.knob("BURST", 20);
    private static final int WARMUPS = 3;

    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchRows.requireOnClassPath(ProcessBench.class);

        // Warm-up: the first-ever start also finds the provider (ServiceLoader) and loads the parent's classes.
        long t0 = System.nanoTime();
        runTrivial();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < WARMUPS; i++) {
            runTrivial();
        }
        String provider = Multiprocessing.context().providerId();

        BenchRows.header("1. Process start -> join (multiproc4j, provider " + provider + ")",
                "seq=" + SEQ + ", burst=" + BURST);

        List<Double> raw = new ArrayList<>();
        List<Double> perRound = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < SEQ; i++) {
                long s = System.nanoTime();
                runTrivial();
                xs.add((System.nanoTime() - s) / 1e9);
            }
            raw.addAll(xs);
            perRound.add(BenchRows.median(xs) * 1e3);
        }
        BenchRows.row(provider + ": start+join one trivial process, sequential (median of " + SEQ + ")",
                "Multiprocessing.newProcess(() -> {}).start(); .join()  [" + provider + "]", perRound, "ms",
                BenchRows.latNotes(raw, 1e3, "ms") + "; first-ever in this run " + BenchRows.fixed(firstMs, 1)
                        + " ms");

        List<Double> rates = new ArrayList<>();
        List<Double> perProc = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            long s = System.nanoTime();
            List<MpProcess> ps = new ArrayList<>(BURST);
            for (int i = 0; i < BURST; i++) {
                ps.add(Multiprocessing.newProcess(() -> { }));
            }
            for (MpProcess p : ps) {
                p.start();
            }
            for (MpProcess p : ps) {
                p.join();
            }
            double dt = (System.nanoTime() - s) / 1e9;
            for (MpProcess p : ps) {
                BenchRows.requireExitZero(p);
            }
            rates.add(BURST / dt);
            perProc.add(dt / BURST * 1e3);
        }
        BenchRows.row(provider + ": start " + BURST + " processes then join all",
                "[start x" + BURST + "; join x" + BURST + "]  [" + provider + "]", rates, "processes/s",
                "= " + BenchRows.fixed(BenchRows.median(perProc), 2) + " ms per process (median)");
    }

    /** One trivial process, started and joined; its exit code must be 0. */
    private static void runTrivial() throws InterruptedException {
        MpProcess p = Multiprocessing.newProcess(() -> { }).start();
        p.join();
        BenchRows.requireExitZero(p);
    }
}
