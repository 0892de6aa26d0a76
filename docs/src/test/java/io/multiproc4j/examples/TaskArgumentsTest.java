package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskArgumentsTest {

    /** Captured values reach the child as its arguments, and a timed join returns false while it runs. */
    @Test
    void capturedValuesReachTheChildAsItsArguments(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, TaskArguments.class).assertSucceeded();

        run.indexOf("Process-1: Li Si 20");
        run.indexOf("Process-2: Wang Wu 20");
        run.indexOf("Process-3: Feng Qi 20");
        assertThat(run.count("task running...")).isEqualTo(5);
        assertThat(run.indexOf("task done")).isGreaterThan(run.lines().lastIndexOf("task running..."));

        run.indexOf("Process name: Worker");
        run.match("Process pid: \\d+");
        int alive = run.indexOf("Process is alive: true");
        int timedOut = run.indexOf("join(100 ms) returned false");
        int ended = run.indexOf("Process is alive: false, exit code 0");
        assertThat(run.count("I'm Daivl, working...")).isEqualTo(3);
        assertThat(run.lines().lastIndexOf("I'm Daivl, working...")).isLessThan(ended);
        assertThat(alive).isLessThan(timedOut).isLessThan(ended);
    }
}
