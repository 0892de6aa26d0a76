package io.multiproc4j.tck.support;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpEvent;
import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Runs one step over and over in several sibling processes at the same time, so that a step that is not mutually
 * exclusive loses updates in every run: the processes wait at a start gate (an event the test sets once all of them
 * are ready) and each then repeats the step for at least {@link #WINDOW} and at least {@link #MIN_STEPS} times. The
 * caller compares what the steps built up with {@link Result#steps()}, the number of steps that ran.
 */
public final class Contention {

    /** How many sibling processes contend. */
    public static final int PROCESSES = 4;
    /** The least time each process keeps repeating its step, so that the processes overlap for most of it. */
    public static final Duration WINDOW = TckEnvironment.scaled(400);
    /** The least number of steps each process runs, however slow a step is. */
    public static final int MIN_STEPS = 300;

    private Contention() {
    }

    /** One step, run in a child: it must capture only IPC objects and plain values. */
    @FunctionalInterface
    public interface Step extends Serializable {
        /** @throws Exception anything; the child then ends with exit code 1 and the run fails */
        void run() throws Exception;
    }

    /**
     * What a run did.
     *
     * @param steps how many steps the processes ran in all
     * @param perProcess how many each ran
     */
    public record Result(long steps, List<Long> perProcess) {
    }

    /**
     * Starts {@link #PROCESSES} siblings running {@code step}, releases them together, and waits for them to end.
     *
     * @param mp the context under test
     * @param ex the test's exchange
     * @param step what each process repeats
     * @return the number of steps run
     * @throws AssertionError if a process does not end with exit code 0 within {@link TckEnvironment#LONG}
     */
    public static Result run(MpContext mp, Exchange ex, Step step) {
        String dir = ex.path();
        MpEvent gate = mp.newEvent();
        long windowNanos = WINDOW.toNanos();
        List<MpProcess> children = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                String key = "contender-" + i;
                children.add(mp.newProcess((ProcessTask) () -> contend(dir, key, gate, windowNanos, step)).start());
            }
            for (int i = 0; i < PROCESSES; i++) {
                ex.await("contender-" + i + ".ready");
            }
            gate.set();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                MpProcess p = children.get(i);
                Awaitility.await("contender " + i + " ends").atMost(TckEnvironment.LONG)
                        .pollInterval(Duration.ofMillis(10)).until(() -> p.exitCode().isPresent());
                if (p.exitCode().getAsInt() != 0) {
                    throw new AssertionError("contender " + i + " ended with exit code " + p.exitCode().getAsInt()
                            + " (see its standard error)");
                }
                counts.add(Long.parseLong(ex.await("contender-" + i + ".steps")));
            }
            return new Result(counts.stream().mapToLong(Long::longValue).sum(), List.copyOf(counts));
        } finally {
            for (MpProcess p : children) {
                if (p.isAlive()) {
                    p.kill();
                }
            }
        }
    }

    /** The body of each contending child. */
    private static void contend(String dir, String key, MpEvent gate, long windowNanos, Step step) throws Exception {
        Exchange.put(dir, key + ".ready", "yes");
        gate.await();
        long end = System.nanoTime() + windowNanos;
        long n = 0;
        while (n < MIN_STEPS || System.nanoTime() - end < 0) {
            step.run();
            n++;
        }
        Exchange.put(dir, key + ".steps", Long.toString(n));
    }
}
