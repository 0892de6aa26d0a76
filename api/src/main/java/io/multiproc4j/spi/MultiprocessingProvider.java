package io.multiproc4j.spi;

import io.multiproc4j.MpContext;

/**
 * An implementation of multiproc4j, found with {@link java.util.ServiceLoader}. It must have a public no-argument
 * constructor (or a public static {@code provider()} method on the module path) and be cheap to construct: the
 * context is asked for only when it is used.
 */
public interface MultiprocessingProvider {

    /**
     * A unique, stable id: lower-case letters, digits, {@code .}, {@code _} or {@code -}, for example
     * {@code processbuilder}. Two providers with the same id make every lookup fail.
     *
     * @return the id
     */
    String id();

    /**
     * Which provider is the default when several are present and none is named; the highest wins, and a tie is an
     * error.
     *
     * @return the priority; {@code 0} unless overridden
     */
    default int priority() {
        return 0;
    }

    /**
     * The context of this implementation, one per JVM.
     *
     * @return the same context on every call
     */
    MpContext context();
}
