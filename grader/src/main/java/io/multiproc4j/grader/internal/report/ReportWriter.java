package io.multiproc4j.grader.internal.report;

import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the reports: per submission, a folder with {@code report.md}, {@code report.html}, {@code report.json},
 * {@code junit.xml}, {@code results.json} (Gradescope) and {@code output.txt}; for the run, {@code gradebook.csv},
 * {@code summary.md} and {@code summary.html}.
 */
public final class ReportWriter {

    /** The files written for each submission. */
    public static final List<String> SUBMISSION_FILES = List.of("report.md", "report.html", "report.json",
            "junit.xml", "results.json", "output.txt");

    private final Path out;
    private final Wording wording;

    /**
     * @param out the reports' folder
     * @param texts the language
     * @param rubric the rubric
     */
    public ReportWriter(Path out, Texts texts, Rubric rubric) {
        this.out = out;
        this.wording = new Wording(texts, rubric);
    }

    /**
     * @param r a submission's result
     * @return the folder its reports went to
     * @throws IOException if they cannot be written
     */
    public Path write(SubmissionResult r) throws IOException {
        Path dir = Files.createDirectories(out.resolve(r.name()));
        Doc doc = SubmissionReport.build(r, wording);
        write(dir.resolve("report.md"), MarkdownRenderer.render(doc));
        write(dir.resolve("report.html"), HtmlRenderer.render(doc, wording.texts().lang().code()));
        write(dir.resolve("report.json"), ReportJson.write(r, wording));
        write(dir.resolve("junit.xml"), JunitXml.write(r, wording));
        write(dir.resolve("results.json"), GradescopeJson.write(r, wording));
        write(dir.resolve("output.txt"), "== standard output (" + r.stdout().bytes() + " bytes) ==\n"
                + r.stdout().kept() + "\n== standard error (" + r.stderr().bytes() + " bytes) ==\n"
                + r.stderr().kept());
        return dir;
    }

    /**
     * @param results every submission's result
     * @throws IOException if the files cannot be written
     */
    public void writeSummary(List<SubmissionResult> results) throws IOException {
        Files.createDirectories(out);
        write(out.resolve("gradebook.csv"), Gradebook.write(results, wording.rubric()));
        write(out.resolve("summary.md"), MarkdownRenderer.render(SummaryReport.build(results, wording, "report.md")));
        write(out.resolve("summary.html"), HtmlRenderer.render(SummaryReport.build(results, wording, "report.html"),
                wording.texts().lang().code()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
