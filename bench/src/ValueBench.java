import io.multiproc4j.MpEvent;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpReentrantLock;
import io.multiproc4j.MpSemaphore;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.SharedInt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A shared int incremented by two processes, with and without the lock: the Java peer of CPython's
 * {@code py_value.py}, with the same counts and the same rows ({@link BenchRows}).
 *
 * <p>Each of two children releases a "ready" semaphore, waits for an event, increments the value NINC times and
 * releases a "done" semaphore; timing runs from setting the event to both "done"s, so process start and exit are
 * excluded. Modes: {@code locked} ({@code v.lock()} around {@code v.set(v.get() + 1)}, as
 * {@code with v.get_lock(): v.value += 1}); {@code unlocked} (the same value, no outer lock; Python's wrapper takes
 * the lock for the read and again for the write, ours takes none, as single reads and writes are atomic);
 * {@code raw} ({@code raw().newSharedInt}, Python's {@code lock=False}); and {@code atomic} ({@code addAndGet(1)},
 * which loses no update; no CPython peer). Knobs (environment): ROUNDS (5), NINC (100,000).
 */
public final class ValueBench {

    private static final int NINC = BenchRows.knob("NINC", 100_000);

    private ValueBench() {
    }

    /** py_value.worker. */
    static void worker(SharedInt v, MpSemaphore ready, MpEvent go, MpSemaphore done, String mode, int n)
            throws InterruptedException {
        ready.release();
        go.await();
        switch (mode) {
            case "locked" -> {
                MpReentrantLock lock = v.lock();
                for (int i = 0; i < n; i++) {
                    lock.lock();
                    try {
                        v.set(v.get() + 1);
                    } finally {
                        lock.unlock();
                    }
                }
            }
            case "atomic" -> {
                for (int i = 0; i < n; i++) {
                    v.addAndGet(1);
                }
            }
            default -> { // "unlocked" or "raw"
                for (int i = 0; i < n; i++) {
                    v.set(v.get() + 1);
                }
            }
        }
        done.release();
    }

    /** py_value.one: one round; returns {seconds, final value}. */
    static double[] one(String mode) throws InterruptedException {
        SharedInt v = mode.equals("raw") ? Multiprocessing.raw().newSharedInt(0) : Multiprocessing.newSharedInt(0);
        MpSemaphore ready = Multiprocessing.newSemaphore(0);
        MpSemaphore done = Multiprocessing.newSemaphore(0);
        MpEvent go = Multiprocessing.newEvent();
        List<MpProcess> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(Multiprocessing.newProcess(() -> worker(v, ready, go, done, mode, NINC)));
        }
        for (MpProcess p : ps) {
            p.start();
        }
        acquireFromEach(ready, ps);
        long t0 = System.nanoTime();
        go.set();
        acquireFromEach(done, ps);
        double dt = (System.nanoTime() - t0) / 1e9;
        for (MpProcess p : ps) {
            p.join();
            BenchRows.requireExitZero(p);
        }
        return new double[] {dt, v.get()};
    }

    /**
     * Takes one permit per child, as py_value's {@code acquire()} loop, but fails instead of waiting forever when a
     * child has ended without releasing its permit.
     */
    private static void acquireFromEach(MpSemaphore semaphore, List<MpProcess> ps) throws InterruptedException {
        for (int i = 0; i < ps.size(); i++) {
            while (!semaphore.tryAcquire(Duration.ofSeconds(1))) {
                for (MpProcess p : ps) {
                    if (!p.isAlive() && p.exitCode().orElse(0) != 0) {
                        throw new AssertionError("worker " + p.name() + " ended with exit code "
                                + p.exitCode().getAsInt() + " (see its standard error)");
                    }
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        BenchRows.requireOnClassPath(ValueBench.class);
        String m = BenchRows.provider();
        BenchRows.header("5. Shared int, 2 processes x " + BenchRows.thousands(NINC) + " increments (multiproc4j,"
                + " provider " + m + ")", "ninc=" + NINC);
        String[][] modes = {
            {"locked", "v.lock().lock(); v.set(v.get() + 1); v.lock().unlock()"},
            {"unlocked", "v.set(v.get() + 1)   (newSharedInt, no outer lock)"},
            {"raw", "v.set(v.get() + 1)   (raw().newSharedInt)"},
            {"atomic", "v.addAndGet(1)   (newSharedInt; no CPython peer)"},
        };
        one("raw"); // warm-up
        for (String[] mode : modes) {
            List<Double> rates = new ArrayList<>();
            List<Double> lost = new ArrayList<>();
            for (int r = 0; r < BenchRows.ROUNDS; r++) {
                double[] res = one(mode[0]);
                rates.add(2.0 * NINC / res[0]);
                lost.add(2.0 * NINC - res[1]);
            }
            long min = lost.stream().mapToLong(Double::longValue).min().orElseThrow();
            long max = lost.stream().mapToLong(Double::longValue).max().orElseThrow();
            BenchRows.row(m + ": SharedInt 2 procs x " + BenchRows.thousands(NINC) + " increments, " + mode[0],
                    mode[1] + "  [" + m + "]", rates, "increments/s",
                    "lost updates per round (of " + BenchRows.thousands(2L * NINC) + "): median "
                            + BenchRows.thousands(Math.round(BenchRows.median(lost))) + ", min "
                            + BenchRows.thousands(min) + ", max " + BenchRows.thousands(max)
                            + "; timed from release to both done (no start/exit)");
        }
    }
}
