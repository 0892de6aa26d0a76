package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinTimingTest {

    private static final int UNIT_MS = 100;

    /** Each join returns after its own child has ended, and starting all children first is faster. */
    @Test
    void eachJoinWaitsForItsChildAndStartingAllFirstIsFaster(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, JoinTiming.class, "-Dunit.ms=" + UNIT_MS).assertSucceeded();
        run.indexOf("unit: 100 ms; the children of each part sleep 600 ms in all");

        for (int n = 1; n <= 12; n++) {
            String name = "Process-" + n;
            assertThat(run.indexOf(name + " is running")).isLessThan(run.indexOf(name + " is gone"));
        }
        // Process-1..3 sleep 1, 2, 3 units and are joined in that order; Process-4..6 sleep 3, 2, 1 units and
        // are joined in that order, so none of their joins can return before Process-4's 3 units.
        int[] earliestJoinInUnits = {1, 2, 3, 3, 3, 3};
        for (int n = 1; n <= 6; n++) {
            String name = "Process-" + n;
            var joined = run.match(name + " joined after (\\d+) ms");
            assertThat(run.lines().indexOf(joined.group())).as("%s's join is printed after its end", name)
                    .isGreaterThan(run.indexOf(name + " is gone"));
            assertThat(Long.parseLong(joined.group(1))).as("%s joined after", name)
                    .isGreaterThanOrEqualTo(earliestJoinInUnits[n - 1] * UNIT_MS);
        }

        long startAllThenJoinAll = millis(run, "start all, then join all: total (\\d+) ms");
        long startAndJoinInLoop = millis(run, "start and join in one loop: total (\\d+) ms");
        // One after another, the children take at least the sum of their sleeps.
        assertThat(startAndJoinInLoop).isGreaterThanOrEqualTo(6 * UNIT_MS);
        // Started together, they run at the same time, so it takes less than one after another. The bound is the
        // measured sequential run, not the 6 units of sleep, because each child also starts a JVM, which at this
        // small unit costs more than the sleeps.
        assertThat(startAllThenJoinAll).isGreaterThanOrEqualTo(3 * UNIT_MS).isLessThan(startAndJoinInLoop);
    }

    private static long millis(ExampleRun.Result run, String regex) {
        return Long.parseLong(run.match(regex).group(1));
    }
}
