package io.multiproc4j.spi;

import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;
import java.util.Optional;

/**
 * The child's side of the process model, shared by every implementation: an implementation's child entry point
 * receives the bytes of {@link LaunchRequest#childSpec()} over its private channel and calls
 * {@link #run(byte[], Runnable)}.
 */
public final class ChildRuntime {

    private static volatile ChildSpec self;

    private ChildRuntime() {
    }

    /**
     * Becomes the child described by {@code childSpec} and runs its task; never returns. The exit code is 0 when
     * the task returns, and 1 when it throws (the stack trace goes to standard error, headed
     * {@code Process <name>:}) or cannot be loaded; a task may also end the JVM itself with {@code System.exit}.
     *
     * @param childSpec the bytes the parent's launcher was given in {@link LaunchRequest#childSpec()}
     * @param taskLoaded called once the task has been loaded, just before it runs; a launcher uses it to tell a
     *     child that failed to start from a task that failed
     */
    public static void run(byte[] childSpec, Runnable taskLoaded) {
        ChildSpec spec;
        try {
            spec = (ChildSpec) TaskCodec.decode(childSpec);
        } catch (Exception | LinkageError e) {
            System.err.println("multiproc4j: this child could not read the start-up data from its parent: " + e);
            exit(1);
            return;
        }
        self = spec;
        System.setProperty(Multiprocessing.PROVIDER_PROPERTY, spec.providerId);
        ProcessTask task;
        try {
            task = (ProcessTask) TaskCodec.decode(spec.task);
        } catch (Exception | LinkageError e) {
            System.err.println("Process " + spec.name + ": its task could not be loaded in the child"
                    + " (is its class on the child's class path?)");
            e.printStackTrace();
            exit(1);
            return;
        }
        taskLoaded.run();
        int code = 0;
        try {
            task.run();
        } catch (Throwable t) {
            System.err.println("Process " + spec.name + ":");
            t.printStackTrace();
            code = 1;
        }
        exit(code);
    }

    /** The spec this JVM was started with, or empty in a main program. */
    static Optional<ChildSpec> self() {
        return Optional.ofNullable(self);
    }

    private static void exit(int code) {
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
