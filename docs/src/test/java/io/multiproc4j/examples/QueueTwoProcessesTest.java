package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueTwoProcessesTest {

    /** The map one child puts arrives whole in the other child, after it was put, and leaves the queue empty. */
    @Test
    void oneChildReceivesWhatTheOtherPut(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, QueueTwoProcesses.class).assertSucceeded();
        int put = run.indexOf("fun1 puts the message");
        int received = run.indexOf("fun2 received message {a=1, b=2}");
        assertThat(put).as("%s", run).isLessThan(received);
        assertThat(run.indexOf("queue empty at the end: true")).as("%s", run).isEqualTo(2);
    }
}
