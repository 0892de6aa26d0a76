/**
 * The multiproc4j contracts: processes that run a Java function in a new operating-system process, and the
 * provider SPI through which implementations plug in.
 */
module io.multiproc4j {
    exports io.multiproc4j;
    exports io.multiproc4j.spi;

    uses io.multiproc4j.spi.MultiprocessingProvider;
}
