package io.multiproc4j.grader.internal.cli;

import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.rubric.Score;
import io.multiproc4j.grader.internal.run.GradingListener;
import io.multiproc4j.grader.internal.run.Jdk;
import io.multiproc4j.grader.internal.run.Submission;
import io.multiproc4j.grader.internal.text.Durations;
import io.multiproc4j.grader.internal.text.Texts;
import java.io.PrintStream;
import java.util.Locale;

/** The live progress on the terminal: a line per rule as it ends, and a closing line per submission. */
final class Progress implements GradingListener {

    private final PrintStream out;
    private final Texts texts;
    private final Rubric rubric;
    /** The provider line already shown for this submission, so that a restarted grading JVM does not repeat it. */
    private String shownProvider = "";

    Progress(PrintStream out, Texts texts, Rubric rubric) {
        this.out = out;
        this.texts = texts;
        this.rubric = rubric;
    }

    @Override
    public void started(Submission s, int index, int count) {
        out.println();
        out.println(texts.msg("progress.submission", index, count, s.name(), s.origin()));
        out.flush();
        shownProvider = "";
    }

    @Override
    public void provider(String providerId, String providerClass, Jdk jdk) {
        String line = texts.msg("progress.provider", providerId, providerClass, jdk.describe());
        if (!line.equals(shownProvider)) {
            out.println("    " + line);
            out.flush();
            shownProvider = line;
        }
    }

    @Override
    public void ruleFinished(RuleResult r) {
        String mark = texts.msg("progress." + r.outcome().name());
        String time = r.duration().isZero() ? "" : "  (" + Durations.human(r.duration()) + ")";
        out.println(String.format(Locale.ROOT, "  %-5s %-8s %s%s", mark, r.id(), texts.title(r.id()), time));
        if (r.outcome() != Outcome.PASSED && !r.message().isEmpty()) {
            out.println("                 " + firstLine(r.message()));
        }
        out.flush();
    }

    @Override
    public void problem(Note note) {
        out.println("    " + texts.msg("progress.problem", texts.msg(note.key(), note.args())));
        out.flush();
    }

    @Override
    public void finished(SubmissionResult r) {
        Score.Part total = rubric.score(r.rules()).total();
        out.println(texts.msg("progress.finished", r.name(), Score.format(total.earned()), Score.format(total.max()),
                Durations.human(r.elapsed())));
        out.println(texts.counts(r.count(Outcome.PASSED), r.failedCount(), r.count(Outcome.SKIPPED)));
        out.flush();
    }

    private static String firstLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl) + " …";
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
