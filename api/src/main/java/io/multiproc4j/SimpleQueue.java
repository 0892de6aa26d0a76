package io.multiproc4j;

/**
 * An unbounded first-in, first-out queue shared by processes, with only the essential operations: Python's
 * {@code SimpleQueue}. Delivery, ordering, serialisation and crossing processes are as for {@link MpQueue}.
 *
 * @param <E> the type of the items
 *
 * <p>Rules SQ-01 to SQ-03 ({@code docs/spec/queues.md}).
 */
public interface SimpleQueue<E> extends AutoCloseable {

    /**
     * Inserts an item; it is in the queue when this returns.
     *
     * @param item the item
     * @throws MessageNotSerializableException if the item cannot be serialised; nothing was inserted
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     * @throws IllegalStateException if this queue was closed in this process
     */
    void put(E item);

    /**
     * Removes and returns the oldest item, waiting while the queue is empty.
     *
     * @return the item
     * @throws InterruptedException if interrupted while waiting; nothing was removed
     * @throws IllegalStateException if this queue was closed in this process
     */
    E get() throws InterruptedException;

    /**
     * @return whether the queue is empty; approximate, since other processes may change it at any time
     * @throws IllegalStateException if this queue was closed in this process
     */
    boolean isEmpty();

    /**
     * Closes the queue in this process; later calls here throw {@link IllegalStateException}. Closing twice is
     * harmless.
     */
    @Override
    void close();
}
