package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.rubric.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gradebook: a CSV row per submission, with the points of each area, the total, the counts and the problems,
 * for a spreadsheet or a learning platform's import. Every rule counts, hidden ones included.
 */
final class Gradebook {

    private Gradebook() {
    }

    static String write(List<SubmissionResult> results, Rubric rubric) {
        List<String> areas = graded(results, rubric);
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("submission", "provider"));
        areas.forEach(a -> header.add(a + " (max " + max(results, rubric, a) + ")"));
        header.addAll(List.of("total", "max", "percent", "passed", "failed", "skipped", "problems"));
        row(b, header);
        for (SubmissionResult r : results) {
            Score s = rubric.score(r.rules());
            List<String> cells = new ArrayList<>(List.of(r.name(), r.providerId()));
            areas.forEach(a -> cells.add(Score.format(s.byArea().get(a).earned())));
            cells.add(Score.format(s.total().earned()));
            cells.add(Score.format(s.total().max()));
            cells.add(String.format(java.util.Locale.ROOT, "%.1f", s.total().percent()));
            cells.add(Long.toString(r.count(Outcome.PASSED)));
            cells.add(Long.toString(r.failedCount()));
            cells.add(Long.toString(r.count(Outcome.SKIPPED)));
            cells.add(r.problems().stream().map(n -> n.key().replaceFirst("^problem\\.", ""))
                    .distinct().collect(Collectors.joining(" ")));
            row(b, cells);
        }
        return b.toString();
    }

    /** @return the areas with at least one graded rule, in the spec's order */
    static List<String> graded(List<SubmissionResult> results, Rubric rubric) {
        return Areas.all().stream().filter(a -> results.stream()
                .anyMatch(r -> r.rules().stream().anyMatch(x -> Areas.of(x.rule()).equals(a)))).toList();
    }

    private static String max(List<SubmissionResult> results, Rubric rubric, String area) {
        return Score.format(results.stream().mapToDouble(r -> rubric.score(r.rules()).byArea().get(area).max()).max()
                .orElse(0));
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append(cells.stream().map(Gradebook::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
        String c = cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("@") ? "'" + cell : cell;
        return c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c;
    }
}
