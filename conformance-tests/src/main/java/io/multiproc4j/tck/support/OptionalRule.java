package io.multiproc4j.tck.support;

import org.opentest4j.TestAbortedException;

/**
 * Runs the check of an optional (SHOULD) rule. When the implementation signals that it does not offer the capability,
 * by throwing {@link UnsupportedOperationException}, the test is reported as aborted with the reason
 * "optional, not implemented", visibly in every report, instead of failing; any other outcome counts as usual.
 */
public final class OptionalRule {

    private OptionalRule() {
    }

    /** A check that may throw anything. */
    @FunctionalInterface
    public interface Check {
        /** @throws Exception anything; an {@link UnsupportedOperationException} marks the rule as not implemented */
        void run() throws Exception;
    }

    /**
     * @param ruleId the optional rule
     * @param check its check
     * @throws Exception whatever the check throws, except {@link UnsupportedOperationException}
     */
    public static void check(String ruleId, Check check) throws Exception {
        try {
            check.run();
        } catch (UnsupportedOperationException e) {
            String reason = "optional, not implemented: " + ruleId + " (" + RuleCatalog.rule(ruleId).statement() + ")"
                    + (e.getMessage() == null ? "" : " — " + e.getMessage());
            System.err.println("[multiproc4j-tck] " + reason);
            throw new TestAbortedException(reason, e);
        }
    }
}
