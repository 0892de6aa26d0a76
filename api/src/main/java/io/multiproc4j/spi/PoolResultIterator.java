package io.multiproc4j.spi;

import io.multiproc4j.PoolIterator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The results of an {@code imap} or {@code imapUnordered} job, filled by the pool as chunks finish and read by the
 * caller. The input is read by a feeder, which reports how many items it has sent ({@link #fed(int)}) and how the
 * input ended.
 *
 * @param <R> the type of the results
 */
final class PoolResultIterator<R> implements PoolIterator<R> {

    /** One finished item: its result or failure, and the worker it ran in. */
    private record Outcome(Object value, boolean failed, String where) {
    }

    private final boolean ordered;
    private final Map<Integer, Outcome> finished = new HashMap<>();
    private final ArrayDeque<Integer> arrivals = new ArrayDeque<>();
    private int fed;
    private int given;
    private boolean inputEnded;
    private RuntimeException inputFailure;
    private boolean over;
    private boolean cancelled;
    private RuntimeException brokenBy;
    private boolean iterated;

    /**
     * @param ordered whether results are given in input order ({@code imap}) or as they come
     */
    PoolResultIterator(boolean ordered) {
        this.ordered = ordered;
    }

    synchronized void fed(int items) {
        fed += items;
        notifyAll();
    }

    synchronized void inputEnded() {
        inputEnded = true;
        notifyAll();
    }

    /** The input failed after the items fed so far: those results come, then {@code failure}, then the end. */
    synchronized void inputFailed(RuntimeException failure) {
        inputFailure = failure;
        notifyAll();
    }

    synchronized void deliver(int start, Object[] results, boolean[] failed, String where) {
        for (int i = 0; i < results.length; i++) {
            finished.put(start + i, new Outcome(results[i], failed[i], where));
            if (!ordered) {
                arrivals.add(start + i);
            }
        }
        notifyAll();
    }

    synchronized void cancelled() {
        cancelled = true;
        notifyAll();
    }

    synchronized void broken(RuntimeException failure) {
        brokenBy = failure;
        notifyAll();
    }

    /** @return whether the pool need not run more of this job */
    synchronized boolean isAbandoned() {
        return cancelled || brokenBy != null;
    }

    @Override
    public synchronized boolean hasNext() {
        while (true) {
            if (over) {
                return false;
            }
            if (given < fed || inputFailure != null || cancelled || brokenBy != null) {
                return true;
            }
            if (inputEnded) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the pool's next result");
            }
        }
    }

    @Override
    public R next() {
        try {
            return take(-1);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed wait timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the pool's next result");
        }
    }

    @Override
    public R next(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
        return take(Math.max(0, StandardPool.nanos(timeout)));
    }

    @SuppressWarnings("unchecked")
    private synchronized R take(long nanos) throws TimeoutException, ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            if (over) {
                throw new NoSuchElementException("every result of the pool's map has been given");
            }
            Outcome o = nextOutcome();
            if (o != null) {
                given++;
                if (o.failed) {
                    throw PoolFuture.failure((Throwable) o.value, o.where);
                }
                return (R) o.value;
            }
            if (cancelled) {
                over = true;
                throw new CancellationException("the pool was terminated before this result was ready");
            }
            if (brokenBy != null) {
                over = true;
                throw new ExecutionException(brokenBy.getMessage(), brokenBy);
            }
            if (given == fed && inputFailure != null) {
                over = true;
                throw inputFailure;
            }
            if (given == fed && inputEnded) {
                over = true;
                throw new NoSuchElementException("every result of the pool's map has been given");
            }
            if (nanos < 0) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the pool's next result was not ready in time");
                }
                wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }

    private Outcome nextOutcome() {
        if (ordered) {
            return finished.remove(given);
        }
        Integer position = arrivals.poll();
        return position == null ? null : finished.remove(position);
    }

    @Override
    public synchronized Iterator<R> iterator() {
        if (iterated) {
            throw new IllegalStateException("the results of a pool's imap can be iterated once; iterator() was"
                    + " already called");
        }
        iterated = true;
        return this;
    }
}
