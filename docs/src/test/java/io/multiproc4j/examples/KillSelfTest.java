package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSelfTest {

    /** A child that sends itself signal 9 stops at once, and its parent sees exit code -9. */
    @Test
    void aChildKilledBySignal9HasExitCodeMinus9(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, KillSelf.class).assertSucceeded();
        var main = run.match("main: pid (\\d+), current process MainProcess");
        var dance = run.match("dance: pid (\\d+), current process myprocess1");
        assertThat(dance.group(1)).isNotEqualTo(main.group(1));
        int danced = run.indexOf("dancing...0");
        assertThat(run.stdout()).doesNotContain("dancing...1", "never printed");
        assertThat(run.indexOf("myprocess1 exit code: -9")).isGreaterThan(danced);
    }
}
