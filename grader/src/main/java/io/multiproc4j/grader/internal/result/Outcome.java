package io.multiproc4j.grader.internal.result;

/** How a rule came out for a submission. */
public enum Outcome {
    /** Its test passed: the rule's points are earned. */
    PASSED,
    /** Its test failed. */
    FAILED,
    /** An optional rule whose capability the submission does not offer (or a test JUnit skipped). */
    SKIPPED,
    /** Its test could not run, for the reason given: the submission has no provider, ran out of time, and so on. */
    NOT_RUN;

    /** @return whether the rule counts among the failed ones in the closing line */
    public boolean countsAsFailed() {
        return this == FAILED || this == NOT_RUN;
    }
}
