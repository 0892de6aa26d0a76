package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.PoolVerification;

/** The pools area of the conformance kit, against this implementation. */
class ProcessBuilderPoolIT extends PoolVerification {
    ProcessBuilderPoolIT() {
        super(ProcessBuilderProvider.ID);
    }
}
