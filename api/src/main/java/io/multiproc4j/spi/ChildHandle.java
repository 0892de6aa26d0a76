package io.multiproc4j.spi;

import io.multiproc4j.ProcessSignal;
import java.util.concurrent.CompletableFuture;

/**
 * A child started by a {@link ProcessLauncher}.
 */
public interface ChildHandle {

    /**
     * @return the child's operating-system process id
     */
    long pid();

    /**
     * Completes once the child has ended and been reaped, and its output has been delivered.
     *
     * @return a future of how the child ended; it never completes exceptionally
     */
    CompletableFuture<ChildExit> onExit();

    /**
     * Sends a signal to the child unless it has already ended.
     *
     * @param signal the signal
     * @return {@code false} if the child had already ended, so nothing was sent
     */
    boolean signal(ProcessSignal signal);
}
