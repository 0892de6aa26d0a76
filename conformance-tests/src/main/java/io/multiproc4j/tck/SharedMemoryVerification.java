package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>shared-memory</em> area ({@code docs/spec/shared-memory.md}): shared values and
 * arrays, with and without a lock, and named shared-memory blocks and their lifetime, one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MySharedMemoryIT extends SharedMemoryVerification {
 *     MySharedMemoryIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class SharedMemoryVerification extends SharedMemoryBlockChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected SharedMemoryVerification(String providerId) {
        super(providerId);
    }
}
