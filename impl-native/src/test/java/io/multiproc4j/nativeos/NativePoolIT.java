package io.multiproc4j.nativeos;

import io.multiproc4j.tck.PoolVerification;

/** The pool area of the conformance kit, against this implementation. */
class NativePoolIT extends PoolVerification {
    NativePoolIT() {
        super(NativeProvider.ID);
    }
}
