package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>processes</em> area ({@code docs/spec/processes.md}): one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MyProcessIT extends ProcessVerification {
 *     MyProcessIT() { super("my-provider-id"); }
 * }
 * }</pre>
 * and running it with JUnit Jupiter (for example with maven-failsafe-plugin) with the implementation on the class
 * path. Set the time scale ({@code -Dmultiproc4j.tck.timeScale=2}) on a slow machine.
 */
public abstract class ProcessVerification extends ProcessMisuseChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected ProcessVerification(String providerId) {
        super(providerId);
    }
}
