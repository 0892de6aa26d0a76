package io.multiproc4j.spi;

import io.multiproc4j.AuthenticationException;
import io.multiproc4j.Connection;
import io.multiproc4j.Listener;
import io.multiproc4j.MultiprocessingException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The socket {@link Listener}s and {@link Connection}s every implementation shares: Python's
 * {@code multiprocessing.connection.Listener} and {@code Client}, on Unix-domain or TCP sockets.
 *
 * <p><b>Framing.</b> Each message is a 4-byte big-endian length and that many bytes; an object is its Java
 * serialisation, made by the sender and read back only by the receiver.
 *
 * <p><b>Deserialisation filter.</b> Objects are read through an {@link java.io.ObjectInputFilter} that rejects a
 * graph more than 500 levels deep, with more than 5,000,000 references, or with an array longer than
 * {@link Connection#MAX_MESSAGE_SIZE} elements; a JVM-wide filter ({@code jdk.serialFilter}) applies as well. The
 * limits bound the memory and stack one message can take; they do not vet classes, so receive only from peers you
 * trust.
 *
 * <p><b>Authentication.</b> Before any message passes, both sides prove they know the key: the listener sends a
 * challenge of 32 random bytes behind a tag, the client answers HMAC-SHA256(key, challenge), the listener replies
 * {@code #WELCOME#} or {@code #FAILURE#}; then the client challenges the listener the same way. Handshake messages
 * are at most 256 bytes and the whole handshake must finish within 30 seconds, so a foreign or silent peer fails with
 * {@link AuthenticationException} instead of hanging.
 *
 * <p>A private listener's socket file has mode 0600 in a directory of mode 0700 with a random name starting with
 * {@code mp4j-} in {@code java.io.tmpdir} (in {@code /tmp} if that is too deep for a socket path, see
 * {@link OwnedFiles#socketBase()}); both are removed by {@link Listener#close()}, or at the JVM's exit if it
 * was not closed. Sockets still open at exit are closed then.
 */
public final class SocketConnections {

    private static final String SOCKET_FILE = "listener.sock";

    private SocketConnections() {
    }

    /**
     * Listens on a new, private Unix-domain socket.
     *
     * @param authKey the key clients must prove they know; may be empty
     * @return the listener
     * @throws NullPointerException if {@code authKey} is null
     * @throws MultiprocessingException if the socket cannot be created
     */
    public static Listener listen(byte[] authKey) {
        byte[] key = authKey.clone();
        Path dir;
        try {
            dir = OwnedFiles.createPrivateDirectory(OwnedFiles.socketBase(), "listener");
        } catch (IOException | UnsupportedOperationException e) {
            throw new MultiprocessingException("could not create a private directory for a listener's socket in "
                    + OwnedFiles.socketBase() + ": " + e, e);
        }
        try {
            return listenUnix(UnixDomainSocketAddress.of(dir.resolve(SOCKET_FILE)), key, dir);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // the original failure matters more
            }
            throw e;
        }
    }

    /**
     * Listens on {@code address}.
     *
     * @param address a {@link UnixDomainSocketAddress} whose file does not exist, or an {@link InetSocketAddress}
     *     (port 0 picks a free port)
     * @param authKey the key clients must prove they know; may be empty
     * @return the listener
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the address is of another kind
     * @throws MultiprocessingException if the address is in use or cannot be bound
     */
    public static Listener listen(SocketAddress address, byte[] authKey) {
        Objects.requireNonNull(address, "address");
        byte[] key = authKey.clone();
        if (address instanceof UnixDomainSocketAddress) {
            return listenUnix((UnixDomainSocketAddress) address, key, null);
        }
        if (address instanceof InetSocketAddress) {
            ServerSocketChannel server = null;
            try {
                server = ServerSocketChannel.open();
                server.bind(address);
                return new SocketListener(server, server.getLocalAddress(), key, null, null);
            } catch (IOException e) {
                close(server);
                throw bindFailed(address, e);
            }
        }
        throw new IllegalArgumentException("a listener needs a UnixDomainSocketAddress or an InetSocketAddress, not a "
                + address.getClass().getName());
    }

    /**
     * Connects to a listener and authenticates both sides.
     *
     * @param address the listener's address
     * @param authKey the listener's key
     * @return a two-way connection
     * @throws NullPointerException if an argument is null
     * @throws AuthenticationException if the keys differ, or the peer is not a multiproc4j listener
     * @throws MultiprocessingException if nothing listens there
     */
    public static Connection connect(SocketAddress address, byte[] authKey) {
        Objects.requireNonNull(address, "address");
        byte[] key = authKey.clone();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(address);
        } catch (IOException e) {
            throw new MultiprocessingException("nothing accepts connections at " + address + " (" + e
                    + "); is the listener open, and is this its address?", e);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot connect to a " + address.getClass().getName()
                    + "; use a UnixDomainSocketAddress or an InetSocketAddress", e);
        }
        SocketConnection connection;
        try {
            connection = new SocketConnection(channel, "listener at " + address);
        } catch (IOException e) {
            throw new MultiprocessingException("could not set up a connection to " + address + ": " + e, e);
        }
        try {
            SocketHandshake.asClient(connection, key);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static Listener listenUnix(UnixDomainSocketAddress address, byte[] key, Path privateDirectory) {
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(address);
        } catch (IOException e) {
            close(server);
            throw bindFailed(address, e);
        }
        Path file = address.getPath();
        try {
            // The private directory already keeps others out; the mode also guards a socket bound elsewhere.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            close(server);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the original failure matters more
            }
            throw new MultiprocessingException("could not make the socket file " + file + " private: " + e, e);
        }
        return new SocketListener(server, address, key, file, privateDirectory);
    }

    private static MultiprocessingException bindFailed(SocketAddress address, IOException e) {
        String hint = e instanceof BindException
                ? address instanceof UnixDomainSocketAddress
                        ? "; a Unix-domain socket's file must not exist: choose a new path, or remove a stale file"
                        : "; the port is in use: choose another, or port 0 for any free one"
                : "";
        return new MultiprocessingException("could not listen on " + address + ": " + e + hint, e);
    }

    private static void close(ServerSocketChannel server) {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the bind failure matters more
            }
        }
    }
}
