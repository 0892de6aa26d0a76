package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessState;
import io.multiproc4j.TaskNotSerializableException;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.OptionalRule;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rules BAD and STATE: misuse and bad input, and the optional scheduling controls. */
abstract class ProcessMisuseChecks extends ProcessExitRulesChecks {

    ProcessMisuseChecks(String providerId) {
        super(providerId);
    }

    /** BAD-01: an unserialisable capture fails at start, naming class and field. */
    @Test
    void required_bad01_unserialisableTaskFailsAtStartNamingClassAndField() {
        KitTasks.Holder holder = new KitTasks.Holder();
        MpProcess p = mp.newProcess(() -> System.out.println(holder.thing));
        long childrenBefore = ProcessHandle.current().children().count();
        assertThatThrownBy(p::start)
                .isInstanceOf(TaskNotSerializableException.class)
                .hasMessageContaining(KitTasks.NotSerializableThing.class.getName())
                .hasMessageContaining("thing");
        assertThat(p.pid()).as("pid after a failed start").isEmpty();
        assertThat(p.isAlive()).isFalse();
        assertThat(ProcessHandle.current().children().count()).as("child processes").isEqualTo(childrenBefore);
    }

    /** BAD-02: a task that cannot be loaded in the child is reported by join, with the child's words. */
    @Test
    void required_bad02_taskThatCannotLoadInTheChildIsReportedByJoin() {
        KitTasks.LoadGate.allowHere();
        MpProcess p = mp.newProcess(new KitTasks.UnloadableInChild()).start();
        assertThatThrownBy(p::join)
                .isInstanceOf(ChildStartException.class)
                .hasMessageContaining("UnloadableInChild refuses to load");
        assertThat(p.exitCode()).isPresent();
        assertThat(p.exitCode().getAsInt()).isNotZero();
    }

    /** BAD-03: starting twice. */
    @Test
    void required_bad03_startingTwiceIsRefused() {
        MpProcess p = start(() -> { });
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class);
        assertThat(awaitExitCode(p)).isZero();
    }

    /** BAD-04: join, terminate or kill before start. */
    @Test
    void required_bad04_joinTerminateOrKillBeforeStartIsRefused() {
        MpProcess p = mp.newProcess(() -> { });
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.join(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::terminate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::kill).isInstanceOf(IllegalStateException.class);
    }

    /** BAD-05: the daemon flag is fixed at start. */
    @Test
    void required_bad05_settingDaemonAfterStartIsRefused() {
        String dir = ex.path();
        MpProcess p = start(() -> Exchange.awaitEntry(dir, "go"));
        assertThatThrownBy(() -> p.setDaemon(true)).isInstanceOf(IllegalStateException.class);
        assertThat(p.isDaemon()).isFalse();
        ex.put("go", "now");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** BAD-06: the current process cannot be joined or stopped through the API. */
    @Test
    void required_bad06_currentProcessCannotBeJoinedTerminatedOrKilled() {
        MpProcess self = mp.currentProcess();
        assertThatThrownBy(self::join).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> self.join(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(self::terminate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(self::kill).isInstanceOf(IllegalStateException.class);
        assertThat(self.isAlive()).isTrue();
    }

    /** BAD-07: no task, empty name. */
    @Test
    void required_bad07_missingTaskAndEmptyNameAreRefused() {
        assertThatThrownBy(() -> mp.newProcess(null)).isInstanceOf(NullPointerException.class);
        MpProcess p = mp.newProcess(() -> { });
        assertThatThrownBy(() -> p.setName("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.name()).startsWith("Process-");
    }

    /** STATE-01: niceness at start. */
    @Test
    void optional_state01_processRunsAtTheNicenessItWasStartedWith() throws Exception {
        OptionalRule.check("STATE-01", () -> {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "go");
            }).setNiceness(7);
            assertThat(p.niceness()).hasValue(7);
            p.start();
            ex.await("ready");
            assertThat(OsProcesses.nicenessOf(p.pid().getAsLong())).hasValue(7);
            ex.put("go", "now");
            assertThat(awaitExitCode(p)).isZero();
        });
    }

    /** STATE-02: the state snapshot. */
    @Test
    void optional_state02_stateFollowsTheChild() throws Exception {
        OptionalRule.check("STATE-02", () -> {
            long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Exchange.put(dir, "ready", "yes");
                Thread.sleep(outlive);
            });
            assertThat(p.state()).isEqualTo(ProcessState.NEW);
            p.start();
            ex.await("ready");
            await("state SLEEPING").atMost(TckEnvironment.PROMPT).until(() -> p.state() == ProcessState.SLEEPING);
            p.kill();
            awaitExitCode(p);
            assertThat(p.state()).isEqualTo(ProcessState.ENDED);
        });
    }

    /** STATE-03: suspend and resume. */
    @Test
    void optional_state03_suspendStopsAndResumeContinues() throws Exception {
        OptionalRule.check("STATE-03", () -> {
            String dir = ex.path();
            MpProcess p = start(() -> {
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "go");
            });
            ex.await("ready");
            p.suspend();
            await("state STOPPED").atMost(TckEnvironment.PROMPT).until(() -> p.state() == ProcessState.STOPPED);
            assertThat(OsProcesses.stateOf(p.pid().getAsLong())).isIn('T', 't');
            p.resume();
            await("running again").atMost(TckEnvironment.PROMPT)
                    .until(() -> OsProcesses.stateOf(p.pid().getAsLong()) != 'T');
            ex.put("go", "now");
            assertThat(awaitExitCode(p)).isZero();
        });
    }
}
