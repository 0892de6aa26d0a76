package io.multiproc4j.grader.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.result.CapturedOutput;
import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;
import io.multiproc4j.grader.internal.rubric.Rubric;
import io.multiproc4j.grader.internal.text.Lang;
import io.multiproc4j.grader.internal.text.Texts;
import io.multiproc4j.grader.support.JsonReader;
import io.multiproc4j.tck.support.RuleCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every report form says the same thing, escapes what a submission wrote, and hides what the rubric hides. */
class ReportsTest {

    /** What a submission may write: markup of every kind, and control characters. */
    private static final String NASTY = "expected <b>1</b> & \"2\" | `x` *y* _z_ [a](b) \u001b[31mred\u0000";

    @TempDir
    Path out;

    private static RuleResult rule(String id, Outcome o, String message, String stderr) {
        return new RuleResult(RuleCatalog.rule(id), o, Duration.ofMillis(1234), o == Outcome.FAILED
                ? "java.lang.AssertionError" : "", message, o == Outcome.FAILED ? "    at x.Y.z(Y.java:1)\n" : "",
                stderr);
    }

    private static SubmissionResult result(String name) {
        return new SubmissionResult(name, "/subs/" + name + ".jar", "mine", "a.Mine", "Java 25 (/jdk)",
                Instant.parse("2025-01-01T10:00:00Z"), Duration.ofSeconds(75),
                List.of(rule("PROC-01", Outcome.PASSED, "", ""),
                        rule("LIFE-02", Outcome.FAILED, NASTY, "Exception in thread \"main\" <boom>\n"),
                        rule("LIFE-05", Outcome.FAILED, "hidden failure", ""),
                        rule("STATE-01", Outcome.SKIPPED, "optional, not implemented: STATE-01", ""),
                        RuleResult.notRun(RuleCatalog.rule("Q-01"), "Not run: time ran out")),
                List.of(Note.of("problem.leftovers", 1, "pid 42: sleep 600")), List.of("pid 42: sleep 600"),
                new CapturedOutput(10, 1, "hello\n", false), new CapturedOutput(20, 2, "a\nb\n", false), "");
    }

    private static Rubric rubric() {
        return Rubric.parse(List.of("LIFE-05 = 2 hidden"), "test");
    }

    private static ReportWriter writer(Path out, Lang lang, Rubric rubric) {
        return new ReportWriter(out, Texts.of(lang), rubric);
    }

    @Test
    void theMarkdownReportExplainsEveryVisibleLostPointAndHidesTheHiddenOnes() throws Exception {
        Path dir = writer(out, Lang.EN, rubric()).write(result("alice"));
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("**Score: 1 / 4 points (25.0 %)**", "1 more rules are graded but hidden")
                .contains("### LIFE-02 — join() waits until the child has ended (MUST, failed)")
                .contains("> `join()` returns only after the child has ended")
                .contains("docs/spec/processes.md#LIFE-02")
                .contains("**Hint:** Check that join() blocks")
                .contains("Exception in thread \"main\" <boom>")
                .contains("pid 42: sleep 600")
                .contains("### STATE-01", "optional, not implemented")
                .contains("Not run: time ran out")
                .doesNotContain("hidden failure")
                .contains("| `LIFE-05` | terminate() gives exit code -15 | MUST | hidden until published | ? |");
        assertThat(md).contains("```text\njava.lang.AssertionError: " + NASTY);
    }

    @Test
    void publishingShowsTheHiddenRules() throws Exception {
        Path dir = writer(out, Lang.EN, rubric().withPublished(true)).write(result("alice"));
        assertThat(Files.readString(dir.resolve("report.md"))).contains("hidden failure",
                "**Score: 1 / 6 points (16.7 %)**");
    }

