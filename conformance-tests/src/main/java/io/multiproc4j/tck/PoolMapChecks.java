package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MpPool;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.PoolIterator;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rules POOL-14 to POOL-21: map and its relatives. */
abstract class PoolMapChecks extends PoolChecks {

    PoolMapChecks(String providerId) {
        super(providerId);
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    static List<Integer> squares(int n) {
        return IntStream.range(0, n).map(KitTasks::square).boxed().collect(Collectors.toList());
    }

    /** POOL-14: map keeps the input order whatever the order of completion. */
    @Test
    void required_pool14_mapReturnsResultsInInputOrderWhateverTheCompletionOrder() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        int n = 20;
        int defaultChunkSize = (n + 4 * pool.size() - 1) / (4 * pool.size());
        for (int chunkSize : new int[] {1, 7, 0}) {
            String tag = "chunk" + chunkSize;
            int laterFrom = chunkSize == 0 ? defaultChunkSize : chunkSize;
            PoolFunction<Integer, Integer> laterFirst = x -> KitTasks.squareAfterALaterChunk(dir, tag, laterFrom, x);
            String what = chunkSize == 0 ? "map with the default chunk size" : "map with chunk size " + chunkSize;
            List<Integer> got = waitFor(what, () -> chunkSize == 0 ? pool.map(laterFirst, range(n))
                    : pool.map(laterFirst, range(n), chunkSize));
            assertThat(got).as("results of %s, whose first item finished after a later chunk", what)
                    .containsExactlyElementsOf(squares(n));
        }
    }

