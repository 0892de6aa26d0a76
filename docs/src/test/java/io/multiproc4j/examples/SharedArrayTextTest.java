package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedArrayTextTest {

    /** The first child reads the parent's text and replaces it; the second child and the parent read the new text. */
    @Test
    void aChildsWriteIsSeenByItsSiblingAndItsParent(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, SharedArrayText.class).assertSucceeded();
        var child1 = run.match("(\\d+) child 1: hahaha");
        var child2 = run.match("(\\d+) child 2: yeyeye");
        assertThat(child1.group(1)).as("two processes, two pids").isNotEqualTo(child2.group(1));
        assertThat(run.lines()).as("%s", run).hasSize(3).endsWith("main: yeyeye");
    }
}
