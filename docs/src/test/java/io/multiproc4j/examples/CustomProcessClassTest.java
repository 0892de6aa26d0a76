package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomProcessClassTest {

    /** A user class implementing ProcessTask runs in the child with the field it was built with. */
    @Test
    void theTaskClassRunsWithItsFieldInTheChild(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, CustomProcessClass.class).assertSucceeded();
        run.indexOf("=== main process");
        int running = run.indexOf("meet is running in meet");
        int gone = run.indexOf("meet is gone");
        assertThat(run.indexOf("exit code: 0")).isGreaterThan(gone).isGreaterThan(running);
    }
}
