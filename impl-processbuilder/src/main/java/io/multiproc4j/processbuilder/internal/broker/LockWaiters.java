package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.processbuilder.internal.broker.Hosted.Caller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The waiters of one synchronisation primitive, first come first served, each with a detail the primitive needs
 * to grant it (a hold count, an arrival index). Applies the rule of {@link Hosted}: a waiter whose future was
 * completed from outside (timed out, cancelled) is abandoned, and granting moves on to the next.
 *
 * @param <T> what the primitive remembers about each waiter
 */
final class LockWaiters<T> {

    record Waiter<T>(Caller caller, CompletableFuture<Object> future, T detail) {

        boolean abandoned() {
            return future.isDone();
        }
    }

    private final ArrayDeque<Waiter<T>> queue = new ArrayDeque<>();
    private final Consumer<Waiter<T>> onAbandoned;

    LockWaiters() {
        this(w -> { });
    }

    /** @param onAbandoned told about each abandoned waiter when it is dropped from the line */
    LockWaiters(Consumer<Waiter<T>> onAbandoned) {
        this.onAbandoned = onAbandoned;
    }

    /** Queues a new waiter, after forgetting the abandoned ones so that timed-out waits do not pile up. */
    CompletableFuture<Object> add(Caller caller, T detail) {
        Waiter<T> w = new Waiter<>(caller, new CompletableFuture<>(), detail);
        add(w);
        return w.future();
    }

    void add(Waiter<T> waiter) {
        purge();
        queue.addLast(waiter);
    }

    /**
     * Grants the first waiter that can still be granted.
     *
     * @param value what its future is completed with
     * @return the waiter granted, or {@code null} if none was
     */
    Waiter<T> grantNext(Object value) {
        return grantNext(w -> value);
    }

    /** As {@link #grantNext(Object)}, with a value that depends on the waiter. */
    Waiter<T> grantNext(Function<Waiter<T>, Object> value) {
        Waiter<T> w;
        while ((w = queue.pollFirst()) != null) {
            if (w.future().complete(value.apply(w))) {
                return w;
            }
            onAbandoned.accept(w);
        }
        return null;
    }

    /** Takes out up to {@code n} waiters that are not abandoned now, oldest first. */
    List<Waiter<T>> takeLive(int n) {
        List<Waiter<T>> taken = new ArrayList<>();
        while (taken.size() < n && !queue.isEmpty()) {
            Waiter<T> w = queue.pollFirst();
            if (w.abandoned()) {
                onAbandoned.accept(w);
            } else {
                taken.add(w);
            }
        }
        return taken;
    }

    /** Takes out every waiter, abandoned or not. */
    List<Waiter<T>> drain() {
        List<Waiter<T>> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    /**
     * Takes out the first waiter of one thread.
     *
     * @return it, or {@code null}
     */
    Waiter<T> remove(Caller caller) {
        for (Iterator<Waiter<T>> it = queue.iterator(); it.hasNext(); ) {
            Waiter<T> w = it.next();
            if (w.caller().equals(caller)) {
                it.remove();
                return w;
            }
        }
        return null;
    }

    /**
     * Replaces the first waiter of one thread where it stands, keeping its place in the line.
     *
     * @param replacement makes the new waiter from the old
     * @return the new waiter, or {@code null} if the thread had none (then nothing changed)
     */
    Waiter<T> replace(Caller caller, UnaryOperator<Waiter<T>> replacement) {
        Waiter<T> added = null;
        for (Waiter<T> w : drain()) {
            if (added == null && w.caller().equals(caller)) {
                added = replacement.apply(w);
                queue.addLast(added);
            } else {
                queue.addLast(w);
            }
        }
        return added;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Forgets the waiters of an ended process, cancelling their futures. */
    void forget(long process) {
        for (Iterator<Waiter<T>> it = queue.iterator(); it.hasNext(); ) {
            Waiter<T> w = it.next();
            if (w.caller().process() == process) {
                it.remove();
                w.future().cancel(false);
            }
        }
    }

    /** How many waiters are not abandoned now. */
    int liveCount() {
        purge();
        return queue.size();
    }

    private void purge() {
        for (Iterator<Waiter<T>> it = queue.iterator(); it.hasNext(); ) {
            Waiter<T> w = it.next();
            if (w.abandoned()) {
                it.remove();
                onAbandoned.accept(w);
            }
        }
    }

    static CompletableFuture<Object> now(Object result) {
        return CompletableFuture.completedFuture(result);
    }

    static CompletableFuture<Object> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }

    static CompletableFuture<Object> unknown(String what, String operation) {
        return failed(new UnsupportedOperationException(what + " has no operation \"" + operation + "\""));
    }
}
