package io.multiproc4j.grader.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.run.Dirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code grade} script, as a user would: on the machine's default {@code java}, in a process of
 * its own, with a hard limit on how long it may take.
 */
public final class GradeScript {

    /** The repository's root. */
    public static final Path REPOSITORY = Path.of(System.getProperty("grader.repository")).toAbsolutePath()
            .normalize();
    /** Where the integration tests keep their reports and fixtures. */
    public static final Path WORK = Path.of(System.getProperty("grader.workdir")).toAbsolutePath().normalize();

    private GradeScript() {
    }

    /**
     * What one run of the command did.
     *
     * @param exit its exit status
     * @param stdout its standard output
     * @param stderr its standard error
     * @param out its reports' folder
     * @param elapsed how long it took
     */
    public record Run(int exit, String stdout, String stderr, Path out, Duration elapsed) {

        /**
         * @param submission a submission's name
         * @return its {@code report.json}
         */
        public Map<String, Object> report(String submission) {
            return JsonReader.object(read(out.resolve(submission).resolve("report.json")));
        }

        /**
         * @param submission a submission's name
         * @param file one of its report files
         * @return that file's text
         */
        public String file(String submission, String file) {
            return read(out.resolve(submission).resolve(file));
        }
    }

    /**
     * Runs {@code grade --out <out> <args>} and waits for it.
     *
     * @param out the reports' folder, emptied first
     * @param limit how long it may take; the test fails if it takes longer
     * @param args the other arguments
     * @return what it did
     */
    public static Run run(Path out, Duration limit, String... args) {
        try {
            Dirs.deleteTree(out);
            Files.createDirectories(out);
            List<String> cmd = new ArrayList<>(List.of(REPOSITORY.resolve("grade").toString(), "--out",
                    out.toString()));
            cmd.addAll(List.of(args));
            Path stdout = out.resolve("grade.stdout");
            Path stderr = out.resolve("grade.stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(out.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // The script runs on the machine's default java, as a user's shell would start it.
            pb.environment().remove("JAVA_HOME");
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("grade " + String.join(" ", args) + " did not end within " + limit
                        + "; it printed:\n" + read(stdout) + "\n" + read(stderr));
            }
            Run run = new Run(p.exitValue(), read(stdout), read(stderr), out,
                    Duration.ofNanos(System.nanoTime() - start));
            assertThat(run.stderr()).as("grade's standard error").doesNotContain("Exception in thread");
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
