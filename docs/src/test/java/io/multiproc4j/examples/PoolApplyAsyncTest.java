package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolApplyAsyncTest {

    private static final Pattern WORKER_LINE = Pattern.compile("hello (\\d) from (SpawnPoolWorker-\\d+), pid (\\d+)");

    /** Every task runs once, in one of at most four worker processes, and its result is there after join. */
    @Test
    void tenTasksRunInAtMostFourWorkersAndTheirResultsComeInSubmissionOrder(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, PoolApplyAsync.class).assertSucceeded();
        String parentPid = run.match("parent pid (\\d+)").group(1);

        var lines = run.lines();
        assertThat(lines).as("%s", run).hasSize(1 + 10 + 10);
        Set<String> messages = new HashSet<>();
        Set<String> pids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String line : lines.subList(1, 11)) {
            var m = WORKER_LINE.matcher(line);
            assertThat(m.matches()).as("a worker's line, not \"%s\", in%n%s", line, run).isTrue();
            messages.add(m.group(1));
            names.add(m.group(2));
            pids.add(m.group(3));
        }
        assertThat(messages).as("each of the ten messages printed once, by a worker").hasSize(10);
        assertThat(pids).as("the workers' pids").hasSizeBetween(1, 4).doesNotContain(parentPid);
        assertThat(names).as("the workers' names").hasSizeBetween(1, 4);
        // The results are read after join(), in the order the tasks were submitted.
        for (int i = 0; i < 10; i++) {
            assertThat(lines.get(11 + i)).as("result %d in%n%s", i, run).isEqualTo("done: hello " + i);
        }
    }
}
