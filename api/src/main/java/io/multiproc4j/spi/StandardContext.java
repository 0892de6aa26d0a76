package io.multiproc4j.spi;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.ProcessTask;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The {@link MpContext} every launcher-based implementation shares: process lifecycle, default names, identity,
 * active children and the exit rules, around a {@link ProcessLauncher} that supplies the operating-system
 * mechanism.
 *
 * <p>Counters, the registry of children and the exit hook are per JVM, shared by every context in it, as Python's
 * are per interpreter.
 */
public class StandardContext implements MpContext {

    /** Counts the process objects created in this JVM, for default names (Python's {@code _children_counter}). */
    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String providerId;
    private final ProcessLauncher launcher;

    /**
     * @param providerId the id of the provider this context belongs to; children use the same provider
     * @param launcher how children are started
     */
    public StandardContext(String providerId, ProcessLauncher launcher) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public MpProcess newProcess(ProcessTask task) {
        Objects.requireNonNull(task, "task: a process needs a task to run");
        int[] parentIdentity = ChildRuntime.self().map(s -> s.identity).orElse(new int[0]);
        int[] identity = IntStream.concat(IntStream.of(parentIdentity), IntStream.of(CREATED.incrementAndGet()))
                .toArray();
        String name = "Process-" + IntStream.of(identity).mapToObj(Integer::toString).collect(Collectors.joining(":"));
        return new StandardProcess(this, task, name, identity, currentProcess().isDaemon());
    }

    @Override
    public MpProcess currentProcess() {
        return ObservedProcess.current();
    }

    @Override
    public Optional<MpProcess> parentProcess() {
        return ChildRuntime.self().map(ObservedProcess::parentOf);
    }

    @Override
    public List<MpProcess> activeChildren() {
        return Children.alive();
    }

    @Override
    public int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    ProcessLauncher launcher() {
        return launcher;
    }
}
