/**
 * The provider SPI: how an implementation plugs into multiproc4j, and the machinery every implementation shares.
 *
 * <p>An implementation registers a {@link io.multiproc4j.spi.MultiprocessingProvider} with
 * {@link java.util.ServiceLoader} (in {@code module-info.java} with {@code provides}, and in
 * {@code META-INF/services} for the class path). The usual provider returns a
 * {@link io.multiproc4j.spi.StandardContext} built around its own {@link io.multiproc4j.spi.ProcessLauncher}: the
 * context keeps the process lifecycle, naming, identity and exit rules in one place, and the launcher only creates a
 * child, reports its exit code and delivers signals (CPython's split between {@code process.py} and its
 * {@code popen_*} launchers). In the child, the implementation's entry point hands the bytes it received to
 * {@link io.multiproc4j.spi.ChildRuntime#run(byte[], Runnable)}, which installs the child's identity and runs the
 * task with Python's exit codes.
 *
 * <p>A provider may also implement {@link io.multiproc4j.MpContext} from scratch; the conformance kit judges only
 * behaviour.
 */
package io.multiproc4j.spi;
