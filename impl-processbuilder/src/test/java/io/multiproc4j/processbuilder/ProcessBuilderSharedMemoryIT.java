package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.SharedMemoryVerification;

/** The shared-memory area of the conformance kit, against this implementation. */
class ProcessBuilderSharedMemoryIT extends SharedMemoryVerification {
    ProcessBuilderSharedMemoryIT() {
        super(ProcessBuilderProvider.ID);
    }
}
