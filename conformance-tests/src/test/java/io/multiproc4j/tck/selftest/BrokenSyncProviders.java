package io.multiproc4j.tck.selftest;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpLock;
import io.multiproc4j.MpSemaphore;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken synchronisation objects, each a realistic mistake, that the kit must catch:
 * {@link KitProvesItself} checks that exactly their expected rules fail. Each wraps the real object, so that it
 * still reaches children by capture as the real one does.
 */
final class BrokenSyncProviders {

    private BrokenSyncProviders() {
    }

    /** A lock that does not exclude: lock and tryLock always succeed at once, and unlock does nothing. */
    public static final class NonExcludingLock extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public NonExcludingLock() {
            super("broken-non-excluding-lock");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpLock newLock() {
                    return new LockThatLetsEveryoneIn(base.newLock());
                }
            };
        }
    }

    /** A bounded semaphore that is a plain one: it has no bound, and a release past its initial count succeeds. */
    public static final class UnboundedSemaphore extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public UnboundedSemaphore() {
            super("broken-unbounded-semaphore");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpSemaphore newBoundedSemaphore(int permits) {
                    return base.newSemaphore(permits);
                }
            };
        }
    }

    /** A barrier whose await with a zero or negative timeout waits forever: NuProcess's "0 means forever". */
    public static final class ZeroTimeoutMeansForeverBarrier extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public ZeroTimeoutMeansForeverBarrier() {
            super("broken-zero-timeout-barrier");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public MpBarrier newBarrier(int parties) {
                    return new BarrierWithoutZeroTimeout(base.newBarrier(parties));
                }
            };
        }
    }

    private static final class LockThatLetsEveryoneIn implements MpLock, Serializable {
        private static final long serialVersionUID = 1L;
        private final MpLock real;

        LockThatLetsEveryoneIn(MpLock real) {
            this.real = real;
        }

        @Override
        public boolean tryLock(Duration timeout) {
            return true;
        }

        @Override
        public boolean isLocked() {
            return real.isLocked();
        }

        @Override
        public void lock() {
        }

        @Override
        public void lockInterruptibly() {
        }

        @Override
        public boolean tryLock() {
            return true;
        }

        @Override
        public void unlock() {
        }
    }

    private static final class BarrierWithoutZeroTimeout implements MpBarrier, Serializable {
        private static final long serialVersionUID = 1L;
        private final MpBarrier real;

        BarrierWithoutZeroTimeout(MpBarrier real) {
            this.real = real;
        }

        @Override
        public int await() throws InterruptedException, BrokenBarrierException {
            return real.await();
        }

        @Override
        public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
            return timeout.isNegative() || timeout.isZero() ? real.await() : real.await(timeout);
        }

        @Override
        public int parties() {
            return real.parties();
        }

        @Override
        public int numberWaiting() {
            return real.numberWaiting();
        }

        @Override
        public boolean isBroken() {
            return real.isBroken();
        }

        @Override
        public void abort() {
            real.abort();
        }

        @Override
        public void reset() {
            real.reset();
        }
    }
}
