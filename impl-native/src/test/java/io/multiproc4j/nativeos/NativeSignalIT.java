package io.multiproc4j.nativeos;

import io.multiproc4j.tck.SignalVerification;

/** The signal area of the conformance kit, against this implementation. */
class NativeSignalIT extends SignalVerification {
    NativeSignalIT() {
        super(NativeProvider.ID);
    }
}
