package io.multiproc4j.grader.internal.report;

import static io.multiproc4j.grader.internal.report.Doc.cell;
import static io.multiproc4j.grader.internal.report.Doc.link;
import static io.multiproc4j.grader.internal.report.Doc.mono;
import static io.multiproc4j.grader.internal.report.Doc.text;

import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Score;
import io.multiproc4j.grader.internal.text.Texts;
import io.multiproc4j.tck.support.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instructor's page over a whole grading run: each submission's score per area, with a link to its report, and
 * the rules that failed most often, which says what the class found hard.
 */
final class SummaryReport {

    /** How many of the most often failed rules are listed. */
    static final int HARDEST = 20;

    private SummaryReport() {
    }

    static Doc build(List<SubmissionResult> results, Wording w, String reportFile) {
        Texts t = w.texts();
        Doc doc = new Doc(t.msg("summary.title"));
        doc.para(text(t.msg("summary.intro", results.size())));
        List<String> areas = Gradebook.graded(results, w.rubric());
        List<String> header = new ArrayList<>(List.of(t.msg("col.submission")));
        header.addAll(areas);
        header.addAll(List.of(t.msg("col.total"), t.msg("col.counts"), t.msg("report.problems")));
        List<List<List<Doc.Inline>>> rows = new ArrayList<>();
        for (SubmissionResult r : results) {
            Score s = w.rubric().score(r.rules());
            List<List<Doc.Inline>> row = new ArrayList<>();
            row.add(cell(link(r.name(), r.name() + "/" + reportFile)));
            areas.forEach(a -> row.add(cell(text(w.pointsShort(s.byArea().get(a))))));
            row.add(cell(text(w.points(s.total()))));
            row.add(cell(text(w.counts(r))));
            row.add(cell(text(r.problems().isEmpty() ? "" : r.problems().stream().map(w::note)
                    .collect(Collectors.joining("\n")))));
            rows.add(row);
        }
        doc.table(header, rows);

        Map<Rule, Integer> failedBy = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            for (RuleResult x : r.rules()) {
                if (x.outcome() == Outcome.FAILED) {
                    failedBy.merge(x.rule(), 1, Integer::sum);
                }
            }
        }
        doc.heading(2, t.msg("summary.hardest"), "hardest");
        if (failedBy.isEmpty()) {
            doc.para(text(t.msg("summary.noneFailed")));
        } else {
            List<List<List<Doc.Inline>>> hard = failedBy.entrySet().stream()
                    .sorted(Map.Entry.<Rule, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(HARDEST)
                    .map(e -> List.of(cell(mono(e.getKey().id())), cell(text(t.title(e.getKey().id()))),
                            cell(text(e.getValue() + " / " + results.size()))))
                    .collect(Collectors.toList());
            doc.table(List.of(t.msg("col.rule"), t.msg("col.title"), t.msg("col.failedBy")), hard);
        }
        doc.para(link("gradebook.csv", "gradebook.csv"));
        return doc;
    }
}
