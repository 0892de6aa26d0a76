package io.multiproc4j.spi;

import java.util.OptionalInt;

/**
 * What a {@link ProcessLauncher} is asked to start.
 *
 * @param processName the name of the process, for messages
 * @param daemon whether the child must die with this JVM
 * @param niceness the niceness to start the child at, or empty for the parent's own
 * @param childSpec the opaque bytes to deliver to {@link ChildRuntime#run(byte[], Runnable)} in the child
 */
public record LaunchRequest(String processName, boolean daemon, OptionalInt niceness, byte[] childSpec) {
}
