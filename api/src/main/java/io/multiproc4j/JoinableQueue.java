package io.multiproc4j;

import java.time.Duration;

/**
 * An {@link MpQueue} that also counts unfinished items: Python's {@code JoinableQueue}. Each put adds one; a
 * consumer calls {@link #taskDone()} when it has finished with an item it got; {@link #join()} waits until the
 * count is zero.
 *
 * @param <E> the type of the items
 *
 * <p>Rules JQ-01 to JQ-03 ({@code docs/spec/queues.md}).
 */
public interface JoinableQueue<E> extends MpQueue<E> {

    /**
     * Marks one item got from this queue as finished.
     *
     * @throws IllegalStateException if called more times than items were put, or if the queue was closed in this
     *     process
     */
    void taskDone();

    /**
     * Waits until every item put so far has been marked finished; returns at once if none is unfinished.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} until every item put so far has been marked finished.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return {@code true} if none is unfinished, {@code false} if the time ran out
     * @throws InterruptedException if interrupted while waiting
     */
    boolean join(Duration timeout) throws InterruptedException;
}
