package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DanceAndSingTest {

    /** The child dances three times while the main process sings three times, and both end normally. */
    @Test
    void theChildDancesWhileTheMainProcessSings(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, DanceAndSing.class).assertSucceeded();
        assertThat(run.count("dancing...")).as("%s", run).isEqualTo(3);
        assertThat(run.count("singing...")).as("%s", run).isEqualTo(3);
        assertThat(run.lines()).as("%s", run).hasSize(6);
    }
}
