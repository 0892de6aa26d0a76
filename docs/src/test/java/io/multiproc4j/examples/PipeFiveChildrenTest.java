package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipeFiveChildrenTest {

    /** Each of the five children's messages arrives through the one pipe, and each names the parent's pid. */
    @Test
    void allFiveChildrenSendTheParentsPid(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, PipeFiveChildren.class).assertSucceeded();
        String parentPid = run.match("parent pid: (\\d+)").group(1);
        assertThat(run.lines()).as("%s", run).hasSize(6);
        assertThat(run.count(parentPid)).as("%s", run).isEqualTo(5);
    }
}
