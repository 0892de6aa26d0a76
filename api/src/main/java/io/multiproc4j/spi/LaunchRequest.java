package io.multiproc4j.spi;

import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * What a {@link ProcessLauncher} is asked to start.
 *
 * @param processName the name of the process, for messages
 * @param daemon whether the child must die with this JVM
 * @param niceness the niceness to start the child at, or empty for the parent's own
 * @param childSpec the opaque bytes to deliver to {@link ChildRuntime#run(byte[], Runnable)} in the child
 * @param transfer the transfer in which the task was serialised, with what IPC handles
 *     {@linkplain Transfer#attachment(Class, Supplier) attached} for the launcher to hand over at start-up
 */
public record LaunchRequest(String processName, boolean daemon, OptionalInt niceness, byte[] childSpec,
        Transfer transfer) {

    /**
     * A request whose task needs nothing handed over besides itself.
     *
     * @param processName the name of the process, for messages
     * @param daemon whether the child must die with this JVM
     * @param niceness the niceness to start the child at, or empty for the parent's own
     * @param childSpec the opaque bytes to deliver to {@link ChildRuntime#run(byte[], Runnable)} in the child
     */
    public LaunchRequest(String processName, boolean daemon, OptionalInt niceness, byte[] childSpec) {
        this(processName, daemon, niceness, childSpec, new Transfer(true));
    }
}
