package io.multiproc4j;

/**
 * A snapshot of a process's scheduling state, as the operating system reports it (the {@code STAT} column of
 * {@code ps}). Optional rules STATE-02 and STATE-03 cover it.
 */
public enum ProcessState {
    /** The process object has not been started. */
    NEW,
    /** Running or ready to run ({@code R}). */
    RUNNING,
    /** Waiting for an event, interruptibly or not ({@code S}, {@code D}, {@code I}). */
    SLEEPING,
    /** Stopped by a signal such as {@code SIGSTOP}, or traced ({@code T}, {@code t}); see {@link MpProcess#suspend()}. */
    STOPPED,
    /** Ended but not yet reaped by its parent ({@code Z}). */
    ZOMBIE,
    /** Ended and reaped; its exit code is known. */
    ENDED
}
