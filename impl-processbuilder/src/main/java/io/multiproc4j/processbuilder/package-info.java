/**
 * The {@code processbuilder} implementation of multiproc4j: {@link
 * io.multiproc4j.processbuilder.ProcessBuilderProvider}. Use it through {@link io.multiproc4j.Multiprocessing}.
 */
package io.multiproc4j.processbuilder;
