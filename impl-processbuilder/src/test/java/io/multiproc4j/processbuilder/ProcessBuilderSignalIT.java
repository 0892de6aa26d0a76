package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.SignalVerification;

/** The signals area of the conformance kit, against this implementation. */
class ProcessBuilderSignalIT extends SignalVerification {
    ProcessBuilderSignalIT() {
        super(ProcessBuilderProvider.ID);
    }
}
