package io.multiproc4j;

/**
 * The signals multiproc4j sends to processes, with their Linux numbers. A process ended by one of them has the exit
 * code {@code -number()}.
 */
public enum ProcessSignal {
    /** Hang-up. */
    SIGHUP(1),
    /** Interrupt, as from Ctrl-C. */
    SIGINT(2),
    /** Kill; cannot be caught. Sent by {@link MpProcess#kill()}. */
    SIGKILL(9),
    /** User-defined signal 1. */
    SIGUSR1(10),
    /** User-defined signal 2. */
    SIGUSR2(12),
    /** Termination request. Sent by {@link MpProcess#terminate()}. */
    SIGTERM(15),
    /** Continue a stopped process. Sent by {@link MpProcess#resume()}. */
    SIGCONT(18),
    /** Stop; cannot be caught. Sent by {@link MpProcess#suspend()}. */
    SIGSTOP(19);

    private final int number;

    ProcessSignal(int number) {
        this.number = number;
    }

    /**
     * @return the signal number on Linux
     */
    public int number() {
        return number;
    }
}
