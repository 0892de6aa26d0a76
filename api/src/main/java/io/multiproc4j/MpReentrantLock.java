package io.multiproc4j;

/**
 * A reentrant lock shared by processes: Python's {@code multiprocessing.RLock}. The thread that holds it may lock
 * it again, and must unlock it as many times; only that thread (of that process) may unlock it, otherwise
 * {@link #unlock()} throws {@link IllegalMonitorStateException}.
 *
 * <p>When the process of the holding thread ends, the lock is released whatever its hold count, as for
 * {@link MpLock}.
 *
 * <p>Rules RLOCK-01 to RLOCK-05 ({@code docs/spec/synchronization.md}).
 */
public interface MpReentrantLock extends MpLock {

    /**
     * @return how many times the current thread holds the lock (0 if it does not)
     */
    int holdCount();

    /**
     * @return whether the current thread of this process holds the lock
     */
    boolean isHeldByCurrentThread();
}
