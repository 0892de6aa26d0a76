package org.example.multiproc;

import io.multiproc4j.MpContext;
import io.multiproc4j.spi.MultiprocessingProvider;

/**
 * Registers this implementation with ServiceLoader (see
 * {@code src/main/resources/META-INF/services/io.multiproc4j.spi.MultiprocessingProvider}). The grader finds it there,
 * and the conformance kit asks for it by its id.
 */
public final class MyProvider implements MultiprocessingProvider {

    /** This implementation's id: lower-case letters, digits, '.', '_' or '-'; change it to your own. */
    public static final String ID = "my-implementation";

    private static final MpContext CONTEXT = new MyContext(ID);

    /** Used by ServiceLoader: keep it public, without arguments, and cheap. */
    public MyProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MpContext context() {
        return CONTEXT;
    }
}
