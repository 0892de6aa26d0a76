package io.multiproc4j.spi;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A {@link Connection} over a connected socket: each message is a 4-byte big-endian length and that many bytes.
 *
 * <p>The channel is non-blocking and every wait is a {@link Selector} of this connection's own, so that a receive or
 * poll can time out and {@link #close()} can wake any thread blocked here. Bytes are read ahead into a buffer, so a
 * poll never consumes part of a message. Blocking calls are not interruptible (as {@code Connection} declares no
 * {@code InterruptedException}); an interrupt is kept for the caller.
 */
final class SocketConnection implements Connection {

    private static final int STAGING_SIZE = 64 * 1024;

    private final SocketChannel channel;
    private final String peer;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    /*
     * The read state, guarded by readLock. Bytes read land in `staging` (in read mode) and are moved on: first into
     * `header`; once it is full, into `body`, which receive allocates after checking the length; or they are dropped
     * while `skip` bytes of a refused message remain. `eof` is set when the peer has closed (or reset) the stream.
     */
    private final ByteBuffer staging = ByteBuffer.allocate(STAGING_SIZE).flip();
    private final ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);
    private ByteBuffer body;
    private long skip;
    private boolean eof;
    private MultiprocessingException corrupt;

    /**
     * @param channel a connected channel; it becomes non-blocking and is owned by this connection
     * @param peer how to name the other end in messages
     */
    SocketConnection(SocketChannel channel, String peer) throws IOException {
        this.channel = channel;
        this.peer = peer;
        Selector r = null;
        Selector w = null;
        try {
            channel.configureBlocking(false);
            r = Selector.open();
            w = Selector.open();
            channel.register(r, SelectionKey.OP_READ);
            channel.register(w, SelectionKey.OP_WRITE);
        } catch (IOException | RuntimeException e) {
            closeQuietly(r);
            closeQuietly(w);
            closeQuietly(channel);
            throw e;
        }
        readSelector = r;
        writeSelector = w;
        SocketCleanup.track(this);
    }

    @Override
    public void send(Object message) {
        ensureOpen();
        write(MessageCodec.encode(message));
    }

    @Override
    public Object receive() {
        return MessageCodec.decode(receiveBytes());
    }

    @Override
    public void sendBytes(byte[] message) {
        sendBytes(message, 0, message.length);
    }

    @Override
    public void sendBytes(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        ensureOpen();
        if (length > MAX_MESSAGE_SIZE) {
            throw new MessageTooLargeException("a message of " + length + " bytes is over Connection.MAX_MESSAGE_SIZE ("
                    + MAX_MESSAGE_SIZE + "); send it in parts, or through shared memory");
        }
        ByteBuffer frame = ByteBuffer.allocate(Integer.BYTES).putInt(0, length);
        write(frame, ByteBuffer.wrap(buffer, offset, length));
    }

    @Override
    public byte[] receiveBytes() {
        return receiveBytes(MAX_MESSAGE_SIZE);
    }

    @Override
    public byte[] receiveBytes(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, but is " + maxLength);
        }
        try {
            return receiveFrame(maxLength, false, 0);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    @Override
    public int receiveBytesInto(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside the buffer of length "
                    + buffer.length);
        }
        byte[] message = receiveBytes();
        int room = buffer.length - offset;
        if (message.length > room) {
            throw new BufferTooShortException(message, room);
        }
        System.arraycopy(message, 0, buffer, offset, message.length);
        return message.length;
    }

    @Override
    public boolean poll() {
        ensureOpen();
        if (!readLock.tryLock()) {
            return false;
        }
        try {
            return awaitMessage(true, System.nanoTime());
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public boolean poll(Duration timeout) {
        ensureOpen();
        long nanos = nanos(timeout);
        long deadline = System.nanoTime() + nanos;
        try {
            if (!readLock.tryLock(nanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return awaitMessage(true, deadline);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public boolean isReadable() {
        return true;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SocketCleanup.forget(this);
        // Closing the selectors wakes any thread waiting in them; then the channel's descriptor is released.
        closeQuietly(readSelector);
        closeQuietly(writeSelector);
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "socket connection to " + peer + (closed ? " (closed)" : "");
    }

    /**
     * Receives one message of at most {@code maxLength} bytes, within {@code timeout}: for the handshake.
     *
     * @throws TimeoutException if no whole message arrived in time
     */
    byte[] receiveBytes(int maxLength, Duration timeout) throws TimeoutException {
        return receiveFrame(maxLength, true, System.nanoTime() + nanos(timeout));
    }

    String peer() {
        return peer;
    }

    private byte[] receiveFrame(int maxLength, boolean bounded, long deadline) throws TimeoutException {
        ensureOpen();
        readLock.lock();
        try {
            if (!await(() -> !header.hasRemaining(), bounded, deadline)) {
                throw new TimeoutException("no message from " + peer + " in time");
            }
            if (header.hasRemaining()) {
                throw endOfStream();
            }
            int length = header.getInt(0);
            if (length > maxLength) {
                discardMessage();
                throw new MessageTooLargeException("a message of " + length + " bytes from " + peer
                        + " is longer than the " + maxLength + " accepted; it was discarded");
            }
            if (body == null) {
                body = ByteBuffer.allocate(length);
                drain();
            }
            if (!await(() -> !body.hasRemaining(), bounded, deadline)) {
                throw new TimeoutException("no whole message from " + peer + " in time");
            }
            if (body.hasRemaining()) {
                throw endOfStream();
            }
            byte[] message = body.array();
            body = null;
            header.clear();
            return message;
        } finally {
            readLock.unlock();
        }
    }

    /** Waits until a whole message or the end of the stream is buffered; true if so. Holds readLock. */
    private boolean awaitMessage(boolean bounded, long deadline) {
        if (!await(() -> !header.hasRemaining(), bounded, deadline)) {
            return false;
        }
        if (header.hasRemaining()) {
            return true;
        }
        if (body == null) {
            body = ByteBuffer.allocate(header.getInt(0));
            drain();
        }
        return await(() -> !body.hasRemaining(), bounded, deadline);
    }

    /**
     * Reads until {@code done} holds or the stream has ended; false if the deadline passed first. Holds readLock.
     */
    private boolean await(BooleanSupplier done, boolean bounded, long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                drain();
                if (done.getAsBoolean() || eof) {
                    return true;
                }
                if (readSome() != 0) {
                    continue;
                }
                long waitMillis = 0;
                if (bounded) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    waitMillis = Math.max(1, (left + 999_999) / 1_000_000);
                }
                readSelector.select(waitMillis);
                ensureOpen();
                readSelector.selectedKeys().clear();
                // select returns at once while the interrupt flag is set; keep it for the caller instead
                interrupted |= Thread.interrupted();
            }
        } catch (IOException | ClosedSelectorException e) {
            ensureOpen();
            throw new MultiprocessingException("waiting for a message from " + peer + " failed: " + e, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Moves bytes from staging into the message being assembled. Holds readLock. */
    private void drain() {
        if (corrupt != null) {
            throw corrupt;
        }
        if (skip > 0) {
            int n = (int) Math.min(skip, staging.remaining());
            staging.position(staging.position() + n);
            skip -= n;
            if (skip > 0) {
                return;
            }
        }
        if (header.hasRemaining()) {
            while (header.hasRemaining() && staging.hasRemaining()) {
                header.put(staging.get());
            }
            if (header.hasRemaining()) {
                return;
            }
            int length = header.getInt(0);
            if (length < 0 || length > MAX_MESSAGE_SIZE) {
                corrupt = new MultiprocessingException("the stream from " + peer + " is corrupt: a message claims "
                        + length + " bytes; close this connection");
                throw corrupt;
            }
        }
        if (body != null && body.hasRemaining() && staging.hasRemaining()) {
            int n = Math.min(body.remaining(), staging.remaining());
            body.put(body.position(), staging, staging.position(), n);
            body.position(body.position() + n);
            staging.position(staging.position() + n);
        }
    }

    /** Drops the message whose header has been read, including the part not yet received. Holds readLock. */
    private void discardMessage() {
        skip = body != null ? body.remaining() : header.getInt(0);
        body = null;
        header.clear();
        drain();
    }

    /**
     * One non-blocking read: straight into a large body, else into staging. Returns the bytes read, or -1 at the end
     * of the stream (also recorded in {@code eof}). Holds readLock.
     */
    private int readSome() {
        try {
            int n;
            if (body != null && !staging.hasRemaining() && body.remaining() >= STAGING_SIZE && skip == 0) {
                n = channel.read(body);
            } else {
                staging.compact();
                try {
                    n = channel.read(staging);
                } finally {
                    staging.flip();
                }
            }
            if (n < 0) {
                eof = true;
            }
            return n;
        } catch (ClosedChannelException e) {
            throw closedException();
        } catch (IOException reset) {
            // a reset by the peer ends the stream as a close does
            ensureOpen();
            eof = true;
            return -1;
        }
    }

    private EndOfStreamException endOfStream() {
        boolean torn = header.position() > 0 || body != null;
        if (torn) {
            // the sender ended in the middle of a message: it is dropped whole
            body = null;
            header.clear();
            staging.clear().flip();
        }
        return new EndOfStreamException("the other end (" + peer + ") is closed and every message has been read"
                + (torn ? "; the last message was cut off and is discarded" : ""));
    }

    private void write(ByteBuffer... frame) {
        writeLock.lock();
        boolean interrupted = false;
        try {
            if (peerHasClosed()) {
                throw brokenPipe(null);
            }
            while (frame[0].hasRemaining() || frame[frame.length - 1].hasRemaining()) {
                if (channel.write(frame) == 0) {
                    writeSelector.select();
                    ensureOpen();
                    writeSelector.selectedKeys().clear();
                    interrupted |= Thread.interrupted();
                }
            }
        } catch (ClosedChannelException | ClosedSelectorException e) {
            throw closedException();
        } catch (IOException e) {
            ensureOpen();
            throw brokenPipe(e);
        } finally {
            writeLock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the peer's close has already arrived. Over TCP the first write after the peer's close still succeeds,
     * so look for the end of the stream first, reading ahead without blocking if no receive is under way.
     */
    private boolean peerHasClosed() {
        if (!readLock.tryLock()) {
            return false;
        }
        try {
            if (!eof) {
                readSome();
            }
            return eof;
        } finally {
            readLock.unlock();
        }
    }

    private BrokenPipeException brokenPipe(IOException cause) {
        return new BrokenPipeException("the other end (" + peer + ") is closed, so the message could never be read",
                cause);
    }

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("this connection to " + peer + " is closed");
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
