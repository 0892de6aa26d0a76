package io.multiproc4j;

import io.multiproc4j.internal.Providers;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.util.List;
import java.util.Optional;

/**
 * The entry point: Python's {@code multiprocessing} module as static methods over the default
 * {@linkplain MpContext context}.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} as {@link MultiprocessingProvider}s. The default
 * is the one named by the system property {@value #PROVIDER_PROPERTY} or, when it is unset, the environment variable
 * {@value #PROVIDER_ENV}; otherwise the only provider present, or among several the one of highest
 * {@linkplain MultiprocessingProvider#priority() priority}. A child process always uses its parent's provider.
 *
 * <pre>{@code
 * MpProcess p = Multiprocessing.newProcess(() -> System.out.println("hello from a child")).start();
 * p.join();
 * assert p.exitCode().getAsInt() == 0;
 * }</pre>
 */
public final class Multiprocessing {

    /** The system property that names the default provider by id. */
    public static final String PROVIDER_PROPERTY = "multiproc4j.provider";

    /** The environment variable that names the default provider when the system property is unset. */
    public static final String PROVIDER_ENV = "MULTIPROC4J_PROVIDER";

    private Multiprocessing() {
    }

    /**
     * The default context. Rule PROV-01.
     *
     * @return the context of the default provider
     * @throws ProviderLookupException if there is no provider, the configured id is unknown, or the choice is
     *     ambiguous
     */
    public static MpContext context() {
        return Providers.defaultProvider().context();
    }

    /**
     * The context of the provider with the given id. Rule PROV-02.
     *
     * @param providerId a provider id, for example {@code processbuilder}
     * @return its context
     * @throws ProviderLookupException if no provider has that id, or two have it
     */
    public static MpContext context(String providerId) {
        return Providers.byId(providerId).context();
    }

    /**
     * @return the ids of every provider found, sorted
     */
    public static List<String> providerIds() {
        return Providers.ids();
    }

    /**
     * Creates a process in the default context; see {@link MpContext#newProcess(ProcessTask)}.
     *
     * @param task what the process runs
     * @return a new, unstarted process
     */
    public static MpProcess newProcess(ProcessTask task) {
        return context().newProcess(task);
    }

    /**
     * See {@link MpContext#currentProcess()}.
     *
     * @return the current process
     */
    public static MpProcess currentProcess() {
        return context().currentProcess();
    }

    /**
     * See {@link MpContext#parentProcess()}.
     *
     * @return the parent process, or empty in the main program
     */
    public static Optional<MpProcess> parentProcess() {
        return context().parentProcess();
    }

    /**
     * See {@link MpContext#activeChildren()}.
     *
     * @return the live children of the current process
     */
    public static List<MpProcess> activeChildren() {
        return context().activeChildren();
    }

    /**
     * See {@link MpContext#cpuCount()}.
     *
     * @return the number of processors available
     */
    public static int cpuCount() {
        return context().cpuCount();
    }
}
