package io.multiproc4j.spi;

import io.multiproc4j.Connection;
import io.multiproc4j.Listener;
import io.multiproc4j.MultiprocessingException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link Listener} over a blocking server socket; each accepted client is authenticated by
 * {@link SocketHandshake} before it is returned. Closing the channel wakes threads blocked in {@link #accept()}.
 */
final class SocketListener implements Listener {

    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final byte[] key;
    private final Path socketFile;
    private final Path privateDirectory;
    private volatile boolean closed;

    /**
     * @param server a bound server channel, owned by this listener
     * @param address what clients connect to
     * @param key the authentication key (already copied)
     * @param socketFile the Unix-domain socket's file to remove on close, or null for TCP
     * @param privateDirectory the directory made for that file, to remove on close, or null if none was made
     */
    SocketListener(ServerSocketChannel server, SocketAddress address, byte[] key, Path socketFile,
            Path privateDirectory) {
        this.server = server;
        this.address = address;
        this.key = key;
        this.socketFile = socketFile;
        this.privateDirectory = privateDirectory;
        SocketCleanup.track(this);
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public Connection accept() {
        ensureOpen();
        SocketChannel client;
        try {
            client = server.accept();
        } catch (ClosedChannelException e) {
            throw new IllegalStateException("this listener at " + address + " is closed", e);
        } catch (IOException e) {
            ensureOpen();
            throw new MultiprocessingException("the listener at " + address + " could not accept a client: " + e, e);
        }
        SocketConnection connection;
        try {
            connection = new SocketConnection(client, "client of " + address);
        } catch (IOException e) {
            throw new MultiprocessingException("could not set up a connection to a client of " + address + ": " + e,
                    e);
        }
        try {
            SocketHandshake.asServer(connection, key);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SocketCleanup.forget(this);
        try {
            server.close();
        } catch (IOException ignored) {
            // the files are removed all the same
        }
        try {
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
            if (privateDirectory != null) {
                Files.deleteIfExists(privateDirectory);
            }
        } catch (IOException ignored) {
            // someone else removed or replaced them; nothing of ours is left to clean
        }
    }

    @Override
    public String toString() {
        return "listener at " + address + (closed ? " (closed)" : "");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this listener at " + address + " is closed");
        }
    }
}
