package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.MpBarrier;
import io.multiproc4j.MpProcess;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Rules BAR: barriers shared by processes. */
abstract class SyncBarrierChecks extends SyncConditionChecks {

    SyncBarrierChecks(String providerId) {
        super(providerId);
    }

    /**
     * One party's cycles: before each wait it records its arrival, after each it checks that every party had arrived.
     *
     * @return the arrival index of each cycle, then "early" for any cycle it left before all had arrived
     */
    static String barrierParty(String dir, int party, MpBarrier b, int parties, int cycles) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < cycles; k++) {
            Exchange.put(dir, "arrived-" + party + "-" + k, "yes");
            int index = b.await(TckEnvironment.LONG);
            out.append(index);
            for (int q = 0; q < parties; q++) {
                if (!Files.exists(Path.of(dir, "arrived-" + q + "-" + k))) {
                    out.append("early");
                }
            }
            out.append(' ');
        }
        return out.toString().trim();
    }

    /** Calls await(LONG) and says how it ended. */
    static String awaitOutcome(MpBarrier b) {
        try {
            return "passed " + b.await(TckEnvironment.LONG);
        } catch (BrokenBarrierException e) {
            return "broken";
        } catch (TimeoutException e) {
            return "timed out";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    /** BAR-01: parties in several processes pass together, cycle after cycle, with distinct indices. */
    @Test
    void required_bar01_partiesPassTogetherEachCycleWithDistinctIndices() throws Exception {
        String dir = ex.path();
        int parties = 3;
        int cycles = 5;
        MpBarrier b = mp.newBarrier(parties);
        assertThat(b.parties()).isEqualTo(parties);
        List<MpProcess> children = new ArrayList<>();
        for (int p = 1; p < parties; p++) {
            int party = p;
            children.add(child(() -> Exchange.put(dir, "result-" + party,
                    barrierParty(dir, party, b, parties, cycles))));
        }
        List<String[]> results = new ArrayList<>();
        results.add(barrierParty(dir, 0, b, parties, cycles).split(" "));
        for (int p = 1; p < parties; p++) {
            results.add(ex.await("result-" + p).split(" "));
        }
        for (int k = 0; k < cycles; k++) {
            Set<String> indices = new TreeSet<>();
            for (String[] r : results) {
                assertThat(r[k]).as("party's index in cycle %s (\"early\" if it passed before all arrived)", k)
                        .doesNotContain("early");
                indices.add(r[k]);
            }
            assertThat(indices).as("arrival indices of cycle %s", k).containsExactly("0", "1", "2");
        }
        children.forEach(IpcChecksBase::assertEndsNormally);
        assertThat(b.isBroken()).isFalse();
        assertThat(b.numberWaiting()).isZero();
    }

    /** BAR-02: a timed await that runs out breaks the barrier for everyone. */
    @Test
    void required_bar02_timedAwaitThatRunsOutBreaksTheBarrierForEveryone() throws Exception {
        String dir = ex.path();
        MpBarrier b = mp.newBarrier(3);
        MpProcess c = child(() -> Exchange.put(dir, "outcome", awaitOutcome(b)));
        await("a child waits at the barrier").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> b.numberWaiting() == 1);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> b.await(TIMEOUT)).as("await(%s) with a party missing", TIMEOUT)
                .isInstanceOf(TimeoutException.class);
        assertWaitedAtLeast(t0, TIMEOUT, "await(timeout)");
        assertThat(promptEntry("outcome")).as("the waiting child's await").isEqualTo("broken");
        assertThat(b.isBroken()).isTrue();
        t0 = System.nanoTime();
        assertThatThrownBy(() -> b.await(TckEnvironment.LONG)).as("await on the broken barrier")
                .isInstanceOf(BrokenBarrierException.class);
        assertAtOnce(t0, "await on a broken barrier");
        assertEndsNormally(c);
    }

    /** BAR-03: a zero or negative timeout does not wait. */
    @Test
    void required_bar03_zeroOrNegativeTimeoutDoesNotWait() throws Throwable {
        for (Duration d : NOT_POSITIVE) {
            MpBarrier b = mp.newBarrier(2);
            try {
                long t0 = System.nanoTime();
                Future<Integer> call = inThread(() -> b.await(d));
                assertThatThrownBy(() -> promptly(call, "await(" + d + ") with a party missing"))
                        .as("await(%s) with a party missing", d).isInstanceOf(TimeoutException.class);
                assertAtOnce(t0, "await(" + d + ")");
            } finally {
                b.abort();
            }
            MpBarrier single = mp.newBarrier(1);
            long t0 = System.nanoTime();
            assertThat(single.await(d)).as("await(%s) of a single-party barrier", d).isZero();
            assertThat(single.await(d)).as("a second await(%s) of a single-party barrier", d).isZero();
            assertAtOnce(t0, "await(" + d + ") of a single-party barrier");
        }
    }

    /** BAR-04: abort breaks the barrier until reset. */
    @Test
    void required_bar04_abortBreaksTheBarrierUntilReset() throws Throwable {
        String dir = ex.path();
        MpBarrier b = mp.newBarrier(2);
        MpProcess c = child(() -> Exchange.put(dir, "outcome", awaitOutcome(b)));
        await("a child waits at the barrier").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> b.numberWaiting() == 1);
        b.abort();
        assertThat(promptEntry("outcome")).as("the waiting child's await after abort()").isEqualTo("broken");
        assertThat(b.isBroken()).isTrue();
        assertThatThrownBy(() -> b.await(TckEnvironment.LONG)).as("await after abort()")
                .isInstanceOf(BrokenBarrierException.class);
        assertEndsNormally(c);
        b.reset();
        assertThat(b.isBroken()).as("broken after reset()").isFalse();
        assertFullCycle(b);
    }

    /** Two parties, this thread and another, pass {@code b} once. */
    final void assertFullCycle(MpBarrier b) throws Throwable {
        Future<Integer> other = inThread(() -> b.await(TckEnvironment.LONG));
        int mine = b.await(TckEnvironment.LONG);
        int theirs = promptly(other, "the other party's await");
        assertThat(Set.of(mine, theirs)).as("arrival indices of a new cycle").containsExactlyInAnyOrder(0, 1);
    }

    /** BAR-05: reset breaks the current waiters and makes the barrier usable. */
    @Test
    void required_bar05_resetBreaksTheWaitersAndMakesTheBarrierUsable() throws Throwable {
        String dir = ex.path();
        MpBarrier b = mp.newBarrier(2);
        MpProcess c = child(() -> Exchange.put(dir, "outcome", awaitOutcome(b)));
        await("a child waits at the barrier").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> b.numberWaiting() == 1);
        b.reset();
        assertThat(promptEntry("outcome")).as("the waiting child's await after reset()").isEqualTo("broken");
        assertEndsNormally(c);
        assertThat(b.isBroken()).as("broken after reset()").isFalse();
        assertFullCycle(b);
    }

    /** BAR-06: a waiter's death breaks the barrier. */
    @Test
    void required_bar06_killingAWaitingProcessBreaksTheBarrier() throws Throwable {
        MpBarrier b = mp.newBarrier(3);
        MpProcess doomed = child(() -> b.await());
        Future<String> live = inThread(() -> awaitOutcome(b));
        await("two parties wait at the barrier").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> b.numberWaiting() == 2);
        doomed.kill();
        assertThat(promptly(live, "a live party's await once another waiting party was killed"))
                .isEqualTo("broken");
        assertThat(b.isBroken()).isTrue();
    }

    /** BAR-07: parties must be positive. */
    @Test
    void required_bar07_nonPositivePartiesAreRefused() {
        assertThatThrownBy(() -> mp.newBarrier(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mp.newBarrier(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(mp.newBarrier(1).parties()).isEqualTo(1);
    }
}
