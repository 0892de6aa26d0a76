package io.multiproc4j.nativeos.internal;

import io.multiproc4j.nativeos.internal.queue.NativeQueues;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import io.multiproc4j.spi.OwnedFiles;

/**
 * Removes what processes of ours left behind when they died without running their exit code (SIGKILL, or a halt):
 * shared-memory objects no process holds any more, and the socket directories of dead processes. Run in the parent
 * each time a child has ended, since that is when such leftovers appear; a process that ends normally cleans up
 * after itself.
 */
public final class NativeLeftovers {

    private NativeLeftovers() {
    }

    /** Sweeps; best effort, as the next child's end sweeps again. */
    public static void sweepAfterChildEnded() {
        try {
            ShmSegment.sweepOrphans();
            NativeQueues.sweepOrphans();
            OwnedFiles.sweepDeadOwners();
        } catch (RuntimeException e) {
            // best effort
        }
    }
}
