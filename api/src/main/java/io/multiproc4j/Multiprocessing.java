package io.multiproc4j;

import io.multiproc4j.internal.Providers;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.net.SocketAddress;
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
     * Creates a pool in the default context; see {@link MpContext#newPool(PoolOptions)}.
     *
     * @param options the number of workers, initializer, tasks per worker and task timeout
     * @return the running pool
     */
    public static MpPool newPool(PoolOptions options) {
        return context().newPool(options);
    }

    /**
     * See {@link MpContext#newPool(int)}.
     *
     * @param workers how many worker processes, at least 1
     * @return the running pool
     */
    public static MpPool newPool(int workers) {
        return context().newPool(workers);
    }

    /**
     * See {@link MpContext#newPool()}.
     *
     * @return the running pool, with one worker per processor
     */
    public static MpPool newPool() {
        return context().newPool();
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

    /**
     * In the default context; see {@link MpContext#newPipe()}.
     *
     * @return see there
     */
    public static Pipe newPipe() {
        return context().newPipe();
    }

    /**
     * In the default context; see {@link MpContext#newPipe(boolean)}.
     *
     * @param duplex see there
     * @return see there
     */
    public static Pipe newPipe(boolean duplex) {
        return context().newPipe(duplex);
    }

    /**
     * In the default context; see {@link MpContext#newQueue()}.
     *
     * @param <E> the type of the items
     * @return see there
     */
    public static <E> MpQueue<E> newQueue() {
        return context().newQueue();
    }

    /**
     * In the default context; see {@link MpContext#newQueue(int)}.
     *
     * @param <E> the type of the items
     * @param capacity see there
     * @return see there
     */
    public static <E> MpQueue<E> newQueue(int capacity) {
        return context().newQueue(capacity);
    }

    /**
     * In the default context; see {@link MpContext#newJoinableQueue()}.
     *
     * @param <E> the type of the items
     * @return see there
     */
    public static <E> JoinableQueue<E> newJoinableQueue() {
        return context().newJoinableQueue();
    }

    /**
     * In the default context; see {@link MpContext#newJoinableQueue(int)}.
     *
     * @param <E> the type of the items
     * @param capacity see there
     * @return see there
     */
    public static <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        return context().newJoinableQueue(capacity);
    }

    /**
     * In the default context; see {@link MpContext#newSimpleQueue()}.
     *
     * @param <E> the type of the items
     * @return see there
     */
    public static <E> SimpleQueue<E> newSimpleQueue() {
        return context().newSimpleQueue();
    }

    /**
     * In the default context; see {@link MpContext#newLock()}.
     *
     * @return see there
     */
    public static MpLock newLock() {
        return context().newLock();
    }

    /**
     * In the default context; see {@link MpContext#newReentrantLock()}.
     *
     * @return see there
     */
    public static MpReentrantLock newReentrantLock() {
        return context().newReentrantLock();
    }

    /**
     * In the default context; see {@link MpContext#newSemaphore(int)}.
     *
     * @param permits see there
     * @return see there
     */
    public static MpSemaphore newSemaphore(int permits) {
        return context().newSemaphore(permits);
    }

    /**
     * In the default context; see {@link MpContext#newBoundedSemaphore(int)}.
     *
     * @param permits see there
     * @return see there
     */
    public static MpSemaphore newBoundedSemaphore(int permits) {
        return context().newBoundedSemaphore(permits);
    }

    /**
     * In the default context; see {@link MpContext#newEvent()}.
     *
     * @return see there
     */
    public static MpEvent newEvent() {
        return context().newEvent();
    }

    /**
     * In the default context; see {@link MpContext#newCondition()}.
     *
     * @return see there
     */
    public static MpCondition newCondition() {
        return context().newCondition();
    }

    /**
     * In the default context; see {@link MpContext#newCondition(MpReentrantLock)}.
     *
     * @param lock see there
     * @return see there
     */
    public static MpCondition newCondition(MpReentrantLock lock) {
        return context().newCondition(lock);
    }

    /**
     * In the default context; see {@link MpContext#newBarrier(int)}.
     *
     * @param parties see there
     * @return see there
     */
    public static MpBarrier newBarrier(int parties) {
        return context().newBarrier(parties);
    }

    /**
     * In the default context; see {@link MpContext#newSharedInt(int)}.
     *
     * @param initialValue see there
     * @return see there
     */
    public static SharedInt newSharedInt(int initialValue) {
        return context().newSharedInt(initialValue);
    }

    /**
     * In the default context; see {@link MpContext#newSharedLong(long)}.
     *
     * @param initialValue see there
     * @return see there
     */
    public static SharedLong newSharedLong(long initialValue) {
        return context().newSharedLong(initialValue);
    }

    /**
     * In the default context; see {@link MpContext#newSharedDouble(double)}.
     *
     * @param initialValue see there
     * @return see there
     */
    public static SharedDouble newSharedDouble(double initialValue) {
        return context().newSharedDouble(initialValue);
    }

    /**
     * In the default context; see {@link MpContext#newSharedByte(byte)}.
     *
     * @param initialValue see there
     * @return see there
     */
    public static SharedByte newSharedByte(byte initialValue) {
        return context().newSharedByte(initialValue);
    }

    /**
     * In the default context; see {@link MpContext#newSharedChar(char)}.
     *
     * @param initialValue see there
     * @return see there
     */
    public static SharedChar newSharedChar(char initialValue) {
        return context().newSharedChar(initialValue);
    }

    /**
     * In the default context; see {@link MpContext#newSharedIntArray(int)}.
     *
     * @param length see there
     * @return see there
     */
    public static SharedIntArray newSharedIntArray(int length) {
        return context().newSharedIntArray(length);
    }

    /**
     * In the default context; see {@link MpContext#newSharedLongArray(int)}.
     *
     * @param length see there
     * @return see there
     */
    public static SharedLongArray newSharedLongArray(int length) {
        return context().newSharedLongArray(length);
    }

    /**
     * In the default context; see {@link MpContext#newSharedDoubleArray(int)}.
     *
     * @param length see there
     * @return see there
     */
    public static SharedDoubleArray newSharedDoubleArray(int length) {
        return context().newSharedDoubleArray(length);
    }

    /**
     * In the default context; see {@link MpContext#newSharedByteArray(int)}.
     *
     * @param length see there
     * @return see there
     */
    public static SharedByteArray newSharedByteArray(int length) {
        return context().newSharedByteArray(length);
    }

    /**
     * In the default context; see {@link MpContext#newSharedCharArray(int)}.
     *
     * @param length see there
     * @return see there
     */
    public static SharedCharArray newSharedCharArray(int length) {
        return context().newSharedCharArray(length);
    }

    /**
     * In the default context; see {@link MpContext#raw()}.
     *
     * @return see there
     */
    public static SharedObjectFactory raw() {
        return context().raw();
    }

    /**
     * In the default context; see {@link MpContext#createSharedMemory(int)}.
     *
     * @param size see there
     * @return see there
     */
    public static SharedMemory createSharedMemory(int size) {
        return context().createSharedMemory(size);
    }

    /**
     * In the default context; see {@link MpContext#createSharedMemory(String,int)}.
     *
     * @param name see there
     * @param size see there
     * @return see there
     */
    public static SharedMemory createSharedMemory(String name, int size) {
        return context().createSharedMemory(name, size);
    }

    /**
     * In the default context; see {@link MpContext#attachSharedMemory(String)}.
     *
     * @param name see there
     * @return see there
     */
    public static SharedMemory attachSharedMemory(String name) {
        return context().attachSharedMemory(name);
    }

    /**
     * In the default context; see {@link MpContext#listen(byte[])}.
     *
     * @param authKey see there
     * @return see there
     */
    public static Listener listen(byte[] authKey) {
        return context().listen(authKey);
    }

    /**
     * In the default context; see {@link MpContext#listen(SocketAddress,byte[])}.
     *
     * @param address see there
     * @param authKey see there
     * @return see there
     */
    public static Listener listen(SocketAddress address, byte[] authKey) {
        return context().listen(address, authKey);
    }

    /**
     * In the default context; see {@link MpContext#connect(SocketAddress,byte[])}.
     *
     * @param address see there
     * @param authKey see there
     * @return see there
     */
    public static Connection connect(SocketAddress address, byte[] authKey) {
        return context().connect(address, authKey);
    }

    /**
     * In the default context; see {@link MpContext#handleSignal(ProcessSignal,SignalHandler)}.
     *
     * @param signal see there
     * @param handler see there
     */
    public static void handleSignal(ProcessSignal signal, SignalHandler handler) {
        context().handleSignal(signal, handler);
    }

    /**
     * In the default context; see {@link MpContext#defaultSignal(ProcessSignal)}.
     *
     * @param signal see there
     */
    public static void defaultSignal(ProcessSignal signal) {
        context().defaultSignal(signal);
    }
}
