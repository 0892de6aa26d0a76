package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolApplyTest {

    /** Each apply returns only after its task has run in a worker, so the tasks run one after another. */
    @Test
    void applyRunsTheTasksOneAfterAnother(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, PoolApply.class).assertSucceeded();
        String parentPid = run.match("parent pid (\\d+)").group(1);

        var lines = run.lines();
        assertThat(lines).as("%s", run).hasSize(1 + 2 * 10);
        Set<String> pids = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            var worker = Pattern.compile("hello " + i + " from SpawnPoolWorker-\\d+, pid (\\d+)")
                    .matcher(lines.get(1 + 2 * i));
            assertThat(worker.matches()).as("line %d: task %d's worker line in%n%s", 1 + 2 * i, i, run).isTrue();
            pids.add(worker.group(1));
            assertThat(lines.get(2 + 2 * i)).as("apply's result, right after its task ran, in%n%s", run)
                    .isEqualTo("done: hello " + i);
        }
        assertThat(pids).as("the workers' pids").hasSizeBetween(1, 4).doesNotContain(parentPid);
    }
}
