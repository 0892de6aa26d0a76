package io.multiproc4j.grader.internal.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the grader found out about one submission: which provider it graded, with which Java, every selected
 * rule's result, and what went wrong beyond single rules.
 *
 * @param name the submission's name (its jar's or folder's)
 * @param origin the jar or folder graded, as given
 * @param providerId the id of the provider graded, or blank if none could be chosen
 * @param providerClass its class, or blank
 * @param java the JDK that ran the grading JVM, or blank if none could
 * @param started when grading began
 * @param elapsed how long it took
 * @param rules the result of every selected rule, in the order of the spec
 * @param problems what went wrong beyond single rules
 * @param leftovers the processes found still running after the submission's grading JVM ended, now killed
 * @param stdout what the grading JVM wrote to standard output
 * @param stderr what it wrote to standard error
 * @param selection how the rules were chosen ({@code --areas}, {@code --rules}), or blank for all rules
 */
public record SubmissionResult(String name, String origin, String providerId, String providerClass, String java,
        Instant started, Duration elapsed, List<RuleResult> rules, List<Note> problems, List<String> leftovers,
        CapturedOutput stdout, CapturedOutput stderr, String selection) {

    /** Copies the lists. */
    public SubmissionResult {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
        leftovers = List.copyOf(leftovers);
    }

    /**
     * @param outcome an outcome
     * @return how many rules came out so
     */
    public long count(Outcome outcome) {
        return rules.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** @return how many rules count as failed: those that failed and those that could not run */
    public long failedCount() {
        return rules.stream().filter(r -> r.outcome().countsAsFailed()).count();
    }
}
