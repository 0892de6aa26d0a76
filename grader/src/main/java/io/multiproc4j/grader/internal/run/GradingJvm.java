package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.child.KitRunner;
import io.multiproc4j.grader.internal.result.CapturedOutput;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One grading JVM: the kit's runner over a submission, started with the chosen JDK in a private working and temporary
 * directory, marked so that everything it starts can be found, and watched through its event connection, its exit and
 * its output streams.
 */
final class GradingJvm implements AutoCloseable {

    /** The JVM options every grading JVM gets before the submission's and the instructor's. */
    static final List<String> BASE_OPTIONS = List.of("-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED");

    private final Process process;
    private final EventChannel channel;
    private final BlockingQueue<Signal> signals;
    private final OutputCapture stdout;
    private final OutputCapture stderr;

    private GradingJvm(Process process, EventChannel channel, BlockingQueue<Signal> signals,
            Consumer<String> stderrLines) {
        this.process = process;
        this.channel = channel;
        this.signals = signals;
        this.stdout = new OutputCapture(process.getInputStream(), "grading-stdout", line -> { });
        this.stderr = new OutputCapture(process.getErrorStream(), "grading-stderr", stderrLines);
        process.onExit().thenAccept(p -> signals.add(new Signal.Exited(p.exitValue())));
    }

    /**
     * Starts a grading JVM.
     *
     * @param jdk the JDK to run it
     * @param options its JVM options after {@link #BASE_OPTIONS}
     * @param classPath the grader's entries, then the libraries, then the submission's
     * @param own the submission's own entries
     * @param provider the provider id asked for, or blank
     * @param rules the rules to run
     * @param workDir a private directory for this JVM: its working directory, and its temporary directory inside
     * @param marker the submission's environment marker
     * @param stderrLines receives each line the JVM writes to its standard error
     * @return the running JVM
     */
    static GradingJvm start(Jdk jdk, List<String> options, List<Path> classPath, List<Path> own, String provider,
            Collection<String> rules, Path workDir, String marker, Consumer<String> stderrLines) {
        BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        EventChannel channel = new EventChannel(signals);
        try {
            Path tmp = Files.createDirectories(workDir.resolve("tmp"));
            Path request = workDir.resolve("request.properties");
            Properties p = new Properties();
            p.setProperty("port", Integer.toString(channel.port()));
            p.setProperty("token", channel.token());
            p.setProperty("own", own.stream().map(Path::toString).collect(Collectors.joining("\n")));
            p.setProperty("provider", provider == null ? "" : provider);
            p.setProperty("rules", String.join(",", rules));
            try (Writer w = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
                p.store(w, "request of a grading JVM");
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(jdk.java().toString());
            cmd.addAll(BASE_OPTIONS);
            cmd.add("-Djava.io.tmpdir=" + tmp);
            cmd.add("-D" + TckEnvironment.SCALE_PROPERTY + "=" + TckEnvironment.scale());
            cmd.addAll(options);
            cmd.add("-cp");
            cmd.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            cmd.add(KitRunner.class.getName());
            cmd.add(request.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
            String[] entry = marker.split("=", 2);
            pb.environment().put(entry[0], entry[1]);
            Process process = pb.start();
            process.getOutputStream().close();
            return new GradingJvm(process, channel, signals, stderrLines);
        } catch (IOException e) {
            channel.close();
            throw new UncheckedIOException("cannot start a grading JVM with " + jdk.describe() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return what happened next, or null if nothing did by the deadline
     * @throws InterruptedException if interrupted
     */
    Signal next(long deadlineNanos) throws InterruptedException {
        return signals.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** @return the JVM's process */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Kills the JVM and everything it started, and waits for it to end.
     *
     * @param marker the submission's environment marker
     * @throws InterruptedException if interrupted
     */
    void killAll(String marker) throws InterruptedException {
        Leftovers.killAll(process.toHandle(), marker);
        process.waitFor(Limits.GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @return its exit status, once it has ended (it is killed if it has not ended within {@link Limits#GRACE})
     * @throws InterruptedException if interrupted
     */
    int exitStatus() throws InterruptedException {
        if (!process.waitFor(Limits.GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** @return whether it has ended */
    boolean ended() {
        return !process.isAlive();
    }

    /**
     * Waits a little for both output streams to end, so that nothing written just before the end is lost.
     *
     * @throws InterruptedException if interrupted
     */
    void awaitOutput() throws InterruptedException {
        long deadline = System.nanoTime() + Limits.GRACE.toNanos();
        stdout.awaitEnd(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        stderr.awaitEnd(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /** @return what it wrote to standard output */
    CapturedOutput stdout() {
        return stdout.captured();
    }

    /** @return what it wrote to standard error */
    CapturedOutput stderr() {
        return stderr.captured();
    }

    @Override
    public void close() {
        channel.close();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
