package io.multiproc4j.tck.selftest;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessState;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Decorators over a real implementation, from which each broken provider breaks exactly one behaviour. The real
 * implementation is the one provider whose id does not start with {@code broken-}.
 */
final class Forwarding {

    private Forwarding() {
    }

    /** The real implementation under the decorators. */
    static MpContext base() {
        List<String> real = Multiprocessing.providerIds().stream().filter(id -> !id.startsWith("broken-")).toList();
        if (real.size() != 1) {
            throw new IllegalStateException("the kit's broken providers need exactly one real provider, found " + real);
        }
        return Multiprocessing.context(real.get(0));
    }

    /** A provider whose context wraps every new process of the real one. */
    abstract static class Provider implements MultiprocessingProvider {
        private final String id;
        private final UnaryOperator<MpProcess> breaker;
        private volatile MpContext context;

        Provider(String id, UnaryOperator<MpProcess> breaker) {
            this.id = id;
            this.breaker = breaker;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return -100;
        }

        @Override
        public MpContext context() {
            MpContext c = context;
            if (c == null) {
                c = new Context(id, base(), breaker);
                context = c;
            }
            return c;
        }
    }

    private record Context(String providerId, MpContext base, UnaryOperator<MpProcess> breaker) implements MpContext {
        @Override
        public MpProcess newProcess(ProcessTask task) {
            return breaker.apply(base.newProcess(task));
        }

        @Override
        public MpProcess currentProcess() {
            return base.currentProcess();
        }

        @Override
        public Optional<MpProcess> parentProcess() {
            return base.parentProcess();
        }

        @Override
        public List<MpProcess> activeChildren() {
            return base.activeChildren();
        }

        @Override
        public int cpuCount() {
            return base.cpuCount();
        }
    }

    /** Forwards every call; subclasses override what they break. */
    static class Process implements MpProcess {
        final MpProcess real;

        Process(MpProcess real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public MpProcess setName(String name) {
            real.setName(name);
            return this;
        }

        @Override
        public boolean isDaemon() {
            return real.isDaemon();
        }

        @Override
        public MpProcess setDaemon(boolean daemon) {
            real.setDaemon(daemon);
            return this;
        }

        @Override
        public OptionalInt niceness() {
            return real.niceness();
        }

        @Override
        public MpProcess setNiceness(int niceness) {
            real.setNiceness(niceness);
            return this;
        }

        @Override
        public MpProcess start() {
            real.start();
            return this;
        }

        @Override
        public void join() throws InterruptedException {
            real.join();
        }

        @Override
        public boolean join(Duration timeout) throws InterruptedException {
            return real.join(timeout);
        }

        @Override
        public boolean isAlive() {
            return real.isAlive();
        }

        @Override
        public void terminate() {
            real.terminate();
        }

        @Override
        public void kill() {
            real.kill();
        }

        @Override
        public OptionalInt exitCode() {
            return real.exitCode();
        }

        @Override
        public OptionalLong pid() {
            return real.pid();
        }

        @Override
        public ProcessState state() {
            return real.state();
        }

        @Override
        public void suspend() {
            real.suspend();
        }

        @Override
        public void resume() {
            real.resume();
        }
    }
}
