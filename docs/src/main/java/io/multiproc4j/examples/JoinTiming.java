// Port of seed 002 §4 (进程对象join方法): three children joined in turn, the 3-2-1 variant, the optimised
// start-all-then-join-all loop, and the wrong start-and-join loop.
package io.multiproc4j.examples;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code join()} waits for, and what it costs. The seed's second is the unit of time here; set it with
 * {@code -Dunit.ms=100} to run faster (default 1000). Each child also spends a few hundred milliseconds starting its
 * JVM, on top of its sleep.
 */
public class JoinTiming {

    static void task(Duration sleep) throws InterruptedException {
        String me = Multiprocessing.currentProcess().name();
        System.out.println(me + " is running");
        Thread.sleep(sleep);
        System.out.println(me + " is gone");
    }

    /**
     * A child that sleeps {@code units} units. The duration is captured: a child is a fresh JVM and does not see
     * the parent's system properties, so it must not read {@code unit.ms} itself.
     */
    static MpProcess sleeper(Duration unit, int units) {
        var sleep = unit.multipliedBy(units);
        return Multiprocessing.newProcess(() -> task(sleep));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Starts children sleeping the given units together, then joins them in turn, timing each join. */
    static void startTogetherJoinInTurn(Duration unit, int... units) throws InterruptedException {
        System.out.println("== sleeping " + Arrays.toString(units) + " units, joined in turn");
        long start = System.nanoTime();
        List<MpProcess> children = new ArrayList<>();
        for (int u : units) {
            children.add(sleeper(unit, u).start());
        }
        for (var p : children) {
            p.join();
            System.out.println(p.name() + " joined after " + millisSince(start) + " ms");
        }
    }

    public static void main(String[] args) throws Exception {
        var unit = Duration.ofMillis(Long.getLong("unit.ms", 1000));
        System.out.println("unit: %d ms; the children of each part sleep %d ms in all".formatted(
                unit.toMillis(), unit.multipliedBy(6).toMillis()));

        // Each join returns once its own child has ended: after about 1, 2 and 3 units.
        startTogetherJoinInTurn(unit, 1, 2, 3);
        // The first join blocks about 3 units; by then the others have ended, so their joins return at once.
        startTogetherJoinInTurn(unit, 3, 2, 1);

        // The seed's "optimised" version: start all, then join all. The children sleep at the same time.
        System.out.println("== start all, then join all");
        long start = System.nanoTime();
        List<MpProcess> children = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var p = sleeper(unit, i);
            children.add(p);
            p.start();
        }
        for (var p : children) {
            p.join();
        }
        System.out.println("start all, then join all: total " + millisSince(start) + " ms");

        // The wrong version: joining inside the start loop runs the children one after another.
        System.out.println("== start and join in one loop (wrong)");
        start = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            var p = sleeper(unit, i);
            p.start();
            p.join();
        }
        System.out.println("start and join in one loop: total " + millisSince(start) + " ms");
    }
}
