package io.multiproc4j.processbuilder.internal;

import io.multiproc4j.processbuilder.internal.shm.ShmObjects;
import io.multiproc4j.spi.OwnedFiles;

/**
 * Removes what processes of ours left behind when they died without running their exit code (SIGKILL, or a halt):
 * shared-memory files no process holds any more, and the socket directories of dead processes. Run in the parent
 * each time a child has ended, since that is when such leftovers appear; a process that ends normally cleans up
 * after itself.
 */
final class PbLeftovers {

    private PbLeftovers() {
    }

    static void sweepAfterChildEnded() {
        try {
            ShmObjects.sweepOrphans();
            OwnedFiles.sweepDeadOwners();
        } catch (RuntimeException e) {
            // best effort: the next child's end sweeps again
        }
    }
}
