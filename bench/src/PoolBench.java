import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A pool of two workers: creation, {@code map} over many ints, and the {@code applyAsync} round trip. The Java peer of
 * CPython's {@code py_pool.py}, with the same counts and the same rows ({@link BenchRows}).
 *
 * <p>Creation rows, per round: {@code newPool(2)} returns; the first {@code map} over {@code [0, 1]} is answered
 * (timed from before {@code newPool}); {@code shutdown(); join()} (Python's {@code close(); join()}). Throughput rows:
 * on one pool, {@code map} of an identity function over NMAP ints with the default chunk size and with chunk size 1,
 * in tasks/s. Latency row: the median of NAPPLY single {@code applyAsync(...).get()} round trips. Knobs (environment):
 * ROUNDS (5), NMAP (10,000), NAPPLY (1,000).
 */
public final class PoolBench {

    private static final int NMAP = BenchRows.knob("NMAP", 10_000);
    private static final int NAPPLY = BenchRows.knob("NAPPLY", 1_000);
    private static final int WORKERS = 2;

    private PoolBench() {
    }

    /** py_pool.ident. */
    static Integer ident(Integer x) {
        return x;
    }

    public static void main(String[] args) throws Exception {
        BenchRows.requireOnClassPath(PoolBench.class);
        String m = BenchRows.provider();
        BenchRows.header("2. Pool(2) (multiproc4j, provider " + m + ")", "nmap=" + NMAP + ", napply=" + NAPPLY);

        try (MpPool pool = Multiprocessing.newPool(WORKERS)) { // warm-up
            pool.apply(() -> ident(0));
        }

        List<Double> create = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int r = 0; r < BenchRows.ROUNDS; r++) {
            long t0 = System.nanoTime();
            MpPool p = Multiprocessing.newPool(WORKERS);
            long t1 = System.nanoTime();
            p.map(PoolBench::ident, List.of(0, 1)); // as in py_pool.py, both workers have usually answered
            long t2 = System.nanoTime();
            p.shutdown();
            p.join();
            long t3 = System.nanoTime();
            create.add((t1 - t0) / 1e6);
            ready.add((t2 - t0) / 1e6);
            close.add((t3 - t2) / 1e6);
        }
        BenchRows.row(m + ": Pool(2) constructor returns", "Multiprocessing.newPool(2)  [" + m + "]", create, "ms",
                "");
        BenchRows.row(m + ": Pool(2) created + first map([0,1]) answered",
                "newPool(2); map(f, List.of(0, 1))  [" + m + "]", ready, "ms", "");
        BenchRows.row(m + ": Pool(2) close()+join()", "shutdown(); join()  [" + m + "]", close, "ms", "");

        List<Integer> items = IntStream.range(0, NMAP).boxed().toList();
        try (MpPool pool = Multiprocessing.newPool(WORKERS)) {
            pool.map(PoolBench::ident, IntStream.range(0, 1000).boxed().toList()); // warm
            for (boolean chunkOne : new boolean[] {false, true}) {
                List<Double> rates = new ArrayList<>();
                for (int r = 0; r < BenchRows.ROUNDS; r++) {
                    long t0 = System.nanoTime();
                    List<Integer> out = chunkOne ? pool.map(PoolBench::ident, items, 1)
                            : pool.map(PoolBench::ident, items);
                    double dt = (System.nanoTime() - t0) / 1e9;
                    if (out.size() != NMAP || out.get(NMAP - 1) != NMAP - 1) {
                        throw new AssertionError("map returned " + out.size() + " results, the last "
                                + (out.isEmpty() ? "none" : out.get(out.size() - 1)) + ", not " + NMAP);
                    }
                    rates.add(NMAP / dt);
                }
                BenchRows.row(m + ": Pool(2).map trivial fn over " + BenchRows.thousands(NMAP) + " ints, "
                                + (chunkOne ? "chunksize=1" : "default chunksize"),
                        "pool.map(ident, range(" + NMAP + ")" + (chunkOne ? ", 1" : "") + ")  [" + m + "]", rates,
                        "tasks/s", "");
            }

            for (int i = 0; i < 50; i++) {
                pool.applyAsync(() -> ident(0)).get();
            }
            List<Double> raw = new ArrayList<>();
            List<Double> perRound = new ArrayList<>();
            for (int r = 0; r < BenchRows.ROUNDS; r++) {
                List<Double> xs = new ArrayList<>(NAPPLY);
                for (int i = 0; i < NAPPLY; i++) {
                    int x = i;
                    long t0 = System.nanoTime();
                    pool.applyAsync(() -> ident(x)).get();
                    xs.add((System.nanoTime() - t0) / 1e9);
                }
                raw.addAll(xs);
                perRound.add(BenchRows.median(xs) * 1e6);
            }
            BenchRows.row(m + ": Pool(2).applyAsync(() -> f(i)).get() round trip (median of " + NAPPLY + ")",
                    "pool.applyAsync(() -> ident(i)).get()  [" + m + "]", perRound, "µs",
                    BenchRows.latNotes(raw, 1e6, "µs"));
        }
    }
}
