package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.tck.support.TckEnvironment;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonChildTest {

    /** The daemon child is terminated when main returns, long before it would have finished. */
    @Test
    void theDaemonChildIsDestroyedWhenTheProgramEnds(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, DaemonChild.class).assertSucceeded();
        run.indexOf("Over");
        // The daemon would print for 60 s; the program ended long before.
        assertThat(run.elapsed()).as("%s", run).isLessThan(TckEnvironment.LONG.dividedBy(2));
        assertThat(run.count("daemon still running...")).as("%s", run).isLessThan(150);
        assertThat(run.stdout()).doesNotContain("daemon finished");
        // The program terminated the daemon and reaped it before ending.
        long daemonPid = Long.parseLong(run.match("daemon pid: (\\d+)").group(1));
        assertThat(ProcessHandle.of(daemonPid).filter(ProcessHandle::isAlive)).as("the daemon child").isEmpty();
    }
}
