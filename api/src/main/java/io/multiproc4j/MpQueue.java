package io.multiproc4j;

import java.time.Duration;

/**
 * A first-in, first-out queue shared by processes, optionally bounded: Python's {@code multiprocessing.Queue}.
 * Created by {@link MpContext#newQueue()} or {@link MpContext#newQueue(int)}.
 *
 * <p>Every blocking operation comes in three forms, as in {@link java.util.concurrent.BlockingQueue}:
 * <table class="striped">
 *   <caption>Operations</caption>
 *   <tr><th></th><th>blocks</th><th>times out (throws)</th><th>at once (throws)</th></tr>
 *   <tr><td>insert</td><td>{@link #put(Object)}</td><td>{@link #put(Object, Duration)}
 *       ({@link QueueFullException})</td><td>{@link #putNow(Object)} ({@link QueueFullException})</td></tr>
 *   <tr><td>remove</td><td>{@link #get()}</td><td>{@link #get(Duration)} ({@link QueueEmptyException})</td>
 *       <td>{@link #getNow()} ({@link QueueEmptyException})</td></tr>
 * </table>
 * A zero or negative timeout means "do not wait".
 *
 * <p><b>Delivery.</b> An item is serialised in the caller, so a put of something that cannot be serialised throws
 * {@link MessageNotSerializableException} there and queues nothing. Once a put has returned, the item is in the
 * queue: it will be delivered even if the putting process ends at once (Python can lose it). Each item is
 * delivered to exactly one get; items put by one process (one thread) are got in the order they were put; items
 * from different producers may interleave. {@code null} is an item like any other. An item may be at most
 * {@link Connection#MAX_MESSAGE_SIZE} bytes once serialised.
 *
 * <p><b>Crossing processes.</b> A queue reaches another process by being captured in the task given to
 * {@link MpProcess#start()}; see the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p><b>Thread safety.</b> Every method may be called from any thread of any process that has the queue.
 *
 * @param <E> the type of the items
 *
 * <p>Rules Q-01 to Q-16 ({@code docs/spec/queues.md}).
 */
public interface MpQueue<E> extends AutoCloseable {

    /**
     * Inserts an item, waiting while the queue is full.
     *
     * @param item the item
     * @throws InterruptedException if interrupted while waiting; nothing was inserted
     * @throws MessageNotSerializableException if the item cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     * @throws IllegalStateException if this queue was closed in this process
     */
    void put(E item) throws InterruptedException;

    /**
     * Inserts an item, waiting at most {@code timeout} for room.
     *
     * @param item the item
     * @param timeout the longest wait
     * @throws QueueFullException if the queue stayed full
     * @throws InterruptedException if interrupted while waiting; nothing was inserted
     * @throws MessageNotSerializableException if the item cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     * @throws IllegalStateException if this queue was closed in this process
     */
    void put(E item, Duration timeout) throws InterruptedException;

    /**
     * Inserts an item if there is room now.
     *
     * @param item the item
     * @throws QueueFullException if the queue is full
     * @throws MessageNotSerializableException if the item cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     * @throws IllegalStateException if this queue was closed in this process
     */
    void putNow(E item);

    /**
     * Removes and returns the oldest item, waiting while the queue is empty.
     *
     * @return the item
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     * @throws IllegalStateException if this queue was closed in this process
     */
    E get() throws InterruptedException;

    /**
     * Removes and returns the oldest item, waiting at most {@code timeout} for one.
     *
     * @param timeout the longest wait
     * @return the item
     * @throws QueueEmptyException if the queue stayed empty
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     * @throws IllegalStateException if this queue was closed in this process
     */
    E get(Duration timeout) throws InterruptedException;

    /**
     * Removes and returns the oldest item if there is one now.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws IllegalStateException if this queue was closed in this process
     */
    E getNow();

    /**
     * @return the number of items in the queue; approximate, since other processes may change it at any time
     */
    int size();

    /**
     * @return whether the queue is empty; approximate, as {@link #size()}
     */
    boolean isEmpty();

    /**
     * @return whether the queue is at its capacity; approximate, as {@link #size()}
     */
    boolean isFull();

    /**
     * @return the capacity given at creation, or {@link Integer#MAX_VALUE} for an unbounded queue
     */
    int capacity();

    /**
     * Closes the queue in this process: later puts and gets here throw {@link IllegalStateException}. Other
     * processes are not affected, and items already put stay in the queue. Closing twice is harmless.
     */
    @Override
    void close();
}
