package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminateChildTest {

    /** terminate() ends the child with exit code -15 and kill() with -9. */
    @Test
    void terminateGivesMinus15AndKillMinus9(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, TerminateChild.class).assertSucceeded();
        int alive = run.indexOf("alive: true");
        int afterTerminate = run.indexOf("alive after terminate: false");
        int terminated = run.indexOf("exit code after terminate: -15");
        int killed = run.indexOf("exit code after kill: -9");
        assertThat(alive).isLessThan(afterTerminate).isLessThan(terminated).isLessThan(killed);
        assertThat(run.indexOf("Over")).isEqualTo(run.lines().size() - 1);
    }
}
