package io.multiproc4j.processbuilder;

import io.multiproc4j.MpContext;
import io.multiproc4j.processbuilder.internal.PbIpc;
import io.multiproc4j.processbuilder.internal.PbLauncher;
import io.multiproc4j.spi.MultiprocessingProvider;
import io.multiproc4j.spi.StandardContext;

/**
 * multiproc4j on {@link java.lang.ProcessBuilder}, with JDK APIs only. Children are JVMs started by
 * {@code ProcessBuilder}; each receives its task over a private Unix-domain socket that is removed as soon as the child
 * has connected, and reports over it how it ends, so that exit codes are exact (a death by {@code SIGTERM} is
 * {@code -15}, not the JVM's {@code 143}). A daemon child watches that socket and dies when its parent does.
 */
public final class ProcessBuilderProvider implements MultiprocessingProvider {

    /** The id of this provider. */
    public static final String ID = "processbuilder";

    /** Creates the provider; the context is built when first asked for. */
    public ProcessBuilderProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MpContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final MpContext CONTEXT = new StandardContext(ID, new PbLauncher(), new PbIpc());
    }
}
