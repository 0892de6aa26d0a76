package io.multiproc4j.tck.selftest;

import io.multiproc4j.MpProcess;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Deliberately broken implementations, each a realistic mistake, that the kit must catch: {@link KitProvesItself}
 * checks that exactly their expected rules fail.
 */
final class BrokenProviders {

    private BrokenProviders() {
    }

    /** join returns at once, without waiting for the child. */
    public static final class EarlyJoin extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public EarlyJoin() {
            super("broken-early-join", p -> new Forwarding.Process(p) {
                @Override
                public void join() throws InterruptedException {
                    if (real.pid().isEmpty()) {
                        real.join();
                    }
                }

                @Override
                public boolean join(Duration timeout) throws InterruptedException {
                    return real.pid().isEmpty() ? real.join(timeout) : true;
                }
            });
        }
    }

    /** The daemon flag is recorded but never reaches the child. */
    public static final class IgnoresDaemon extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public IgnoresDaemon() {
            super("broken-ignores-daemon", p -> new Forwarding.Process(p) {
                private boolean daemon = p.isDaemon();

                @Override
                public boolean isDaemon() {
                    return daemon;
                }

                @Override
                public MpProcess setDaemon(boolean daemon) {
                    real.setDaemon(real.isDaemon());
                    this.daemon = daemon;
                    return this;
                }
            });
        }
    }

    /** Reports a death by signal N as the JVM's 128+N, as a naive ProcessBuilder implementation would. */
    public static final class RawExitCodes extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public RawExitCodes() {
            super("broken-raw-exit-codes", p -> new Forwarding.Process(p) {
                @Override
                public OptionalInt exitCode() {
                    OptionalInt code = real.exitCode();
                    return code.isPresent() && code.getAsInt() < 0 ? OptionalInt.of(128 - code.getAsInt()) : code;
                }
            });
        }
    }
}
