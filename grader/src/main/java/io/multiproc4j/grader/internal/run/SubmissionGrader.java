package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.child.Event;
import io.multiproc4j.grader.internal.result.CapturedOutput;
import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.text.Durations;
import io.multiproc4j.grader.internal.text.Texts;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades one submission, whatever it does: each rule has a time limit and the submission an overall one; a grading
 * JVM that hangs in a rule is killed, one that ends in the middle (a {@code System.exit}) is noticed, and in both
 * cases the rule fails and the remaining rules run in a new grading JVM; whatever the submission leaves running is
 * killed and reported. The result always covers every selected rule, each with its outcome or the reason it has
 * none.
 */
public final class SubmissionGrader {

    /** After this many grading JVMs for one submission, the rules still left are given up. */
    static final int MAX_JVMS = 25;
    /** After this many grading JVMs in a row that ended without a rule's result, the rules left are given up. */
    static final int MAX_FRUITLESS_JVMS = 2;

    private final GradingSetup setup;
    private final GradingListener listener;
    private final Texts texts;
    /** The grading under way, for {@link #abort()}. */
    private volatile Run current;

    /**
     * @param setup what is the same for every submission
     * @param listener follows the grading
     */
    public SubmissionGrader(GradingSetup setup, GradingListener listener) {
        this.setup = setup;
        this.listener = listener;
        this.texts = setup.texts();
    }

    /**
     * @param submission a submission
     * @return its result, covering every selected rule
     * @throws InterruptedException if interrupted
     */
    public SubmissionResult grade(Submission submission) throws InterruptedException {
        Run run = new Run(submission);
        current = run;
        try {
            return run.grade();
        } finally {
            current = null;
        }
    }

    /**
     * Stops the grading under way, if any, at once: kills its grading JVM and everything the submission started, and
     * deletes its working directory. For the grader's own end (Ctrl-C), so that nothing of a submission outlives it.
     */
    public void abort() {
        Run run = current;
        if (run != null) {
            run.abort();
        }
    }

    /** The grading of one submission, over as many grading JVMs as it takes. */
    private final class Run {
        private final Submission submission;
        private final Instant started = Instant.now();
        private final long deadline;
        private final Map<String, RuleResult> results = new LinkedHashMap<>();
        private final Map<String, Long> starts = new LinkedHashMap<>();
        private final List<Note> problems = new ArrayList<>();
        private final List<String> leftovers = new ArrayList<>();
        private final StderrByRule stderr = new StderrByRule();
        private final String marker;
        private volatile GradingJvm running;
        private volatile Path work;
        private CapturedOutput out = CapturedOutput.NONE;
        private CapturedOutput err = CapturedOutput.NONE;
        private String providerId = "";
        private String providerClass = "";
        private String java = "";
        /**
         * Set when no further grading JVM is to start: the reason given to every rule still without a result (the
         * kit has finished, or the submission cannot be graded further).
         */
        private String unrunReason;

        Run(Submission submission) {
            this.submission = submission;
            this.deadline = System.nanoTime() + setup.limits().submissionLimit().toNanos();
            this.marker = Leftovers.marker(submission.name());
        }

        SubmissionResult grade() throws InterruptedException {
            Optional<Jdk> jdk = prepare();
            if (jdk.isPresent()) {
                try {
                    work = Files.createTempDirectory("multiproc4j-grade-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a working directory for grading", e);
                }
                try {
                    runJvms(jdk.get());
                } finally {
                    if (!Dirs.deleteTree(work)) {
                        problem(Note.of("problem.workDirLeft", work));
                    }
                }
            }
            if (out.truncated() || err.truncated()) {
                problem(Note.of("problem.outputTruncated", out.bytes(), err.bytes()));
            }
            List<RuleResult> all = new ArrayList<>();
            for (Rule r : setup.rules()) {
                RuleResult res = results.get(r.id());
                if (res == null) {
                    res = RuleResult.notRun(r, unrunReason == null ? texts.msg("reason.notInKit") : unrunReason);
                    listener.ruleFinished(res);
                }
                all.add(withStderr(res));
            }
            SubmissionResult result = new SubmissionResult(submission.name(), submission.origin().toString(),
                    providerId, providerClass, java, started, Duration.between(started, Instant.now()), all, problems,
                    leftovers, out, err, setup.selection());
            listener.finished(result);
            return result;
        }

        void abort() {
            GradingJvm j = running;
            if (j != null) {
                Leftovers.killAll(j.handle(), marker);
            }
            Path w = work;
            if (w != null) {
                Dirs.deleteTree(w);
            }
        }

