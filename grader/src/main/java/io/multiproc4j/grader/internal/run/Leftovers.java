package io.multiproc4j.grader.internal.run;

import io.multiproc4j.tck.support.OsProcesses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and kills what a submission left running: the descendants of its grading JVM, and every process carrying
 * the grading run's environment marker, which a grading JVM passes on to whatever it starts, so that processes that
 * were re-parented are found too.
 */
final class Leftovers {

    private static final int MAX_COMMAND = 200;

    private Leftovers() {
    }

    /**
     * @param name a submission's name
     * @return an environment entry {@code NAME=value}, unique to this grader and submission, for every process of
     *     the submission to carry
     */
    static String marker(String name) {
        return "MULTIPROC4J_GRADE_RUN=" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + "-" + name.hashCode();
    }

    /**
     * Kills a grading JVM and everything it started, at once.
     *
     * @param jvm the grading JVM
     * @param marker the submission's environment marker
     */
    static void killAll(ProcessHandle jvm, String marker) {
        List<ProcessHandle> all = find(jvm, marker);
        all.add(jvm);
        all.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Gives what is left of a submission {@link Limits#GRACE} to end by itself, then kills it.
     *
     * @param marker the submission's environment marker
     * @return a description of each process that had to be killed, empty if none did
     * @throws InterruptedException if interrupted while waiting
     */
    static List<String> sweep(String marker) throws InterruptedException {
        List<ProcessHandle> found = find(null, marker);
        if (found.isEmpty()) {
            return List.of();
        }
        // Describe them now: once killed, their command lines are gone.
        Map<ProcessHandle, String> described = new LinkedHashMap<>();
        found.forEach(p -> described.put(p, describe(p)));
        try {
            CompletableFuture.allOf(found.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(Limits.GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillThere) {
            // killed below
        }
        List<String> killed = new ArrayList<>();
        described.forEach((p, d) -> {
            if (OsProcesses.running(p.pid())) {
                p.destroyForcibly();
                killed.add(d);
            }
        });
        return killed;
    }

    private static List<ProcessHandle> find(ProcessHandle root, String marker) {
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        if (root != null) {
            // Deepest first, so that a killed parent's children are not re-parented out of sight.
            root.descendants().sorted(Comparator.comparingLong(ProcessHandle::pid).reversed())
                    .forEach(p -> found.putIfAbsent(p.pid(), p));
        }
        for (long pid : OsProcesses.withEnvironmentEntry(marker)) {
            ProcessHandle.of(pid).ifPresent(p -> found.putIfAbsent(pid, p));
        }
        found.remove(ProcessHandle.current().pid());
        return new ArrayList<>(found.values());
    }

    private static String describe(ProcessHandle p) {
        String cmd = p.info().commandLine().orElse(p.info().command().orElse("?"));
        if (cmd.length() > MAX_COMMAND) {
            cmd = cmd.substring(0, MAX_COMMAND) + " …";
        }
        return "pid " + p.pid() + ": " + cmd;
    }
}
