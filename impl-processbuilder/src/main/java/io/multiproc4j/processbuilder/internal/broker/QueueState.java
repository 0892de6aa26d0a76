package io.multiproc4j.processbuilder.internal.broker;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The items of a queue, in the process that created it, with the gets waiting for an item, the puts waiting for
 * room, and (for a joinable queue) the count of unfinished items and the joins waiting for it to reach zero. The
 * items are serialised objects; the host never deserialises them.
 *
 * <p>A waiting put holds its item and inserts it only if its future is still incomplete when room appears, so a put
 * that timed out or was withdrawn never inserts anything. A process's waits are withdrawn by the network layer when
 * it ends; a queue holds nothing else on a process's behalf.
 */
final class QueueState implements Hosted {

    private static final int PURGE_THRESHOLD = 32;

    private final int capacity;
    private final ArrayDeque<byte[]> items = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Object>> gets = new ArrayDeque<>();
    private final ArrayDeque<Put> puts = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Object>> joins = new ArrayDeque<>();
    private long unfinished;

    private record Put(CompletableFuture<Object> future, byte[] item) {
    }

    /** @param capacity the most items it holds, {@link Integer#MAX_VALUE} for no limit */
    QueueState(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        switch (operation) {
            case "put" -> {
                byte[] item = (byte[]) args[0];
                if (items.size() < capacity) {
                    insert(item);
                    return CompletableFuture.completedFuture(null);
                }
                purge(puts);
                CompletableFuture<Object> f = new CompletableFuture<>();
                puts.add(new Put(f, item));
                return f;
            }
            case "get" -> {
                if (!items.isEmpty()) {
                    byte[] item = items.poll();
                    admitWaitingPuts();
                    return CompletableFuture.completedFuture(item);
                }
                purge(gets);
                CompletableFuture<Object> f = new CompletableFuture<>();
                gets.add(f);
                return f;
            }
            case "size" -> {
                return CompletableFuture.completedFuture(items.size());
            }
            case "taskDone" -> {
                if (unfinished == 0) {
                    return CompletableFuture.failedFuture(new IllegalStateException("taskDone() was called more"
                            + " times than items were put into the queue"));
                }
                if (--unfinished == 0) {
                    CompletableFuture<Object> j;
                    while ((j = joins.poll()) != null) {
                        j.complete(true);
                    }
                }
                return CompletableFuture.completedFuture(null);
            }
            case "join" -> {
                if (unfinished == 0) {
                    return CompletableFuture.completedFuture(true);
                }
                purge(joins);
                CompletableFuture<Object> f = new CompletableFuture<>();
                joins.add(f);
                return f;
            }
            default -> throw new IllegalArgumentException("a queue has no operation '" + operation + "'");
        }
    }

    @Override
    public void processEnded(long processKey) {
        // Nothing is held on a process's behalf; its waits were withdrawn by completing their futures.
    }

    private void insert(byte[] item) {
        unfinished++;
        CompletableFuture<Object> g;
        while ((g = gets.poll()) != null) {
            if (g.complete(item)) {
                return;
            }
        }
        items.add(item);
    }

    private void admitWaitingPuts() {
        Put p;
        while (items.size() < capacity && (p = puts.poll()) != null) {
            if (p.future().complete(null)) {
                insert(p.item());
            }
        }
    }

    private static <T> void purge(ArrayDeque<T> waiters) {
        if (waiters.size() >= PURGE_THRESHOLD && Integer.bitCount(waiters.size()) == 1) {
            waiters.removeIf(w -> (w instanceof Put p ? p.future() : (CompletableFuture<?>) w).isDone());
        }
    }
}
