package io.multiproc4j.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.run.Submission;
import io.multiproc4j.grader.internal.run.Submissions;
import io.multiproc4j.grader.support.GradeScript;
import io.multiproc4j.grader.support.JsonReader;
import io.multiproc4j.tck.support.RuleCatalog;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * A correct implementation, graded through the command, gets full marks, and every report form says so. The
 * processbuilder implementation is graded always; with {@code -Dgrader.it.everyImplementation=true} every other
 * implementation this repository has built ({@code impl-*}/target) is graded too.
 */
class FullMarksIT {

    private static final Path PROCESSBUILDER = Path.of(System.getProperty("grader.processbuilderJar"));

    static Stream<Path> referenceImplementations() {
        Stream<Path> others = !Boolean.getBoolean("grader.it.everyImplementation") ? Stream.empty()
                : builtIns().stream().map(s -> s.classPath().get(0))
                        .filter(j -> !j.getFileName().equals(PROCESSBUILDER.getFileName()));
        return Stream.concat(Stream.of(PROCESSBUILDER), others);
    }

    @ParameterizedTest
    @MethodSource("referenceImplementations")
    void aReferenceImplementationGetsFullMarksOnEveryRule(Path jar) throws Exception {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        GradeScript.Run run = GradeScript.run(GradeScript.WORK.resolve("full-marks").resolve(name),
                TckEnvironment.scaled(Duration.ofMinutes(12).toMillis()), jar.toString());
        int rules = RuleCatalog.all().size();

        assertThat(run.exit()).as("exit status; the command printed:\n%s%s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stdout()).contains(rules + " passed, 0 failed");
        Map<String, Object> report = run.report(name);
        assertThat(report.get("score")).isEqualTo((double) rules);
        assertThat(report.get("maxScore")).isEqualTo((double) rules);
        assertThat(report.get("problems")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ruleResults = (List<Map<String, Object>>) report.get("rules");
        assertThat(ruleResults).hasSize(rules).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("passed"));

        Map<String, Object> gradescope = JsonReader.object(run.file(name, "results.json"));
        assertThat(gradescope.get("score")).isEqualTo((double) rules);
        assertThat(gradescope.get("tests")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(rules);
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.file(name, "junit.xml").getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo(Integer.toString(rules));
        assertThat(suites.getAttribute("failures")).isEqualTo("0");
        assertThat(run.file(name, "report.md")).contains("**Score: " + rules + " / " + rules + " points (100.0 %)**");
        assertThat(run.file(name, "report.html")).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        assertThat(Files.readString(run.out().resolve("gradebook.csv"))).contains(name + "," + report.get("provider")
                + ",");
    }

    @Test
    void withNoSubmissionTheBuiltInImplementationsAreGraded() {
        GradeScript.Run run = GradeScript.run(GradeScript.WORK.resolve("built-in"),
                TckEnvironment.scaled(Duration.ofMinutes(3).toMillis()), "--rules", "PROC-01");
        assertThat(run.stdout()).contains("impl-processbuilder");
        assertThat(run.report("impl-processbuilder").get("score")).isEqualTo(1.0);
        // Every other implementation module that is built is graded as well, whatever it scores.
        assertThat(builtIns()).extracting(Submission::name).contains("impl-processbuilder")
                .allSatisfy(n -> assertThat(run.out().resolve(n).resolve("report.json")).exists());
    }

    private static List<Submission> builtIns() {
        return Submissions.builtIn(GradeScript.REPOSITORY, new ArrayList<>());
    }
}
