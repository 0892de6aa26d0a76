package io.multiproc4j;

/**
 * What every shared value and shared array has: Python's {@code Value} and {@code Array} (with a lock) and
 * {@code RawValue} and {@code RawArray} (without).
 *
 * <p><b>Memory.</b> The data lives in memory shared by every process that has the object, so a write by one is seen
 * by the others' next read. Single reads and writes of one element are atomic, as are the atomic operations
 * ({@code addAndGet}, {@code compareAndSet} and so on) that the numeric types offer beyond Python; a compound update
 * of several operations needs the {@link #lock()} (or a lock of your own). Arithmetic wraps around on overflow,
 * as in Java.
 *
 * <p><b>Lifetime.</b> The memory is freed when no process has the object any more: every process that had it has
 * ended, or dropped it (a finaliser is not needed; the operating system counts the users).
 *
 * <p><b>Crossing processes.</b> See the <a href="package-summary.html#ipc">package documentation</a>.
 *
 * <p>Rules SHV-01 to SHV-09 ({@code docs/spec/shared-memory.md}).
 */
public interface Shared {

    /**
     * The reentrant lock created with this object, for compound updates: Python's {@code get_lock()}.
     *
     * @return the lock
     * @throws UnsupportedOperationException if this object was created without a lock
     *     ({@link MpContext#raw()})
     */
    MpReentrantLock lock();

    /**
     * @return whether this object has a {@link #lock()}
     */
    boolean hasLock();
}
