package io.multiproc4j.grader.internal.result;

import io.multiproc4j.tck.support.Rule;
import java.time.Duration;
import java.util.Objects;

/**
 * The result of one rule for one submission, with the evidence a student needs when it did not pass.
 *
 * @param rule the rule
 * @param outcome how it came out
 * @param duration how long its test ran (zero if it did not run)
 * @param failureType the class of the exception that failed the test, or blank
 * @param message the assertion that failed, the reason it was skipped, or why it did not run; blank if it passed
 * @param trace the telling stack frames of the failure, or blank
 * @param stderr what the grading JVM wrote to its standard error while the test ran, capped, or blank
 */
public record RuleResult(Rule rule, Outcome outcome, Duration duration, String failureType, String message,
        String trace, String stderr) {

    /** Checks that nothing is null. */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        failureType = Objects.requireNonNullElse(failureType, "");
        message = Objects.requireNonNullElse(message, "");
        trace = Objects.requireNonNullElse(trace, "");
        stderr = Objects.requireNonNullElse(stderr, "");
    }

    /**
     * @param rule a rule that did not run
     * @param reason why, in the report's language
     * @return its result
     */
    public static RuleResult notRun(Rule rule, String reason) {
        return new RuleResult(rule, Outcome.NOT_RUN, Duration.ZERO, "", reason, "", "");
    }

    /** @return the rule's id */
    public String id() {
        return rule.id();
    }
}
