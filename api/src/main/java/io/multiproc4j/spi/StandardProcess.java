package io.multiproc4j.spi;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.ProcessSignal;
import io.multiproc4j.ProcessState;
import io.multiproc4j.ProcessTask;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The lifecycle of one child process, the same for every launcher. */
final class StandardProcess extends NamedProcess {

    private final StandardContext context;
    private final int[] identity;
    private volatile boolean daemon;
    private volatile OptionalInt niceness = OptionalInt.empty();

    /*
     * The state machine, held by 'task' and 'handle' under 'this':
     *   NEW      task != null, handle == null
     *   STARTED  task == null, handle != null, handle.onExit() not done   (isAlive)
     *   ENDED    task == null, handle != null, handle.onExit() done       (exitCode known)
     * The task is dropped at start, so the parent keeps no reference to what the child runs (Python's PROC-23).
     */
    private ProcessTask task;
    private volatile ChildHandle handle;

    StandardProcess(StandardContext context, ProcessTask task, String name, int[] identity, boolean daemon) {
        super(name);
        this.context = context;
        this.task = task;
        this.identity = identity;
        this.daemon = daemon;
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    @Override
    public synchronized MpProcess setDaemon(boolean daemon) {
        if (handle != null) {
            throw new IllegalStateException("process '" + name() + "' has already been started; set the daemon flag"
                    + " before start()");
        }
        this.daemon = daemon;
        return this;
    }

    @Override
    public OptionalInt niceness() {
        return niceness;
    }

    @Override
    public synchronized MpProcess setNiceness(int niceness) {
        if (niceness < -20 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be from -20 to 19, not " + niceness);
        }
        if (handle != null) {
            throw new IllegalStateException("process '" + name() + "' has already been started; set the niceness"
                    + " before start()");
        }
        this.niceness = OptionalInt.of(niceness);
        return this;
    }

    @Override
    public synchronized MpProcess start() {
        if (handle != null) {
            throw new IllegalStateException("process '" + name() + "' has already been started; a process starts"
                    + " only once, so create another with newProcess(task)");
        }
        MpProcess self = context.currentProcess();
        String name = name();
        if (self.isDaemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children: process '" + name
                    + "' cannot be started from daemon process '" + self.name() + "'");
        }
        Transfer transfer = Transfer.openForNewProcess();
        ChildHandle started;
        try {
            String what = "the task of process '" + name + "'";
            byte[] taskBytes = TaskCodec.encode(task, what);
            transfer.close();
            ChildSpec spec = new ChildSpec(context.providerId(), name, daemon, identity,
                    ProcessHandle.current().pid(), self.name(), taskBytes);
            byte[] specBytes = TaskCodec.encode(spec, what);
            started = context.launcher().launch(new LaunchRequest(name, daemon, niceness, specBytes, transfer));
        } catch (RuntimeException | Error e) {
            transfer.close();
            transfer.receiverEnded();
            throw e;
        }
        task = null;
        handle = started;
        Children.add(this);
        started.onExit().whenComplete((exit, error) -> {
            Children.remove(this);
            transfer.receiverEnded();
        });
        return this;
    }

    @Override
    public void join() throws InterruptedException {
        ChildHandle h = startedHandle("join");
        try {
            checkStarted(h.onExit().get());
        } catch (ExecutionException e) {
            throw new MultiprocessingException("waiting for process '" + name() + "' failed", e.getCause());
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        java.util.Objects.requireNonNull(timeout, "timeout");
        ChildHandle h = startedHandle("join");
        long nanos = Math.max(0, saturatedNanos(timeout));
        try {
            ChildExit exit = nanos == 0 ? h.onExit().getNow(null) : h.onExit().get(nanos, TimeUnit.NANOSECONDS);
            if (exit == null) {
                return false;
            }
            checkStarted(exit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new MultiprocessingException("waiting for process '" + name() + "' failed", e.getCause());
        }
    }

    /** The end of this started process, for code that reacts to it (a pool replaces its workers). */
    CompletableFuture<ChildExit> onExit() {
        return startedHandle("wait for the end of").onExit();
    }

    /** Waits for the end without the misuse checks; used by the exit rules. {@code null} waits without limit. */
    boolean awaitEnd(Duration limit) {
        ChildHandle h = handle;
        try {
            if (limit == null) {
                h.onExit().get();
            } else {
                h.onExit().get(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public boolean isAlive() {
        ChildHandle h = handle;
        return h != null && !h.onExit().isDone();
    }

    @Override
    public void terminate() {
        startedHandle("terminate").signal(ProcessSignal.SIGTERM);
    }

    @Override
    public void kill() {
        startedHandle("kill").signal(ProcessSignal.SIGKILL);
    }

    @Override
    public void suspend() {
        startedHandle("suspend").signal(ProcessSignal.SIGSTOP);
    }

    @Override
    public void resume() {
        startedHandle("resume").signal(ProcessSignal.SIGCONT);
    }

    @Override
    public void signal(ProcessSignal signal) {
        java.util.Objects.requireNonNull(signal, "signal");
        startedHandle("signal").signal(signal);
    }

    @Override
    public OptionalInt exitCode() {
        ChildHandle h = handle;
        ChildExit exit = h == null ? null : h.onExit().getNow(null);
        return exit == null ? OptionalInt.empty() : OptionalInt.of(exit.exitCode());
    }

    @Override
    public OptionalLong pid() {
        ChildHandle h = handle;
        return h == null ? OptionalLong.empty() : OptionalLong.of(h.pid());
    }

    @Override
    public ProcessState state() {
        ChildHandle h = handle;
        if (h == null) {
            return ProcessState.NEW;
        }
        if (h.onExit().isDone()) {
            return ProcessState.ENDED;
        }
        return ProcStat.read(h.pid());
    }

    @Override
    public String toString() {
        ChildHandle h = handle;
        String state = h == null ? "initial" : h.onExit().isDone() ? "stopped exitcode=" + exitCode().getAsInt()
                : "started";
        return "MpProcess[name=" + name() + (h == null ? "" : ", pid=" + h.pid()) + ", " + state
                + (daemon ? ", daemon" : "") + "]";
    }

    private ChildHandle startedHandle(String action) {
        ChildHandle h = handle;
        if (h == null) {
            throw new IllegalStateException("cannot " + action + " process '" + name() + "': it has not been started;"
                    + " call start() first");
        }
        return h;
    }

    private void checkStarted(ChildExit exit) {
        if (exit.startFailure().isPresent()) {
            throw new ChildStartException(name(), exit.exitCode(), exit.startFailure().get());
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
