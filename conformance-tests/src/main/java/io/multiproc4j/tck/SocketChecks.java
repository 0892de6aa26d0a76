package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.AuthenticationException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.Listener;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.IpcKitTypes;
import io.multiproc4j.tck.support.TckEnvironment;
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
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules SOCK: listeners and clients with an authentication key. */
abstract class SocketChecks extends PipeChecks {

    private static final Set<PosixFilePermission> NOT_OWNER = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    SocketChecks(String providerId) {
        super(providerId);
    }

    static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Connection acceptWithin(Listener l, java.time.Duration limit) throws Exception {
        return Bounded.within(limit, "accept()", l::accept);
    }

    /** A message framed as most implementations frame theirs: a 4-byte big-endian length, then the bytes. */
    static ByteBuffer frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload);
        b.flip();
        return b;
    }

    /** SOCK-01: a client in a child and the listener's accepted connection talk as a pipe's ends do. */
    @Test
    void required_sock01_clientAndAcceptedConnectionTalkLikeAPipe() throws Exception {
        byte[] key = key("kit-sock-01");
        String id = providerId;
        String dir = ex.path();
        try (Listener listener = mp.listen(key)) {
            SocketAddress address = listener.address();
            MpProcess child = child(() -> {
                try (Connection c = Multiprocessing.context(id).connect(address, key)) {
                    c.send("hello");
                    c.sendBytes(new byte[] {1, 2, 3});
                    Exchange.put(dir, "reply", String.valueOf(c.receive()));
                    Exchange.put(dir, "reply-bytes", String.valueOf(c.receiveBytes().length));
                }
            });
            Connection server = acceptWithin(listener, TckEnvironment.LONG);
            assertThat(server.isReadable() && server.isWritable()).as("the accepted connection is two-way").isTrue();
            assertThat(receivePromptly(server)).isEqualTo("hello");
            assertThat(receiveBytesPromptly(server)).containsExactly(1, 2, 3);
            server.send("welcome");
            server.sendBytes(new byte[0]);
            assertThat(ex.await("reply")).as("what the client received").isEqualTo("welcome");
            assertThat(ex.await("reply-bytes")).as("length of the empty message the client received").isEqualTo("0");
            assertThat(awaitExitCode(child)).isZero();
            assertThatThrownBy(() -> receivePromptly(server)).as("receive() once the client closed")
                    .isInstanceOf(EndOfStreamException.class);
            server.close();
        }
    }

    /** SOCK-02: the default listener's socket file is private and goes away with it. */
    @Test
    void required_sock02_defaultListenerIsAPrivateUnixSocketRemovedOnClose() throws Exception {
        Listener listener = mp.listen(key("kit-sock-02"));
        SocketAddress address = listener.address();
        assertThat(address).as("address of listen(key)").isInstanceOf(UnixDomainSocketAddress.class);
        Path socket = ((UnixDomainSocketAddress) address).getPath().toAbsolutePath();
        Path dir = socket.getParent();
        assertThat(Files.exists(socket)).as("socket file %s exists", socket).isTrue();
        assertThat(Files.getPosixFilePermissions(socket)).as("permissions of the socket file %s", socket)
                .doesNotContainAnyElementsOf(NOT_OWNER);
        assertThat(Files.getPosixFilePermissions(dir)).as("permissions of its directory %s", dir)
                .doesNotContainAnyElementsOf(NOT_OWNER);
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.toList()).as("entries of the socket's directory").containsExactly(socket);
        }
        listener.close();
        assertThat(Files.exists(socket)).as("socket file exists after close()").isFalse();
        assertThat(Files.exists(dir)).as("its directory exists after close()").isFalse();
        listener.close();
    }

    /** SOCK-03: a wrong key is refused on both sides, and the listener goes on. */
    @Test
    void required_sock03_wrongKeyIsRefusedAndTheListenerGoesOn() throws Exception {
        byte[] key = key("kit-sock-03");
        byte[] wrong = key("kit-sock-03-wrong");
        String id = providerId;
        String dir = ex.path();
        try (Listener listener = mp.listen(key)) {
            SocketAddress address = listener.address();
            Future<Connection> refused = Bounded.inBackground("accept() of a client with a wrong key",
                    listener::accept);
            MpProcess impostor = child(() -> {
                try (Connection c = Multiprocessing.context(id).connect(address, wrong)) {
                    Exchange.put(dir, "impostor", "connected");
                } catch (RuntimeException e) {
                    Exchange.put(dir, "impostor", e.getClass().getName());
                }
            });
            assertThatThrownBy(() -> Bounded.await(refused, TckEnvironment.LONG, "accept()"))
                    .as("accept() of a client with a wrong key").isInstanceOf(AuthenticationException.class);
            assertThat(ex.await("impostor")).as("what connect with a wrong key did")
                    .isEqualTo(AuthenticationException.class.getName());
            assertThat(awaitExitCode(impostor)).isZero();
            MpProcess friend = child(() -> {
                try (Connection c = Multiprocessing.context(id).connect(address, key)) {
                    c.send("friend");
                    c.receive();
                }
            });
            Connection server = acceptWithin(listener, TckEnvironment.LONG);
            assertThat(receivePromptly(server)).as("message from the client with the right key").isEqualTo("friend");
            server.send("bye");
            assertThat(awaitExitCode(friend)).isZero();
            server.close();
        }
    }

    /** SOCK-04: nothing is deserialised before authentication, on either side. */
    @Test
    void required_sock04_nothingIsDeserialisedBeforeAuthentication() throws Exception {
        IpcKitTypes.Tripwire.tripped = false;
        byte[] key = key("kit-sock-04");
        byte[] gadget = IpcKitTypes.serialise(new IpcKitTypes.Tripwire());
        try (Listener listener = mp.listen(key)) {
            Future<Connection> accepting = Bounded.inBackground("accept() of a peer that skips the challenge",
                    listener::accept);
            try (SocketChannel raw = SocketChannel.open(listener.address())) {
                raw.write(frame(gadget));
                raw.write(frame(gadget));
                raw.shutdownOutput();
                assertThatThrownBy(() -> Bounded.await(accepting, TckEnvironment.PROMPT, "accept()"))
                        .as("accept() of a peer that sends an object instead of answering the challenge")
                        .isInstanceOf(MultiprocessingException.class);
            }
        }
        assertThat(IpcKitTypes.Tripwire.tripped).as("the listener deserialised what the peer sent").isFalse();

        Path fake = Path.of(ex.path(), "fake.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(fake));
            Future<Object> fakeListener = Bounded.inBackground("fake listener", () -> {
                try (SocketChannel peer = server.accept()) {
                    peer.write(frame(gadget));
                    peer.write(frame(gadget));
                    peer.shutdownOutput();
                    ByteBuffer sink = ByteBuffer.allocate(4096);
                    while (peer.read(sink) >= 0) {
                        sink.clear();
                    }
                }
                return null;
            });
            assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, "connect()",
                    () -> mp.connect(UnixDomainSocketAddress.of(fake), key)))
                    .as("connect() to a peer that sends an object instead of a challenge")
                    .isInstanceOf(MultiprocessingException.class);
            Bounded.await(fakeListener, TckEnvironment.PROMPT, "the fake listener");
        }
        assertThat(IpcKitTypes.Tripwire.tripped).as("the client deserialised what the peer sent").isFalse();
    }

    /** SOCK-05: a TCP listener on port 0 reports its port, and a sibling connects with an empty key. */
    @Test
    void required_sock05_tcpListenerOnPortZeroServesASibling() {
        String id = providerId;
        String dir = ex.path();
        MpProcess server = child(() -> {
            MpContext ctx = Multiprocessing.context(id);
            try (Listener l = ctx.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new byte[0])) {
                InetSocketAddress a = (InetSocketAddress) l.address();
                Exchange.put(dir, "port", String.valueOf(a.getPort()));
                try (Connection c = l.accept()) {
                    c.send("echo " + c.receive());
                    c.receive();
                } catch (io.multiproc4j.EndOfStreamException expected) {
                    // the client closed
                }
            }
        });
        MpProcess client = child(() -> {
            int port = Integer.parseInt(Exchange.awaitEntry(dir, "port"));
            MpContext ctx = Multiprocessing.context(id);
            try (Connection c = ctx.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    new byte[0])) {
                c.send("hi");
                Exchange.put(dir, "reply", String.valueOf(c.receive()));
            }
        });
        assertThat(Integer.parseInt(ex.await("port"))).as("the port the listener reports").isPositive();
        assertThat(ex.await("reply")).as("what the sibling client received").isEqualTo("echo hi");
        assertThat(awaitExitCode(client)).as("exit code of the client").isZero();
        assertThat(awaitExitCode(server)).as("exit code of the listening sibling").isZero();
    }

    /** SOCK-06: misuse of listeners and clients. */
    @Test
    void required_sock06_addressesInUseAbsentListenersAndClosedListeners() throws Exception {
        byte[] key = key("kit-sock-06");
        Listener unix = mp.listen(key);
        Listener tcp = mp.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), key);
        try {
            assertThatThrownBy(() -> mp.listen(unix.address(), key)).as("listen on a Unix address in use")
                    .isInstanceOf(MultiprocessingException.class);
            assertThatThrownBy(() -> mp.listen(tcp.address(), key)).as("listen on a TCP address in use")
                    .isInstanceOf(MultiprocessingException.class);
            SocketAddress nobody = UnixDomainSocketAddress.of(Path.of(ex.path(), "nobody.sock"));
            assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, "connect()", () -> mp.connect(nobody, key)))
                    .as("connect where nothing listens").isInstanceOf(MultiprocessingException.class);

            Future<Connection> client = Bounded.inBackground("connect()", () -> mp.connect(unix.address(), key));
            Connection server = acceptWithin(unix, TckEnvironment.PROMPT);
            Connection c = Bounded.await(client, TckEnvironment.PROMPT, "connect()");
            unix.close();
            assertThatThrownBy(unix::accept).as("accept() after close()").isInstanceOf(IllegalStateException.class);
            unix.close();
            server.send("after close");
            assertThat(receivePromptly(c)).as("received on a connection whose listener was closed")
                    .isEqualTo("after close");
            c.send(List.of("back"));
            assertThat(receivePromptly(server)).isEqualTo(List.of("back"));
            c.close();
            server.close();
        } finally {
            unix.close();
            tcp.close();
        }
    }
}
