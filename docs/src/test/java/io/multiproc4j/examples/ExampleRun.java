package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an example's {@code main} in a forked JVM, never in the test JVM, and checks that it leaves no process
 * behind.
 *
 * <p>The example's standard output and error go to files, which its children share, so every line lands in the
 * order it was written. Afterwards the kit's leak check looks for anything the run left behind, re-parented
 * processes included, kills it and fails the test.
 */
final class ExampleRun {

    /** How long an example may run before it is killed and the test fails (the kit's scaled bound). */
    static final Duration RUN_LIMIT = TckEnvironment.LONG;

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

    /** The implementation the examples run on: the system property {@code examples.provider}, or processbuilder. */
    static final String PROVIDER = System.getProperty("examples.provider", "processbuilder");

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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Both implementations are on the test class path, so the example is told which to use; the native one
        // calls native code.
        command.add("-D" + Multiprocessing.PROVIDER_PROPERTY + "=" + PROVIDER);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());

        Path out = dir.resolve(mainClass.getSimpleName() + ".stdout");
        Path err = dir.resolve(mainClass.getSimpleName() + ".stderr");
        var builder = LeakCheck.mark(new ProcessBuilder(command))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));

        Set<Path> filesBefore = LeakCheck.snapshot();
        long start = System.nanoTime();
        Process process = builder.start();
        boolean ended = process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            LeakCheck.sweep(filesBefore);
            fail("%s did not end within %s%n--- stdout%n%s--- stderr%n%s", mainClass.getSimpleName(), RUN_LIMIT,
                    read(out), read(err));
        }
        // Read the output as it was when the example ended, before anything left behind could add to it.
        var result = new Result(process.exitValue(), read(out), read(err), elapsed);
        assertThat(LeakCheck.sweep(filesBefore)).as("what %s left behind", mainClass.getSimpleName()).isEmpty();
        return result;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
