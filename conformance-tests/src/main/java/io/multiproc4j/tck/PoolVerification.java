package io.multiproc4j.tck;

/**
 * The conformance checks of the <em>pools</em> area ({@code docs/spec/pools.md}): {@code MpPool}, its results and
 * its executor view, and a program that ends without closing its pool; one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MyPoolIT extends PoolVerification {
 *     MyPoolIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class PoolVerification extends PoolExecutorChecks {

    /**
     * @param providerId the id of the implementation under test
     */
    protected PoolVerification(String providerId) {
        super(providerId);
    }
}
