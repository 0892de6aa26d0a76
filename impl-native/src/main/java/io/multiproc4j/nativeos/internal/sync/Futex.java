package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.nativeos.internal.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The Linux futex: sleep while a 32-bit word of shared memory holds a value, and wake the sleepers on that word.
 * The words live in {@code MAP_SHARED} mappings, so the operations are the process-shared ones (no
 * {@code FUTEX_PRIVATE_FLAG}): the kernel keys a sleeper by the memory's file and offset, and a wake in one process
 * reaches a sleeper in another.
 */
public final class Futex {

    private static final long SYS_FUTEX = 202; // x86_64
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** {@code long syscall(long number, ...)}: the futex arguments are variadic, passed as longs and pointers. */
    private static final MethodHandle SYSCALL = Libc.function("syscall",
            FunctionDescriptor.of(Libc.C_LONG, Libc.C_LONG, Libc.C_POINTER, Libc.C_LONG, Libc.C_LONG, Libc.C_POINTER,
                    Libc.C_POINTER, Libc.C_LONG),
            Linker.Option.firstVariadicArg(1));

    /** A {@code struct timespec} per thread, for the relative timeout of a wait. */
    private static final ThreadLocal<MemorySegment> TIMESPEC =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16, 8));

    private Futex() {
    }

    /** How a {@link #await} ended. */
    public enum Outcome {
        /** Woken by {@link #wake}, or spuriously: look at the word again. */
        WOKEN,
        /** The word did not hold the expected value when the call began. */
        CHANGED,
        /** The timeout ran out. */
        TIMED_OUT,
        /** A signal handler ran in this thread: look at the word again. */
        INTERRUPTED
    }

    /**
     * Sleeps while the word holds {@code expected}, for at most {@code timeoutNanos}. A wake, a change seen at the
     * start, a timeout and a signal all return: callers loop and look at the word again.
     *
     * @param word the 4-byte, 4-aligned word, in shared memory
     * @param expected the value to sleep on
     * @param timeoutNanos the longest sleep, at least 1
     * @return why it returned
     */
    public static Outcome await(MemorySegment word, int expected, long timeoutNanos) {
        MemorySegment ts = TIMESPEC.get();
        long nanos = Math.max(1, timeoutNanos);
        ts.set(ValueLayout.JAVA_LONG, 0, nanos / NANOS_PER_SECOND);
        ts.set(ValueLayout.JAVA_LONG, 8, nanos % NANOS_PER_SECOND);
        try {
            long r = (long) SYSCALL.invokeExact(Libc.errnoSlot(), SYS_FUTEX, word, FUTEX_WAIT,
                    (long) expected, ts, MemorySegment.NULL, 0L);
            if (r == 0) {
                return Outcome.WOKEN;
            }
            int e = Libc.errno();
            return switch (e) {
                case Libc.EAGAIN -> Outcome.CHANGED;
                case Libc.ETIMEDOUT -> Outcome.TIMED_OUT;
                case Libc.EINTR -> Outcome.INTERRUPTED;
                default -> throw new Libc.NativeCallException("futex(FUTEX_WAIT)", e);
            };
        } catch (Libc.NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Wakes sleepers on a word.
     *
     * @param word the word
     * @param count how many sleepers to wake at most; {@link Integer#MAX_VALUE} for all
     * @return how many were woken
     */
    public static int wake(MemorySegment word, int count) {
        try {
            long r = (long) SYSCALL.invokeExact(Libc.errnoSlot(), SYS_FUTEX, word, FUTEX_WAKE, (long) count,
                    MemorySegment.NULL, MemorySegment.NULL, 0L);
            if (r < 0) {
                throw Libc.failure("futex(FUTEX_WAKE)");
            }
            return (int) r;
        } catch (Libc.NativeCallException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
