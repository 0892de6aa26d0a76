package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidAndParentPidTest {

    /** Each child reports its own pid, its name and its parent, and they agree with what the parent sees. */
    @Test
    void childrenKnowTheirOwnPidTheirParentAndTheirNames(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, PidAndParentPid.class).assertSucceeded();

        var main = run.match("main: pid=(\\d+) currentProcess\\(\\)=MainProcess"
                + " currentProcess\\(\\)\\.pid\\(\\)=(\\d+) parentProcess\\(\\)=none");
        String mainPid = main.group(1);
        assertThat(main.group(2)).as("currentProcess().pid() in main").isEqualTo(mainPid);
        assertThat(mainPid).as("the example's main runs in the forked JVM")
                .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));

        assertThat(run.stdout()).contains("before start: dance_process[alive=false, pid=none, exitCode=none]"
                + " sing_process[alive=false, pid=none, exitCode=none]");
        run.indexOf("active children: [dance_process, sing_process]");
        var seenByParent = run.match("dance_process has pid (\\d+), sing_process has pid (\\d+)");

        int group = 1;
        for (String name : new String[] {"dance_process", "sing_process"}) {
            var child = run.match(name + ": pid=(\\d+) ppid=(\\d+) currentProcess\\(\\)\\.pid\\(\\)=(\\d+)"
                    + " parentProcess\\(\\)=MainProcess pid=(\\d+)");
            String pid = child.group(1);
            assertThat(pid).as("%s's pid, as the parent sees it", name).isEqualTo(seenByParent.group(group++))
                    .isNotEqualTo(mainPid);
            assertThat(child.group(3)).as("%s's currentProcess().pid()", name).isEqualTo(pid);
            assertThat(child.group(2)).as("%s's operating-system parent pid", name).isEqualTo(mainPid);
            assertThat(child.group(4)).as("%s's parentProcess().pid()", name).isEqualTo(mainPid);
        }
        assertThat(run.count("dance_process: dancing...")).isEqualTo(3);
        assertThat(run.count("sing_process: singing...")).isEqualTo(3);
        assertThat(run.match("after join: dance_process\\[alive=false, pid=\\d+, exitCode=0\\]"
                + " sing_process\\[alive=false, pid=\\d+, exitCode=0\\]")).isNotNull();
    }
}
