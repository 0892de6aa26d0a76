package io.multiproc4j.nativeos;

import io.multiproc4j.tck.ProcessVerification;

/** The process area of the conformance kit, against this implementation. */
class NativeProcessIT extends ProcessVerification {
    NativeProcessIT() {
        super(NativeProvider.ID);
    }
}
