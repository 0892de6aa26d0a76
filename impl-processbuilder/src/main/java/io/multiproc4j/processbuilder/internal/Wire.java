package io.multiproc4j.processbuilder.internal;

/** The control protocol between a parent and its child, over the child's private Unix-domain socket. */
final class Wire {

    /** Child to parent: the task has been loaded and is about to run. */
    static final byte TASK_STARTED = 'S';
    /** Child to parent: the JVM is exiting of its own accord (its exit value is the exit code). */
    static final byte VOLUNTARY_EXIT = 'V';
    /** Child to parent, followed by one byte with the number: the child is dying of that signal. */
    static final byte SIGNALLED = 'G';

    /** Length of the token that proves to the parent that the connecting peer is its own child. */
    static final int TOKEN_BYTES = 16;

    private Wire() {
    }
}
