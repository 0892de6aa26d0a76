package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>synchronisation</em> area ({@code docs/spec/synchronization.md}): locks,
 * reentrant locks, semaphores, events, conditions and barriers shared by processes, one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MySyncIT extends SyncVerification {
 *     MySyncIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class SyncVerification extends SyncBarrierChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected SyncVerification(String providerId) {
        super(providerId);
    }
}