    /** POOL-15: empty input gives empty results; a chunk size below 1 is refused. */
    @Test
    void required_pool15_emptyInputGivesEmptyResultsAndChunkSizeBelowOneIsRefused() throws Exception {
        MpPool pool = pool(1);
        List<Integer> none = List.of();
        List<Map.Entry<Integer, Integer>> noPairs = List.of();
        PoolFunction<Integer, Integer> square = KitTasks::square;
        assertThat(waitFor("map of nothing", () -> pool.map(square, none))).as("map of nothing").isEmpty();
        assertThat(waitFor("mapAsync of nothing", () -> pool.mapAsync(square, none).get()))
                .as("mapAsync of nothing").isEmpty();
        assertThat(waitFor("imap of nothing", () -> pool.imap(square, none).hasNext())).as("imap of nothing: hasNext()")
                .isFalse();
        assertThat(waitFor("imapUnordered of nothing", () -> pool.imapUnordered(square, none).hasNext()))
                .as("imapUnordered of nothing: hasNext()").isFalse();
        assertThat(waitFor("starmap of nothing", () -> pool.starmap(KitTasks::combine, noPairs)))
                .as("starmap of nothing").isEmpty();
        assertThat(waitFor("starmapAsync of nothing", () -> pool.starmapAsync(KitTasks::combine, noPairs).get()))
                .as("starmapAsync of nothing").isEmpty();
        List<Integer> items = List.of(1, 2, 3);
        List<Map.Entry<Integer, Integer>> pairs = List.of(Map.entry(1, 2), Map.entry(3, 4));
        for (int chunkSize : new int[] {0, -1}) {
            Map<String, Callable<?>> calls = new LinkedHashMap<>();
            calls.put("map", () -> pool.map(square, items, chunkSize));
            calls.put("mapAsync", () -> pool.mapAsync(square, items, chunkSize));
            calls.put("mapAsync with callbacks", () -> pool.mapAsync(square, items, chunkSize, r -> { }, e -> { }));
            calls.put("imap", () -> pool.imap(square, items, chunkSize));
            calls.put("imapUnordered", () -> pool.imapUnordered(square, items, chunkSize));
            calls.put("starmap", () -> pool.starmap(KitTasks::combine, pairs, chunkSize));
            calls.forEach((what, call) -> assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, what, call))
                    .as("%s with chunk size %s", what, chunkSize).isInstanceOf(IllegalArgumentException.class));
        }
    }

    /** POOL-16: a failed map throws once every item has run, with the first failure in input order. */
    @Test
    void required_pool16_failedMapThrowsOnceEveryItemRanWithTheFirstFailureInInputOrder() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        int n = 12;
        Future<List<Integer>> mapping = Bounded.inBackground("map", () -> pool.map(
                x -> KitTasks.squareFailingAtOneAndNine(dir, "m", x, n - 1), range(n), 1));
        ex.await("m-failed-9");
        ex.await("m-failed-1");
        ex.await("m-ran-" + (n - 1));
        Bounded.assertStillBlocked(mapping, STILL_BLOCKED, "map while its last item runs, after two items failed");
        ex.put("m-release", "now");
        Throwable thrown = catchThrowable(() -> Bounded.await(mapping, TckEnvironment.LONG, "map"));
        assertThat(thrown).as("what map threw when items 1 and 9 failed, 9 first")
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("item 1");
        List<Integer> notRun = range(n).stream().filter(i -> ex.peek("m-ran-" + i).isEmpty())
                .collect(Collectors.toList());
        assertThat(notRun).as("items that had not run when map threw").isEmpty();
    }

    /** POOL-17: mapAsync gives the ordered list, and calls exactly one callback. */
    @Test
    void required_pool17_mapAsyncGivesTheOrderedListAndCallsExactlyOneCallback() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        int n = 12;
        assertThat(waitFor("mapAsync(...).get()", () -> pool.mapAsync(KitTasks::square, range(n)).get()))
                .as("mapAsync(...).get()").containsExactlyElementsOf(squares(n));
        List<Object> successCalls = new CopyOnWriteArrayList<>();
        AsyncResult<List<Integer>> good = pool.mapAsync(KitTasks::square, range(n), 2,
                list -> successCalls.add(list), e -> successCalls.add(e));
        assertThat(result(good, "get() of a mapAsync that succeeds")).containsExactlyElementsOf(squares(n));
        assertThat(successCalls).as("callbacks called when get() returned").containsExactly(squares(n));
        List<Object> failureCalls = new CopyOnWriteArrayList<>();
        AsyncResult<List<Integer>> bad = pool.mapAsync(x -> KitTasks.squareFailingAtOneAndNine(dir, "a", x, -1),
                range(n), 1, list -> failureCalls.add(list), e -> failureCalls.add(e));
        assertThat(catchThrowable(() -> result(bad, "get() of a mapAsync whose items 1 and 9 fail")))
                .as("what get() threw when items 1 and 9 failed, 9 first")
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("item 1");
        assertThat(failureCalls).as("callbacks called when get() threw").hasSize(1);
        assertThat(failureCalls.get(0)).as("what onError got").isInstanceOf(IllegalStateException.class)
                .hasToString(new IllegalStateException("item 1").toString());
    }

    /** POOL-18: imap gives results in order as they come, reports failures per item, and ends cleanly. */
    @Test
    void required_pool18_imapGivesOrderedResultsAsTheyComeAndFailuresPerItem() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        PoolIterator<Integer> it = pool.imap(x -> KitTasks.squareFailTwoHoldFive(dir, x), range(6), 1);
        assertThat(next(it)).as("first result, while the last item waits").isEqualTo(0);
        assertThat(next(it)).as("second result").isEqualTo(1);
        assertThat(catchThrowable(() -> next(it))).as("next() for the item that failed")
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("item 2");
        assertThat(next(it)).as("fourth result, after the failure").isEqualTo(9);
        assertThat(next(it)).as("fifth result").isEqualTo(16);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Bounded.within(TIMEOUT.plus(TckEnvironment.PROMPT), "next(timeout)",
                () -> it.next(TIMEOUT))).as("next(%s) while the last item waits", TIMEOUT)
                .isInstanceOf(TimeoutException.class);
        assertWaitedAtLeast(t0, TIMEOUT, "next(timeout)");
        ex.put("go-last", "now");
        assertThat(next(it)).as("last result").isEqualTo(25);
        assertThat(waitFor("hasNext()", it::hasNext)).as("hasNext() after the last result").isFalse();
        assertThatThrownBy(() -> next(it)).as("next() after the last result")
                .isInstanceOf(NoSuchElementException.class);
        PoolIterator<Integer> loop = pool.imap(KitTasks::square, List.of(1, 2, 3));
        List<Integer> looped = waitFor("a for-each loop over imap", () -> {
            List<Integer> seen = new ArrayList<>();
            for (int x : loop) {
                seen.add(x);
            }
            return seen;
        });
        assertThat(looped).as("what a for-each loop over imap saw").containsExactly(1, 4, 9);
        assertThatThrownBy(loop::iterator).as("a second iterator()").isInstanceOf(IllegalStateException.class);
    }

    /** POOL-19: imapUnordered gives each result once, a later one before an earlier one still running. */
    @Test
    void required_pool19_imapUnorderedGivesEachResultOnceAsSoonAsReady() throws Exception {
        MpPool pool = pool(2);
        String dir = ex.path();
        PoolIterator<Integer> it = pool.imapUnordered(x -> KitTasks.squareHoldFirst(dir, x), range(6), 1);
        List<Integer> got = new ArrayList<>();
        got.add(next(it));
        assertThat(got).as("the first result, given while item 0 still runs").doesNotContain(0);
        ex.put("go-first", "now");
        while (waitFor("hasNext()", it::hasNext)) {
            got.add(next(it));
        }
        assertThat(got).as("every result of imapUnordered").containsExactlyInAnyOrderElementsOf(squares(6));
    }

    /** POOL-20: starmap applies the function to each pair, in order. */
    @Test
    void required_pool20_starmapAppliesTheFunctionToEachPairInOrder() throws Exception {
        MpPool pool = pool(2);
        int n = 20;
        List<Map.Entry<Integer, Integer>> pairs = range(n).stream().map(i -> Map.entry(i, n - i))
                .collect(Collectors.toList());
        List<Integer> expected = range(n).stream().map(i -> KitTasks.combine(i, n - i)).collect(Collectors.toList());
        assertThat(waitFor("starmap", () -> pool.starmap(KitTasks::combine, pairs))).as("starmap")
                .containsExactlyElementsOf(expected);
        assertThat(waitFor("starmap", () -> pool.starmap(KitTasks::combine, pairs, 3))).as("starmap in chunks of 3")
                .containsExactlyElementsOf(expected);
        assertThat(waitFor("starmapAsync", () -> pool.starmapAsync(KitTasks::combine, pairs).get()))
                .as("starmapAsync(...).get()").containsExactlyElementsOf(expected);
    }

    /** POOL-21: an input that throws makes map, mapAsync and imap throw its exception itself. */
    @Test
    void required_pool21_inputThatThrowsIsReportedAsItIsAndThePoolGoesOn() throws Exception {
        MpPool pool = pool(2);
        KitTasks.ThrowingInput input = new KitTasks.ThrowingInput(3);
        Throwable byMap = catchThrowable(() -> waitFor("map", () -> pool.map(KitTasks::square, input)));
        assertThat(byMap).as("what map threw for an input that throws at position 3").isSameAs(input.lastThrown())
                .isInstanceOf(KitTasks.InputFailure.class);
        Throwable byMapAsync = catchThrowable(() -> waitFor("mapAsync", () -> pool.mapAsync(KitTasks::square, input)));
        assertThat(byMapAsync).as("what mapAsync threw for an input that throws at position 3")
                .isSameAs(input.lastThrown()).isInstanceOf(KitTasks.InputFailure.class);
        PoolIterator<Integer> it = pool.imap(KitTasks::square, input, 1);
        List<Integer> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(next(it));
        }
        assertThat(before).as("imap's results before the input failed").containsExactly(0, 1, 4);
        Throwable byImap = catchThrowable(() -> next(it));
        assertThat(byImap).as("what imap's next() threw at the input's failure").isSameAs(input.lastThrown())
                .isInstanceOf(KitTasks.InputFailure.class);
        assertThat(waitFor("apply after the input failures", () -> pool.apply(() -> KitTasks.square(5))))
                .as("apply after the input failures").isEqualTo(25);
    }
}
