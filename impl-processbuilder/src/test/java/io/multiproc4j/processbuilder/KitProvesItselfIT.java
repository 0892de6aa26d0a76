package io.multiproc4j.processbuilder;

import io.multiproc4j.tck.selftest.KitProvesItself;

/** The kit's deliberately broken providers, decorating this implementation, each fail exactly their rules. */
class KitProvesItselfIT extends KitProvesItself {
}
