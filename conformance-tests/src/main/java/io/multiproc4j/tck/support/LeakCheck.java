package io.multiproc4j.tck.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test: no process started by it may still run (descendants of the test JVM, and anything started by a
 * scenario, re-parented or not), and no file it created may remain in the temporary directory or {@code /dev/shm}.
 * Whatever is found is killed or deleted, and the test fails, naming it. Leftovers get {@link TckEnvironment#PROMPT}
 * to go away by themselves first, since a child that was just killed takes a moment to be reaped.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {

    /** Every scenario JVM of this kit run carries this environment entry, and so do its descendants. */
    public static final String RUN_MARKER = "MULTIPROC4J_TCK_RUN=" + ProcessHandle.current().pid() + "-"
            + Long.toHexString(System.nanoTime());

    private static final List<Path> WATCHED_DIRS = List.of(Path.of(System.getProperty("java.io.tmpdir")),
            Path.of("/dev/shm"));
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheck.class);

    /** Used by JUnit. */
    public LeakCheck() {
    }

    /**
     * Marks a process about to be started, and through its environment everything it starts in turn, so that
     * {@link #sweep(Set)} finds them even once re-parented.
     *
     * @param builder the builder of a process the kit or a test starts
     * @return the same builder
     */
    public static ProcessBuilder mark(ProcessBuilder builder) {
        String[] entry = RUN_MARKER.split("=", 2);
        builder.environment().put(entry[0], entry[1]);
        return builder;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("files", snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Path> before = context.getStore(NS).get("files", Set.class);
        List<String> leaks = sweep(before == null ? snapshot() : before);
        if (!leaks.isEmpty()) {
            throw new AssertionError("the test left behind (now killed or deleted): " + String.join("; ", leaks));
        }
    }

    /**
     * Kills or deletes everything of ours still present, after a grace period for it to go by itself.
     *
     * @param filesBefore the entries of the watched directories before the test
     * @return a description of each leftover, empty if there was none
     */
    public static List<String> sweep(Set<Path> filesBefore) {
        try {
            Awaitility.await("nothing left behind").atMost(TckEnvironment.PROMPT).pollInterval(Duration.ofMillis(20))
                    .until(() -> leftoverProcesses().isEmpty() && leftoverFiles(filesBefore).isEmpty());
        } catch (ConditionTimeoutException stillThere) {
            // reported below
        }
        List<ProcessHandle> procs = leftoverProcesses();
        List<Path> files = leftoverFiles(filesBefore);
        List<String> leaks = new ArrayList<>();
        for (ProcessHandle p : procs) {
            char state = OsProcesses.stateOf(p.pid());
            leaks.add((state == 'Z' ? "zombie process " : "process ") + p.pid() + " ("
                    + p.info().commandLine().orElse("?") + ")");
            p.destroyForcibly();
        }
        for (Path f : files) {
            leaks.add("file " + f);
            deleteTree(f);
        }
        return leaks;
    }

    private static List<ProcessHandle> leftoverProcesses() {
        Set<Long> seen = new HashSet<>();
        List<ProcessHandle> found = new ArrayList<>();
        // Deepest first, so that a killed parent's children are not re-parented out of sight.
        ProcessHandle.current().descendants()
                .sorted(Comparator.comparingLong(ProcessHandle::pid).reversed())
                .filter(p -> OsProcesses.stateOf(p.pid()) != '-')
                .forEach(p -> {
                    if (seen.add(p.pid())) {
                        found.add(p);
                    }
                });
        for (long pid : OsProcesses.withEnvironmentEntry(RUN_MARKER)) {
            if (seen.add(pid)) {
                ProcessHandle.of(pid).ifPresent(found::add);
            }
        }
        return found;
    }

    private static List<Path> leftoverFiles(Set<Path> before) {
        return snapshot().stream()
                .filter(p -> !before.contains(p))
                .filter(p -> !p.getFileName().toString().startsWith(Exchange.PREFIX))
                .filter(p -> !p.getFileName().toString().startsWith("hsperfdata_"))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * @return the entries of the watched directories ({@code java.io.tmpdir} and {@code /dev/shm}) now, to pass to
     *     {@link #sweep(Set)} later
     */
    public static Set<Path> snapshot() {
        Set<Path> all = new HashSet<>();
        for (Path dir : WATCHED_DIRS) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(all::add);
            } catch (IOException e) {
                // not present on this system
            }
        }
        return all;
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            p.toFile().delete();
        }
    }
}
