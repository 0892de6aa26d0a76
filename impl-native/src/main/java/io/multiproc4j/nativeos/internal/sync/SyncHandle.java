package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.NoSuchSharedMemoryException;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import io.multiproc4j.spi.Transfer;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What every primitive of this package is: a handle on one shared-memory object, which reaches another process only
 * by capture, as the object's name; the receiver attaches to it by that name. The sender holds one more handle on
 * the object until the receiver has ended, so that the object outlives the sender's own handle for as long as the
 * receiver may still have to attach.
 *
 * <p>Layout of every object: {@code int kind} (its {@link Kind}'s ordinal plus one, so that a zero-filled object is
 * no kind), {@code int parameter} (a semaphore's bound or -1, a barrier's parties, otherwise 0), then the kind's own
 * state from {@link #BODY}.
 */
abstract class SyncHandle implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Where a kind's own state begins. */
    static final long BODY = 8;
    private static final long KIND = 0;
    private static final long PARAMETER = 4;

    /** The primitives, with what the API calls each in messages. */
    enum Kind {
        LOCK("a lock"),
        REENTRANT_LOCK("a reentrant lock"),
        SEMAPHORE("a semaphore"),
        EVENT("an event"),
        CONDITION("a condition"),
        BARRIER("a barrier");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    /** @return the handle on this primitive's memory, which this object keeps open */
    abstract ShmSegment segment();

    /** @return what this primitive is */
    abstract Kind kind();

    /** @return the lock that must travel with this primitive, or {@code null} */
    NativeReentrantLock companion() {
        return null;
    }

    /**
     * Makes the memory of a new primitive.
     *
     * @param kind what it is
     * @param parameter its parameter, in the header
     * @param bodySize the bytes of its own state
     * @param init writes its initial state, from {@link #BODY}, before any other process can see it
     * @return the handle on it
     */
    static ShmSegment create(Kind kind, int parameter, long bodySize, Consumer<MemorySegment> init) {
        return ShmSegment.create(null, BODY + bodySize, m -> {
            m.set(ValueLayout.JAVA_INT, KIND, kind.ordinal() + 1);
            m.set(ValueLayout.JAVA_INT, PARAMETER, parameter);
            init.accept(m);
        });
    }

    /** @return the parameter in the header of a primitive's memory */
    static int parameter(ShmSegment segment) {
        return segment.memory().get(ValueLayout.JAVA_INT, PARAMETER);
    }

    /**
     * Saturates a timeout to nanoseconds, which {@link Duration#toNanos()} does not: {@code await()} of a condition
     * waits for 365,000 days.
     */
    static long nanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
                : timeout.compareTo(Duration.ofNanos(Long.MIN_VALUE)) <= 0 ? Long.MIN_VALUE : timeout.toNanos();
    }

    @Override
    public String toString() {
        String type = switch (kind()) {
            case LOCK -> "MpLock";
            case REENTRANT_LOCK -> "MpReentrantLock";
            case SEMAPHORE -> "MpSemaphore";
            case EVENT -> "MpEvent";
            case CONDITION -> "MpCondition";
            case BARRIER -> "MpBarrier";
        };
        return type + "[" + segment().name() + "]";
    }

    @Serial
    final Object writeReplace() throws ObjectStreamException {
        Transfer transfer = Transfer.require(kind().what);
        ShmSegment extra = ShmSegment.attach(segment().name());
        transfer.whenReceiverEnds(extra::close);
        return new Captured(kind(), segment().name(), companion());
    }

    /**
     * A primitive on its way to another process.
     *
     * @param kind what it is
     * @param name the name of its memory
     * @param lock the lock that travels with it, or {@code null}
     */
    private record Captured(Kind kind, String name, NativeReentrantLock lock) implements Serializable {

        @Serial
        private Object readResolve() throws ObjectStreamException {
            ShmSegment s = kind == Kind.REENTRANT_LOCK ? null : attach(kind, name);
            return switch (kind) {
                case LOCK -> new NativeLock(s);
                case REENTRANT_LOCK -> NativeReentrantLock.attach(name);
                case SEMAPHORE -> new NativeSemaphore(s);
                case EVENT -> new NativeEvent(s);
                case CONDITION -> new NativeCondition(s, lock);
                case BARRIER -> new NativeBarrier(s);
            };
        }
    }

    /**
     * Opens the memory of a primitive sent to this process.
     *
     * @throws IpcObjectLostException if it no longer exists, or is not of that kind
     */
    static ShmSegment attach(Kind kind, String name) {
        ShmSegment s;
        try {
            s = ShmSegment.attach(name);
        } catch (NoSuchSharedMemoryException e) {
            throw new IpcObjectLostException(kind.what + " sent to this process ('" + name + "') no longer exists:"
                    + " every process that had it released it before this one could attach", e);
        }
        if (s.size() < BODY || s.memory().get(ValueLayout.JAVA_INT, KIND) != kind.ordinal() + 1) {
            s.close();
            throw new IpcObjectLostException("the shared-memory object '" + name + "' sent to this process as "
                    + kind.what + " is not one");
        }
        return s;
    }
}