    @Test
    void theHtmlReportIsSelfContainedAndEscapesEverything() throws Exception {
        Path dir = writer(out, Lang.EN, rubric()).write(result("alice"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<style>")
                .doesNotContain("<script", "<link", "src=\"http", "<b>1</b>", "<boom>")
                .contains("expected &lt;b&gt;1&lt;/b&gt; &amp; &quot;2&quot;", "&lt;boom&gt;");
        assertThat(html).doesNotContain("\u0000").doesNotContain("\u001b");
    }

    @Test
    void theJsonReportHasEverythingHiddenRulesIncluded() throws Exception {
        Path dir = writer(out, Lang.EN, rubric()).write(result("alice"));
        Map<String, Object> json = JsonReader.object(Files.readString(dir.resolve("report.json")));
        assertThat(json).containsEntry("score", 1.0).containsEntry("maxScore", 6.0).containsEntry("passed", 1.0)
                .containsEntry("failed", 3.0).containsEntry("skipped", 1.0).containsEntry("provider", "mine");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) json.get("rules");
        assertThat(rules).extracting(r -> r.get("id")).containsExactly("PROC-01", "LIFE-02", "LIFE-05", "STATE-01",
                "Q-01");
        assertThat(rules.get(1)).containsEntry("message", NASTY).containsEntry("outcome", "failed")
                .containsEntry("exception", "java.lang.AssertionError");
        assertThat(rules.get(2)).containsEntry("hidden", true).containsEntry("maxPoints", 2.0);
        assertThat(rules.get(4)).containsEntry("outcome", "not_run");
    }

    @Test
    void theGradescopeResultsHaveAScoreAndATestPerRuleWithVisibility() throws Exception {
        Path dir = writer(out, Lang.EN, rubric()).write(result("alice"));
        Map<String, Object> json = JsonReader.object(Files.readString(dir.resolve("results.json")));
        assertThat(json).containsEntry("score", 1.0).containsEntry("execution_time", 75.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
        assertThat(tests).hasSize(5);
        assertThat(tests.get(0)).containsEntry("name", "PROC-01 A new process is unstarted and named Process-N")
                .containsEntry("score", 1.0).containsEntry("max_score", 1.0).containsEntry("status", "passed")
                .containsEntry("visibility", "visible");
        assertThat(tests.get(2)).containsEntry("score", 0.0).containsEntry("max_score", 2.0)
                .containsEntry("visibility", "after_published");
        assertThat((String) tests.get(1).get("output")).contains("Hint: Check that join() blocks", NASTY);
        assertThat((String) json.get("output")).contains("1 passed, 3 failed, 1 skipped", "sleep 600");
    }

    @Test
    void theJunitXmlIsWellFormedWithASuitePerAreaAndTheFailures() throws Exception {
        Path dir = writer(out, Lang.EN, rubric()).write(result("alice"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("junit.xml"))));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("5");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains(
                "expected <b>1</b> & \"2\"", "\uFFFD");
    }

    @Test
    void theGradebookAndSummaryCoverEverySubmission() throws Exception {
        ReportWriter w = writer(out, Lang.EN, rubric());
        SubmissionResult alice = result("alice");
        SubmissionResult bob = result("bob, the \"builder\"");
        w.writeSummary(List.of(alice, bob));
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertThat(csv).containsExactly(
                "submission,provider,processes (max 5),queues (max 1),total,max,percent,passed,failed,skipped,"
                        + "problems",
                "alice,mine,1,0,1,6,16.7,1,3,1,leftovers",
                "\"bob, the \"\"builder\"\"\",mine,1,0,1,6,16.7,1,3,1,leftovers");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("[alice](alice/report.md)", "Rules failed most often", "| `LIFE-02` |",
                "| 2 / 2 |");
        assertThat(Files.readString(out.resolve("summary.html"))).contains("<a href=\"alice/report.html\">");
    }

    @Test
    void theChineseReportIsInChinese() throws Exception {
        Path dir = writer(out, Lang.ZH, rubric()).write(result("alice"));
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## 失败的规则", "join() 等到子进程结束", "**提示：** 检查", "另有 1 条规则");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<html lang=\"zh\">");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(Gradebook.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.quote("plain")).isEqualTo("plain");
    }
}
