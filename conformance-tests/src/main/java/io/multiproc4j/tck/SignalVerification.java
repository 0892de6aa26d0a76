package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessSignal;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The conformance checks of the <em>signals</em> area ({@code docs/spec/signals.md}): one test per rule.
 *
 * <p>An implementation joins by naming its provider, with no code of its own:
 * <pre>{@code
 * class MySignalIT extends SignalVerification {
 *     MySignalIT() { super("my-provider-id"); }
 * }
 * }</pre>
 */
public abstract class SignalVerification extends IpcChecksBase {

    /** The signals a JVM lets a program handle. */
    private static final List<ProcessSignal> HANDLEABLE = List.of(ProcessSignal.SIGHUP, ProcessSignal.SIGINT,
            ProcessSignal.SIGTERM, ProcessSignal.SIGUSR1, ProcessSignal.SIGUSR2, ProcessSignal.SIGCONT);

    /**
     * @param providerId the id of the implementation under test
     */
    protected SignalVerification(String providerId) {
        super(providerId);
    }

    /** A child that reports {@code readyKey} and then sleeps far longer than the test. */
    final MpProcess startSleeper(String readyKey) {
        String dir = ex.path();
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        return child(() -> {
            Exchange.put(dir, readyKey, "yes");
            Thread.sleep(outlive);
        });
    }

    /** SIG-01: an unhandled signal ends a child with -N. */
    @Test
    void required_sig01_unhandledSignalEndsTheChildWithMinusN() {
        Map<ProcessSignal, MpProcess> children = new LinkedHashMap<>();
        for (ProcessSignal s : List.of(ProcessSignal.SIGHUP, ProcessSignal.SIGINT, ProcessSignal.SIGUSR1,
                ProcessSignal.SIGUSR2, ProcessSignal.SIGTERM)) {
            children.put(s, startSleeper("ready-" + s));
        }
        children.forEach((s, p) -> {
            ex.await("ready-" + s);
            p.signal(s);
        });
        children.forEach((s, p) -> assertThat(awaitExitCode(p, TckEnvironment.PROMPT))
                .as("exit code of a child sent %s without a handler", s).isEqualTo(-s.number()));
    }

