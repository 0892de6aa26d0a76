package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>pipes</em> area ({@code docs/spec/pipes.md}): pipes and connections (PIPE), and
 * socket listeners and clients (SOCK); one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MyPipeIT extends PipeVerification {
 *     MyPipeIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class PipeVerification extends SocketChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected PipeVerification(String providerId) {
        super(providerId);
    }
}
