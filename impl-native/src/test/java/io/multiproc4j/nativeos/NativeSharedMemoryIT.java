package io.multiproc4j.nativeos;

import io.multiproc4j.tck.SharedMemoryVerification;

/** The shared-memory area of the conformance kit, against this implementation. */
class NativeSharedMemoryIT extends SharedMemoryVerification {
    NativeSharedMemoryIT() {
        super(NativeProvider.ID);
    }
}