    /** SIG-02: a handled signal runs the handler, every time, and the child goes on. */
    @Test
    void required_sig02_handledSignalRunsTheHandlerAndTheChildGoesOn() {
        String id = providerId;
        String dir = ex.path();
        List<ProcessSignal> handled = HANDLEABLE;
        MpProcess child = child(() -> {
            MpContext ctx = Multiprocessing.context(id);
            for (ProcessSignal s : handled) {
                AtomicInteger count = new AtomicInteger();
                ctx.handleSignal(s, got -> Exchange.put(dir, "handled-" + got + "-" + count.incrementAndGet(),
                        Thread.currentThread().getName()));
            }
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "end");
        });
        ex.await("ready");
        for (ProcessSignal s : handled) {
            for (int n = 1; n <= 2; n++) {
                child.signal(s);
                String key = "handled-" + s + "-" + n;
                await("the handler runs for " + s + " (time " + n + ")").atMost(TckEnvironment.PROMPT)
                        .pollInterval(Duration.ofMillis(10)).until(() -> ex.peek(key).isPresent());
            }
            assertThat(child.isAlive()).as("the child is alive after handling %s", s).isTrue();
        }
        ex.put("end", "now");
        assertThat(awaitExitCode(child)).as("exit code of the child that handled every signal").isZero();
    }

    /** SIG-03: defaultSignal restores the default action. */
    @Test
    void required_sig03_defaultSignalRestoresTheDefaultAction() {
        String id = providerId;
        String dir = ex.path();
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        Map<ProcessSignal, MpProcess> children = new LinkedHashMap<>();
        for (ProcessSignal s : List.of(ProcessSignal.SIGUSR1, ProcessSignal.SIGINT)) {
            String ready = "ready-" + s;
            children.put(s, child(() -> {
                MpContext ctx = Multiprocessing.context(id);
                ctx.handleSignal(s, got -> Exchange.put(dir, "handled-" + got, "yes"));
                ctx.defaultSignal(s);
                Exchange.put(dir, ready, "yes");
                Thread.sleep(outlive);
            }));
        }
        children.forEach((s, p) -> {
            ex.await("ready-" + s);
            p.signal(s);
        });
        children.forEach((s, p) -> assertThat(awaitExitCode(p, TckEnvironment.PROMPT))
                .as("exit code after %s, whose handler was replaced by the default", s).isEqualTo(-s.number()));
        children.keySet().forEach(s -> assertThat(ex.peek("handled-" + s)).as("the removed handler of %s ran", s)
                .isEmpty());
    }

    /** SIG-04: SIGSTOP stops a child until SIGCONT. */
    @Test
    void required_sig04_stopHoldsTheChildUntilContinue() throws Exception {
        String dir = ex.path();
        MpProcess child = child(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            Exchange.put(dir, "done", "yes");
        });
        ex.await("ready");
        child.signal(ProcessSignal.SIGCONT);
        long pid = child.pid().getAsLong();
        assertThat(child.isAlive()).as("alive after SIGCONT while running").isTrue();
        child.signal(ProcessSignal.SIGSTOP);
        await("the child is stopped").atMost(TckEnvironment.PROMPT).pollInterval(Duration.ofMillis(10))
                .until(() -> OsProcesses.stateOf(pid) == 'T');
        ex.put("go", "now");
        Future<String> done = Bounded.inBackground("the stopped child's work", () -> ex.await("done"));
        Bounded.assertStillBlocked(done, TckEnvironment.TICK.multipliedBy(2), "a stopped child's work");
        child.signal(ProcessSignal.SIGCONT);
        Bounded.await(done, TckEnvironment.PROMPT, "the child's work once continued");
        assertThat(awaitExitCode(child)).as("exit code of the stopped and continued child").isZero();
    }

    /** SIG-05: a process signals itself. */
    @Test
    void required_sig05_processCanSignalItself() {
        String id = providerId;
        String dir = ex.path();
        long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
        MpProcess handling = child(() -> {
            MpContext ctx = Multiprocessing.context(id);
            ctx.handleSignal(ProcessSignal.SIGUSR1, got -> Exchange.put(dir, "self-handled", got.name()));
            ctx.currentProcess().signal(ProcessSignal.SIGUSR1);
            Exchange.awaitEntry(dir, "self-handled");
        });
        MpProcess ending = child(() -> {
            Multiprocessing.context(id).currentProcess().signal(ProcessSignal.SIGUSR2);
            Thread.sleep(outlive);
        });
        assertThat(ex.await("self-handled")).as("the signal the self-signalled handler got").isEqualTo("SIGUSR1");
        assertThat(awaitExitCode(handling)).as("exit code of the child that handled its own signal").isZero();
        assertThat(awaitExitCode(ending, TckEnvironment.LONG))
                .as("exit code of the child that sent itself SIGUSR2 without a handler").isEqualTo(-12);
    }

    /** SIG-06: SIGKILL and SIGSTOP cannot be handled. */
    @Test
    void required_sig06_killAndStopCannotBeHandled() {
        for (ProcessSignal s : EnumSet.complementOf(EnumSet.copyOf(HANDLEABLE))) {
            assertThatThrownBy(() -> mp.handleSignal(s, got -> { })).as("handleSignal(%s)", s)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mp.defaultSignal(s)).as("defaultSignal(%s)", s)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** SIG-07: signal to an ended child does nothing; to an unstarted one it is refused. */
    @Test
    void required_sig07_signalToEndedOrUnstartedProcess() {
        MpProcess ended = child(() -> System.exit(3));
        assertThat(awaitExitCode(ended)).isEqualTo(3);
        for (ProcessSignal s : ProcessSignal.values()) {
            ended.signal(s);
        }
        assertThat(ended.exitCode()).as("exit code after signals to the ended child").hasValue(3);
        assertThat(ended.isAlive()).isFalse();
        MpProcess unstarted = mp.newProcess(() -> { });
        assertThatThrownBy(() -> unstarted.signal(ProcessSignal.SIGTERM)).as("signal to a process never started")
                .isInstanceOf(IllegalStateException.class);
    }
}
