package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code results.json} that Gradescope's autograder reads: the score, and a test per rule with its score, maximum,
 * output and visibility; a rule the rubric hides is shown after the instructor publishes the grades.
 */
final class GradescopeJson {

    private GradescopeJson() {
    }

    static String write(SubmissionResult r, Wording w) {
        Rubric rubric = w.rubric();
        Map<String, Object> root = Json.object();
        root.put("score", rubric.score(r.rules()).total().earned());
        root.put("execution_time", Math.max(0, r.elapsed().toSeconds()));
        StringBuilder summary = new StringBuilder(w.counts(r));
        for (Note n : r.problems()) {
            summary.append("\n\n").append(w.note(n));
        }
        root.put("output", summary.toString());
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        List<Object> tests = new ArrayList<>();
        for (RuleResult x : r.rules()) {
            Rubric.Entry e = rubric.entry(x.rule());
            Map<String, Object> t = Json.object();
            t.put("name", w.ruleName(x));
            t.put("number", x.id());
            t.put("score", x.outcome() == Outcome.PASSED ? e.points() : 0.0);
            t.put("max_score", e.points());
            t.put("status", x.outcome() == Outcome.PASSED ? "passed" : "failed");
            t.put("output", x.outcome() == Outcome.PASSED ? "" : w.outcome(x.outcome()) + ". " + w.explanation(x));
            t.put("tags", List.of(Areas.of(x.rule()), x.rule().level()));
            t.put("visibility", e.hidden() ? "after_published" : "visible");
            tests.add(t);
        }
        root.put("tests", tests);
        return Json.write(root);
    }
}
