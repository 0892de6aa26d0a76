package io.multiproc4j.nativeos.internal.sync;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import java.io.Serial;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * An {@link MpBarrier}: its cycle's state in shared memory, guarded by a {@link ShmMonitor}. Each waiting party
 * records its pid, and the waiters look for dead ones whenever they wake (at least every slice), so that a process
 * killed while it waits breaks the barrier.
 *
 * <p>Layout from {@link #BODY}: the monitor; {@code int generation}, which counts the cycles that have ended,
 * tripped or broken; {@code int arrived} in the current cycle; {@code int broken} (0 or 1); {@code int outcomes},
 * whose bit {@code g & 31} says whether cycle {@code g} ended broken, so that a waiter that wakes after its cycle
 * has ended learns how it ended (as long as fewer than 32 cycles have ended since, which a party still waiting in
 * its cycle makes all but impossible); then one {@code int} pid per arrival of the current cycle, for the first
 * {@link #TRACKED} arrivals. The header's parameter is the number of parties.
 */
final class NativeBarrier extends MonitorHandle implements MpBarrier {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final long GENERATION = STATE;
    private static final long ARRIVED = GENERATION + 4;
    private static final long BROKEN = ARRIVED + 4;
    private static final long OUTCOMES = BROKEN + 4;
    private static final long PIDS = OUTCOMES + 4;
    /** The most waiting parties whose death is noticed; more would be threads by the million. */
    private static final int TRACKED = 1 << 20;

    private final transient int parties;

    NativeBarrier(ShmSegment segment) {
        super(segment);
        this.parties = parameter(segment);
    }

    static NativeBarrier create(int parties) {
        long tracked = Math.min(parties - 1, TRACKED);
        return new NativeBarrier(create(Kind.BARRIER, parties, PIDS - BODY + 4 * tracked, m -> { }));
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return await(Long.MAX_VALUE);
        } catch (TimeoutException impossible) {
            throw new AssertionError("an await without a timeout timed out", impossible);
        }
    }

    @Override
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(nanos(timeout));
    }

    private int await(long timeoutNanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        monitor.enter();
        try {
            if (get(BROKEN) != 0) {
                throw broken();
            }
            int generation = get(GENERATION);
            int arrived = get(ARRIVED);
            int index = parties - 1 - arrived;
            if (index == 0) {
                endCycle(false);
                return 0;
            }
            if (arrived < TRACKED) {
                set(PIDS + 4L * arrived, Libc.pid());
            }
            set(ARRIVED, arrived + 1);
            boolean ended;
            try {
                ended = monitor.awaitUntil(() -> get(GENERATION) != generation || get(BROKEN) != 0
                        || breakIfAWaiterDied(), timeoutNanos);
            } catch (InterruptedException e) {
                if (get(GENERATION) == generation && get(BROKEN) == 0) {
                    breakBarrier();
                    throw e;
                }
                Thread.currentThread().interrupt();
                ended = true;
            }
            if (!ended) {
                breakBarrier();
                throw new TimeoutException("the other parties of " + this + " did not arrive in time; the barrier"
                        + " is now broken for every party");
            }
            if (get(GENERATION) == generation || (get(OUTCOMES) & (1 << (generation & 31))) != 0) {
                throw broken();
            }
            return index;
        } finally {
            monitor.exit();
            Reference.reachabilityFence(this);
        }
    }

    /** Ends the current cycle, committing with its last store; called in the monitor. */
    private void endCycle(boolean broke) {
        int generation = get(GENERATION);
        int bit = 1 << (generation & 31);
        set(OUTCOMES, broke ? get(OUTCOMES) | bit : get(OUTCOMES) & ~bit);
        set(ARRIVED, 0);
        setVolatile(GENERATION, generation + 1);
        monitor.signalAll();
    }

    /** Breaks the barrier, ending the current cycle; called in the monitor. */
    private void breakBarrier() {
        if (get(BROKEN) == 0) {
            setVolatile(BROKEN, 1);
            endCycle(true);
        }
    }

    /** Breaks the barrier if a process that waits in it has died; called in the monitor. */
    private boolean breakIfAWaiterDied() {
        int me = Libc.pid();
        int n = Math.min(get(ARRIVED), TRACKED);
        for (int i = 0; i < n; i++) {
            int pid = get(PIDS + 4L * i);
            if (pid != me && !Libc.isAlive(pid)) {
                breakBarrier();
                return true;
            }
        }
        return false;
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int numberWaiting() {
        return getVolatile(ARRIVED);
    }

    @Override
    public boolean isBroken() {
        return getVolatile(BROKEN) != 0;
    }

    @Override
    public void abort() {
        monitor.enter();
        try {
            breakBarrier();
        } finally {
            monitor.exit();
        }
    }

    @Override
    public void reset() {
        monitor.enter();
        try {
            if (get(ARRIVED) > 0) {
                breakBarrier();
            }
            set(ARRIVED, 0);
            setVolatile(BROKEN, 0);
            monitor.signalAll();
        } finally {
            monitor.exit();
        }
    }

    private BrokenBarrierException broken() {
        return new BrokenBarrierException(this + " is broken (a party timed out, was interrupted, or died, or"
                + " abort() or reset() was called); reset() makes it usable again");
    }

    @Override
    Kind kind() {
        return Kind.BARRIER;
    }
}
