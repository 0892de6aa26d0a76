package io.multiproc4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.AuthenticationException;
import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.Listener;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Socket listeners and connections, with both ends in this JVM on two threads. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketConnectionsTest {

    private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
    /** How long a "timed" poll waits in these tests. */
    private static final Duration SHORT = Duration.ofMillis(100);
    /** An upper bound for anything that should happen at once or promptly. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        threads.shutdownNow();
    }

    /** Two connected, authenticated ends: [0] accepted by the listener, [1] the client. */
    private Connection[] pair(Listener listener) throws Exception {
        Future<Connection> client = threads.submit(() -> SocketConnections.connect(listener.address(), KEY));
        Connection server = keep(listener.accept());
        return new Connection[] {server, keep(client.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))};
    }

    private Connection[] pair() throws Exception {
        return pair(keep(SocketConnections.listen(KEY)));
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Test
    void aShallowTemporaryDirectoryHoldsTheSockets() {
        Path shallow = Path.of("/tmp/mp4j-short");
        assertThat(OwnedFiles.socketBase(shallow)).isEqualTo(shallow);
    }

    @Test
    void aTemporaryDirectoryTooDeepForASocketPathFallsBackToTmp() {
        // /check/work/main/impl-processbuilder/target/test-tmp: where CI builds, and too deep for a listener's path
        Path deep = Path.of("/" + "d".repeat(50));
        assertThat(OwnedFiles.socketBase(deep)).isEqualTo(Path.of("/tmp"));
        Path justFits = Path.of("/" + "d".repeat(107 - OwnedFiles.SOCKET_ROOM_BYTES - 1));
        assertThat(OwnedFiles.socketBase(justFits)).isEqualTo(justFits);
    }

    @Test
    void aListenerWorksWhenTheTemporaryDirectoryIsTooDeepForASocketPath(@TempDir Path tmp) throws Exception {
        Path deep = Files.createDirectories(tmp.resolve("a-directory-deep-enough-that-no-socket-path-below-it-fits"
                + "-in-the-107-bytes-linux-allows"));
        String saved = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", deep.toString());
        try {
            Listener listener = SocketConnections.listen(KEY);
            Path socket = ((UnixDomainSocketAddress) listener.address()).getPath();
            assertThat(socket.getParent().getParent()).isEqualTo(OwnedFiles.socketBase());
            Connection[] ends = pair(listener);
            ends[1].send("across");
            assertThat(ends[0].receive()).isEqualTo("across");
            listener.close();
            assertThat(socket.getParent()).doesNotExist();
        } finally {
            System.setProperty("java.io.tmpdir", saved);
        }
    }

    @Test
    void objectsAndBytesMakeTheRoundTrip() throws Exception {
        Connection[] ends = pair();
        ends[1].send(Map.of("answer", 42));
        assertThat(ends[0].receive()).isEqualTo(Map.of("answer", 42));
        ends[0].send(null);
        assertThat(ends[1].receive()).isNull();
        ends[0].sendBytes(new byte[] {1, 2, 3});
        assertThat(ends[1].receiveBytes()).containsExactly(1, 2, 3);
        ends[1].sendBytes(new byte[] {9, 1, 2, 3, 9}, 1, 3);
        assertThat(ends[0].receiveBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void boundariesAreKeptAndAnEmptyMessageIsAMessage() throws Exception {
        Connection[] ends = pair();
        byte[] big = new byte[1_000_003];
        Arrays.fill(big, (byte) 7);
        Future<?> sending = threads.submit(() -> {
            ends[0].sendBytes(new byte[0]);
            ends[0].sendBytes(big);
            ends[0].sendBytes(new byte[] {5});
            ends[0].send("text");
        });
        assertThat(ends[1].receiveBytes()).isEmpty();
        assertThat(ends[1].receiveBytes()).isEqualTo(big);
        assertThat(ends[1].receiveBytes()).containsExactly(5);
        assertThat(ends[1].receive()).isEqualTo("text");
        sending.get();
        assertThat(ends[1].poll()).isFalse();
    }

    @Test
    void anObjectSentCanBeReadAsBytes() throws Exception {
        Connection[] ends = pair();
        ends[0].send("x");
        assertThat(MessageCodec.decode(ends[1].receiveBytes())).isEqualTo("x");
    }

    @Test
    void receiveBytesIntoFillsFromTheOffsetAndLeavesTheRest() throws Exception {
        Connection[] ends = pair();
        ends[0].sendBytes(new byte[] {1, 2, 3});
        byte[] buffer = {9, 9, 9, 9, 9, 9};
        assertThat(ends[1].receiveBytesInto(buffer, 2)).isEqualTo(3);
        assertThat(buffer).containsExactly(9, 9, 1, 2, 3, 9);
    }

    @Test
    void aMessageThatDoesNotFitIsCarriedByBufferTooShort() throws Exception {
        Connection[] ends = pair();
        ends[0].sendBytes(new byte[] {1, 2, 3});
        ends[0].sendBytes(new byte[] {4});
        assertThatThrownBy(() -> ends[1].receiveBytesInto(new byte[4], 2))
                .isInstanceOfSatisfying(BufferTooShortException.class,
                        e -> assertThat(e.message()).containsExactly(1, 2, 3));
        assertThat(ends[1].receiveBytes()).containsExactly(4);
        assertThatThrownBy(() -> ends[1].receiveBytesInto(new byte[4], 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ends[1].receiveBytesInto(new byte[4], -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aMessageLongerThanMaxLengthIsDiscardedAndTheConnectionStaysUsable() throws Exception {
        Connection[] ends = pair();
        threads.submit(() -> {
            ends[0].sendBytes(new byte[200_000]);
            ends[0].sendBytes(new byte[] {1});
        });
        assertThatThrownBy(() -> ends[1].receiveBytes(10)).isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("200000");
        assertThat(ends[1].receiveBytes(10)).containsExactly(1);
        assertThatThrownBy(() -> ends[1].receiveBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollDoesNotConsumeAndTimesOut() throws Exception {
        Connection[] ends = pair();
        assertThat(ends[1].poll()).isFalse();
        long start = System.nanoTime();
        assertThat(ends[1].poll(SHORT)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
        assertThat(ends[1].poll(Duration.ofSeconds(-1))).isFalse();
        ends[0].send("m");
        assertThat(ends[1].poll(PROMPT)).isTrue();
        assertThat(ends[1].poll()).isTrue();
        assertThat(ends[1].receive()).isEqualTo("m");
        assertThat(ends[1].poll()).isFalse();
    }

    @Test
    void aPollWaitsForTheWholeMessage() throws Exception {
        Connection[] ends = pair();
        byte[] big = new byte[8 * 1024 * 1024];
        Future<?> sending = threads.submit(() -> ends[0].sendBytes(big));
        assertThat(ends[1].poll(PROMPT)).isTrue();
        sending.get();
        assertThat(ends[1].receiveBytes()).hasSize(big.length);
    }

    @Test
    void endOfStreamAfterTheLastMessageAndPollIsTrueThere() throws Exception {
        Connection[] ends = pair();
        ends[0].send("last");
        ends[0].close();
        assertThat(ends[1].receive()).isEqualTo("last");
        assertThat(ends[1].poll(PROMPT)).isTrue();
        assertThatThrownBy(ends[1]::receive).isInstanceOf(EndOfStreamException.class);
        assertThatThrownBy(ends[1]::receiveBytes).isInstanceOf(EndOfStreamException.class);
    }

    @Test
    void sendingToAClosedPeerIsABrokenPipe() throws Exception {
        Connection[] ends = pair();
        ends[0].close();
        assertThatThrownBy(() -> ends[1].send("x")).isInstanceOf(BrokenPipeException.class);
    }

    @Test
    void sendingToAClosedPeerIsABrokenPipeOverTcp() throws Exception {
        Connection[] ends = pair(keep(SocketConnections.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                0), KEY)));
        ends[0].close();
        assertThat(ends[1].poll(PROMPT)).as("the close has arrived").isTrue();
        assertThatThrownBy(() -> ends[1].send("x")).isInstanceOf(BrokenPipeException.class);
    }

    @Test
    void aClosedEndRefusesEverythingButClose() throws Exception {
        Connection[] ends = pair();
        ends[1].close();
        ends[1].close();
        assertThat(ends[1].isClosed()).isTrue();
        assertThatThrownBy(() -> ends[1].send("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ends[1].sendBytes(new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ends[1]::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ends[1]::poll).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ends[1].poll(SHORT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeWakesABlockedReceiver() throws Exception {
        Connection[] ends = pair();
        Future<Object> receiving = blocked(ends[1]::receive);
        ends[1].close();
        assertThatThrownBy(() -> receiving.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnserialisableMessageSendsNothing() throws Exception {
        Connection[] ends = pair();
        assertThatThrownBy(() -> ends[0].send(List.of(new Object()))).isInstanceOf(
                MessageNotSerializableException.class).hasMessageContaining("java.lang.Object");
        ends[0].send("after");
        assertThat(ends[1].receive()).isEqualTo("after");
    }

    @Test
    void aMessageOverTheLimitSendsNothing() throws Exception {
        Connection[] ends = pair();
        assertThatThrownBy(() -> ends[0].sendBytes(new byte[Connection.MAX_MESSAGE_SIZE + 1]))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> ends[0].send(new byte[Connection.MAX_MESSAGE_SIZE]))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> ends[0].sendBytes(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        ends[0].send("after");
        assertThat(ends[1].receive()).isEqualTo("after");
    }

    @Test
    void aGraphDeeperThanTheFilterAllowsIsRefusedOnReceive() throws Exception {
        Connection[] ends = pair();
        Object[] deep = new Object[1];
        for (int i = 0; i < MessageCodec.MAX_DEPTH + 10; i++) {
            deep = new Object[] {deep};
        }
        ends[0].send(deep);
        ends[0].send("after");
        assertThatThrownBy(ends[1]::receive).isInstanceOf(MultiprocessingException.class)
                .hasMessageContaining("levels of nesting");
        assertThat(ends[1].receive()).isEqualTo("after");
    }

    @Test
    void concurrentSendersAreNotInterleaved() throws Exception {
        Connection[] ends = pair();
        int senders = 4;
        int each = 200;
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            byte value = (byte) s;
            sending.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    byte[] m = new byte[1 + (i * 997 + value * 31) % 100_000];
                    Arrays.fill(m, value);
                    ends[0].sendBytes(m);
                }
            }));
        }
        for (int i = 0; i < senders * each; i++) {
            byte[] m = ends[1].receiveBytes();
            byte first = m[0];
            assertThat(m).as("message %d", i).containsOnly(first);
        }
        for (Future<?> f : sending) {
            f.get();
        }
    }

    @Test
    void aWrongKeyFailsOnBothSidesAndTheListenerStaysUsable() throws Exception {
        Listener listener = keep(SocketConnections.listen(KEY));
        Future<Connection> wrong = threads.submit(() -> SocketConnections.connect(listener.address(),
                "other".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(listener::accept).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("does not know");
        assertThatThrownBy(() -> wrong.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(AuthenticationException.class);
        Connection[] ends = pair(listener);
        ends[0].send("fine");
        assertThat(ends[1].receive()).isEqualTo("fine");
    }

    @Test
    void anEmptyKeyIsAKeyAndANullKeyIsRefused() throws Exception {
        Listener listener = keep(SocketConnections.listen(new byte[0]));
        Future<Connection> client = threads.submit(() -> SocketConnections.connect(listener.address(), new byte[0]));
        Connection server = keep(listener.accept());
        keep(client.get()).send(1);
        assertThat(server.receive()).isEqualTo(1);
        assertThatThrownBy(() -> SocketConnections.listen(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SocketConnections.connect(listener.address(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aClientSendingGarbageFailsAcceptPromptly() throws Exception {
        Listener listener = keep(SocketConnections.listen(KEY));
        Future<Connection> accepted = threads.submit(listener::accept);
        try (SocketChannel raw = SocketChannel.open(listener.address())) {
            raw.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> accepted.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aClientThatHangsUpFailsAcceptAndTheListenerStaysUsable() throws Exception {
        Listener listener = keep(SocketConnections.listen(KEY));
        Future<Connection> accepted = threads.submit(listener::accept);
        SocketChannel.open(listener.address()).close();
        assertThatThrownBy(() -> accepted.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(AuthenticationException.class);
        assertThat(pair(listener)).hasSize(2);
    }

    @Test
    void aServerSendingGarbageFailsConnectPromptly(@TempDir Path dir) throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("fake.sock"));
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address)) {
            Future<?> serving = threads.submit(() -> {
                try (SocketChannel c = fake.accept()) {
                    c.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'}));
                    c.read(ByteBuffer.allocate(1024));
                }
                return null;
            });
            assertThatThrownBy(() -> SocketConnections.connect(address, KEY))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("challenge");
            serving.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void aServerClaimingAHugeHandshakeMessageFailsConnectPromptly(@TempDir Path dir) throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("fake.sock"));
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address)) {
            threads.submit(() -> {
                try (SocketChannel c = fake.accept()) {
                    c.write(ByteBuffer.wrap(new byte[] {0, 1, 0, 0}));
                    c.read(ByteBuffer.allocate(1024));
                }
                return null;
            });
            assertThatThrownBy(() -> SocketConnections.connect(address, KEY))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void tcpOnAnyFreePortReportsTheActualPort() throws Exception {
        Listener listener = keep(SocketConnections.listen(new InetSocketAddress("127.0.0.1", 0), KEY));
        assertThat(listener.address()).isInstanceOfSatisfying(InetSocketAddress.class,
                a -> assertThat(a.getPort()).isPositive());
        Connection[] ends = pair(listener);
        ends[1].send("over tcp");
        assertThat(ends[0].receive()).isEqualTo("over tcp");
    }

    @Test
    void aPrivateListenersFilesArePrivateAndGoneAfterClose() throws Exception {
        Listener listener = SocketConnections.listen(KEY);
        Path file = ((UnixDomainSocketAddress) listener.address()).getPath();
        Path dir = file.getParent();
        assertThat(dir.getFileName().toString()).startsWith("mp4j-");
        assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        listener.close();
        listener.close();
        assertThat(file).doesNotExist();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(listener::accept).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeWakesAThreadBlockedInAccept() throws Exception {
        Listener listener = SocketConnections.listen(KEY);
        Future<Connection> accepting = blocked(listener::accept);
        listener.close();
        assertThatThrownBy(() -> accepting.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGivenUnixAddressIsBoundPrivateAndAnExistingFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chosen.sock");
        Listener listener = SocketConnections.listen(UnixDomainSocketAddress.of(file), KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> SocketConnections.listen(UnixDomainSocketAddress.of(file), KEY))
                .isInstanceOf(MultiprocessingException.class).hasMessageContaining("must not exist");
        listener.close();
        assertThat(file).doesNotExist();
        assertThat(dir).exists();
    }

    @Test
    void connectingWhereNothingListensFails(@TempDir Path dir) {
        assertThatThrownBy(() -> SocketConnections.connect(UnixDomainSocketAddress.of(dir.resolve("none")), KEY))
                .isInstanceOf(MultiprocessingException.class).isNotInstanceOf(AuthenticationException.class);
    }

    @Test
    void anotherKindOfAddressIsRefused() {
        SocketAddress odd = new SocketAddress() {
            private static final long serialVersionUID = 1L;
        };
        assertThatThrownBy(() -> SocketConnections.listen(odd, KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs {@code call} on a thread of its own and returns once that thread waits in the operating system. */
    private <T> Future<T> blocked(Callable<T> call) {
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<T> result = threads.submit(() -> {
            runner.set(Thread.currentThread());
            return call.call();
        });
        long deadline = System.nanoTime() + PROMPT.toNanos();
        while (!waitsInNativeCode(runner.get())) {
            assertThat(result.isDone()).as("the call returned instead of blocking").isFalse();
            assertThat(System.nanoTime()).as("the call did not block within %s", PROMPT).isLessThan(deadline);
            Thread.onSpinWait();
        }
        return result;
    }

    private static boolean waitsInNativeCode(Thread t) {
        if (t == null) {
            return false;
        }
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
    }
}
