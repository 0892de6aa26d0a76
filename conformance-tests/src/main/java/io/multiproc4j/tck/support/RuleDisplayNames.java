package io.multiproc4j.tck.support;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each test after its rule: {@code PROC-01 [MUST] A new process is not started …}, so that a report reads
 * like the spec.
 */
public final class RuleDisplayNames extends DisplayNameGenerator.Standard {

    /** Used by JUnit. */
    public RuleDisplayNames() {
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return RuleCatalog.ruleIdOf(testMethod.getName())
                .filter(id -> RuleCatalog.all().containsKey(id))
                .map(RuleCatalog::rule)
                .map(r -> r.id() + " [" + r.level() + "] " + r.statement())
                .orElseGet(() -> super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod));
    }
}
