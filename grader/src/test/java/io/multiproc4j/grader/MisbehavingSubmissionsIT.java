package io.multiproc4j.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.fixtures.Misbehaving;
import io.multiproc4j.grader.internal.run.Dirs;
import io.multiproc4j.grader.support.GradeScript;
import io.multiproc4j.grader.support.Jars;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Submissions that misbehave — no provider, two providers, one that hangs, one that calls System.exit, one that
 * leaves a process behind, one that prints megabytes — graded together as a folder: each gets a complete report, in
 * bounded time, that states the reason, and the folder gets its gradebook and summary.
 */
class MisbehavingSubmissionsIT {

    /** Two quick rules, each of which calls newProcess at once. */
    private static final String RULES = "PROC-01,PROC-02";
    private static final Duration RULE_TIMEOUT = TckEnvironment.scaled(8_000);
    private static final Duration TIME_LIMIT = TckEnvironment.scaled(90_000);

    private static GradeScript.Run run;

    @BeforeAll
    static void gradeTheFolder() {
        Path folder = GradeScript.WORK.resolve("misbehaving-submissions");
        Dirs.deleteTree(folder);
        Path classes = Jars.classesOf(Misbehaving.class);
        String pkg = "io/multiproc4j/grader/fixtures";
        Jars.of(folder.resolve("no-provider.jar"), classes, pkg, List.of(), Map.of());
        Jars.of(folder.resolve("two-providers.jar"), classes, pkg,
                List.of(Misbehaving.TwinA.class.getName(), Misbehaving.TwinB.class.getName()), Map.of());
        Jars.of(folder.resolve("hangs.jar"), classes, pkg, List.of(Misbehaving.Hangs.class.getName()), Map.of());
        Jars.of(folder.resolve("exits.jar"), classes, pkg, List.of(Misbehaving.Exits.class.getName()), Map.of());
        Jars.of(folder.resolve("leaks.jar"), classes, pkg, List.of(Misbehaving.Leaks.class.getName()), Map.of());
        Jars.of(folder.resolve("loud.jar"), classes, pkg, List.of(Misbehaving.Loud.class.getName()),
                // A submission may ask for what it needs, but not for what changes how it is graded.
                Map.of("Multiproc4j-Jvm-Options", "-Xss2m -Dmultiproc4j.tck.timeScale=100"));
        run = GradeScript.run(GradeScript.WORK.resolve("misbehaving-reports"),
                // six submissions; the one that hangs takes a rule timeout per rule, the others seconds
                TIME_LIMIT.multipliedBy(6), "--submissions", folder.toString(), "--rules", RULES,
                "--rule-timeout", RULE_TIMEOUT.toMillis() + "ms", "--time-limit", TIME_LIMIT.toMillis() + "ms");
    }

    @Test
    void everySubmissionGetsACompleteReportAndTheFolderAGradebook() throws Exception {
        assertThat(run.exit()).isEqualTo(1);
        for (String name : List.of("no-provider", "two-providers", "hangs", "exits", "leaks", "loud")) {
            Map<String, Object> report = run.report(name);
            assertThat(rules(report)).as("rules of %s", name).hasSize(2)
                    .allSatisfy(r -> assertThat(r.get("outcome")).isNotEqualTo("passed"))
                    .allSatisfy(r -> assertThat((String) r.get("message")).isNotBlank());
            assertThat((Double) report.get("seconds")).as("time to grade %s", name)
                    .isLessThan(TIME_LIMIT.toSeconds());
            for (String file : List.of("report.md", "report.html", "junit.xml", "results.json", "output.txt")) {
                assertThat(run.out().resolve(name).resolve(file)).isNotEmptyFile();
            }
        }
        List<String> gradebook = Files.readAllLines(run.out().resolve("gradebook.csv"));
        assertThat(gradebook).hasSize(7);
        assertThat(gradebook.get(0)).startsWith("submission,provider,processes (max 2),total,max,");
        assertThat(run.out().resolve("summary.html")).isNotEmptyFile();
        assertThat(run.stdout()).contains("All 6 submissions: 0 passed, 12 failed");
    }

    @Test
    void aJarWithoutAProviderIsToldHowToRegisterOne() {
        Map<String, Object> report = run.report("no-provider");
        assertThat(problems(report)).containsKey("problem.NO_PROVIDER");
        assertThat(problems(report).get("problem.NO_PROVIDER")).contains("META-INF/services/");
        assertThat(rules(report)).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("not_run"));
    }

    @Test
    void aJarWithTwoProvidersIsToldToRegisterOne() {
        Map<String, Object> report = run.report("two-providers");
        assertThat(problems(report).get("problem.SEVERAL_PROVIDERS")).contains("fixture-twin-a", "fixture-twin-b",
                "--provider");
    }

    @Test
    void aHangingRuleFailsAfterTheRuleTimeoutAndTheNextRuleStillRuns() {
        Map<String, Object> report = run.report("hangs");
        assertThat(rules(report)).allSatisfy(r -> {
            assertThat(r.get("outcome")).isEqualTo("failed");
            assertThat((String) r.get("message")).contains("did not end within");
            assertThat((Double) r.get("seconds")).isGreaterThanOrEqualTo(RULE_TIMEOUT.toMillis() / 1000.0);
        });
        assertThat(problems(report)).containsKey("problem.ruleTimeout");
    }

    @Test
    void systemExitInTheGradingJvmFailsTheRuleAndTheNextRuleStillRuns() {
        Map<String, Object> report = run.report("exits");
        assertThat(rules(report)).allSatisfy(r -> {
            assertThat(r.get("outcome")).isEqualTo("failed");
            assertThat((String) r.get("message")).contains("exit status 3");
        });
        assertThat(problems(report)).containsKey("problem.exitedDuringRule");
    }

    @Test
    void aProcessLeftBehindIsKilledAndReported() throws Exception {
        Map<String, Object> report = run.report("leaks");
        assertThat(report.get("leftoverProcesses")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .anySatisfy(p -> assertThat((String) p).contains("sleep " + Misbehaving.LEFTOVER_SECONDS));
        assertThat(problems(report)).containsKey("problem.leftovers");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains("sleep " + Misbehaving.LEFTOVER_SECONDS))).as("the leftover process").isEmpty();
    }

    @Test
    void megabytesOfOutputAreCountedButOnlyAnExcerptIsKept() throws Exception {
        Map<String, Object> report = run.report("loud");
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) report.get("output");
        assertThat((Double) output.get("stdoutBytes")).isGreaterThanOrEqualTo(2.0 * Misbehaving.Loud.STDOUT_BYTES);
        assertThat(output.get("truncated")).isEqualTo(true);
        assertThat(problems(report)).containsKey("problem.outputTruncated");
        assertThat(Files.size(run.out().resolve("loud").resolve("output.txt"))).isLessThan(512 * 1024);
        assertThat(problems(report).get("problem.refusedOptions")).contains("-Dmultiproc4j.tck.timeScale=100")
                .doesNotContain("-Xss2m");
        assertThat(rules(report)).allSatisfy(r -> {
            assertThat((String) r.get("message")).contains("a lot was printed");
            assertThat((String) r.get("stderr")).contains("earlier lines left out");
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> problems(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("problems")).stream().collect(Collectors.toMap(
                p -> (String) p.get("kind"), p -> (String) p.get("message"), (a, b) -> a + "\n" + b));
    }
}
