package io.multiproc4j.grader.internal.cli;

/** The command line asks for something the grader cannot do; the message says what and how to fix it. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public UsageException(String message) {
        super(message);
    }
}
