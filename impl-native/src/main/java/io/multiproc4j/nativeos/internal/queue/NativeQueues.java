package io.multiproc4j.nativeos.internal.queue;

import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MpQueue;
import io.multiproc4j.SimpleQueue;
import io.multiproc4j.spi.Transfer;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/**
 * The queues of this implementation: rings of records in POSIX shared memory, which every process that has a queue
 * maps, guarded by a mutex that survives its holder's death, with futex wake-ups ({@link QueueRing}). Items too large
 * for the ring travel in files of their own ({@link Spills}).
 */
public final class NativeQueues {

    private NativeQueues() {
    }

    /**
     * @param capacity the most items it holds, positive; {@link Integer#MAX_VALUE} for no limit
     * @param <E> the type of the items
     * @return a new queue
     */
    public static <E> MpQueue<E> newQueue(int capacity) {
        return new NativeQueue<>(QueueRing.create(capacity));
    }

    /**
     * @param capacity the most items it holds, positive; {@link Integer#MAX_VALUE} for no limit
     * @param <E> the type of the items
     * @return a new joinable queue
     */
    public static <E> JoinableQueue<E> newJoinableQueue(int capacity) {
        return new NativeJoinableQueue<>(QueueRing.create(capacity));
    }

    /**
     * @param <E> the type of the items
     * @return a new simple queue
     */
    public static <E> SimpleQueue<E> newSimpleQueue() {
        return new NativeSimpleQueue<>(QueueRing.create(Integer.MAX_VALUE));
    }

    /**
     * Deletes the files of large items that no queue will deliver: those of queues that no longer exist, and those
     * whose writer died before putting them in. Best effort; run in the parent each time a child has ended.
     */
    public static void sweepOrphans() {
        Spills.sweepOrphans();
    }

    /** Saturates a timeout to nanoseconds, which {@link Duration#toNanos()} does not. */
    static long nanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
                : timeout.compareTo(Duration.ofNanos(Long.MIN_VALUE)) <= 0 ? Long.MIN_VALUE : timeout.toNanos();
    }

    /** The kinds of queue, with what the API calls each in messages. */
    enum Kind {
        QUEUE("a queue"),
        JOINABLE("a joinable queue"),
        SIMPLE("a simple queue");

        private final String what;

        Kind(String what) {
            this.what = what;
        }

        static Kind of(NativeQueue<?> q) {
            return q instanceof NativeJoinableQueue<?> ? JOINABLE : QUEUE;
        }

        /**
         * The form of a queue on its way to another process, which holds the queue alive for it.
         *
         * @throws NotSerializableException unless it is being sent legitimately, or if it was closed here
         */
        Captured captured(QueueRing ring) throws ObjectStreamException {
            Transfer transfer = Transfer.require(what);
            try {
                ring.checkOpen();
            } catch (IllegalStateException closed) {
                throw new NotSerializableException(closed.getMessage() + ", so it cannot be sent to another process"
                        + " from this one");
            }
            return new Captured(this, ring.holdFor(transfer));
        }
    }

    /**
     * A queue on its way to another process: its kind and the name of its memory; the receiver attaches by name.
     *
     * @param kind what it is
     * @param name the name of its memory
     */
    record Captured(Kind kind, String name) implements Serializable {
        @Serial
        private Object readResolve() {
            QueueRing ring = QueueRing.attach(name, kind.what);
            return switch (kind) {
                case QUEUE -> new NativeQueue<>(ring);
                case JOINABLE -> new NativeJoinableQueue<>(ring);
                case SIMPLE -> new NativeSimpleQueue<>(ring);
            };
        }
    }
}
