package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.grader.internal.result.SubmissionResult;

/** Follows the grading as it happens, for the live progress on the terminal. */
public interface GradingListener {

    /**
     * @param submission the submission about to be graded
     * @param index its position, from 1
     * @param count how many are graded
     */
    void started(Submission submission, int index, int count);

    /**
     * @param providerId the provider being graded
     * @param providerClass its class
     * @param jdk the JDK running the grading JVM
     */
    void provider(String providerId, String providerClass, Jdk jdk);

    /** @param result a rule's result, as soon as it is known */
    void ruleFinished(RuleResult result);

    /** @param note something that went wrong beyond a single rule, as soon as it is known */
    void problem(Note note);

    /** @param result the submission's whole result */
    void finished(SubmissionResult result);
}
