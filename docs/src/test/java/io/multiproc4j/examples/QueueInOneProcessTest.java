package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueInOneProcessTest {

    /** A queue of three reports empty, full and its size as items come and go, and refuses a fourth or a missing one. */
    @Test
    void aBoundedQueueReportsFullAndEmpty(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, QueueInOneProcess.class).assertSucceeded();
        assertThat(run.lines()).as("%s", run).containsExactly(
                // the seed's program: empty() after one put, full() after two, qsize() after three, then get()
                "false",
                "false",
                "3",
                "1",
                // beyond the seed: a full queue refuses at once and after a timeout; an empty one likewise
                "full: true",
                "putNow(5): queue full",
                "put(5, 200 ms): queue full",
                "got 2 3 4",
                "empty: true",
                "getNow(): queue empty",
                "get(200 ms): queue empty");
    }
}
