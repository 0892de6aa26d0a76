package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs an example's {@code main} in a forked JVM, never in the test JVM, and checks that it leaves no process
 * behind.
 *
 * <p>The example's standard output and error go to files, which its children share, so every line lands in the
 * order it was written. The example and everything it starts carry a unique environment variable (children
 * inherit the environment), so processes of the run are found even once re-parented and no longer descendants of
 * the test JVM.
 */
final class ExampleRun {

    /** How long an example may run before it is killed and the test fails (the kit's scaled bounds). */
    static final Duration RUN_LIMIT = TckEnvironment.LONG;
    /** How long the processes of a run may take to go once the example has ended. */
    static final Duration CLEANUP_LIMIT = TckEnvironment.PROMPT.multipliedBy(2);

    private static final String MARKER = "MULTIPROC4J_EXAMPLE_RUN";

    private ExampleRun() {
    }

    /**
     * What a run printed and how it ended.
     *
     * @param exitCode the example JVM's exit status
     * @param stdout its standard output, with its children's
     * @param stderr its standard error, with its children's
     * @param elapsed from the start of the JVM to its end
     */
    record Result(int exitCode, String stdout, String stderr, Duration elapsed) {

        /** Asserts that the example exited with status 0 and wrote nothing to standard error; returns this. */
        Result assertSucceeded() {
            assertThat(exitCode).as("exit status of%n%s", this).isZero();
            assertThat(stderr).as("standard error of%n%s", this).isEmpty();
            return this;
        }

        List<String> lines() {
            return stdout.lines().toList();
        }

        /** The index of the first line equal to {@code line}, failing if there is none. */
        int indexOf(String line) {
            int i = lines().indexOf(line);
            assertThat(i).as("index of line \"%s\" in:%n%s", line, stdout).isNotNegative();
            return i;
        }

        /** How many lines equal {@code line}. */
        long count(String line) {
            return lines().stream().filter(line::equals).count();
        }

        /** The first line matching {@code regex} as a whole, failing if there is none. */
        Matcher match(String regex) {
            Pattern pattern = Pattern.compile(regex);
            return lines().stream().map(pattern::matcher).filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("no line matches " + regex + " in:\n" + stdout));
        }

        @Override
        public String toString() {
            return "exit status " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + stdout
                    + "--- stderr\n" + stderr;
        }
    }

    /**
     * Runs {@code mainClass} in a new JVM with the test class path, waits for it and for every process it
     * started to end.
     *
     * @param dir where the output files go
     * @param mainClass the example
     * @param jvmOptions options placed before the class name, such as {@code -Dunit.ms=100}
     * @return what it printed and how it ended
     */
    static Result run(Path dir, Class<?> mainClass, String... jvmOptions) throws IOException, InterruptedException {
        String runId = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());

        Path out = dir.resolve(mainClass.getSimpleName() + ".stdout");
        Path err = dir.resolve(mainClass.getSimpleName() + ".stderr");
        var builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put(MARKER, runId);

        long start = System.nanoTime();
        Process process = builder.start();
        boolean ended = process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            marked(runId).forEach(ProcessHandle::destroyForcibly);
            process.waitFor();
            awaitNoProcessLeft(runId);
            fail("%s did not end within %s%n--- stdout%n%s--- stderr%n%s", mainClass.getSimpleName(), RUN_LIMIT,
                    read(out), read(err));
        }
        // Read the output as it was when the example ended, before anything left behind could add to it.
        var result = new Result(process.exitValue(), read(out), read(err), elapsed);
        awaitNoProcessLeft(runId);
        return result;
    }

    /**
     * Waits, within {@link #CLEANUP_LIMIT}, until no process of the run remains and the test JVM has no
     * descendants; fails naming those that stay.
     */
    static void awaitNoProcessLeft(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + CLEANUP_LIMIT.toNanos();
        while (true) {
            List<ProcessHandle> left = Stream.concat(marked(runId), ProcessHandle.current().descendants())
                    .filter(ProcessHandle::isAlive).distinct().toList();
            if (left.isEmpty()) {
                return;
            }
            for (ProcessHandle p : left) {
                long remaining = deadline - System.nanoTime();
                try {
                    p.onExit().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    fail("processes still running %s after the example ended: %s", CLEANUP_LIMIT,
                            left.stream().map(ExampleRun::describe).toList());
                } catch (ExecutionException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The live processes whose environment carries this run's marker. */
    private static Stream<ProcessHandle> marked(String runId) {
        String entry = MARKER + "=" + runId;
        return ProcessHandle.allProcesses().filter(p -> environment(p.pid()).contains(entry));
    }

    /** The entries of a process's environment, from {@code /proc}; empty if it is gone or not ours to read. */
    private static List<String> environment(long pid) {
        try {
            String environ = Files.readString(Path.of("/proc", Long.toString(pid), "environ"),
                    StandardCharsets.ISO_8859_1);
            return List.of(environ.split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse("?");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
