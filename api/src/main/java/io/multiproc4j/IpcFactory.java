package io.multiproc4j;

import java.net.SocketAddress;

/**
 * The IPC half of an {@link MpContext}: creates the objects processes talk through, and handles signals. Each kind
 * is described by its own type; how they reach other processes and how long they live is described in the
 * <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p><b>Thread safety.</b> Every method may be called from any thread.
 */
public interface IpcFactory extends SharedObjectFactory {

    /**
     * Creates a two-way pipe: Python's {@code Pipe()}.
     *
     * @return two connected ends, each of which sends and receives
     */
    Pipe newPipe();

    /**
     * Creates a pipe: Python's {@code Pipe(duplex)}.
     *
     * @param duplex {@code true} for a two-way pipe; {@code false} for a one-way pipe whose {@link Pipe#first()} only
     *     receives and whose {@link Pipe#second()} only sends
     * @return two connected ends
     */
    Pipe newPipe(boolean duplex);

    /**
     * Creates an unbounded queue: Python's {@code Queue()}.
     *
     * @param <E> the type of the items
     * @return a new, empty queue
     */
    <E> MpQueue<E> newQueue();

    /**
     * Creates a bounded queue: Python's {@code Queue(capacity)}.
     *
     * @param <E> the type of the items
     * @param capacity the most items it holds
     * @return a new, empty queue
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    <E> MpQueue<E> newQueue(int capacity);

    /**
     * Creates an unbounded joinable queue: Python's {@code JoinableQueue()}.
     *
     * @param <E> the type of the items
     * @return a new, empty queue
     */
    <E> JoinableQueue<E> newJoinableQueue();

    /**
     * Creates a bounded joinable queue: Python's {@code JoinableQueue(capacity)}.
     *
     * @param <E> the type of the items
     * @param capacity the most items it holds
     * @return a new, empty queue
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    <E> JoinableQueue<E> newJoinableQueue(int capacity);

    /**
     * Creates a simple queue: Python's {@code SimpleQueue()}.
     *
     * @param <E> the type of the items
     * @return a new, empty queue
     */
    <E> SimpleQueue<E> newSimpleQueue();

    /**
     * @return a new, unlocked lock: Python's {@code Lock()}
     */
    MpLock newLock();

    /**
     * @return a new, unlocked reentrant lock: Python's {@code RLock()}
     */
    MpReentrantLock newReentrantLock();

    /**
     * @param permits the initial number of permits
     * @return a new semaphore: Python's {@code Semaphore(permits)}
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    MpSemaphore newSemaphore(int permits);

    /**
     * @param permits the initial and greatest number of permits
     * @return a new bounded semaphore: Python's {@code BoundedSemaphore(permits)}
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    MpSemaphore newBoundedSemaphore(int permits);

    /**
     * @return a new, unset event: Python's {@code Event()}
     */
    MpEvent newEvent();

    /**
     * @return a new condition with a new reentrant lock of its own: Python's {@code Condition()}
     */
    MpCondition newCondition();

    /**
     * @param lock the lock the condition uses; it must come from this context
     * @return a new condition over {@code lock}: Python's {@code Condition(lock)}
     * @throws IllegalArgumentException if {@code lock} does not come from this context
     */
    MpCondition newCondition(MpReentrantLock lock);

    /**
     * @param parties how many parties each cycle waits for
     * @return a new barrier: Python's {@code Barrier(parties)}
     * @throws IllegalArgumentException if {@code parties} is not positive
     */
    MpBarrier newBarrier(int parties);

    /**
     * The factory of shared values and arrays without a lock: Python's {@code RawValue} and {@code RawArray}.
     *
     * @return the factory
     */
    SharedObjectFactory raw();

    /**
     * Creates a shared-memory block with a random name.
     *
     * @param size its size in bytes
     * @return the block, open in this process
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    SharedMemory createSharedMemory(int size);

    /**
     * Creates a shared-memory block with the given name.
     *
     * @param name one to 200 letters, digits, {@code .}, {@code _} or {@code -}, not starting with {@code .}
     * @param size its size in bytes
     * @return the block, open in this process
     * @throws SharedMemoryExistsException if a block has that name
     * @throws IllegalArgumentException if the name or the size is not valid
     */
    SharedMemory createSharedMemory(String name, int size);

    /**
     * Opens an existing shared-memory block by name; the block's lifetime is not changed.
     *
     * @param name its name
     * @return the block, open in this process
     * @throws NoSuchSharedMemoryException if no block has that name
     * @throws IllegalArgumentException if the name is not valid
     */
    SharedMemory attachSharedMemory(String name);

    /**
     * Listens on a new, private Unix-domain socket: Python's {@code Listener(authkey=...)}.
     *
     * @param authKey the key clients must prove they know; may be empty, but keep it secret
     * @return the listener; its {@link Listener#address()} is what clients connect to
     */
    Listener listen(byte[] authKey);

    /**
     * Listens on {@code address}: Python's {@code Listener(address, authkey=...)}.
     *
     * @param address a {@link java.net.UnixDomainSocketAddress} (its file must not exist) or an
     *     {@link java.net.InetSocketAddress} (port 0 picks a free port)
     * @param authKey the key clients must prove they know; may be empty, but keep it secret
     * @return the listener
     * @throws MultiprocessingException if the address is in use or cannot be bound
     * @throws IllegalArgumentException if the address is of another kind
     */
    Listener listen(SocketAddress address, byte[] authKey);

    /**
     * Connects to a {@link Listener}: Python's {@code Client(address, authkey=...)}.
     *
     * @param address the listener's address
     * @param authKey the listener's key
     * @return a two-way connection
     * @throws AuthenticationException if the keys differ
     * @throws MultiprocessingException if nothing listens there
     */
    Connection connect(SocketAddress address, byte[] authKey);

    /**
     * Makes the current process call {@code handler} when it receives {@code signal}, instead of what it did
     * before (by default: ending with exit code {@code -signal.number()}, or ignoring {@code SIGCONT}): Python's
     * {@code signal.signal}. The JVM keeps {@code SIGQUIT}, {@code SIGSEGV}, {@code SIGBUS}, {@code SIGFPE} and
     * {@code SIGILL} for itself; {@code SIGKILL} and {@code SIGSTOP} cannot be handled by any process.
     *
     * @param signal one of {@code SIGHUP}, {@code SIGINT}, {@code SIGTERM}, {@code SIGUSR1}, {@code SIGUSR2},
     *     {@code SIGCONT}
     * @param handler what to do
     * @throws IllegalArgumentException if {@code signal} cannot be handled
     */
    void handleSignal(ProcessSignal signal, SignalHandler handler);

    /**
     * Restores the default action for {@code signal} in the current process.
     *
     * @param signal a signal that {@link #handleSignal} accepts
     * @throws IllegalArgumentException if {@code signal} cannot be handled
     */
    void defaultSignal(ProcessSignal signal);
}
