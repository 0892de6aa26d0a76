package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedGlobalsTest {

    /** Changes a child makes to static fields and captured objects leave the parent's unchanged. */
    @Test
    void theParentsVariablesStayUnchanged(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, IsolatedGlobals.class).assertSucceeded();

        // seed 000: the static list
        int added = run.indexOf("added: [0, 1, 2]");
        assertThat(run.indexOf("main: []")).isGreaterThan(added);
        // a child starts from a fresh JVM's statics, not from a copy of its parent's
        assertThat(run.indexOf("read: []")).isGreaterThan(run.indexOf("main after adding 99: [99]"));
        // seed 002: the captured list
        int child = run.indexOf("child's list: [1, 2, 3]");
        assertThat(run.indexOf("main's list: [1, 2]")).isGreaterThan(child);
    }
}
