package io.multiproc4j.nativeos;

import io.multiproc4j.tck.PipeVerification;

/** The pipe area of the conformance kit, against this implementation. */
class NativePipeIT extends PipeVerification {
    NativePipeIT() {
        super(NativeProvider.ID);
    }
}
