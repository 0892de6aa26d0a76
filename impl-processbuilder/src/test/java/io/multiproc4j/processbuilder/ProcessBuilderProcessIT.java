package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.ProcessVerification;

/** The processes area of the conformance kit, against this implementation. */
class ProcessBuilderProcessIT extends ProcessVerification {
    ProcessBuilderProcessIT() {
        super(ProcessBuilderProvider.ID);
    }
}
