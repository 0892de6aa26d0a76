package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWaitsForChildrenTest {

    /** The program ends only after its non-daemon child has finished, though main printed "Over" first. */
    @Test
    void theProgramEndsOnlyAfterItsChild(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, MainWaitsForChildren.class).assertSucceeded();
        // The output is read the moment the example's JVM ended: the child had finished by then.
        assertThat(run.indexOf("task done")).as("%s", run).isGreaterThan(run.indexOf("Over"))
                .isEqualTo(run.lines().size() - 1);
        assertThat(run.count("task running...")).isEqualTo(10);
    }
}
