package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.QueueVerification;

/** The queues area of the conformance kit, against this implementation. */
class ProcessBuilderQueueIT extends QueueVerification {
    ProcessBuilderQueueIT() {
        super(ProcessBuilderProvider.ID);
    }
}
