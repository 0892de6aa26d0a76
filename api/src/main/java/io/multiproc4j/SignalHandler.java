package io.multiproc4j;

/**
 * Handles a signal sent to the current process; install one with
 * {@link MpContext#handleSignal(ProcessSignal, SignalHandler)}. It runs on a thread of the JVM's own, not on the
 * thread that was running when the signal arrived, so it should be short and hand work to other threads.
 *
 * <p>Rules SIG-01 to SIG-07 ({@code docs/spec/signals.md}).
 */
@FunctionalInterface
public interface SignalHandler {

    /**
     * @param signal the signal that arrived
     */
    void handle(ProcessSignal signal);
}
