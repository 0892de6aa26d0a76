package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolMapTest {

    /** map returns the squares of 0 to 9 in the order of the input. */
    @Test
    void mapReturnsTheResultsInTheItemsOrder(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, PoolMap.class).assertSucceeded();
        assertThat(run.lines()).as("%s", run).containsExactly("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
    }
}