        /** Checks what can be checked before a JVM starts; returns the JDK to use, or empty after giving up. */
        private Optional<Jdk> prepare() {
            if (submission.problem().isPresent()) {
                giveUp(submission.problem().get());
                return Optional.empty();
            }
            List<String> refused = Submissions.refused(submission.jvmOptions());
            if (!refused.isEmpty()) {
                problem(Note.of("problem.refusedOptions", String.join(" ", refused)));
            }
            try {
                List<Path> all = new ArrayList<>(setup.libs());
                all.addAll(submission.classPath());
                Jdk jdk = Jdks.choose(ClassVersions.requiredJava(all), setup.explicitJdk(), setup.discoveredJdks());
                java = jdk.describe();
                return Optional.of(jdk);
            } catch (IllegalStateException e) {
                giveUp(Note.of("problem.noJdk", e.getMessage()));
            } catch (IOException e) {
                giveUp(Note.of("problem.badJar", submission.origin(), e.getMessage()));
            }
            return Optional.empty();
        }

        private void runJvms(Jdk jdk) throws InterruptedException {
            int fruitless = 0;
            for (int jvms = 0; unrunReason == null; jvms++) {
                Set<String> remaining = new LinkedHashSet<>();
                setup.rules().stream().map(Rule::id).filter(id -> !results.containsKey(id)).forEach(remaining::add);
                if (remaining.isEmpty()) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    giveUp(Note.of("problem.timeLimit", Durations.human(setup.limits().submissionLimit())));
                    return;
                }
                if (jvms == MAX_JVMS || fruitless == MAX_FRUITLESS_JVMS) {
                    giveUp(Note.of("problem.tooManyJvms", jvms));
                    return;
                }
                int before = results.size();
                Path dir = work.resolve("jvm-" + (jvms + 1));
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                runOneJvm(jdk, dir, remaining);
                fruitless = results.size() > before ? 0 : fruitless + 1;
            }
        }

        private void runOneJvm(Jdk jdk, Path dir, Set<String> rules) throws InterruptedException {
            List<Path> classPath = new ArrayList<>(setup.graderClassPath());
            classPath.addAll(setup.libs());
            classPath.addAll(submission.classPath());
            List<String> options = new ArrayList<>(submission.jvmOptions());
            options.removeAll(Submissions.refused(submission.jvmOptions()));
            options.addAll(setup.jvmOptions());
            GradingJvm started;
            try {
                started = GradingJvm.start(jdk, options, classPath, submission.own(), setup.provider(), rules, dir,
                        marker, stderr::line);
            } catch (UncheckedIOException e) {
                giveUp(Note.of("problem.startFailed", e.getMessage()));
                return;
            }
            running = started;
            try {
                watch(started, jdk);
            } finally {
                if (!started.ended()) {
                    started.killAll(marker);
                }
                started.close();
                List<String> left = Leftovers.sweep(marker);
                if (!left.isEmpty()) {
                    leftovers.addAll(left);
                    problem(Note.of("problem.leftovers", left.size(), String.join("; ", left)));
                }
                started.awaitOutput();
                out = out.plus(started.stdout());
                err = err.plus(started.stderr());
                running = null;
            }
        }

