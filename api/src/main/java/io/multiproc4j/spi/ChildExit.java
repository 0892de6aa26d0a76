package io.multiproc4j.spi;

import java.util.Optional;

/**
 * How a child ended.
 *
 * @param exitCode the exit code in Python's form: {@code -N} for a death by signal {@code N}
 * @param startFailure the child's error output when it ended before its task could run, otherwise empty
 */
public record ChildExit(int exitCode, Optional<String> startFailure) {
}
