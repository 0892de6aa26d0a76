/**
 * multiproc4j on {@link java.lang.ProcessBuilder} and other JDK APIs only: provider id {@code processbuilder}.
 */
module io.multiproc4j.processbuilder {
    requires io.multiproc4j;
    requires jdk.unsupported;

    exports io.multiproc4j.processbuilder;

    provides io.multiproc4j.spi.MultiprocessingProvider with io.multiproc4j.processbuilder.ProcessBuilderProvider;
}
