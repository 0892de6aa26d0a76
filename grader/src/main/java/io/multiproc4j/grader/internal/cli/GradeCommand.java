package io.multiproc4j.grader.internal.cli;

import io.multiproc4j.grader.internal.report.ReportWriter;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.run.Dirs;
import io.multiproc4j.grader.internal.run.GraderClassPath;
import io.multiproc4j.grader.internal.run.GradingSetup;
import io.multiproc4j.grader.internal.run.Jdk;
import io.multiproc4j.grader.internal.run.Jdks;
import io.multiproc4j.grader.internal.run.Limits;
import io.multiproc4j.grader.internal.run.Submission;
import io.multiproc4j.grader.internal.run.SubmissionGrader;
import io.multiproc4j.grader.internal.run.Submissions;
import io.multiproc4j.grader.internal.text.Texts;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code grade} does, from its command line to its exit status. */
public final class GradeCommand {

    /** The system property by which the {@code grade} script names the repository, for the built-in implementations. */
    public static final String HOME_PROPERTY = "multiproc4j.grader.home";

    /** Every graded rule passed. */
    public static final int ALL_PASSED = 0;
    /** A rule failed, or a submission could not be graded. */
    public static final int SOME_FAILED = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;

    private GradeCommand() {
    }

    /**
     * @param args the command line
     * @param out the terminal's standard output
     * @param err its standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("grade: " + e.getMessage());
            err.println("Run grade --help for the options.");
            return USAGE;
        }
        if (o.help) {
            out.print(Options.USAGE);
            return ALL_PASSED;
        }
        // Before any time bound is read: the kit's and the grader's derive from this one factor.
        o.timeScale.ifPresent(s -> System.setProperty(TckEnvironment.SCALE_PROPERTY, Double.toString(s)));
        try {
            if (o.writeRubric.isPresent()) {
                Files.writeString(o.writeRubric.get(), Rubric.defaultText(), StandardCharsets.UTF_8);
                out.println(Texts.of(o.lang).msg("progress.wroteRubric", o.writeRubric.get()));
                return ALL_PASSED;
            }
            return grade(o, out, err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("grade: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("grade: " + e);
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("grade: interrupted");
            return SOME_FAILED;
        }
    }

    private static int grade(Options o, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Texts texts = Texts.of(o.lang);
        Rubric rubric = (o.rubric.isPresent() ? Rubric.read(existing(o.rubric.get(), "--rubric")) : Rubric.defaults());
        if (o.publish) {
            rubric = rubric.withPublished(true);
        }
        RuleSelection selection = RuleSelection.of(o.areas, o.rules);
        List<String> warnings = new ArrayList<>();
        List<Submission> submissions = Submissions.uniquelyNamed(submissions(o, warnings));
        List<Path> libs = new ArrayList<>();
        for (Path lib : o.libs) {
            libs.addAll(libJars(existing(lib, "--lib")));
        }
        Optional<Jdk> explicit = o.java.map(Jdks::given);
        List<Jdk> discovered = explicit.isPresent() ? List.of() : Jdks.discover(System.getenv("JAVA_HOME"),
                Path.of(System.getProperty("user.home")), Path.of(System.getProperty("java.home")));
        Limits limits = new Limits(o.ruleTimeout.orElse(Limits.DEFAULT_RULE_TIMEOUT),
                o.timeLimit.orElse(Limits.DEFAULT_SUBMISSION_LIMIT));
        GradingSetup setup = new GradingSetup(GraderClassPath.entries(), libs, explicit, discovered, o.jvmOptions,
                o.provider, limits, selection.rules(), selection.description(), texts);
        warnings.forEach(w -> err.println(texts.msg("progress.warning", w)));

        Files.createDirectories(o.out);
        ReportWriter writer = new ReportWriter(o.out, texts, rubric);
        Progress progress = new Progress(out, texts, rubric);
        SubmissionGrader grader = new SubmissionGrader(setup, progress);
        Runtime.getRuntime().addShutdownHook(new Thread(grader::abort, "grader-abort"));
        List<SubmissionResult> results = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            Submission s = submissions.get(i);
            progress.started(s, i + 1, submissions.size());
            SubmissionResult r = grader.grade(s);
            results.add(r);
            out.println(texts.msg("progress.report", writer.write(r).resolve("report.html")));
        }
        writer.writeSummary(results);
        if (results.size() > 1) {
            out.println();
            out.println(texts.msg("progress.summary", o.out.resolve("summary.html"), o.out.resolve("gradebook.csv")));
        }
        long failed = results.stream().mapToLong(SubmissionResult::failedCount).sum();
        if (results.size() > 1) {
            long passed = results.stream().mapToLong(r -> r.count(Outcome.PASSED)).sum();
            long skipped = results.stream().mapToLong(r -> r.count(Outcome.SKIPPED)).sum();
            out.println(texts.msg("progress.total", results.size(), texts.counts(passed, failed, skipped)));
        }
        boolean clean = failed == 0 && results.stream().allMatch(r -> r.problems().isEmpty());
        return clean ? ALL_PASSED : SOME_FAILED;
    }

    private static List<Submission> submissions(Options o, List<String> warnings) {
        if (o.submissionsFolder.isPresent()) {
            Path reports = o.out.toAbsolutePath().normalize();
            List<Submission> found = Submissions.inFolder(o.submissionsFolder.get()).stream()
                    .filter(s -> !s.origin().equals(reports)).toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("--submissions " + o.submissionsFolder.get() + " holds only the "
                        + "reports folder; put the submissions in a folder of their own");
            }
            return found;
        }
        if (!o.submissions.isEmpty()) {
            List<Submission> all = new ArrayList<>();
            o.submissions.forEach(p -> all.add(Submissions.of(p)));
            return all;
        }
        return Submissions.builtIn(repository(), warnings);
    }

    /** The repository the grader was built in: named by the {@code grade} script, or found from the grader's jar. */
    private static Path repository() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        Path self = GraderClassPath.self();
        // grader/target/multiproc4j-grader.jar, or grader/target/classes
        Path candidate = self.getParent() == null ? null : self.getParent().getParent();
        candidate = candidate == null ? null : candidate.getParent();
        if (candidate == null || !Files.isRegularFile(candidate.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no submission given, and the built-in implementations are graded only"
                    + " from the multiproc4j repository (run its ./grade script); name a jar or a folder to grade");
        }
        return candidate;
    }

    private static List<Path> libJars(Path lib) {
        if (Files.isRegularFile(lib)) {
            return List.of(lib.toAbsolutePath().normalize());
        }
        List<Path> jars = Dirs.children(lib).stream().filter(p -> p.toString().endsWith(".jar"))
                .map(p -> p.toAbsolutePath().normalize()).toList();
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("--lib " + lib + " holds no jar");
        }
        return jars;
    }

    private static Path existing(Path p, String option) {
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(option + " " + p + " does not exist");
        }
        return p;
    }
}
