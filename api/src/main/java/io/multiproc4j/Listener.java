package io.multiproc4j;

import java.net.SocketAddress;

/**
 * A socket that accepts authenticated {@link Connection}s: Python's {@code multiprocessing.connection.Listener}.
 * Obtain one from {@link MpContext#listen(byte[])} or {@link MpContext#listen(SocketAddress, byte[])}; a client
 * connects with {@link MpContext#connect(SocketAddress, byte[])}.
 *
 * <p><b>Authentication.</b> Before any message passes, each side proves to the other that it knows the key with an
 * HMAC-SHA256 challenge over random bytes; nothing is deserialised before both proofs have been checked. A side
 * whose peer fails throws {@link AuthenticationException}.
 *
 * <p><b>Privacy.</b> A Unix-domain listener's socket file is readable and writable by its owner only, in a
 * directory of its own, and is removed by {@link #close()} or when the process ends.
 *
 * <p><b>Thread safety.</b> {@link #accept()} may be called from several threads.
 *
 * <p>Rules SOCK-01 to SOCK-06 ({@code docs/spec/pipes.md}).
 */
public interface Listener extends AutoCloseable {

    /**
     * @return the address clients connect to: a {@link java.net.UnixDomainSocketAddress} or an
     *     {@link java.net.InetSocketAddress} with the actual port
     */
    SocketAddress address();

    /**
     * Waits for a client, authenticates it and returns the connection to it.
     *
     * @return a two-way connection to the client
     * @throws AuthenticationException if the client does not know the key; the listener stays open
     * @throws IllegalStateException if this listener is closed
     */
    Connection accept();

    /**
     * Stops listening and removes the socket file, if any. Connections already accepted stay open. Closing twice is
     * harmless.
     */
    @Override
    void close();
}
