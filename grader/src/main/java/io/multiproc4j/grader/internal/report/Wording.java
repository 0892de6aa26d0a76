package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.rubric.Score;
import io.multiproc4j.grader.internal.text.Texts;
import java.util.Locale;

/** The phrases every report form shares, in the report's language, so that each is worded once. */
final class Wording {

    private final Texts texts;
    private final Rubric rubric;

    Wording(Texts texts, Rubric rubric) {
        this.texts = texts;
        this.rubric = rubric;
    }

    Texts texts() {
        return texts;
    }

    Rubric rubric() {
        return rubric;
    }

    /** @return {@code LIFE-02 join waits for the child} */
    String ruleName(RuleResult r) {
        return r.id() + " " + texts.title(r.id());
    }

    String outcome(Outcome o) {
        return texts.msg("outcome." + o.name());
    }

    /** @return {@code 185 passed, 16 failed, 2 skipped}, the skipped part only when there are some */
    String counts(SubmissionResult r) {
        return texts.counts(r.count(Outcome.PASSED), r.failedCount(), r.count(Outcome.SKIPPED));
    }

    /** @return {@code 187 / 203 points (92.1 %)} */
    String points(Score.Part p) {
        return texts.msg("points", Score.format(p.earned()), Score.format(p.max()),
                String.format(Locale.ROOT, "%.1f", p.percent()));
    }

    /** @return {@code 3 / 4} */
    String pointsShort(Score.Part p) {
        return Score.format(p.earned()) + " / " + Score.format(p.max());
    }

    String note(Note n) {
        return texts.msg(n.key(), n.args());
    }

    /** @return the assertion that failed and where, or the reason the rule has no result */
    String evidence(RuleResult r) {
        StringBuilder b = new StringBuilder();
        if (!r.failureType().isEmpty() && !r.message().startsWith(r.failureType())) {
            b.append(r.failureType()).append(": ");
        }
        b.append(r.message());
        if (!r.trace().isEmpty()) {
            b.append('\n').append(r.trace());
        }
        return b.toString().strip();
    }

    /** @return the rule's hint as a sentence */
    String hint(RuleResult r) {
        return texts.hint(r.id());
    }

    /** @return where the rule is in the spec: {@code docs/spec/processes.md#LIFE-02} */
    static String specLink(RuleResult r) {
        return "docs/spec/" + r.rule().anchor();
    }

    /** @return whether students may see this rule's result now */
    boolean shown(RuleResult r) {
        return rubric.shownToStudents(r.rule());
    }

    /** @return a message as a label: {@code Hint:}, {@code 提示：} */
    String label(String key) {
        return texts.msg("label", texts.msg(key));
    }

    /** @return the text a student reads for a rule that did not pass: what failed, the hint, the evidence */
    String explanation(RuleResult r) {
        StringBuilder b = new StringBuilder();
        b.append(label("report.rule")).append(' ').append(r.rule().statement()).append('\n')
                .append(texts.msg("report.spec", specLink(r))).append("\n\n");
        b.append(label("report.whatFailed")).append('\n').append(evidence(r)).append("\n\n");
        b.append(label("report.hint")).append(' ').append(hint(r)).append('\n');
        if (!r.stderr().isEmpty()) {
            b.append('\n').append(label("report.stderr")).append('\n').append(r.stderr());
        }
        return b.toString().strip();
    }
}
