import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.spi.JvmCommand;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Process start→join for multiproc4j's default provider, printed as the same Markdown rows as CPython's peer
 * benchmark {@code py_process.py} (see {@code ../shared/bench/cpython/}):
 *
 * <pre>| what | command | median | min | max | unit | notes |</pre>
 *
 * <p>Every figure is repeated in ROUNDS rounds; a row gives the median of the per-round figures and their min and
 * max. Knobs (environment): ROUNDS (default 5), SEQ (default 20), BURST (default 20).
 *
 * <p>The children deserialise the task's lambda, so this class must be on the class path as a compiled class:
 * compile it with {@code javac} (as {@code bench/run.sh} does) rather than running it with the source launcher,
 * whose in-memory classes a child JVM cannot load.
 */
public final class ProcessBench {

    private static final int ROUNDS = knob("ROUNDS", 5);
    private static final int SEQ = knob("SEQ", 20);
    private static final int BURST = knob("BURST", 20);
    private static final int WARMUPS = 3;

    private ProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        if (ClassLoader.getSystemClassLoader().getResource("ProcessBench.class") == null) {
            System.err.println("ProcessBench: this class is not on the class path (run by the source launcher?);"
                    + " child JVMs could not load its task. Compile it with javac and run it with"
                    + " -cp <jars>:<classes dir>, or use bench/run.sh.");
            System.exit(2);
        }

        // Warm-up: the first-ever start also finds the provider (ServiceLoader) and loads the parent's classes.
        long t0 = System.nanoTime();
        runTrivial();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < WARMUPS; i++) {
            runTrivial();
        }
        String provider = Multiprocessing.context().providerId();

        header("1. Process start -> join (multiproc4j, provider " + provider + ")");

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
            perRound.add(median(xs) * 1e3);
        }
        row(provider + ": start+join one trivial process, sequential (median of " + SEQ + ")",
                "Multiprocessing.newProcess(() -> {}).start(); .join()  [" + provider + "]", perRound, "ms",
                latNotes(raw, 1e3, "ms") + "; first-ever in this run " + fixed(firstMs, 1) + " ms");

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
                checkExit(p);
            }
            rates.add(BURST / dt);
            perProc.add(dt / BURST * 1e3);
        }
        row(provider + ": start " + BURST + " processes then join all",
                "[start x" + BURST + "; join x" + BURST + "]  [" + provider + "]", rates, "processes/s",
                "= " + fixed(median(perProc), 2) + " ms per process (median)");
    }

    /** One trivial process, started and joined; its exit code must be 0. */
    private static void runTrivial() throws InterruptedException {
        MpProcess p = Multiprocessing.newProcess(() -> { }).start();
        p.join();
        checkExit(p);
    }

    private static void checkExit(MpProcess p) {
        if (p.exitCode().isEmpty() || p.exitCode().getAsInt() != 0) {
            throw new AssertionError("process " + p.name() + " ended with exit code " + p.exitCode() + ", not 0");
        }
    }

    // ---- the conventions of common.py ----

    private static int knob(String name, int dflt) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        int n = Integer.parseInt(v.trim());
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + n);
        }
        return n;
    }

    private static void header(String title) {
        System.out.println("\n### " + title + "\n");
        String opts = System.getProperty(JvmCommand.OPTIONS_PROPERTY);
        String childOpts = opts != null ? opts.trim() : String.join(" ", JvmCommand.DEFAULT_OPTIONS) + " (default)";
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.home")
                + "; child JVM options: " + childOpts + "), rounds=" + ROUNDS + ", seq=" + SEQ + ", burst=" + BURST
                + ", loadavg at start: " + loadavg() + "\n");
        System.out.println("| what | command | median | min | max | unit | notes |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.flush();
    }

    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "['" + String.join("', '", Arrays.copyOf(f, 3)) + "']";
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void row(String what, String cmd, List<Double> figures, String unit, String notes) {
        System.out.println("| " + what + " | `" + cmd + "` | " + fmt(median(figures)) + " | "
                + fmt(figures.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + " | "
                + fmt(figures.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) + " | " + unit + " | "
                + notes + " |");
        System.out.flush();
    }

    private static String latNotes(List<Double> raw, double scale, String unit) {
        double min = raw.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = raw.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return raw.size() + " samples pooled: min " + fmt(min * scale) + ", p90 " + fmt(pct(raw, 0.9) * scale)
                + ", max " + fmt(max * scale) + " " + unit;
    }

    /** statistics.median: the middle value, or the mean of the two middle values. */
    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** common.pct: the sample at index round(q * (n - 1)), Python's round (half to even). */
    private static double pct(List<Double> xs, double q) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.rint(q * (s.length - 1))));
        return s[i];
    }

    /**
     * common.fmt: 1,234 / 123 / 12.3 / 1.23 / 0.123 (three significant digits below 1). Rounds the exact binary
     * value half to even, as Python's formatting does.
     */
    static String fmt(double x) {
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,d", new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN)
                    .toBigIntegerExact());
        }
        if (a >= 100) {
            return fixed(x, 0);
        }
        if (a >= 10) {
            return fixed(x, 1);
        }
        if (a >= 1) {
            return fixed(x, 2);
        }
        return general3(x);
    }

    /** Python's {@code f"{x:.Nf}"}. */
    static String fixed(double x, int decimals) {
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return x < 0 && !s.startsWith("-") ? "-" + s : s; // Python keeps the sign of a value rounded to zero
    }

    /** Python's {@code f"{x:.3g}"}, for finite non-zero x. */
    static String general3(double x) {
        BigDecimal r = new BigDecimal(x).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1; // the decimal exponent of the leading digit
        if (exp < -4 || exp >= 3) {
            BigDecimal mantissa = r.movePointLeft(exp);
            String m = stripZeros(mantissa.toPlainString());
            return m + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        return stripZeros(r.toPlainString());
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
