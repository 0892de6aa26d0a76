package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProviderLookupException;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.KitTasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules PROV and PROC: choosing an implementation, creating and naming processes. */
abstract class ProcessNamingChecks extends VerificationBase {

    ProcessNamingChecks(String providerId) {
        super(providerId);
    }

    /** PROV-01: the context reports its id and its processes are children of this JVM. */
    @Test
    void required_prov01_contextByIdReportsItsIdAndStartsChildren() {
        MpContext ctx = Multiprocessing.context(providerId);
        assertThat(ctx.providerId()).isEqualTo(providerId);
        String dir = ex.path();
        MpProcess p = ctx.newProcess(() -> Exchange.put(dir, "ppid", Long.toString(osParentPid()))).start();
        assertThat(ex.await("ppid")).isEqualTo(Long.toString(ownPid()));
        assertThat(awaitExitCode(p)).isZero();
    }

    /** PROV-02: an unknown id is refused with a message that helps. */
    @Test
    void required_prov02_unknownProviderIdIsRefusedWithTheIdsFound() {
        assertThatThrownBy(() -> Multiprocessing.context("no-such-implementation"))
                .isInstanceOf(ProviderLookupException.class)
                .hasMessageContaining("no-such-implementation")
                .hasMessageContaining(providerId);
    }

    /** PROC-01: a new process is unstarted and named by the creation counter. */
    @Test
    void required_proc01_newProcessIsUnstartedAndNamedByCreationCount() {
        MpProcess a = mp.newProcess(() -> { });
        MpProcess b = mp.newProcess(() -> { });
        assertThat(a.name()).matches("Process-\\d+");
        assertThat(b.name()).isEqualTo("Process-" + (Integer.parseInt(a.name().substring(8)) + 1));
        for (MpProcess p : List.of(a, b)) {
            assertThat(p.isAlive()).as("alive before start").isFalse();
            assertThat(p.pid()).as("pid before start").isEmpty();
            assertThat(p.exitCode()).as("exit code before start").isEmpty();
        }
    }

    /** PROC-02: an explicit name is kept and seen by the child. */
    @Test
    void required_proc02_explicitNameIsKeptAndSeenByTheChild() {
        String dir = ex.path();
        MpProcess p = mp.newProcess(() -> Exchange.put(dir, "name", Multiprocessing.currentProcess().name()));
        p.setName("dance_process");
        assertThat(p.name()).isEqualTo("dance_process");
        p.start();
        assertThat(ex.await("name")).isEqualTo("dance_process");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** PROC-03: a child's own processes are named after it. */
    @Test
    void required_proc03_childsProcessesAreNamedAfterTheChild() {
        String dir = ex.path();
        MpProcess p = start(() -> {
            List<String> names = new ArrayList<>();
            names.add(Multiprocessing.newProcess(() -> { }).name());
            names.add(Multiprocessing.newProcess(() -> { }).name());
            Exchange.put(dir, "names", String.join(",", names));
        });
        String prefix = p.name() + ":";
        assertThat(ex.await("names")).isEqualTo(prefix + "1," + prefix + "2");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** PROC-04: the main program's current process. */
    @Test
    void required_proc04_mainProgramIsMainProcess() {
        MpProcess self = mp.currentProcess();
        assertThat(self.name()).isEqualTo("MainProcess");
        assertThat(self.isAlive()).isTrue();
        assertThat(self.isDaemon()).isFalse();
        assertThat(self.pid()).hasValue(ownPid());
        assertThat(mp.parentProcess()).isEmpty();
    }

    /** PROC-05: captured values are the task's arguments. */
    @Test
    void required_proc05_capturedValuesReachTheChildUnchanged() {
        String dir = ex.path();
        String name = "李四";
        int age = 20;
        double height = 1.75;
        List<Integer> scores = new ArrayList<>(List.of(90, 85, 77));
        MpProcess p = start(() -> Exchange.put(dir, "args", name + "|" + age + "|" + height + "|" + scores));
        assertThat(ex.await("args")).isEqualTo("李四|20|1.75|[90, 85, 77]");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** PROC-06: a user task class runs with its field values. */
    @Test
    void required_proc06_userTaskClassRunsWithItsFields() {
        MpProcess p = mp.newProcess(new KitTasks.Greeter(ex.path(), "meet", 3)).start();
        assertThat(ex.await("greeting")).isEqualTo("meet meet meet");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** PROC-07: the daemon flag defaults to false in the main program and reaches the child. */
    @Test
    void required_proc07_daemonFlagDefaultsToFalseAndReachesTheChild() {
        String dir = ex.path();
        MpProcess plain = mp.newProcess(() -> Exchange.put(dir, "plain",
                Boolean.toString(Multiprocessing.currentProcess().isDaemon())));
        MpProcess daemon = mp.newProcess(() -> Exchange.put(dir, "daemon",
                Boolean.toString(Multiprocessing.currentProcess().isDaemon())));
        assertThat(plain.isDaemon()).isFalse();
        daemon.setDaemon(true);
        assertThat(daemon.isDaemon()).isTrue();
        plain.start();
        daemon.start();
        assertThat(ex.await("plain")).isEqualTo("false");
        assertThat(ex.await("daemon")).isEqualTo("true");
        assertThat(awaitExitCode(plain)).isZero();
        assertThat(awaitExitCode(daemon)).isZero();
    }
}
