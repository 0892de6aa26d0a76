package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The spec and the kit agree: every rule has exactly one test, every test checks a listed rule. */
class RuleCoverageTest {

    /** The public verification class of each area. */
    private static final List<Class<?>> AREAS = List.of(ProcessVerification.class, PipeVerification.class, QueueVerification.class,
            SignalVerification.class, SyncVerification.class, SharedMemoryVerification.class, PoolVerification.class);

    @Test
    void everyRuleHasExactlyOneTestAndEveryTestARule() {
        Map<String, List<String>> testsByRule = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (Class<?> area : AREAS) {
            for (Class<?> c = area; c != null && c != Object.class; c = c.getSuperclass()) {
                String owner = c.getSimpleName();
                for (Method m : c.getDeclaredMethods()) {
                    if (!m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                        continue;
                    }
                    RuleCatalog.ruleIdOf(m.getName()).ifPresentOrElse(
                            id -> testsByRule.computeIfAbsent(id, k -> new ArrayList<>()).add(m.getName()),
                            () -> unnamed.add(owner + "." + m.getName()));
                }
            }
        }
        assertThat(unnamed).as("tests not named after a rule (required_area01_… or optional_area01_…)").isEmpty();
        assertThat(testsByRule.keySet()).as("rules with a test").containsExactlyInAnyOrderElementsOf(
                RuleCatalog.all().keySet());
        testsByRule.forEach((id, tests) -> assertThat(tests).as("tests of %s", id).hasSize(1));
    }

    @Test
    void testNamesSayWhetherTheirRuleIsRequired() {
        for (Class<?> c = ProcessVerification.class; c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                RuleCatalog.ruleIdOf(m.getName()).filter(id -> RuleCatalog.all().containsKey(id)).ifPresent(id -> {
                    Rule r = RuleCatalog.rule(id);
                    assertThat(RuleCatalog.namedRequired(m)).as("%s is %s, so its test is named %s_…", id, r.level(),
                            r.required() ? "required" : "optional").isEqualTo(r.required());
                });
            }
        }
    }

    @Test
    void catalogReadsEveryRuleOfTheSpecPages() {
        assertThat(RuleCatalog.all()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(RuleCatalog.rule("PROC-01").statement()).startsWith("A new process is not started");
        assertThat(RuleCatalog.rule("STATE-01").required()).isFalse();
        assertThat(RuleCatalog.rule("LIFE-05").anchor()).isEqualTo("processes.md#LIFE-05");
    }
}
