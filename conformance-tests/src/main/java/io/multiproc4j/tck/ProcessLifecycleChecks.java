package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpProcess;
import io.multiproc4j.tck.scenarios.ThrowingChildScenario;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.Scenario;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules LIFE, EXIT, JOIN and REAP: starting, waiting, stopping, exit codes, several children, reaping. */
abstract class ProcessLifecycleChecks extends ProcessNamingChecks {

    ProcessLifecycleChecks(String providerId) {
        super(providerId);
    }

    /** A child that reports "ready" and then waits for the test's "go"; it ends with exit code 0 after "go". */
    final MpProcess startWaitingForGo() {
        String dir = ex.path();
        MpProcess p = start(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
        });
        ex.await("ready");
        return p;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SLEEPERS = new java.util.concurrent.atomic.AtomicInteger();

    /** A child that reports it is ready and then sleeps far longer than the test. */
    final MpProcess startSleeper() {
        String dir = ex.path();
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        String key = "ready-" + SLEEPERS.incrementAndGet();
        MpProcess p = start(() -> {
            Exchange.put(dir, key, "yes");
            Thread.sleep(outlive);
        });
        ex.await(key);
        return p;
    }

    /** LIFE-01: isAlive follows the child's life. */
    @Test
    void required_life01_isAliveFollowsTheChildsLife() {
        String dir = ex.path();
        MpProcess p = mp.newProcess(() -> Exchange.awaitEntry(dir, "go"));
        assertThat(p.isAlive()).as("before start").isFalse();
        p.start();
        assertThat(p.isAlive()).as("right after start").isTrue();
        ex.put("go", "now");
        awaitExitCode(p);
        assertThat(p.isAlive()).as("after the child ended").isFalse();
    }

