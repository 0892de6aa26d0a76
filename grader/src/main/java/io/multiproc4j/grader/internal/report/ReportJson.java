package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.rubric.Score;
import io.multiproc4j.tck.support.TckEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole result as JSON, for the instructor and for tools: every rule with its outcome, points, visibility and
 * evidence, hidden rules included.
 */
final class ReportJson {

    private ReportJson() {
    }

    static String write(SubmissionResult r, Wording w) {
        Rubric rubric = w.rubric();
        Score score = rubric.score(r.rules());
        Map<String, Object> root = Json.object();
        root.put("submission", r.name());
        root.put("origin", r.origin());
        root.put("provider", r.providerId().isEmpty() ? null : r.providerId());
        root.put("providerClass", r.providerClass().isEmpty() ? null : r.providerClass());
        root.put("java", r.java().isEmpty() ? null : r.java());
        root.put("started", r.started().toString());
        root.put("seconds", r.elapsed().toMillis() / 1000.0);
        root.put("selection", r.selection().isEmpty() ? null : r.selection());
        root.put("timeScale", TckEnvironment.scale());
        root.put("score", score.total().earned());
        root.put("maxScore", score.total().max());
        root.put("passed", r.count(Outcome.PASSED));
        root.put("failed", r.failedCount());
        root.put("skipped", r.count(Outcome.SKIPPED));
        Map<String, Object> areas = Json.object();
        score.byArea().forEach((area, p) -> {
            if (p.max() > 0) {
                Map<String, Object> a = Json.object();
                a.put("score", p.earned());
                a.put("maxScore", p.max());
                areas.put(area, a);
            }
        });
        root.put("areas", areas);
        List<Object> problems = new ArrayList<>();
        for (Note n : r.problems()) {
            Map<String, Object> p = Json.object();
            p.put("kind", n.key());
            p.put("message", w.note(n));
            problems.add(p);
        }
        root.put("problems", problems);
        root.put("leftoverProcesses", r.leftovers());
        Map<String, Object> output = Json.object();
        output.put("stdoutBytes", r.stdout().bytes());
        output.put("stderrBytes", r.stderr().bytes());
        output.put("truncated", r.stdout().truncated() || r.stderr().truncated());
        root.put("output", output);
        List<Object> rules = new ArrayList<>();
        for (RuleResult x : r.rules()) {
            Rubric.Entry e = rubric.entry(x.rule());
            Map<String, Object> o = Json.object();
            o.put("id", x.id());
            o.put("area", Areas.of(x.rule()));
            o.put("level", x.rule().level());
            o.put("title", w.texts().title(x.id()));
            o.put("statement", x.rule().statement());
            o.put("outcome", x.outcome().name().toLowerCase(Locale.ROOT));
            o.put("points", x.outcome() == Outcome.PASSED ? e.points() : 0.0);
            o.put("maxPoints", e.points());
            o.put("hidden", e.hidden());
            o.put("seconds", x.duration().toMillis() / 1000.0);
            if (x.outcome() != Outcome.PASSED) {
                o.put("exception", x.failureType().isEmpty() ? null : x.failureType());
                o.put("message", x.message());
                o.put("trace", x.trace().isEmpty() ? null : x.trace());
                o.put("hint", w.hint(x));
                o.put("stderr", x.stderr().isEmpty() ? null : x.stderr());
            }
            rules.add(o);
        }
        root.put("rules", rules);
        return Json.write(root);
    }
}
