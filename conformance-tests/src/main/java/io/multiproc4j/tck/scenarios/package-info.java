/**
 * Whole programs that the kit runs in their own JVM and observes from outside ({@link
 * io.multiproc4j.tck.support.Scenario}), for the rules about what happens when a program ends. Each prints protocol
 * lines on its standard output; they are part of the kit, not examples.
 */
package io.multiproc4j.tck.scenarios;
