package io.multiproc4j.processbuilder.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.JoinableQueue;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.MpQueue;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.Pipe;
import io.multiproc4j.ProcessTask;
import io.multiproc4j.spi.JvmCommand;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pipes and queues of the processbuilder broker between real processes. The leak check fails a test that leaves a
 * socket file or directory of ours in {@code java.io.tmpdir}.
 */
@ExtendWith(LeakCheck.class)
class BrokerIT {

    private static final Duration LONG = TckEnvironment.LONG;
    private final MpContext mp = Multiprocessing.context("processbuilder");

    /** A message sent by the parent is received by the child, and its answer by the parent. */
    @Test
    void pipeCarriesMessagesBothWaysBetweenParentAndChild() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection child = pipe.second();
        MpProcess p = start(() -> child.send("echo:" + child.receive()));
        pipe.first().send("hi");
        assertThat(pipe.first().poll(LONG)).isTrue();
        assertThat(pipe.first().receive()).isEqualTo("echo:hi");
        join(p);
        pipe.first().close();
        pipe.second().close();
    }

    /** Once the child that had the other end has exited, and the parent closed its copy, receive ends the stream. */
    @Test
    void receiveEndsTheStreamAfterTheChildWithTheOtherEndExits() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection writer = pipe.second();
        MpProcess p = start(() -> writer.send(List.of(1, 2, 3)));
        writer.close();
        assertThat(pipe.first().receive()).isEqualTo(List.of(1, 2, 3));
        assertThatThrownBy(() -> pipe.first().receive()).isInstanceOf(EndOfStreamException.class);
        assertThat(pipe.first().poll()).isTrue();
        join(p);
        pipe.first().close();
    }

    /** A parent may close its copy of the child's end right after start: the end stays open for the child. */
    @Test
    void theParentMayCloseItsCopyOfTheChildsEndRightAfterStart() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection child = pipe.second();
        MpProcess p = start(() -> {
            Object ping = child.receive();
            child.send(ping + "-pong");
        });
        child.close();
        pipe.first().send("ping");
        assertThat(pipe.first().receive()).isEqualTo("ping-pong");
        assertThatThrownBy(() -> pipe.first().receive()).isInstanceOf(EndOfStreamException.class);
        join(p);
        pipe.first().close();
    }

    /** The reference counted for a child that never started is released: the parent then reads end-of-stream. */
    @Test
    void anEndSentToAChildThatNeverStartsIsReleased() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection child = pipe.second();
        String saved = System.getProperty(JvmCommand.OPTIONS_PROPERTY);
        System.setProperty(JvmCommand.OPTIONS_PROPERTY, "-XX:+NoSuchOptionAnywhere");
        MpProcess p;
        try {
            p = start(() -> child.send("never"));
        } finally {
            if (saved == null) {
                System.clearProperty(JvmCommand.OPTIONS_PROPERTY);
            } else {
                System.setProperty(JvmCommand.OPTIONS_PROPERTY, saved);
            }
        }
        child.close();
        assertThatThrownBy(p::join).isInstanceOf(ChildStartException.class);
        assertThat(pipe.first().poll(LONG)).isTrue();
        assertThatThrownBy(() -> pipe.first().receive()).isInstanceOf(EndOfStreamException.class);
        pipe.first().close();
    }

    /** Items a child puts are got by the parent in the order they were put. */
    @Test
    void aQueueDeliversAChildsItemsInOrder() throws Exception {
        MpQueue<Integer> q = mp.newQueue();
        int n = 2_000;
        MpProcess p = start(() -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertThat(q.get(LONG)).isEqualTo(i);
        }
        join(p);
    }

    /** An item put by a process that exits at once is still delivered. */
    @Test
    void anItemPutByAProcessThatExitsAtOnceIsDelivered() throws Exception {
        MpQueue<String> q = mp.newQueue();
        MpProcess p = start(() -> q.put("last words"));
        join(p);
        assertThat(q.get(LONG)).isEqualTo("last words");
    }

    /** Four producers and four consumers: every item is got exactly once, and each producer's in order. */
    @Test
    void manyProducersAndConsumersGetEveryItemExactlyOnceInProducerOrder() throws Exception {
        int producers = 4;
        int consumers = 4;
        int perProducer = 2_500;
        MpQueue<Integer> q = mp.newQueue(1_000);
        MpQueue<ArrayList<Integer>> results = mp.newQueue();
        List<MpProcess> started = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            started.add(start(() -> {
                ArrayList<Integer> got = new ArrayList<>();
                for (Integer item = q.get(); item >= 0; item = q.get()) {
                    got.add(item);
                }
                results.put(got);
            }));
        }
        List<MpProcess> producing = new ArrayList<>();
        for (int pr = 0; pr < producers; pr++) {
            int base = pr * 1_000_000;
            producing.add(start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    q.put(base + i);
                }
            }));
        }
        for (MpProcess p : producing) {
            join(p);
        }
        for (int c = 0; c < consumers; c++) {
            q.put(-1);
        }
        Set<Integer> all = new HashSet<>();
        int total = 0;
        for (int c = 0; c < consumers; c++) {
            ArrayList<Integer> got = results.get(LONG);
            int[] last = new int[producers];
            java.util.Arrays.fill(last, -1);
            for (int item : got) {
                int producer = item / 1_000_000;
                int seq = item % 1_000_000;
                assertThat(seq).as("item of producer %d", producer).isGreaterThan(last[producer]);
                last[producer] = seq;
                all.add(item);
                total++;
            }
        }
        assertThat(total).isEqualTo(producers * perProducer);
        assertThat(all).hasSize(producers * perProducer);
        for (MpProcess p : started) {
            join(p);
        }
    }

    /** join() returns once a child has marked every item it got as done. */
    @Test
    void joinReturnsOnceAChildHasMarkedEveryItemDone() throws Exception {
        JoinableQueue<String> q = mp.newJoinableQueue();
        for (int i = 0; i < 10; i++) {
            q.put("task " + i);
        }
        MpProcess p = start(() -> {
            for (int i = 0; i < 10; i++) {
                q.get();
                q.taskDone();
            }
        });
        assertThat(q.join(LONG)).isTrue();
        join(p);
    }

    /** A SIGKILLed child's end of a pipe counts as closed: the parent then reads end-of-stream. */
    @Test
    void aKilledChildsEndCountsAsClosed() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection child = pipe.second();
        MpProcess p = start(() -> {
            child.send("ready");
            new CountDownLatch(1).await();
        });
        child.close();
        assertThat(pipe.first().receive()).isEqualTo("ready");
        p.kill();
        join(p);
        assertThatThrownBy(() -> pipe.first().receive()).isInstanceOf(EndOfStreamException.class);
        pipe.first().close();
    }

    /**
     * Over the socket, timeouts, refusals and interrupts behave as in the host: the child checks them and reports
     * the first difference.
     */
    @Test
    void aRemoteQueueTimesOutRefusesAndIsInterruptibleAsALocalOne() throws Exception {
        MpQueue<String> q = mp.newQueue(1);
        MpQueue<String> report = mp.newQueue();
        MpProcess p = start(() -> report.put(RemoteChecks.run(q)));
        assertThat(report.get(LONG)).isEqualTo("ok");
        join(p);
    }

    /**
     * When the host of a queue is killed, a process waiting on the queue gets IpcObjectLostException, and removes
     * the socket file the host left behind.
     */
    @Test
    void aKilledHostMakesWaitersThrowIpcObjectLostAndLeavesNoSocket() throws Exception {
        Set<Path> before = brokerDirectories();
        MpQueue<String> reports = mp.newQueue();
        MpProcess host = start(() -> {
            MpContext ctx = Multiprocessing.context("processbuilder");
            MpQueue<String> hosted = ctx.newQueue();
            hosted.put("first");
            ctx.newProcess((ProcessTask) () -> {
                reports.put("pid " + ProcessHandle.current().pid());
                reports.put("got " + hosted.get());
                try {
                    hosted.get();
                    reports.put("no exception");
                } catch (IpcObjectLostException e) {
                    reports.put("lost: " + e.getMessage());
                }
            }).start();
            new CountDownLatch(1).await();
        });
        long waiterPid = Long.parseLong(reports.get(LONG).substring("pid ".length()));
        assertThat(reports.get(LONG)).isEqualTo("got first");
        host.kill();
        join(host);
        String report = reports.get(LONG);
        assertThat(report).startsWith("lost: ").contains("queue #").contains(Long.toString(host.pid().orElseThrow()));
        Awaitility.await().atMost(LONG).until(() -> ProcessHandle.of(waiterPid).map(h -> !h.isAlive()).orElse(true));
        Awaitility.await().atMost(LONG).until(() -> before.containsAll(brokerDirectories()));
    }

    private MpProcess start(ProcessTask task) {
        return mp.newProcess(task).start();
    }

    private static void join(MpProcess p) throws InterruptedException {
        assertThat(p.join(LONG)).as("process %s ended", p.name()).isTrue();
    }

    private static Set<Path> brokerDirectories() throws IOException {
        Set<Path> found = new HashSet<>();
        for (Path dir : Set.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"))) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "mp4j-broker-*")) {
                s.forEach(found::add);
            }
        }
        return found;
    }
}
