package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;

/**
 * What the IPC areas share: children that are killed after the test if it left them waiting (so that a failing
 * implementation fails one rule, not the leak check of the next), and threads for calls that block, so that a call
 * that should return but hangs fails its rule within a bound instead of stalling the run.
 */
abstract class IpcChecksBase extends VerificationBase {

    /** The timeout the timing rules give a timed wait. */
    static final Duration TIMEOUT = TckEnvironment.TICK;
    /** How long a rule watches a call that must still be blocked. */
    static final Duration STILL_BLOCKED = TckEnvironment.TICK;

    private final List<MpProcess> children = new ArrayList<>();
    private ExecutorService threads;

    IpcChecksBase(String providerId) {
        super(providerId);
    }

    @AfterEach
    final void stopWhatTheTestLeftRunning() {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (MpProcess p : children) {
            if (p.pid().isPresent() && p.exitCode().isEmpty()) {
                // Its own children first, so that none is left running as an orphan.
                ProcessHandle.of(p.pid().getAsLong()).ifPresent(h -> h.descendants()
                        .forEach(ProcessHandle::destroyForcibly));
                p.kill();
            }
        }
        for (MpProcess p : children) {
            if (p.pid().isPresent()) {
                awaitExitCode(p);
            }
        }
        children.clear();
        // The shared objects the test dropped are released when this JVM collects them; the leak check that follows
        // must not depend on when the collector happens to run.
        System.gc();
    }

    /** Starts a child running {@code task}; it is killed after the test if it still runs. */
    final MpProcess child(ProcessTask task) {
        MpProcess p = mp.newProcess(task);
        children.add(p);
        return p.start();
    }

    /** Waits for a child to end and asserts that its task returned normally. */
    static void assertEndsNormally(MpProcess p) {
        assertThat(awaitExitCode(p)).as("exit code of %s (its task failed: see its standard error)", p.name())
                .isZero();
    }

    /** Runs a call that may block in a thread of this test. */
    final <T> Future<T> inThread(Callable<T> call) {
        if (threads == null) {
            threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "tck-waiter");
                t.setDaemon(true);
                return t;
            });
        }
        return threads.submit(call);
    }

    /**
     * @return what the call returned, waiting at most {@link TckEnvironment#PROMPT}
     * @throws Throwable what the call threw
     */
    static <T> T promptly(Future<T> call, String what) throws Throwable {
        return Bounded.await(call, TckEnvironment.PROMPT, what);
    }

    /** Asserts that the call has not returned after {@link #STILL_BLOCKED}. */
    static void assertStillBlocked(Future<?> call, String what) throws InterruptedException {
        try {
            Object r = call.get(STILL_BLOCKED.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(what + " returned " + r + " instead of blocking");
        } catch (TimeoutException expected) {
            // still blocked
        } catch (ExecutionException e) {
            throw new AssertionError(what + " threw instead of blocking: " + e.getCause(), e.getCause());
        }
    }

    /** Asserts that at least {@code timeout} has passed since {@code startNanos}. */
    static void assertWaitedAtLeast(long startNanos, Duration timeout, String what) {
        assertThat(System.nanoTime() - startNanos).as("nanoseconds %s waited, at least its timeout %s", what, timeout)
                .isGreaterThanOrEqualTo(timeout.toNanos());
    }

    /** Asserts that less than {@link TckEnvironment#AT_ONCE} has passed since {@code startNanos}. */
    static void assertAtOnce(long startNanos, String what) {
        assertThat(millisSince(startNanos)).as("milliseconds %s took, which must return at once", what)
                .isLessThan(TckEnvironment.AT_ONCE.toMillis());
    }

    /** Waits up to {@link TckEnvironment#PROMPT} for an exchange entry. */
    final String promptEntry(String key) {
        org.awaitility.Awaitility.await("entry " + key + " within PROMPT").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(5)).until(() -> ex.peek(key).isPresent());
        return ex.peek(key).orElseThrow();
    }
}
