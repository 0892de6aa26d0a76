package io.multiproc4j.processbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessSignal;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.TckEnvironment;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signal handlers in children: handleSignal, defaultSignal and MpProcess.signal with this implementation. */
@ExtendWith(LeakCheck.class)
class ProcessBuilderSignalsIT {

    private static final String ID = ProcessBuilderProvider.ID;

    private final MpContext mp = Multiprocessing.context(ID);

    /** A child's SIGUSR1 handler runs when the parent signals it, and the child then ends normally. */
    @Test
    void aHandlerRunsWhenTheParentSignals() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Multiprocessing.context(ID).handleSignal(ProcessSignal.SIGUSR1,
                        s -> Exchange.put(dir, "handled", s.name()));
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "handled");
            }).start();
            ex.await("ready");
            p.signal(ProcessSignal.SIGUSR1);
            assertThat(ex.await("handled")).isEqualTo("SIGUSR1");
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    /** A child that handles SIGTERM survives terminate() and ends on its own. */
    @Test
    void aChildHandlingSigtermSurvivesTerminate() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Multiprocessing.context(ID).handleSignal(ProcessSignal.SIGTERM,
                        s -> Exchange.put(dir, "handled", s.name()));
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "handled");
            }).start();
            ex.await("ready");
            p.terminate();
            assertThat(ex.await("handled")).isEqualTo("SIGTERM");
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    /** Without a handler, SIGUSR1 and SIGUSR2 end a child with exit code -N (the JVM alone ignores SIGUSR2). */
    @ParameterizedTest
    @EnumSource(value = ProcessSignal.class, names = {"SIGUSR1", "SIGUSR2", "SIGHUP", "SIGINT"})
    void anUnhandledSignalEndsAChildWithMinusItsNumber(ProcessSignal signal) throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Exchange.put(dir, "ready", "yes");
                Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
            }).start();
            ex.await("ready");
            p.signal(signal);
            p.join();
            assertThat(p.exitCode()).hasValue(-signal.number());
        }
    }

    /** defaultSignal gives back the child's death by SIGTERM after a handler replaced it. */
    @Test
    void aRestoredDefaultEndsTheChildWithMinus15() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                MpContext child = Multiprocessing.context(ID);
                child.handleSignal(ProcessSignal.SIGTERM, s -> Exchange.put(dir, "handled", s.name()));
                child.defaultSignal(ProcessSignal.SIGTERM);
                Exchange.put(dir, "ready", "yes");
                Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
            }).start();
            ex.await("ready");
            p.terminate();
            p.join();
            assertThat(p.exitCode()).hasValue(-15);
            assertThat(ex.peek("handled")).isEmpty();
        }
    }

    /** SIGSTOP sent with signal() stops a child; SIGCONT continues it and runs its SIGCONT handler. */
    @Test
    void sigstopAndSigcontThroughSignal() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Multiprocessing.context(ID).handleSignal(ProcessSignal.SIGCONT,
                        s -> Exchange.put(dir, "continued", s.name()));
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "go");
            }).start();
            ex.await("ready");
            long pid = p.pid().orElseThrow();
            p.signal(ProcessSignal.SIGSTOP);
            Awaitility.await("stopped").atMost(TckEnvironment.PROMPT).until(() -> OsProcesses.stateOf(pid) == 'T');
            p.signal(ProcessSignal.SIGCONT);
            assertThat(ex.await("continued")).isEqualTo("SIGCONT");
            ex.put("go", "now");
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    /** A child can signal itself through currentProcess(), and its own handler runs. */
    @Test
    void aChildSignalsItself() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Multiprocessing.context(ID).handleSignal(ProcessSignal.SIGUSR1,
                        s -> Exchange.put(dir, "handled", s.name()));
                Multiprocessing.currentProcess().signal(ProcessSignal.SIGUSR1);
                Exchange.awaitEntry(dir, "handled");
            }).start();
            p.join();
            assertThat(p.exitCode()).hasValue(0);
            assertThat(ex.peek("handled")).hasValue("SIGUSR1");
        }
    }

    /** SIGKILL and SIGSTOP cannot be handled, and the refusal says so. */
    @Test
    void sigkillAndSigstopCannotBeHandled() {
        for (ProcessSignal signal : new ProcessSignal[] {ProcessSignal.SIGKILL, ProcessSignal.SIGSTOP}) {
            assertThatThrownBy(() -> mp.handleSignal(signal, s -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be caught");
            assertThatThrownBy(() -> mp.defaultSignal(signal)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> mp.handleSignal(ProcessSignal.SIGUSR1, null))
                .isInstanceOf(NullPointerException.class);
    }
}