        /** Follows one grading JVM until it ends or is killed, recording every result it reports. */
        private void watch(GradingJvm jvm, Jdk jdk) throws InterruptedException {
            long phaseStart = System.nanoTime();
            Duration phaseLimit = Limits.START;
            boolean providerKnown = false;
            boolean done = false;
            boolean closed = false;
            boolean exited = false;
            String current = null;
            String containerFailure = "";
            while (!(closed && exited)) {
                Signal s = jvm.next(Math.min(deadline, phaseStart + phaseLimit.toNanos()));
                if (s == null) {
                    jvm.killAll(marker);
                    if (!(done || closed || exited)) {
                        timedOut(current, providerKnown, phaseLimit);
                        return;
                    }
                    if (done) {
                        problem(Note.of("problem.lingered", Durations.human(Limits.GRACE)));
                    }
                    break;
                }
                if (s instanceof Signal.Closed c && !c.clean()) {
                    problem(Note.of("problem.channel", c.why()));
                }
                if (s instanceof Signal.Exited || s instanceof Signal.Closed) {
                    exited |= s instanceof Signal.Exited;
                    closed |= s instanceof Signal.Closed;
                    // Events written just before the end may still be on their way, or the end itself.
                    phaseStart = System.nanoTime();
                    phaseLimit = Limits.GRACE;
                    continue;
                }
                Event ev = ((Signal.Received) s).event();
                switch (ev.kind()) {
                    case HELLO -> {
                    }
                    case PROVIDER -> {
                        providerKnown = true;
                        providerId = ev.field(0);
                        providerClass = ev.field(1);
                        listener.provider(providerId, providerClass, jdk);
                        phaseStart = System.nanoTime();
                        phaseLimit = setup.limits().ruleTimeout();
                    }
                    case PROBLEM -> giveUp(Note.of("problem." + Event.Problem.valueOf(ev.field(0)).name(),
                            ev.field(1)));
                    case STARTED -> {
                        current = ev.field(0);
                        stderr.started(current);
                        phaseStart = System.nanoTime();
                        starts.put(current, phaseStart);
                    }
                    case FINISHED -> {
                        record(ev);
                        current = null;
                        phaseStart = System.nanoTime();
                    }
                    case CONTAINER_FAILED -> containerFailure = ev.field(0) + ": " + ev.field(1);
                    case DONE -> {
                        done = true;
                        phaseStart = System.nanoTime();
                        phaseLimit = Limits.GRACE;
                    }
                }
            }
            if (done) {
                // The kit has run what it could; a rule it did not run will not run in another JVM either.
                unrunReason = containerFailure.isEmpty() ? texts.msg("reason.notInKit")
                        : texts.msg("reason.containerFailed", containerFailure);
                return;
            }
            int status = jvm.exitStatus();
            if (current != null) {
                fail(current, texts.msg("reason.exitedDuringRule", status));
                problem(Note.of("problem.exitedDuringRule", current, status));
            } else if (!providerKnown) {
                if (unrunReason == null) {
                    jvm.awaitOutput();
                    giveUp(Note.of("problem.endedBeforeKit", status, lastLines(jvm.stderr().kept(), 8)));
                }
            } else {
                problem(Note.of("problem.exitedBetweenRules", status));
            }
        }

        /** The JVM ran out of time (it has been killed): the rule it was in fails, or grading stops. */
        private void timedOut(String current, boolean providerKnown, Duration phaseLimit) {
            boolean overall = System.nanoTime() - deadline >= 0;
            String total = Durations.human(setup.limits().submissionLimit());
            if (current != null) {
                String limit = Durations.human(phaseLimit);
                fail(current, overall ? texts.msg("reason.timeLimitDuringRule", total)
                        : texts.msg("reason.ruleTimeout", limit));
                if (!overall) {
                    problem(Note.of("problem.ruleTimeout", current, limit));
                }
            }
            if (overall) {
                giveUp(Note.of("problem.timeLimit", total));
            } else if (!providerKnown) {
                giveUp(Note.of("problem.startTimeout", Durations.human(phaseLimit)));
            } else if (current == null) {
                problem(Note.of("problem.stalled", Durations.human(phaseLimit)));
            }
        }

        private void record(Event ev) {
            String id = ev.field(0);
            Rule rule = RuleCatalog.rule(id);
            Event.Status status = Event.Status.valueOf(ev.field(1));
            Outcome outcome = switch (status) {
                case PASSED -> Outcome.PASSED;
                case FAILED -> Outcome.FAILED;
                // Only an optional rule may be left out; a required one that is skipped is not satisfied.
                case ABORTED, SKIPPED -> rule.required() ? Outcome.FAILED : Outcome.SKIPPED;
            };
            String message = outcome == Outcome.FAILED && status != Event.Status.FAILED
                    ? texts.msg("reason.requiredSkipped", ev.field(3)) : ev.field(3);
            put(new RuleResult(rule, outcome, elapsed(id), ev.field(2), message, ev.field(4), ""));
        }

        private void fail(String id, String reason) {
            put(new RuleResult(RuleCatalog.rule(id), Outcome.FAILED, elapsed(id), "", reason, "", ""));
        }

        private void put(RuleResult r) {
            if (results.putIfAbsent(r.id(), r) == null) {
                listener.ruleFinished(r);
            }
        }

        private Duration elapsed(String id) {
            Long start = starts.get(id);
            return start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        }

        private RuleResult withStderr(RuleResult r) {
            String excerpt = stderr.excerpt(r.id());
            return excerpt.isEmpty() ? r : new RuleResult(r.rule(), r.outcome(), r.duration(), r.failureType(),
                    r.message(), r.trace(), excerpt);
        }

        private void problem(Note n) {
            problems.add(n);
            listener.problem(n);
        }

        /** No further grading JVM starts; every rule without a result is reported with the reason. */
        private void giveUp(Note why) {
            problem(why);
            if (unrunReason == null) {
                unrunReason = why.key().equals("problem.timeLimit") ? texts.msg("reason.timeLimit", why.args())
                        : texts.msg("reason.problem", texts.msg(why.key(), why.args()));
            }
        }
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
            b.append(lines[i]).append('\n');
        }
        return b.toString().strip();
    }
}
