package io.multiproc4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.RemoteTaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pool's messages, results and iterators, without processes. */
class PoolPartsTest {

    /** An exception that cannot be serialised: it holds a thread. */
    static final class HoldsAThread extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Thread thread = Thread.currentThread();

        HoldsAThread(String message) {
            super(message);
        }
    }

    private static PoolWire.Message doneMessage(Object[] results, boolean[] failed) {
        PoolWire.Message m = PoolWire.read(PoolWire.done(7, results, failed));
        assertThat(m.type()).isEqualTo(PoolWire.DONE);
        assertThat(m.readLong()).isEqualTo(7);
        assertThat(m.readInt()).isEqualTo(results.length);
        return m;
    }

    @Test
    void resultsAndFailuresOfAChunkArriveInTheirPlaces() {
        Object[] results = {"a", new IllegalArgumentException("bad 1"), null, 3};
        boolean[] failed = {false, true, false, false};
        PoolWire.Message m = doneMessage(results, failed);
        Object[] read = new Object[4];
        boolean[] readFailed = new boolean[4];
        PoolWire.readResults(m, read, readFailed);
        assertThat(readFailed).containsExactly(false, true, false, false);
        assertThat(read[0]).isEqualTo("a");
        assertThat((Throwable) read[1]).isInstanceOf(IllegalArgumentException.class).hasMessage("bad 1");
        assertThat(read[2]).isNull();
        assertThat(read[3]).isEqualTo(3);
    }

    @Test
    void aResultThatCannotBeSerialisedFailsOnlyItself() {
        Object[] results = {"kept", new Object(), 5};
        boolean[] failed = new boolean[3];
        Object[] read = new Object[3];
        boolean[] readFailed = new boolean[3];
        PoolWire.readResults(doneMessage(results, failed), read, readFailed);
        assertThat(readFailed).containsExactly(false, true, false);
        assertThat((Throwable) read[1]).isInstanceOf(MessageNotSerializableException.class)
                .hasMessageContaining("java.lang.Object");
        assertThat(read[0]).isEqualTo("kept");
        assertThat(read[2]).isEqualTo(5);
    }

    @Test
    void anExceptionThatCannotBeSerialisedArrivesAsARemoteTaskExceptionWithItsStackTrace() {
        HoldsAThread original = new HoldsAThread("cannot cross");
        Object[] read = new Object[1];
        boolean[] readFailed = new boolean[1];
        PoolWire.readResults(doneMessage(new Object[] {original}, new boolean[] {true}), read, readFailed);
        assertThat(readFailed[0]).isTrue();
        assertThat((Throwable) read[0]).isInstanceOf(RemoteTaskException.class).hasMessageContaining("cannot cross");
        RemoteTaskException remote = (RemoteTaskException) read[0];
        assertThat(remote.remoteClassName()).isEqualTo(HoldsAThread.class.getName());
        assertThat(remote.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void aFutureCallsOneCallbackBeforeItIsReadyAndNamesTheWorkerInItsFailure() throws Exception {
        List<String> calls = new ArrayList<>();
        PoolFuture<Integer>[] holder = newHolder();
        PoolFuture<Integer> f = new PoolFuture<>(v -> calls.add("success " + v + " ready=" + holder[0].isDone()),
                e -> calls.add("error " + e), () -> calls.add("cancel"));
        holder[0] = f;
        assertThatThrownBy(f::successful).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.get(Duration.ZERO)).isInstanceOf(TimeoutException.class);
        assertThat(f.succeed(4)).isTrue();
        assertThat(f.fail(new IllegalStateException("late"), "w")).isFalse();
        assertThat(f.cancel(true)).isFalse();
        assertThat(calls).containsExactly("success 4 ready=false");
        assertThat(f.get()).isEqualTo(4);
        assertThat(f.successful()).isTrue();

        PoolFuture<Integer> failing = new PoolFuture<>(null, null, () -> { });
        failing.fail(new ArithmeticException("zero"), "'SpawnPoolWorker-3' (pid 42)");
        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("SpawnPoolWorker-3").hasCauseInstanceOf(ArithmeticException.class);
        assertThat(failing.successful()).isFalse();
    }

    @Test
    void cancellingAPendingFutureTellsThePoolAndCallsNoCallback() {
        AtomicInteger told = new AtomicInteger();
        PoolFuture<Integer> f = new PoolFuture<>(v -> told.addAndGet(100), e -> told.addAndGet(100),
                told::incrementAndGet);
        assertThat(f.cancel(false)).isTrue();
        assertThat(f.isCancelled()).isTrue();
        assertThat(told).hasValue(1);
        assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
        assertThat(f.succeed(1)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static PoolFuture<Integer>[] newHolder() {
        return (PoolFuture<Integer>[]) new PoolFuture<?>[1];
    }

    @Test
    void anOrderedIteratorWaitsForEarlierResultsAndGoesOnAfterAFailure() throws Exception {
        PoolResultIterator<Integer> it = new PoolResultIterator<>(true);
        it.fed(3);
        it.deliver(1, new Object[] {new IllegalStateException("item 1"), 20}, new boolean[] {true, false}, "w");
        assertThatThrownBy(() -> it.next(Duration.ofMillis(1))).isInstanceOf(TimeoutException.class);
        it.deliver(0, new Object[] {10}, new boolean[] {false}, "w");
        it.inputEnded();
        assertThat(it.next()).isEqualTo(10);
        assertThatThrownBy(it::next).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(it.hasNext()).isTrue();
        assertThat(it.next()).isEqualTo(20);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anUnorderedIteratorGivesResultsAsTheyComeThenTheInputsFailure() {
        PoolResultIterator<Integer> it = new PoolResultIterator<>(false);
        it.fed(2);
        it.deliver(1, new Object[] {2}, new boolean[] {false}, "w");
        assertThat(it.next()).isEqualTo(2);
        it.deliver(0, new Object[] {1}, new boolean[] {false}, "w");
        IllegalArgumentException inputFailure = new IllegalArgumentException("the input broke");
        it.inputFailed(inputFailure);
        assertThat(it.next()).isEqualTo(1);
        assertThat(it.hasNext()).isTrue();
        assertThatThrownBy(it::next).isSameAs(inputFailure);
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void anIteratorIsIterableOnce() {
        PoolResultIterator<Integer> it = new PoolResultIterator<>(true);
        assertThat(it.iterator()).isSameAs(it);
        assertThatThrownBy(it::iterator).isInstanceOf(IllegalStateException.class);
    }
}
