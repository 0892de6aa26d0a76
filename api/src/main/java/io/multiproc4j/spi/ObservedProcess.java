package io.multiproc4j.spi;

import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process this JVM can observe but does not control: the current process, or the parent of a child. Joining,
 * terminating, killing and suspending it are misuse.
 */
final class ObservedProcess extends NamedProcess {

    private final long pid;
    private final boolean self;
    private final boolean daemon;

    private static volatile ObservedProcess current;

    private final ChildSpec spec;

    private ObservedProcess(long pid, String name, boolean self, boolean daemon, ChildSpec spec) {
        super(name);
        this.spec = spec;
        this.pid = pid;
        this.self = self;
        this.daemon = daemon;
    }

    /** One object per JVM, made anew only when {@link ChildRuntime} has installed the child's identity since. */
    static MpProcess current() {
        ObservedProcess c = current;
        ChildSpec spec = ChildRuntime.self().orElse(null);
        if (c == null || c.spec != spec) {
            long pid = ProcessHandle.current().pid();
            c = spec == null ? new ObservedProcess(pid, "MainProcess", true, false, null)
                    : new ObservedProcess(pid, spec.name, true, spec.daemon, spec);
            current = c;
        }
        return c;
    }

    static MpProcess parentOf(ChildSpec spec) {
        // A daemon process cannot have children, so a parent is never a daemon.
        return new ObservedProcess(spec.parentPid, spec.parentName, false, false, spec);
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    @Override
    public MpProcess setDaemon(boolean daemon) {
        throw new IllegalStateException("process '" + name() + "' is already running; the daemon flag can only be set"
                + " on a new process, before start()");
    }

    @Override
    public OptionalInt niceness() {
        return OptionalInt.empty();
    }

    @Override
    public MpProcess setNiceness(int niceness) {
        throw new IllegalStateException("process '" + name() + "' is already running; the niceness can only be set"
                + " on a new process, before start()");
    }

    @Override
    public MpProcess start() {
        throw new IllegalStateException("process '" + name() + "' is already running; only a process created with"
                + " newProcess(task) can be started");
    }

    @Override
    public void join() throws InterruptedException {
        refuseSelf("join");
        try {
            Optional<ProcessHandle> h = handle();
            if (h.isPresent()) {
                h.get().onExit().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        refuseSelf("join");
        Optional<ProcessHandle> h = handle();
        if (h.isEmpty()) {
            return true;
        }
        try {
            long nanos = Math.max(0, timeout.isNegative() ? 0 : timeout.toNanos());
            h.get().onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !isAlive();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean isAlive() {
        return self || handle().isPresent();
    }

    @Override
    public void terminate() {
        refuseControl("terminate");
    }

    @Override
    public void kill() {
        refuseControl("kill");
    }

    @Override
    public void suspend() {
        refuseControl("suspend");
    }

    @Override
    public void resume() {
        refuseControl("resume");
    }

    @Override
    public void signal(io.multiproc4j.ProcessSignal signal) {
        java.util.Objects.requireNonNull(signal, "signal");
        if (!self) {
            refuseControl("signal");
        }
        KillCommand.send(pid, signal);
    }

    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(pid);
    }

    @Override
    public ProcessState state() {
        return isAlive() ? ProcStat.read(pid) : ProcessState.ENDED;
    }

    @Override
    public String toString() {
        return "MpProcess[name=" + name() + ", pid=" + pid + (self ? ", current" : ", parent") + "]";
    }

    /** The parent while it is still this process's parent: once it dies, the child is re-parented. */
    private Optional<ProcessHandle> handle() {
        if (self) {
            return Optional.of(ProcessHandle.current());
        }
        boolean stillParent = ProcessHandle.current().parent().map(p -> p.pid() == pid).orElse(false);
        return stillParent ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
    }

    private void refuseSelf(String action) {
        if (self) {
            throw new IllegalStateException("process '" + name() + "' cannot " + action + " itself; " + action
                    + " applies to other processes");
        }
    }

    private void refuseControl(String action) {
        throw new IllegalStateException("cannot " + action + " process '" + name() + "': only a child process"
                + " started by this one can be controlled" + (self ? "; to end the current process, return from the"
                + " task or call System.exit" : ""));
    }
}
