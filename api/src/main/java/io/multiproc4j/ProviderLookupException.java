package io.multiproc4j;

/**
 * Thrown when no implementation can be chosen: none is on the class path, the requested id is unknown, or two
 * implementations claim the same id. The message lists what was found. Rule PROV-02.
 */
public class ProviderLookupException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was asked for and what was found
     */
    public ProviderLookupException(String message) {
        super(message);
    }
}
