package io.multiproc4j.processbuilder.broker;

import io.multiproc4j.MpQueue;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Checks run in a child on a queue hosted by its parent; each returns the first difference found, or "ok". */
final class RemoteChecks {

    private static final Duration SHORT = Duration.ofMillis(200);

    private RemoteChecks() {
    }

    /** @param q an empty queue of capacity 1 hosted by another process */
    static String run(MpQueue<String> q) {
        try {
            if (!q.isEmpty() || q.capacity() != 1) {
                return "a new queue of capacity 1 was not empty or had capacity " + q.capacity();
            }
            if (!throwsEmpty(q::getNow)) {
                return "getNow on an empty queue did not throw QueueEmptyException";
            }
            long t0 = System.nanoTime();
            if (!throwsEmpty(() -> q.get(SHORT))) {
                return "get(timeout) on an empty queue did not throw QueueEmptyException";
            }
            if (System.nanoTime() - t0 < SHORT.toNanos()) {
                return "get(timeout) gave up before its timeout";
            }
            q.put("one");
            if (!q.isFull()) {
                return "a queue of capacity 1 holding one item was not full";
            }
            try {
                q.putNow("two");
                return "putNow on a full queue did not throw";
            } catch (QueueFullException expected) {
                // as it should
            }
            try {
                q.put("two", SHORT);
                return "put(timeout) on a full queue did not throw";
            } catch (QueueFullException expected) {
                // as it should
            }
            if (!"one".equals(q.get()) || q.size() != 0) {
                return "the timed-out puts changed the queue";
            }
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    q.get();
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            while (waiter.getState() != Thread.State.WAITING && !outcome.isDone()) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            Throwable t = outcome.get(60, TimeUnit.SECONDS);
            if (!(t instanceof InterruptedException)) {
                return "an interrupted remote get ended with " + t + " instead of InterruptedException";
            }
            q.put("kept");
            if (!"kept".equals(q.get(Duration.ofSeconds(60)))) {
                return "the interrupted get took the next item";
            }
            Thread.currentThread().interrupt();
            q.putNow("while interrupted");
            if (!Thread.interrupted()) {
                return "a call lost the caller's interrupt status";
            }
            if (!"while interrupted".equals(q.getNow())) {
                return "a put by an interrupted thread was lost";
            }
            return "ok";
        } catch (Throwable e) {
            return "unexpected " + e;
        }
    }

    private static boolean throwsEmpty(Action a) throws Exception {
        try {
            a.run();
            return false;
        } catch (QueueEmptyException expected) {
            return true;
        }
    }

    private interface Action {
        void run() throws Exception;
    }
}