    /** LIFE-02: join returns only once the child has ended. */
    @Test
    void required_life02_joinReturnsOnlyAfterTheChildEnded() throws Exception {
        String dir = ex.path();
        long work = TckEnvironment.TICK.toMillis() * 2;
        MpProcess p = start(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            Thread.sleep(work);
        });
        ex.await("ready");
        ex.put("go", "now");
        p.join();
        assertThat(p.exitCode()).as("exit code right after join").hasValue(0);
        assertThat(OsProcesses.running(p.pid().getAsLong())).as("child still running after join").isFalse();
    }

    /** LIFE-03: a timed join on a live child waits at least its timeout and returns false. */
    @Test
    void required_life03_timedJoinOnLiveChildWaitsAtLeastTheTimeout() throws Exception {
        MpProcess p = startSleeper();
        Duration timeout = TckEnvironment.TICK.multipliedBy(2);
        long t0 = System.nanoTime();
        boolean ended = p.join(timeout);
        long elapsed = millisSince(t0);
        assertThat(ended).as("join(timeout) result").isFalse();
        assertThat(elapsed).as("milliseconds join(%s) waited", timeout).isGreaterThanOrEqualTo(timeout.toMillis());
        assertThat(p.isAlive()).isTrue();
        stop(p);
    }

    /** LIFE-04: a zero or negative timeout does not wait. */
    @Test
    void required_life04_zeroOrNegativeTimeoutReturnsAtOnce() throws Exception {
        MpProcess p = startSleeper();
        for (Duration d : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            long t0 = System.nanoTime();
            assertThat(p.join(d)).as("join(%s) on a live child", d).isFalse();
            assertThat(millisSince(t0)).as("milliseconds join(%s) took", d)
                    .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
        stop(p);
        for (Duration d : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            long t0 = System.nanoTime();
            assertThat(p.join(d)).as("join(%s) on an ended child", d).isTrue();
            assertThat(millisSince(t0)).isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
    }

    /** LIFE-05: terminate gives -15. */
    @Test
    void required_life05_terminateEndsTheChildWithMinus15() {
        MpProcess p = startSleeper();
        p.terminate();
        assertThat(awaitExitCode(p, TckEnvironment.PROMPT)).isEqualTo(-15);
    }

    /** LIFE-06: kill gives -9. */
    @Test
    void required_life06_killEndsTheChildWithMinus9() {
        MpProcess p = startSleeper();
        p.kill();
        assertThat(awaitExitCode(p, TckEnvironment.PROMPT)).isEqualTo(-9);
    }

    /** LIFE-07: joining many times. */
    @Test
    void required_life07_processMayBeJoinedManyTimes() throws Exception {
        MpProcess p = start(() -> System.exit(3));
        p.join();
        p.join();
        long t0 = System.nanoTime();
        p.join();
        assertThat(p.join(Duration.ofSeconds(1))).isTrue();
        assertThat(millisSince(t0)).as("milliseconds two joins of an ended child took")
                .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        assertThat(p.exitCode()).hasValue(3);
    }

    /** LIFE-08: stopping an ended child changes nothing. */
    @Test
    void required_life08_terminateAndKillAfterTheEndDoNothing() {
        MpProcess p = start(() -> System.exit(4));
        assertThat(awaitExitCode(p)).isEqualTo(4);
        p.terminate();
        p.kill();
        assertThat(p.exitCode()).hasValue(4);
        assertThat(p.isAlive()).isFalse();
    }

    /** LIFE-09: children terminated before their task can have begun still report -15. */
    @Test
    void required_life09_childrenTerminatedRightAfterStartEndWithMinus15() {
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        List<MpProcess> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MpProcess p = start(() -> Thread.sleep(outlive));
            p.terminate();
            all.add(p);
        }
        for (MpProcess p : all) {
            assertThat(awaitExitCode(p, TckEnvironment.PROMPT)).as("exit code of %s", p.name()).isEqualTo(-15);
        }
    }

    /** EXIT-01: a task that returns gives 0. */
    @Test
    void required_exit01_returningTaskGivesZero() {
        assertThat(awaitExitCode(start(() -> { }))).isZero();
    }

    /** EXIT-02: a task that throws gives 1 and a headed stack trace on the child's standard error. */
    @Test
    void required_exit02_throwingTaskGivesOneAndAHeadedStackTrace() throws Exception {
        try (Scenario s = Scenario.start(providerId, ThrowingChildScenario.class)) {
            assertThat(s.awaitLine("EXIT ")).isEqualTo("EXIT 1");
            assertThat(s.awaitExit()).isZero();
            s.awaitOutputClosed();
            String err = s.stderr();
            int header = err.indexOf("Process Thrower:");
            assertThat(header).as("'Process Thrower:' on stderr:%n%s", err).isGreaterThanOrEqualTo(0);
            assertThat(err.substring(header)).contains("java.lang.IllegalStateException: kit-boom");
        }
    }

    /** EXIT-03: System.exit(n) gives n, even where n looks like a death by signal. */
    @Test
    void required_exit03_systemExitGivesItsStatusEvenWhenItLooksLikeASignal() {
        Map<Integer, MpProcess> byStatus = new LinkedHashMap<>();
        for (int status : new int[] {1, 7, 137, 143, 255}) {
            byStatus.put(status, start(() -> System.exit(status)));
        }
        byStatus.forEach((status, p) -> assertThat(awaitExitCode(p)).as("exit code after System.exit(%d)", status)
                .isEqualTo(status));
    }

    /** EXIT-04: a death by a signal from outside the API is -N. */
    @Test
    void required_exit04_signalFromOutsideTheApiGivesMinusN() throws Exception {
        MpProcess self = start(() -> new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid()))
                .inheritIO().start().waitFor());
        MpProcess victim = startSleeper();
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(victim.pid().getAsLong())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(awaitExitCode(self)).as("exit code of a child that sent itself SIGKILL").isEqualTo(-9);
        assertThat(awaitExitCode(victim)).as("exit code of a child sent SIGTERM by kill(1)").isEqualTo(-15);
    }

    /** EXIT-05: no exit code before the end. */
    @Test
    void required_exit05_noExitCodeBeforeStartOrWhileRunning() {
        String dir = ex.path();
        MpProcess p = mp.newProcess(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
        });
        assertThat(p.exitCode()).as("before start").isEmpty();
        p.start();
        ex.await("ready");
        assertThat(p.exitCode()).as("while running").isEmpty();
        ex.put("go", "now");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** JOIN-01: each join of several returns only after its own child ended, in either order of ending. */
    @Test
    void required_join01_eachJoinReturnsOnlyAfterItsOwnChildEnded() throws Exception {
        for (int[] ticks : new int[][] {{3, 2, 1}, {1, 2, 3}}) {
            try (Exchange round = new Exchange()) {
                String dir = round.path();
                List<MpProcess> ps = new ArrayList<>();
                for (int t : ticks) {
                    long work = TckEnvironment.TICK.toMillis() * 2 * t;
                    ps.add(start(() -> {
                        Exchange.awaitEntry(dir, "go");
                        Thread.sleep(work);
                    }));
                }
                long t0 = System.nanoTime();
                round.put("go", "now");
                for (int i = 0; i < ps.size(); i++) {
                    MpProcess p = ps.get(i);
                    p.join();
                    assertThat(p.exitCode()).as("exit code right after joining %s", p.name()).hasValue(0);
                    assertThat(OsProcesses.running(p.pid().getAsLong())).as("%s running after its join", p.name())
                            .isFalse();
                    assertThat(millisSince(t0)).as("milliseconds until the join of the child working %d ticks",
                            2 * ticks[i]).isGreaterThanOrEqualTo(TckEnvironment.TICK.toMillis() * 2 * ticks[i]);
                }
            }
        }
    }

    /** JOIN-02: started together, children run at the same time. */
    @Test
    void required_join02_startAllThenJoinAllTakesLessThanTheSum() throws Exception {
        long work = TckEnvironment.TICK.toMillis() * 8;
        long t0 = System.nanoTime();
        List<MpProcess> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(start(() -> Thread.sleep(work)));
        }
        for (MpProcess p : ps) {
            p.join();
        }
        assertThat(millisSince(t0)).as("milliseconds to run three children of %d ms each together", work)
                .isLessThan(3 * work);
    }

    /** JOIN-03: one at a time takes at least the sum. */
    @Test
    void required_join03_startAndJoinOneAtATimeTakesAtLeastTheSum() throws Exception {
        long work = TckEnvironment.TICK.toMillis() * 2;
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            MpProcess p = start(() -> Thread.sleep(work));
            p.join();
        }
        assertThat(millisSince(t0)).as("milliseconds to run three children of %d ms each in turn", work)
                .isGreaterThanOrEqualTo(3 * work);
    }

    /** REAP-01: nobody joins, nothing stays a zombie. */
    @Test
    void required_reap01_unjoinedChildrenAreReaped() {
        List<Long> pids = new ArrayList<>();
        List<MpProcess> ps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MpProcess p = start(() -> { });
            ps.add(p);
            pids.add(p.pid().getAsLong());
        }
        await("every unjoined child gone from the process table, none left a zombie").atMost(TckEnvironment.LONG)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> pids.stream().allMatch(pid -> OsProcesses.stateOf(pid) == '-'));
        await("ended children leave activeChildren()").atMost(TckEnvironment.PROMPT)
                .until(() -> mp.activeChildren().stream().noneMatch(ps::contains));
    }
}
