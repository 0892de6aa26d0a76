package io.multiproc4j.grader.internal.run;

import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.Objects;

/**
 * The grader's time bounds. They derive from the kit's own ({@link TckEnvironment}), so one scale factor
 * ({@code --time-scale}, or the kit's {@value TckEnvironment#SCALE_PROPERTY} / {@value TckEnvironment#SCALE_ENV})
 * stretches the kit and the grader alike.
 *
 * @param ruleTimeout the longest one rule's test may run before its grading JVM is killed and the rule fails
 * @param submissionLimit the longest the grading of one submission may take in all
 */
public record Limits(Duration ruleTimeout, Duration submissionLimit) {

    /**
     * How long a grading JVM may take to start, connect and name its provider: the kit's longest wait for something
     * that should happen.
     */
    public static final Duration START = TckEnvironment.LONG;
    /**
     * How long what should end by itself (a grading JVM after its last rule, the processes it leaves) is given to
     * do so before it is killed: the kit's "promptly".
     */
    public static final Duration GRACE = TckEnvironment.PROMPT;
    /**
     * The default limit per rule: twice the kit's longest wait, since a failing test may wait that long once and then
     * check for leaks.
     */
    public static final Duration DEFAULT_RULE_TIMEOUT = TckEnvironment.LONG.multipliedBy(2);
    /** The default limit per submission: the whole kit runs in about five minutes against a correct implementation. */
    public static final Duration DEFAULT_SUBMISSION_LIMIT = TckEnvironment.scaled(Duration.ofMinutes(30).toMillis());

    /** Checks that both are positive. */
    public Limits {
        Objects.requireNonNull(ruleTimeout, "ruleTimeout");
        Objects.requireNonNull(submissionLimit, "submissionLimit");
        if (ruleTimeout.isZero() || ruleTimeout.isNegative() || submissionLimit.isZero()
                || submissionLimit.isNegative()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }

    /** @return the default limits at the scale in force */
    public static Limits defaults() {
        return new Limits(DEFAULT_RULE_TIMEOUT, DEFAULT_SUBMISSION_LIMIT);
    }
}
