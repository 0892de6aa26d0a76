package io.multiproc4j.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.child.AreaTests;
import io.multiproc4j.grader.support.GradeScript;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import io.multiproc4j.tck.support.TckEnvironment;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's deliberately broken implementations, graded through the command from the kit's test jar (over the
 * processbuilder implementation, as a library), fail exactly the rules the kit expects them to fail. Each is graded on
 * those rules and on the first two other rules of its area, which must pass, so that the run stays short; the kit's
 * own KitProvesItselfIT checks whole areas.
 */
class BrokenProvidersIT {

    private static final String KIT_TESTS = System.getProperty("grader.kitTestsJar");
    private static final String PROCESSBUILDER = System.getProperty("grader.processbuilderJar");
    /** Passing rules graded beside each provider's failing ones. */
    private static final int NEIGHBOURS = 2;

    /** The kit's own table of broken providers, read from its test jar, so that a new one is graded here too. */
    static Stream<Arguments> brokenProviders() throws ReflectiveOperationException {
        Class<?> table = Class.forName("io.multiproc4j.tck.selftest.KitProvesItself");
        Method m = table.getDeclaredMethod("brokenProviders");
        m.setAccessible(true);
        @SuppressWarnings("unchecked")
        Stream<Arguments> rows = (Stream<Arguments>) m.invoke(null);
        return rows.map(a -> Arguments.of(a.get()[0], pageOf((Class<?>) a.get()[1]), a.get()[2]));
    }

    @ParameterizedTest(name = "{0} fails exactly {2}")
    @MethodSource("brokenProviders")
    void aBrokenProviderGradedByTheCommandFailsExactlyItsRules(String provider, String page, Set<String> expected) {
        List<String> graded = new ArrayList<>(expected);
        RuleCatalog.all().values().stream().filter(r -> r.page().equals(page)).map(Rule::id)
                .filter(id -> !expected.contains(id)).limit(NEIGHBOURS).forEach(graded::add);
        String name = Path.of(KIT_TESTS).getFileName().toString().replaceFirst("\\.jar$", "");

        GradeScript.Run run = GradeScript.run(GradeScript.WORK.resolve("broken").resolve(provider),
                TckEnvironment.scaled(Duration.ofMinutes(5).toMillis()), "--provider", provider, "--lib",
                PROCESSBUILDER, "--rules", String.join(",", graded), KIT_TESTS);

        Map<String, Object> report = run.report(name);
        assertThat(report.get("provider")).isEqualTo(provider);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) report.get("rules");
        assertThat(rules).hasSize(graded.size());
        Set<String> failed = rules.stream().filter(r -> !r.get("outcome").equals("passed"))
                .map(r -> (String) r.get("id")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(failed).as("rules failed by %s; the command printed:\n%s", provider, run.stdout())
                .isEqualTo(new TreeSet<>(expected));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stdout()).contains((graded.size() - expected.size()) + " passed, " + expected.size()
                + " failed");
        rules.stream().filter(r -> expected.contains((String) r.get("id"))).forEach(r -> {
            assertThat((String) r.get("message")).as("the assertion that failed %s", r.get("id")).isNotBlank();
            assertThat((String) r.get("hint")).as("the hint for %s", r.get("id")).isNotBlank();
        });
    }

    /** The spec page of the kit's area class that a broken provider breaks. */
    private static String pageOf(Class<?> kitArea) {
        return AreaTests.BY_PAGE.entrySet().stream()
                .filter(e -> e.getValue().getSuperclass().equals(kitArea.getSuperclass()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no area of the grader runs " + kitArea.getSuperclass()));
    }
}
