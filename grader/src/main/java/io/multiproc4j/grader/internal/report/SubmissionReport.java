package io.multiproc4j.grader.internal.report;

import static io.multiproc4j.grader.internal.report.Doc.cell;
import static io.multiproc4j.grader.internal.report.Doc.link;
import static io.multiproc4j.grader.internal.report.Doc.mono;
import static io.multiproc4j.grader.internal.report.Doc.strong;
import static io.multiproc4j.grader.internal.report.Doc.text;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Score;
import io.multiproc4j.grader.internal.text.Durations;
import io.multiproc4j.grader.internal.text.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report a student reads, as a {@link Doc}: the score, what went wrong beyond single rules, and for every rule
 * that did not pass, its sentence, the assertion that failed, a hint and what the submission wrote to standard error
 * meanwhile. Rules the rubric hides stay out until the instructor publishes them.
 */
final class SubmissionReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private SubmissionReport() {
    }

    static Doc build(SubmissionResult r, Wording w) {
        Texts t = w.texts();
        List<RuleResult> shown = r.rules().stream().filter(w::shown).toList();
        long hidden = r.rules().size() - shown.size();
        Score score = w.rubric().score(shown);
        Doc doc = new Doc(t.msg("report.title", r.name()));

        String counts = hidden == 0 ? w.counts(r) : t.msg("report.hiddenRules", hidden);
        doc.para(strong(w.label("report.score") + " " + w.points(score.total())), text(" — " + counts));
        if (r.providerId().isEmpty()) {
            doc.para(text(t.msg("report.noProvider", r.origin())));
        } else {
            doc.para(text(t.msg("report.graded", r.providerId(), r.providerClass(), r.origin(), r.java(),
                    WHEN.format(r.started()), Durations.human(r.elapsed()))));
        }
        if (!r.selection().isEmpty()) {
            doc.para(text(t.msg("report.selection", r.selection())));
        }

        if (!r.problems().isEmpty()) {
            doc.heading(2, t.msg("report.problems"), "problems");
            List<List<Doc.Inline>> items = new ArrayList<>();
            for (Note n : r.problems()) {
                items.add(cell(text(w.note(n))));
            }
            doc.bullets(items);
        }

        doc.heading(2, t.msg("report.areas"), "areas");
        List<List<List<Doc.Inline>>> areaRows = new ArrayList<>();
        for (String area : Areas.all()) {
            List<RuleResult> in = shown.stream().filter(x -> Areas.of(x.rule()).equals(area)).toList();
            if (!in.isEmpty()) {
                areaRows.add(List.of(cell(text(area)), cell(text(w.pointsShort(score.byArea().get(area)))),
                        cell(text(count(in, Outcome.PASSED))), cell(text(Long.toString(in.stream()
                                .filter(x -> x.outcome().countsAsFailed()).count()))),
                        cell(text(count(in, Outcome.SKIPPED)))));
            }
        }
        doc.table(List.of(t.msg("col.area"), t.msg("col.points"), t.msg("col.passed"), t.msg("col.failed"),
                t.msg("col.skipped")), areaRows);

        List<RuleResult> failing = shown.stream().filter(x -> x.outcome().countsAsFailed()).toList();
        doc.heading(2, t.msg("report.failing"), "failing");
        if (failing.isEmpty()) {
            doc.para(text(t.msg("report.noneFailed")));
        }
        for (RuleResult x : failing) {
            explain(doc, x, w);
        }

        List<RuleResult> skipped = shown.stream().filter(x -> x.outcome() == Outcome.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            doc.heading(2, t.msg("report.skipped"), "skipped");
            for (RuleResult x : skipped) {
                explain(doc, x, w);
            }
        }

        doc.heading(2, t.msg("report.allRules"), "rules");
        List<List<List<Doc.Inline>>> rows = new ArrayList<>();
        for (RuleResult x : r.rules()) {
            boolean visible = w.shown(x);
            String points = visible ? w.pointsShort(w.rubric().score(List.of(x)).total()) : "?";
            List<Doc.Inline> result = !visible ? cell(text(t.msg("outcome.hidden")))
                    : x.outcome() == Outcome.PASSED ? cell(text(w.outcome(x.outcome())))
                    : cell(link(w.outcome(x.outcome()), "#" + x.id()));
            rows.add(List.of(cell(mono(x.id())), cell(text(t.title(x.id()))), cell(text(x.rule().level())), result,
                    cell(text(points)), cell(text(visible && !x.duration().isZero() ? Durations.human(x.duration())
                            : ""))));
        }
        doc.table(List.of(t.msg("col.rule"), t.msg("col.title"), t.msg("col.level"), t.msg("col.result"),
                t.msg("col.points"), t.msg("col.time")), rows);

        doc.heading(2, t.msg("report.output"), "output");
        doc.para(text(t.msg("report.outputLine", r.stdout().lines(), r.stdout().bytes(), r.stderr().lines(),
                r.stderr().bytes())), text(" "), link("output.txt", "output.txt"));
        return doc;
    }

    private static void explain(Doc doc, RuleResult x, Wording w) {
        Texts t = w.texts();
        doc.heading(3, x.id() + " — " + t.title(x.id()) + " (" + x.rule().level() + ", " + w.outcome(x.outcome())
                + ")", x.id());
        List<Doc.Inline> statement = new ArrayList<>(Doc.withCode(x.rule().statement()));
        statement.add(text(" "));
        statement.add(mono(Wording.specLink(x)));
        doc.quote(statement);
        if (!x.message().isEmpty() || !x.trace().isEmpty()) {
            doc.para(strong(t.msg("report.whatFailed")));
            doc.verbatim(w.evidence(x));
        }
        doc.para(strong(t.msg("label", t.msg("report.hint"))), text(" " + w.hint(x)));
        if (!x.stderr().isEmpty()) {
            doc.para(strong(t.msg("report.stderr")));
            doc.verbatim(x.stderr());
        }
    }

    private static String count(List<RuleResult> rules, Outcome o) {
        return Long.toString(rules.stream().filter(x -> x.outcome() == o).count());
    }
}
