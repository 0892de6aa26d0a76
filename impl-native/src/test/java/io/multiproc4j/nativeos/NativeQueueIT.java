package io.multiproc4j.nativeos;

import io.multiproc4j.tck.QueueVerification;

/** The queue area of the conformance kit, against this implementation. */
class NativeQueueIT extends QueueVerification {
    NativeQueueIT() {
        super(NativeProvider.ID);
    }
}
