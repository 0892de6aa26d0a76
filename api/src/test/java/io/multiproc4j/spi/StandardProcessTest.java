package io.multiproc4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.IpcFactory;
import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessSignal;
import io.multiproc4j.ProcessState;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle state machine, driven by a launcher that starts nothing. */
class StandardProcessTest {

    private static final class FakeHandle implements ChildHandle {
        final CompletableFuture<ChildExit> exit = new CompletableFuture<>();
        final List<ProcessSignal> signals = new ArrayList<>();

        @Override
        public long pid() {
            return 4242;
        }

        @Override
        public CompletableFuture<ChildExit> onExit() {
            return exit;
        }

        @Override
        public boolean signal(ProcessSignal signal) {
            if (exit.isDone()) {
                return false;
            }
            signals.add(signal);
            return true;
        }
    }

    private final List<LaunchRequest> requests = new ArrayList<>();
    private final List<FakeHandle> handles = new ArrayList<>();
    private final StandardContext context = new StandardContext("fake", request -> {
        requests.add(request);
        FakeHandle h = new FakeHandle();
        handles.add(h);
        return h;
    }, (IpcFactory) Proxy.newProxyInstance(IpcFactory.class.getClassLoader(), new Class<?>[] {IpcFactory.class},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException("no IPC in this test");
            }));

    /** The exit rules wait for every started child when the JVM ends, so the fake ones must end too. */
    @AfterEach
    void endEveryFakeChild() {
        handles.forEach(h -> h.exit.complete(new ChildExit(0, Optional.empty())));
    }

    @Test
    void defaultNamesCountCreatedProcesses() {
        MpProcess a = context.newProcess(() -> { });
        MpProcess b = context.newProcess(() -> { });
        int n = Integer.parseInt(a.name().substring("Process-".length()));
        assertThat(b.name()).isEqualTo("Process-" + (n + 1));
    }

    @Test
    void startHandsTheLauncherWhatTheChildNeeds() {
        MpProcess p = context.newProcess(() -> { }).setName("worker").setDaemon(true).setNiceness(5).start();
        LaunchRequest r = requests.get(0);
        assertThat(r.processName()).isEqualTo("worker");
        assertThat(r.daemon()).isTrue();
        assertThat(r.niceness()).hasValue(5);
        assertThat(r.childSpec()).isNotEmpty();
        assertThat(p.pid()).hasValue(4242);
        assertThat(p.isAlive()).isTrue();
        assertThat(context.activeChildren()).contains(p);
        handles.get(0).exit.complete(new ChildExit(0, Optional.empty()));
        assertThat(context.activeChildren()).doesNotContain(p);
    }

    @Test
    void timedJoinReportsWhetherTheChildEnded() throws Exception {
        MpProcess p = context.newProcess(() -> { }).start();
        assertThat(p.join(Duration.ofMillis(20))).isFalse();
        assertThat(p.join(Duration.ofSeconds(-3))).isFalse();
        assertThat(p.exitCode()).isEmpty();
        handles.get(0).exit.complete(new ChildExit(-15, Optional.empty()));
        assertThat(p.join(Duration.ZERO)).isTrue();
        p.join();
        assertThat(p.exitCode()).hasValue(-15);
        assertThat(p.isAlive()).isFalse();
        assertThat(p.state()).isEqualTo(ProcessState.ENDED);
    }

    @Test
    void signalsGoToTheChildWhileItRuns() {
        MpProcess p = context.newProcess(() -> { }).start();
        p.terminate();
        p.suspend();
        p.resume();
        p.kill();
        assertThat(handles.get(0).signals).containsExactly(ProcessSignal.SIGTERM, ProcessSignal.SIGSTOP,
                ProcessSignal.SIGCONT, ProcessSignal.SIGKILL);
    }

    @Test
    void aFailedStartIsReportedByJoinWithTheChildsWords() {
        MpProcess p = context.newProcess(() -> { }).setName("broken").start();
        handles.get(0).exit.complete(new ChildExit(1, Optional.of("Error: Could not find or load main class x")));
        assertThatThrownBy(p::join).isInstanceOf(ChildStartException.class)
                .hasMessageContaining("'broken'").hasMessageContaining("Could not find or load main class x");
        assertThatThrownBy(() -> p.join(Duration.ofSeconds(1))).isInstanceOf(ChildStartException.class);
        assertThat(p.exitCode()).hasValue(1);
    }

    @Test
    void misuseIsRefusedWithAMessageThatSaysWhatToDo() {
        MpProcess p = context.newProcess(() -> { });
        assertThat(p.state()).isEqualTo(ProcessState.NEW);
        assertThatThrownBy(p::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("call start()");
        assertThatThrownBy(p::terminate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.setNiceness(20)).isInstanceOf(IllegalArgumentException.class);
        p.start();
        assertThatThrownBy(p::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create another with newProcess(task)");
        assertThatThrownBy(() -> p.setDaemon(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before start()");
        assertThatThrownBy(() -> p.setNiceness(1)).isInstanceOf(IllegalStateException.class);
        assertThat(requests).hasSize(1);
    }

    @Test
    void theCurrentProcessRefusesToBeControlled() {
        MpProcess self = context.currentProcess();
        assertThat(self.name()).isEqualTo("MainProcess");
        assertThatThrownBy(self::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("itself");
        assertThatThrownBy(self::kill).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("System.exit");
        assertThatThrownBy(self::start).isInstanceOf(IllegalStateException.class);
        assertThat(context.parentProcess()).isEmpty();
    }
}
