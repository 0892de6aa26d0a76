package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.SyncVerification;

/** The synchronisation area of the conformance kit, against this implementation. */
class ProcessBuilderSyncIT extends SyncVerification {
    ProcessBuilderSyncIT() {
        super(ProcessBuilderProvider.ID);
    }
}
