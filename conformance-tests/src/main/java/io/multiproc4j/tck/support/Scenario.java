package io.multiproc4j.tck.support;

import static org.awaitility.Awaitility.await;

import io.multiproc4j.Multiprocessing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A whole program, run in its own JVM with the kit and the implementation on its class path, and observed from
 * outside: its output lines, its exit status, its pid. Rules about what happens when a program ends (SHUT) need one,
 * since a test cannot end its own JVM. Every scenario and everything it starts carry {@link LeakCheck#RUN_MARKER} in
 * their environment, so that the leak check finds them even after they have been re-parented.
 */
public final class Scenario implements AutoCloseable {

    private final Process process;
    private final String name;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private Scenario(Process process, String name) {
        this.process = process;
        this.name = name;
        this.outReader = reader(process.getInputStream(), line -> {
            synchronized (lines) {
                lines.add(line);
            }
        });
        this.errReader = reader(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        });
    }

    /**
     * Starts {@code main} in a new JVM with the given provider as its default.
     *
     * @param providerId the implementation under test
     * @param main a class of the kit with a {@code main} method
     * @param args its arguments
     * @return the running scenario
     */
    public static Scenario start(String providerId, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:-UsePerfData");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-D" + Multiprocessing.PROVIDER_PROPERTY + "=" + providerId);
        // An implementation that calls native code is granted native access in the test JVM; a scenario's program
        // gets the same grant, and the same treatment of native access that was not granted.
        for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (arg.startsWith("--enable-native-access=") || arg.startsWith("--illegal-native-access=")) {
                cmd.add(arg);
            }
        }
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if ((key.startsWith("multiproc4j.") && !key.equals(Multiprocessing.PROVIDER_PROPERTY))
                    || key.equals("java.io.tmpdir")) {
                cmd.add("-D" + key + "=" + v);
            }
        });
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        try {
            return new Scenario(LeakCheck.mark(new ProcessBuilder(cmd)).start(), main.getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start scenario " + main.getName(), e);
        }
    }

    /** @return the scenario JVM's pid */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits up to {@link TckEnvironment#LONG} for a line of standard output that starts with {@code prefix}.
     *
     * @param prefix the start of the line
     * @return the line
     */
    public String awaitLine(String prefix) {
        await(name + " prints a line starting with '" + prefix + "'; it printed " + lines() + " and on stderr: "
                + stderr()).atMost(TckEnvironment.LONG).until(() -> findLine(prefix).isPresent());
        return findLine(prefix).orElseThrow();
    }

    /**
     * @param prefix the start of a line
     * @return the first output line so far that starts with it
     */
    public Optional<String> findLine(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        }
    }

    /** @return the output lines so far */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** @return the standard error so far */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /**
     * Waits up to {@link TckEnvironment#LONG} for the scenario JVM to end.
     *
     * @return its exit status
     * @throws InterruptedException if interrupted
     */
    public int awaitExit() throws InterruptedException {
        return awaitExit(TckEnvironment.LONG);
    }

    /**
     * Waits up to {@code limit} for the scenario JVM to end.
     *
     * @param limit the longest wait
     * @return its exit status
     * @throws InterruptedException if interrupted
     */
    public int awaitExit(java.time.Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + limit + "; it printed " + lines()
                    + " and on stderr: " + stderr());
        }
        return process.exitValue();
    }

    /**
     * Waits until the scenario's output streams are closed by every process that shares them.
     *
     * @throws InterruptedException if interrupted
     */
    public void awaitOutputClosed() throws InterruptedException {
        outReader.join(TckEnvironment.LONG.toMillis());
        errReader.join(TckEnvironment.LONG.toMillis());
    }

    /** Kills the scenario JVM with SIGKILL, as {@code kill -9} would; its children are left alone. */
    public void killParent() {
        process.destroyForcibly();
    }

    /**
     * Kills the scenario JVM and its descendants, if they still run. Orphans it made are left to the leak check,
     * which reports them.
     */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Thread reader(InputStream in, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the stream closed
            }
        }, "tck-scenario-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
