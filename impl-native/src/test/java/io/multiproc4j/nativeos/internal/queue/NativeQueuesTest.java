package io.multiproc4j.nativeos.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.Connection;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MpQueue;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import io.multiproc4j.SimpleQueue;
import io.multiproc4j.nativeos.internal.shm.ShmSegment;
import io.multiproc4j.spi.Transfer;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queues within one JVM: several handles on one queue (as another process would have, by deserialising a
 * captured one) share its memory exactly as processes do.
 */
class NativeQueuesTest {

    private Set<Path> before;
    private ExecutorService threads;

    @BeforeEach
    void snapshot() throws IOException {
        before = shmFiles();
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        Set<Path> now = shmFiles();
        now.removeAll(before);
        assertThat(now).as("files left in /dev/shm").isEmpty();
    }

    @Test
    void itemsKeepTheirOrderNullIncludedAndCountsFollow() throws Exception {
        MpQueue<Integer> q = NativeQueues.newQueue(3);
        assertThat(q.capacity()).isEqualTo(3);
        assertThat(q.isEmpty()).isTrue();
        q.put(1);
        q.put(null);
        q.putNow(3);
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.isFull()).isTrue();
        assertThatThrownBy(() -> q.putNow(4)).isInstanceOf(QueueFullException.class);
        assertThatThrownBy(() -> q.put(4, Duration.ofMillis(-5))).isInstanceOf(QueueFullException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> q.put(4, Duration.ofMillis(30))).isInstanceOf(QueueFullException.class);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.getNow()).isNull();
        assertThat(q.get(Duration.ofSeconds(1))).isEqualTo(3);
        assertThatThrownBy(q::getNow).isInstanceOf(QueueEmptyException.class);
        t0 = System.nanoTime();
        assertThatThrownBy(() -> q.get(Duration.ofMillis(30))).isInstanceOf(QueueEmptyException.class);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThatThrownBy(() -> q.get(Duration.ofSeconds(-30))).isInstanceOf(QueueEmptyException.class);
        q.close();
    }

    @Test
    void aSecondHandleSharesTheQueueAndCloseIsLocal() throws Exception {
        MpQueue<String> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<String> other = sent(q);
        q.put("from the first");
        assertThat(other.isEmpty()).isFalse();
        assertThat(other.getNow()).isEqualTo("from the first");
        other.put("from the other");
        q.close();
        q.close();
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::getNow).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::get).isInstanceOf(IllegalStateException.class);
        assertThat(other.getNow()).isEqualTo("from the other");
        other.put("left");
        other.close();
    }

    @Test
    void aGetBlocksUntilAPutAndAPutUntilAGet() throws Exception {
        MpQueue<String> q = NativeQueues.newQueue(1);
        MpQueue<String> other = sent(q);
        Future<String> getting = threads.submit(() -> other.get());
        assertThatThrownBy(() -> getting.get(50, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        q.put("late");
        assertThat(getting.get(5, TimeUnit.SECONDS)).isEqualTo("late");
        q.put("first");
        Future<Object> putting = threads.submit(() -> {
            other.put("second");
            return null;
        });
        assertThatThrownBy(() -> putting.get(50, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(q.get()).isEqualTo("first");
        putting.get(5, TimeUnit.SECONDS);
        assertThat(q.get()).isEqualTo("second");
        q.close();
        other.close();
    }

    @Test
    void anInterruptEndsABlockedGetAndACloseInAnotherThreadEndsIt() throws Exception {
        MpQueue<String> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                q.get();
            } catch (InterruptedException expected) {
                return;
            }
            throw new AssertionError("no InterruptedException");
        });
        t.start();
        started.await();
        t.interrupt();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        Future<Throwable> closing = threads.submit(() -> {
            try {
                q.get();
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        // Most likely blocked by then; if not, the get meets the closed queue at once, with the same outcome.
        Thread.sleep(50);
        q.close();
        assertThat(closing.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRingGrowsWhileItWrapsAndShrinksWhenEmptied() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<byte[]> other = sent(q);
        int next = 0;
        int expected = 0;
        // Move the positions around the initial ring several times, so that the live records wrap when it grows.
        for (int round = 0; round < 300; round++) {
            q.put(item(next++, 700));
            assertThat(other.getNow()).isEqualTo(item(expected++, 700));
        }
        for (int i = 0; i < 5_000; i++) {
            q.put(item(next++, 1 + i % 3000));
            if (i % 3 == 0) {
                assertThat(other.getNow()).isEqualTo(item(expected, 1 + (expected - 300) % 3000));
                expected++;
            }
        }
        assertThat(q.size()).isEqualTo(next - expected);
        while (expected < next) {
            assertThat(other.getNow()).isEqualTo(item(expected, 1 + (expected - 300) % 3000));
            expected++;
        }
        assertThat(q.isEmpty()).isTrue();
        q.put(item(1, 10));
        assertThat(other.getNow()).isEqualTo(item(1, 10));
        q.close();
        other.close();
    }

    @Test
    void randomSizesAndInterleavingsMatchAPlainQueue() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<byte[]> other = sent(q);
        java.util.Random random = new java.util.Random(42);
        java.util.ArrayDeque<byte[]> model = new java.util.ArrayDeque<>();
        for (int step = 0; step < 4_000; step++) {
            if (random.nextInt(100) < (step < 2_000 ? 60 : 40)) {
                int size = random.nextInt(100) < 2 ? 200_000 + random.nextInt(200_000) : random.nextInt(4_000);
                byte[] b = item(step, size);
                model.add(b);
                q.put(b);
            } else if (!model.isEmpty()) {
                assertThat(other.getNow()).isEqualTo(model.poll());
            }
            assertThat(q.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            assertThat(other.getNow()).isEqualTo(model.poll());
        }
        assertThat(q.isEmpty()).isTrue();
        q.close();
        other.close();
    }

    @Test
    void producersAndConsumersOfVariedSizesWhileTheRingGrows() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        int perProducer = 3_000;
        List<Future<?>> producers = new ArrayList<>();
        List<Future<Integer>> consumers = new ArrayList<>();
        List<MpQueue<byte[]>> handles = new ArrayList<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        for (int p = 0; p < 3; p++) {
            MpQueue<byte[]> h = sent(q);
            handles.add(h);
            int producer = p;
            producers.add(threads.submit(() -> {
                for (int i = 0; i < perProducer; i++) {
                    h.put(numbered(producer, i));
                }
                return null;
            }));
        }
        for (int c = 0; c < 2; c++) {
            MpQueue<byte[]> h = sent(q);
            handles.add(h);
            consumers.add(threads.submit(() -> {
                int[] last = {-1, -1, -1};
                int got = 0;
                for (byte[] b = h.get(); b.length > 0; b = h.get()) {
                    int producer = b[0];
                    int i = java.nio.ByteBuffer.wrap(b).getInt(1);
                    if (!Arrays.equals(b, numbered(producer, i)) || i <= last[producer]) {
                        problems.add("item " + i + " of producer " + producer);
                    }
                    last[producer] = i;
                    got++;
                }
                return got;
            }));
        }
        for (Future<?> f : producers) {
            f.get(60, TimeUnit.SECONDS);
        }
        q.put(new byte[0]);
        q.put(new byte[0]);
        int total = 0;
        for (Future<Integer> f : consumers) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        assertThat(problems).isEmpty();
        assertThat(total).isEqualTo(3 * perProducer);
        handles.forEach(MpQueue::close);
        q.close();
    }

    /** Item {@code i} of a producer: its number in front, its size varying from 8 bytes to 20 KB. */
    private static byte[] numbered(int producer, int i) {
        byte[] b = item(producer * 100_000 + i, 8 + (i * 7919) % 20_000);
        b[0] = (byte) producer;
        java.nio.ByteBuffer.wrap(b).putInt(1, i);
        return b;
    }

    @Test
    void largeItemsTravelInFilesThatGoWithTheirGetOrTheirQueue() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<byte[]> other = sent(q);
        byte[] big = item(7, 8 * 1024 * 1024 + 5);
        q.put(big);
        q.put(item(8, 300_000));
        assertThat(spillFiles()).hasSize(2);
        assertThat(other.get()).isEqualTo(big);
        assertThat(spillFiles()).hasSize(1);
        assertThatThrownBy(() -> q.put(new byte[Connection.MAX_MESSAGE_SIZE]))
                .isInstanceOf(MessageTooLargeException.class);
        assertThat(q.size()).isEqualTo(1);
        q.close();
        assertThat(spillFiles()).hasSize(1);
        other.close();
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void theSweepDeletesFilesOfDeadWritersThatNoRingReferencesAndThoseOfGoneQueues() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        q.put(item(1, 400_000));
        Path referenced = spillFiles().get(0);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String name = referenced.getFileName().toString();
        String queueFile = name.substring(".mp4jq.".length(), name.lastIndexOf('.', name.lastIndexOf('.') - 1));
        Path orphan = ShmSegment.DIR.resolve(".mp4jq." + queueFile + "." + dead.pid() + ".1");
        Path ofGoneQueue = ShmSegment.DIR.resolve(".mp4jq.mp4jn.mp4jn-gone." + ProcessHandle.current().pid() + ".2");
        Files.write(orphan, new byte[10]);
        Files.write(ofGoneQueue, new byte[10]);
        NativeQueues.sweepOrphans();
        assertThat(orphan).doesNotExist();
        assertThat(ofGoneQueue).doesNotExist();
        assertThat(referenced).exists();
        assertThat(q.getNow()).isEqualTo(item(1, 400_000));
        q.close();
    }

    @Test
    void fourProducersFourConsumersGetEachItemOnceInProducerOrder() throws Exception {
        MpQueue<Integer> q = NativeQueues.newQueue(50);
        int perProducer = 20_000;
        ConcurrentLinkedQueue<int[]> got = new ConcurrentLinkedQueue<>();
        List<Future<?>> all = new ArrayList<>();
        List<MpQueue<Integer>> handles = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            MpQueue<Integer> h = sent(q);
            handles.add(h);
            all.add(threads.submit(() -> {
                List<Integer> mine = new ArrayList<>();
                for (Integer x = h.get(); x >= 0; x = h.get()) {
                    mine.add(x);
                }
                got.add(mine.stream().mapToInt(Integer::intValue).toArray());
                return null;
            }));
        }
        for (int p = 0; p < 4; p++) {
            MpQueue<Integer> h = sent(q);
            handles.add(h);
            int base = p * 1_000_000;
            all.add(threads.submit(() -> {
                for (int i = 0; i < perProducer; i++) {
                    h.put(base + i);
                }
                h.put(-1);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        Set<Integer> distinct = new HashSet<>();
        int total = 0;
        for (int[] mine : got) {
            int[] last = new int[4];
            Arrays.fill(last, -1);
            for (int x : mine) {
                assertThat(x % 1_000_000).isGreaterThan(last[x / 1_000_000]);
                last[x / 1_000_000] = x % 1_000_000;
                distinct.add(x);
                total++;
            }
        }
        assertThat(total).isEqualTo(4 * perProducer);
        assertThat(distinct).hasSize(4 * perProducer);
        handles.forEach(MpQueue::close);
        q.close();
    }

    @Test
    void joinWaitsForEveryTaskDone() throws Exception {
        JoinableQueue<String> q = NativeQueues.newJoinableQueue(Integer.MAX_VALUE);
        assertThat(q.join(Duration.ZERO)).isTrue();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        q.put("a");
        q.put("b");
        assertThat(q.join(Duration.ofMillis(20))).isFalse();
        JoinableQueue<String> worker = sent(q);
        Future<Object> joining = threads.submit(() -> {
            q.join();
            return null;
        });
        worker.get();
        worker.taskDone();
        assertThatThrownBy(() -> joining.get(50, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        worker.get();
        worker.taskDone();
        joining.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(worker::taskDone).isInstanceOf(IllegalStateException.class);
        assertThat(q.join(Duration.ZERO)).isTrue();
        worker.close();
        q.close();
    }

    @Test
    void aSimpleQueueCarriesItemsAndRefusesAllOnceClosed() throws Exception {
        SimpleQueue<String> q = NativeQueues.newSimpleQueue();
        SimpleQueue<String> other = sent(q);
        assertThat(q.isEmpty()).isTrue();
        q.put("a");
        q.put(null);
        assertThat(other.isEmpty()).isFalse();
        assertThat(other.get()).isEqualTo("a");
        assertThat(other.get()).isNull();
        q.close();
        assertThatThrownBy(() -> q.put("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::get).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::isEmpty).isInstanceOf(IllegalStateException.class);
        q.close();
        other.close();
    }

    @Test
    void aQueueCannotBePutNorSerialisedOutsideATransfer() throws Exception {
        MpQueue<Object> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<Object> other = NativeQueues.newQueue(5);
        assertThatThrownBy(() -> q.put(other)).isInstanceOf(MessageNotSerializableException.class)
                .hasRootCauseInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> q.put(List.of(new Object()))).isInstanceOf(MessageNotSerializableException.class);
        assertThat(q.isEmpty()).isTrue();
        other.close();
        q.close();
    }

    @Test
    void aDroppedHandleIsReleasedWhenCollected() throws Exception {
        MpQueue<byte[]> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        q.put(item(3, 500_000));
        q = null;
        await("the dropped queue's spill file removed").atMost(TckEnvironment.PROMPT)
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    System.gc();
                    return spillFiles().isEmpty();
                });
    }

    /** Not a check: prints what a put and a get cost here, for comparison with the benchmarks between processes. */
    @Test
    void throughput() throws Exception {
        int n = 100_000;
        for (int round = 0; round < 2; round++) {
            MpQueue<Integer> q = NativeQueues.newQueue(Integer.MAX_VALUE);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                q.put(i);
                q.getNow();
            }
            double single = (System.nanoTime() - t0) / 1e3 / n;
            q.close();
            System.out.printf("queue put+get in one thread: %.2f us; thread to thread: %.0f ints/s, %.0f KiB/s%n",
                    single, threadToThread(n, i -> i), threadToThread(n, i -> new byte[1024]));
        }
    }

    /** @return the items per second one thread puts and another gets through two handles on one queue */
    private <E> double threadToThread(int n, java.util.function.IntFunction<E> item) throws Exception {
        MpQueue<E> q = NativeQueues.newQueue(Integer.MAX_VALUE);
        MpQueue<E> other = sent(q);
        long t0 = System.nanoTime();
        Future<?> producer = threads.submit(() -> {
            for (int i = 0; i < n; i++) {
                q.put(item.apply(i));
            }
            return null;
        });
        for (int i = 0; i < n; i++) {
            other.get();
        }
        producer.get();
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        q.close();
        other.close();
        return perSecond;
    }

    /** A handle as a process that captured the queue gets it. */
    @SuppressWarnings("unchecked")
    static <T> T sent(T handle) throws Exception {
        Transfer t = Transfer.openForNewProcess();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        } finally {
            t.close();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } finally {
            t.receiverEnded();
        }
    }

    static byte[] item(int seed, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static List<Path> spillFiles() throws IOException {
        try (Stream<Path> s = Files.list(ShmSegment.DIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".mp4jq.")).collect(Collectors.toList());
        }
    }

    private static Set<Path> shmFiles() throws IOException {
        try (Stream<Path> s = Files.list(ShmSegment.DIR)) {
            return s.collect(Collectors.toCollection(HashSet::new));
        }
    }
}
