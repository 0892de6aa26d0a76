/**
 * The grading command, {@link io.multiproc4j.grader.Grade}: the conformance kit run against implementation jars,
 * each in a JVM of its own under time limits, with a report a student can act on. Everything else of the grader is in
 * {@code internal} packages: {@code cli} (the command line and the progress), {@code run} (submissions, JDKs,
 * grading JVMs, leftovers), {@code child} (the runner inside a grading JVM), {@code result}, {@code rubric},
 * {@code report} and {@code text} (the English and Chinese words).
 */
package io.multiproc4j.grader;
