package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.scenarios.ExitRulesScenario;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.Scenario;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rules SHUT: what happens to children when their program ends, observed from outside in a scenario JVM. */
abstract class ProcessExitRulesChecks extends ProcessIdentityChecks {

    ProcessExitRulesChecks(String providerId) {
        super(providerId);
    }

    /** SHUT-01: main returning waits for non-daemon children. */
    @Test
    void required_shut01_programEndsOnlyAfterItsNonDaemonChildren() throws Exception {
        programEndsAfterItsChild("main-returns", 0);
    }

    /** SHUT-02: System.exit waits for non-daemon children and keeps its status. */
    @Test
    void required_shut02_systemExitWaitsForNonDaemonChildrenAndKeepsItsStatus() throws Exception {
        programEndsAfterItsChild("system-exit", 7);
    }

    /** Runs a program that ends, in the given way, while its non-daemon child still works. */
    private void programEndsAfterItsChild(String mode, int expectedStatus) throws Exception {
        try (Scenario s = Scenario.start(providerId, ExitRulesScenario.class, mode, ex.path())) {
            long child = Long.parseLong(s.awaitLine("CHILD-PID ").substring(10));
            ex.put("go", "now");
            assertThat(s.awaitExit()).as("exit status of the program").isEqualTo(expectedStatus);
            assertThat(OsProcesses.running(child)).as("child still running when its program ended").isFalse();
            s.awaitOutputClosed();
            assertThat(s.lines()).contains("CHILD-DONE");
        }
    }

    /** SHUT-03: daemon children are terminated at normal exit. */
    @Test
    void required_shut03_daemonChildrenAreTerminatedAtNormalExit() throws Exception {
        try (Scenario s = Scenario.start(providerId, ExitRulesScenario.class, "daemon-at-exit", ex.path())) {
            long daemon = Long.parseLong(s.awaitLine("DAEMON-PID ").substring(11));
            assertThat(s.awaitExit(TckEnvironment.PROMPT)).as("exit status of a program whose daemon child runs on")
                    .isZero();
            await("daemon child " + daemon + " gone after its program ended").atMost(TckEnvironment.PROMPT)
                    .pollInterval(Duration.ofMillis(10)).until(() -> !OsProcesses.running(daemon));
            assertThat(s.lines()).doesNotContain("DAEMON-FINISHED");
        }
    }

    /** SHUT-04: a daemon child dies with its killed parent. */
    @Test
    void required_shut04_daemonChildDiesWithinASecondOfItsParentsKill() throws Exception {
        try (Scenario s = Scenario.start(providerId, ExitRulesScenario.class, "parent-killed-daemon", ex.path())) {
            long daemon = Long.parseLong(s.awaitLine("PIDS ").split(" ")[2]);
            s.killParent();
            long killedAt = System.nanoTime();
            await("daemon child " + daemon + " dies after its parent was killed").atMost(TckEnvironment.PROMPT)
                    .pollInterval(Duration.ofMillis(5)).until(() -> !OsProcesses.running(daemon));
            assertThat(millisSince(killedAt)).as("milliseconds the daemon child outlived its killed parent")
                    .isLessThanOrEqualTo(TckEnvironment.DAEMON_DEATH.toMillis());
            assertThat(s.awaitExit()).as("exit status of the killed parent").isEqualTo(137);
        }
    }

    /** SHUT-05: a non-daemon child lives on as an orphan and finishes. */
    @Test
    void required_shut05_nonDaemonChildOfAKilledParentFinishesAsAnOrphan() throws Exception {
        try (Scenario s = Scenario.start(providerId, ExitRulesScenario.class, "parent-killed-orphan", ex.path())) {
            String[] pids = s.awaitLine("PIDS ").split(" ");
            long parent = Long.parseLong(pids[1]);
            long orphan = Long.parseLong(pids[2]);
            s.killParent();
            assertThat(s.awaitExit()).as("exit status of the killed parent").isEqualTo(137);
            assertThat(OsProcesses.running(orphan)).as("non-daemon child alive after its parent was killed").isTrue();
            ex.put("go", "now");
            assertThat(Long.parseLong(ex.await("orphan-done"))).as("the orphan's parent pid").isNotEqualTo(parent);
            await("the orphan ends").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                    .until(() -> !OsProcesses.running(orphan));
        }
    }

    /** SHUT-06: a daemon cannot have children. */
    @Test
    void required_shut06_daemonProcessCannotStartChildren() {
        String dir = ex.path();
        MpProcess daemon = mp.newProcess(() -> {
            String outcome;
            try {
                Multiprocessing.newProcess(() -> { }).start();
                outcome = "started";
            } catch (IllegalStateException e) {
                outcome = "refused: " + e.getMessage();
            }
            Exchange.put(dir, "outcome", outcome);
        }).setDaemon(true).start();
        assertThat(ex.await("outcome")).startsWith("refused: ").containsIgnoringCase("daemon");
        assertThat(awaitExitCode(daemon)).isZero();
    }
}
