package io.multiproc4j.nativeos.internal.pipe;

import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.spi.MessageCodec;
import io.multiproc4j.spi.Transfer;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Objects;

/**
 * One end of a pipe: a {@link Connection} on one end of a socket pair. The kernel keeps the count this class would
 * otherwise keep: the other end reads end-of-stream, and sends to it fail with {@code EPIPE}, once every descriptor
 * of this end is closed, in every process, whether by {@code close()}, by the {@link Cleaner} when the end is
 * dropped, or by the death of the process.
 *
 * <p>An end reaches a child by being captured in the task of a process being started: the descriptor is passed at
 * spawn ({@link Descriptor#passTo}), and the child adopts it under the number the launcher gave it.
 */
final class PipeEnd implements Connection, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Cleaner CLEANER = Cleaner.create();

    private final transient Descriptor socket;
    /** {@code null} on the sending end of a one-way pipe. */
    private final transient FrameReader reader;
    /** {@code null} on the receiving end of a one-way pipe. */
    private final transient FrameWriter writer;

    PipeEnd(Descriptor socket, boolean readable, boolean writable) {
        this.socket = socket;
        this.reader = readable ? new FrameReader(socket) : null;
        this.writer = writable ? new FrameWriter(socket) : null;
        CLEANER.register(this, socket::close);
    }

    @Override
    public void send(Object message) {
        FrameWriter w = writer();
        byte[] bytes = MessageCodec.serialise(message);
        w.send(bytes, 0, bytes.length);
    }

    @Override
    public void sendBytes(byte[] message) {
        sendBytes(message, 0, message.length);
    }

    @Override
    public void sendBytes(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        FrameWriter w = writer();
        if (length > MAX_MESSAGE_SIZE) {
            throw new MessageTooLargeException("a message of " + length + " bytes is over Connection.MAX_MESSAGE_SIZE"
                    + " (" + MAX_MESSAGE_SIZE + "); send it in parts, or through shared memory; nothing was sent");
        }
        w.send(buffer, offset, length);
    }

    @Override
    public Object receive() {
        return MessageCodec.decode(reader().receive(MAX_MESSAGE_SIZE));
    }

    @Override
    public byte[] receiveBytes() {
        return reader().receive(MAX_MESSAGE_SIZE);
    }

    @Override
    public byte[] receiveBytes(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, but is " + maxLength);
        }
        return reader().receive(maxLength);
    }

    @Override
    public int receiveBytesInto(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside a buffer of " + buffer.length
                    + " bytes");
        }
        byte[] m = reader().receive(MAX_MESSAGE_SIZE);
        int room = buffer.length - offset;
        if (m.length > room) {
            throw new BufferTooShortException(m, room);
        }
        System.arraycopy(m, 0, buffer, offset, m.length);
        return m.length;
    }

    @Override
    public boolean poll() {
        return reader().poll(0);
    }

    @Override
    public boolean poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        return reader().poll(nanos);
    }

    @Override
    public boolean isReadable() {
        return reader != null;
    }

    @Override
    public boolean isWritable() {
        return writer != null;
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
    }

    private FrameReader reader() {
        socket.checkOpen();
        if (reader == null) {
            throw new IllegalStateException("this pipe end only sends: it is the second() end of a one-way pipe;"
                    + " receive on first()");
        }
        return reader;
    }

    private FrameWriter writer() {
        socket.checkOpen();
        if (writer == null) {
            throw new IllegalStateException("this pipe end only receives: it is the first() end of a one-way pipe;"
                    + " send on second()");
        }
        return writer;
    }

    @Override
    public String toString() {
        return "pipe end (" + socket + ", " + (reader != null && writer != null ? "duplex"
                : reader != null ? "receive-only" : "send-only") + ", " + (isClosed() ? "closed" : "open") + ")";
    }

    /** Passes the descriptor to the process being started with the task that captured this end. */
    private Object writeReplace() throws ObjectStreamException {
        Transfer transfer = Transfer.require("a pipe end");
        if (!transfer.startsProcess()) {
            throw new NotSerializableException("a pipe end can be handed only to a process being started, by"
                    + " capturing it in the task given to MpProcess.start(); a pool's workers are already running,"
                    + " so give them a queue instead");
        }
        if (socket.isClosed()) {
            throw new NotSerializableException(this + " is closed in this process, so it cannot be handed to"
                    + " another");
        }
        return new Form(socket.passTo(transfer), reader != null, writer != null, Libc.pid());
    }

    /**
     * A pipe end as it crosses to a new process.
     *
     * @param fd the descriptor's number in the receiving process
     * @param senderPid the process that wrote it, which cannot read it back: the number means nothing there
     */
    record Form(int fd, boolean readable, boolean writable, int senderPid) implements Serializable {

        private Object readResolve() throws ObjectStreamException {
            if (senderPid == Libc.pid()) {
                throw new InvalidObjectException("a pipe end was deserialised in the process that serialised it for"
                        + " a new process; only that new process can take it");
            }
            return new PipeEnd(Descriptor.adopt(fd), readable, writable);
        }
    }
}
