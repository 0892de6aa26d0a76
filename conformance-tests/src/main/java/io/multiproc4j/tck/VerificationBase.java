package io.multiproc4j.tck;

import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.RuleDisplayNames;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every verification class shares: the implementation under test, chosen by provider id; a private
 * {@link Exchange} per test through which children report; the leak check after every test; display names taken
 * from the spec; and a hard limit per test, so that a hanging implementation fails instead of stalling the run.
 */
@ExtendWith(LeakCheck.class)
@DisplayNameGeneration(RuleDisplayNames.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
abstract class VerificationBase {

    /** The id of the provider under test. */
    protected final String providerId;
    /** Its context. */
    protected final MpContext mp;
    /** This test's exchange directory. */
    protected Exchange ex;

    VerificationBase(String providerId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.mp = Multiprocessing.context(providerId);
    }

    @BeforeEach
    final void openExchange() {
        ex = new Exchange();
    }

    @AfterEach
    final void closeExchange() {
        ex.close();
    }

    /** Creates and starts a process running {@code task}. */
    final MpProcess start(ProcessTask task) {
        return mp.newProcess(task).start();
    }

    /**
     * Waits for a child to end by watching its exit code, without {@code join}, so that rules other than the join
     * rules do not depend on join.
     */
    static int awaitExitCode(MpProcess p) {
        return awaitExitCode(p, TckEnvironment.LONG);
    }

    static int awaitExitCode(MpProcess p, Duration limit) {
        await("exit code of " + p.name()).atMost(limit).pollInterval(Duration.ofMillis(10))
                .until(() -> p.exitCode().isPresent());
        return p.exitCode().getAsInt();
    }

    /** Stops a child the test no longer needs and waits for it to end. */
    static void stop(MpProcess p) {
        if (p.isAlive()) {
            p.kill();
        }
        awaitExitCode(p);
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static long ownPid() {
        return ProcessHandle.current().pid();
    }

    /** The pid of the current process's parent as the operating system sees it, in a child. */
    static long osParentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
