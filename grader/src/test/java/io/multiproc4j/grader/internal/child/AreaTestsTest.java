package io.multiproc4j.grader.internal.child;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grader runs every rule of the kit: each spec page has an area class, and each rule's test is found in the class
 * of its page. A new page or rule in the kit that the grader would miss fails here.
 */
class AreaTestsTest {

    @Test
    void everySpecPageHasAConcreteAreaClassOverAVerificationOfTheKit() {
        assertThat(AreaTests.BY_PAGE.keySet()).containsExactlyInAnyOrderElementsOf(RuleCatalog.PAGES);
        AreaTests.BY_PAGE.values().forEach(c -> {
            assertThat(Modifier.isAbstract(c.getModifiers())).isFalse();
            assertThat(c.getSuperclass().getPackageName()).isEqualTo("io.multiproc4j.tck");
            assertThat(c.getSuperclass().getSimpleName()).endsWith("Verification");
        });
    }

    @Test
    void everyRuleHasItsTestInTheAreaClassOfItsPage() {
        for (Rule rule : RuleCatalog.all().values()) {
            Class<?> area = AreaTests.BY_PAGE.get(rule.page());
            assertThat(testedRules(area)).as("rules tested by %s", area.getSimpleName()).contains(rule.id());
        }
    }

    private static Set<String> testedRules(Class<?> area) {
        Set<String> ids = new HashSet<>();
        for (Class<?> c = area; c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    RuleCatalog.ruleIdOf(m.getName()).ifPresent(ids::add);
                }
            }
        }
        return ids;
    }
}
