package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.PipeVerification;

/** The pipes area of the conformance kit, against this implementation. */
class ProcessBuilderPipeIT extends PipeVerification {
    ProcessBuilderPipeIT() {
        super(ProcessBuilderProvider.ID);
    }
}
