package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>queues</em> area ({@code docs/spec/queues.md}): {@code MpQueue} (Q),
 * {@code JoinableQueue} (JQ) and {@code SimpleQueue} (SQ); one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MyQueueIT extends QueueVerification {
 *     MyQueueIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class QueueVerification extends JoinableAndSimpleQueueChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected QueueVerification(String providerId) {
        super(providerId);
    }
}
