package io.multiproc4j.nativeos;

import io.multiproc4j.tck.SyncVerification;

/** The synchronisation area of the conformance kit, against this implementation. */
class NativeSyncIT extends SyncVerification {
    NativeSyncIT() {
        super(NativeProvider.ID);
    }
}
