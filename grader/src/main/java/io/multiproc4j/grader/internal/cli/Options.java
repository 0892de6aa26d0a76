package io.multiproc4j.grader.internal.cli;

import io.multiproc4j.grader.internal.text.Durations;
import io.multiproc4j.grader.internal.text.Lang;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code grade}, parsed and checked before anything runs, so that a mistake is reported at once,
 * by name.
 */
public final class Options {

    /** The command's help text. */
    public static final String USAGE = """
            Usage: grade [options] [<jar or folder>...]
                   grade [options] --submissions <folder>

            Grades multiproc4j implementations against the conformance kit, each in a JVM of its own, and writes
            a report per submission (Markdown, HTML, JSON, JUnit XML, Gradescope results.json), a gradebook and a
            summary. With no jar, folder or --submissions, grades this repository's built-in implementations.

              <jar or folder>          a submission: an implementation jar, or a folder with its jar and the
                                       jars it depends on (or its classes, with META-INF/services)
              --submissions <folder>   grade every jar and sub-folder of <folder>, one submission each
              --out <dir>              where the reports go (default: grade-reports)
              --rubric <file>          points and visibility per rule (default: 1 point each, all visible)
              --write-rubric <file>    write a rubric listing every rule, to edit, and stop
              --publish                show the rules the rubric hides in the students' reports
              --areas <a,b,...>        grade only these areas: processes, pipes, queues, synchronization,
                                       shared-memory, signals, pools
              --rules <ID,...>         grade only these rules, for example PROC-01,LIFE-* (with --areas: both)
              --provider <id>          the provider to grade, when a submission registers several
              --lib <jar or folder>    add a jar, or a folder's jars, to every submission's class path
              --java <path>            the JDK that runs the grading JVMs (default: the newest one found)
              --jvm-option <option>    add an option to every grading JVM (repeat for more)
              --time-scale <factor>    multiply every time bound, on a slow machine (default 1, or
                                       MULTIPROC4J_TCK_TIME_SCALE)
              --rule-timeout <time>    the limit per rule (default 2 min, scaled), for example 90s
              --time-limit <time>      the limit per submission (default 30 min, scaled), for example 45m
              --lang <en|zh>           the language of the reports and of this output (default en)
              --help                   show this text

            Exit status: 0 when every graded rule passed (optional ones may be skipped), 1 when a rule failed or a
            submission could not be graded, 2 when the command line is wrong.
            """;

    private static final Set<String> VALUED = Set.of("--submissions", "--out", "--rubric",
            "--write-rubric", "--areas", "--rules", "--provider", "--lib", "--java", "--jvm-option", "--time-scale",
            "--rule-timeout", "--time-limit", "--lang");

    /** The submissions given on the command line. */
    final List<Path> submissions = new ArrayList<>();
    /** {@code --submissions}, if given. */
    Optional<Path> submissionsFolder = Optional.empty();
    /** {@code --out}. */
    Path out = Path.of("grade-reports");
    /** {@code --rubric}, if given. */
    Optional<Path> rubric = Optional.empty();
    /** {@code --write-rubric}, if given. */
    Optional<Path> writeRubric = Optional.empty();
    /** {@code --publish}. */
    boolean publish;
    /** {@code --areas}. */
    final List<String> areas = new ArrayList<>();
    /** {@code --rules}. */
    final List<String> rules = new ArrayList<>();
    /** {@code --provider}, or blank. */
    String provider = "";
    /** {@code --lib}. */
    final List<Path> libs = new ArrayList<>();
    /** {@code --java}, if given. */
    Optional<Path> java = Optional.empty();
    /** {@code --jvm-option}. */
    final List<String> jvmOptions = new ArrayList<>();
    /** {@code --time-scale}, if given. */
    Optional<Double> timeScale = Optional.empty();
    /** {@code --rule-timeout}, if given. */
    Optional<Duration> ruleTimeout = Optional.empty();
    /** {@code --time-limit}, if given. */
    Optional<Duration> timeLimit = Optional.empty();
    /** {@code --lang}. */
    Lang lang = Lang.EN;
    /** {@code --help}. */
    boolean help;

    private Options() {
    }

    /**
     * @param args the command's arguments
     * @return them, parsed
     * @throws UsageException naming the first argument that is wrong
     */
    public static Options parse(String... args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (!a.startsWith("--")) {
                o.submissions.add(Path.of(a));
                continue;
            }
            if (a.equals("--help") || a.equals("--publish")) {
                if (value != null) {
                    throw new UsageException(a + " takes no value");
                }
                o.help |= a.equals("--help");
                o.publish |= a.equals("--publish");
                continue;
            }
            if (!VALUED.contains(a)) {
                throw new UsageException("unknown option " + a);
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    throw new UsageException(a + " needs a value");
                }
                value = args[++i];
            }
            o.set(a, value);
        }
        if (o.submissionsFolder.isPresent() && !o.submissions.isEmpty()) {
            throw new UsageException("give either --submissions <folder> or submissions one by one, not both");
        }
        return o;
    }

    private void set(String option, String value) throws UsageException {
        try {
            switch (option) {
                case "--submissions" -> submissionsFolder = Optional.of(Path.of(value));
                case "--out" -> out = Path.of(value);
                case "--rubric" -> rubric = Optional.of(Path.of(value));
                case "--write-rubric" -> writeRubric = Optional.of(Path.of(value));
                case "--areas" -> areas.addAll(list(value));
                case "--rules" -> rules.addAll(list(value));
                case "--provider" -> provider = value.strip();
                case "--lib" -> libs.add(Path.of(value));
                case "--java" -> java = Optional.of(Path.of(value));
                case "--jvm-option" -> jvmOptions.add(value);
                case "--time-scale" -> timeScale = Optional.of(scale(value));
                case "--rule-timeout" -> ruleTimeout = Optional.of(Durations.parse(value));
                case "--time-limit" -> timeLimit = Optional.of(Durations.parse(value));
                case "--lang" -> lang = Lang.of(value);
                default -> throw new UsageException("unknown option " + option);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static double scale(String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        if (!(d >= 0.1 && d <= 100)) {
            throw new IllegalArgumentException("the time scale is from 0.1 to 100, not " + value);
        }
        return d;
    }
}
