import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.spi.JvmCommand;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The conventions of CPython's peer benchmarks ({@code ../shared/bench/cpython/common.py}), shared by every
 * benchmark here: knobs from the environment, the table header, and rows of
 *
 * <pre>| what | command | median | min | max | unit | notes |</pre>
 *
 * <p>where a figure is repeated in ROUNDS rounds and a row gives the median of the per-round figures and their min
 * and max, with {@code common.fmt}'s number formatting.
 */
final class BenchRows {

    /** ROUNDS: how many times each figure is measured (default 5, as common.py). */
    static final int ROUNDS = knob("ROUNDS", 5);

    private BenchRows() {
    }

    /**
     * Stops the program, saying why, when {@code bench} was not loaded from the class path: a child JVM deserialises
     * the benchmark's lambdas, so the class must be compiled, not run by the source launcher.
     */
    static void requireOnClassPath(Class<?> bench) {
        if (ClassLoader.getSystemClassLoader().getResource(bench.getName() + ".class") == null) {
            System.err.println(bench.getName() + ": this class is not on the class path (run by the source launcher?);"
                    + " child JVMs could not load its tasks. Compile it with javac and run it with"
                    + " -cp <jars>:<classes dir>, or use bench/run.sh.");
            System.exit(2);
        }
    }

    /** Fails unless {@code p} has ended with exit code 0. */
    static void requireExitZero(MpProcess p) {
        if (p.exitCode().isEmpty() || p.exitCode().getAsInt() != 0) {
            throw new AssertionError("process " + p.name() + " ended with exit code " + p.exitCode() + ", not 0");
        }
    }

    /** An environment variable that must be a positive int, or {@code dflt} when it is unset or blank. */
    static int knob(String name, int dflt) {
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

    /** The default provider's id, for the titles and the command column. */
    static String provider() {
        return Multiprocessing.context().providerId();
    }

    /**
     * common.header: the title, the Java version and child JVM options, the knobs, the load average, and the table
     * head.
     *
     * @param knobs the benchmark's own knobs beside ROUNDS, such as {@code "seq=20, burst=20"}; may be empty
     */
    static void header(String title, String knobs) {
        System.out.println("\n### " + title + "\n");
        String opts = System.getProperty(JvmCommand.OPTIONS_PROPERTY);
        String childOpts = opts != null ? opts.trim() : String.join(" ", JvmCommand.DEFAULT_OPTIONS) + " (default)";
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.home")
                + "; child JVM options: " + childOpts + "), rounds=" + ROUNDS + (knobs.isEmpty() ? "" : ", " + knobs)
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

    /** common.row: one figure per round; prints the median, min and max. Returns the median. */
    static double row(String what, String cmd, List<Double> figures, String unit, String notes) {
        double median = median(figures);
        System.out.println("| " + what + " | `" + cmd + "` | " + fmt(median) + " | "
                + fmt(figures.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + " | "
                + fmt(figures.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) + " | " + unit + " | "
                + notes + " |");
        System.out.flush();
        return median;
    }

    /** common.lat_notes: notes for pooled raw latency samples (seconds) scaled to {@code unit}. */
    static String latNotes(List<Double> raw, double scale, String unit) {
        double min = raw.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = raw.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return raw.size() + " samples pooled: min " + fmt(min * scale) + ", p90 " + fmt(pct(raw, 0.9) * scale)
                + ", max " + fmt(max * scale) + " " + unit;
    }

    /** statistics.median: the middle value, or the mean of the two middle values. */
    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** common.pct: the sample at index round(q * (n - 1)), Python's round (half to even). */
    static double pct(List<Double> xs, double q) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.rint(q * (s.length - 1))));
        return s[i];
    }

    /** Python's {@code f"{n:,}"} for an integer. */
    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
            return thousands(new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
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
