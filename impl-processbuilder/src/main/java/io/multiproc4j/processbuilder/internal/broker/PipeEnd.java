package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.spi.MessageCodec;
import io.multiproc4j.spi.Transfer;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of a pipe, in any process: a {@link Connection} whose messages go through the {@link PipeState} in the
 * creator. Each instance holds one reference to its end, released by {@link #close()}, when this process ends, or
 * when the instance is garbage-collected unclosed.
 */
final class PipeEnd implements Connection, Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ref;
    private final int end;
    private final boolean readable;
    private final boolean writable;
    private final transient AtomicBoolean closed = new AtomicBoolean();

    PipeEnd(ObjectRef ref, int end, boolean readable, boolean writable) {
        this.ref = ref;
        this.end = end;
        this.readable = readable;
        this.writable = writable;
        Host.CLEANER.register(this, new Release(ref, end, closed));
    }

    @Override
    public void send(Object message) {
        checkWritable();
        transmit(MessageCodec.serialise(message));
    }

    @Override
    public void sendBytes(byte[] message) {
        Objects.requireNonNull(message, "message");
        sendBytes(message, 0, message.length);
    }

    @Override
    public void sendBytes(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        checkWritable();
        if (length > MAX_MESSAGE_SIZE) {
            throw Messages.tooLarge("the message is " + length + " bytes long, more than");
        }
        transmit(Arrays.copyOfRange(buffer, offset, offset + length));
    }

    private void transmit(byte[] message) {
        ref.callNow("send", end, message);
    }

    @Override
    public Object receive() {
        return MessageCodec.decode(take(Integer.MAX_VALUE));
    }

    @Override
    public byte[] receiveBytes() {
        return take(Integer.MAX_VALUE);
    }

    @Override
    public byte[] receiveBytes(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, but is " + maxLength);
        }
        return take(maxLength);
    }

    @Override
    public int receiveBytesInto(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside a buffer of " + buffer.length
                    + " bytes");
        }
        byte[] m = take(Integer.MAX_VALUE);
        int room = buffer.length - offset;
        if (m.length > room) {
            throw new BufferTooShortException(m, room);
        }
        System.arraycopy(m, 0, buffer, offset, m.length);
        return m.length;
    }

    /**
     * Receives one message. An interrupt withdraws the wait: since {@code Connection} has no checked
     * {@code InterruptedException}, it is reported as a {@link MultiprocessingException} with the interrupt status
     * set again, and nothing is consumed.
     */
    private byte[] take(int maxLength) {
        checkReadable();
        try {
            return (byte[]) ref.call("recv", BrokerWire.FOREVER, end, maxLength);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultiprocessingException("interrupted while waiting for a message on " + this
                    + "; nothing was received", e);
        }
    }

    @Override
    public boolean poll() {
        checkReadable();
        return ref.callNow("poll", end) == Boolean.TRUE;
    }

    /** An interrupt ends the wait early: the result is then {@code false} and the interrupt status is kept. */
    @Override
    public boolean poll(Duration timeout) {
        long nanos = ObjectRef.timeoutNanos(timeout);
        checkReadable();
        try {
            return ref.call("poll", nanos, end) == Boolean.TRUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isReadable() {
        return readable;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        Release.release(ref, end, closed);
    }

    private void checkReadable() {
        checkOpen();
        if (!readable) {
            throw new IllegalStateException("connection is write-only: " + this + " is the sending end of a one-way"
                    + " pipe");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (!writable) {
            throw new IllegalStateException("connection is read-only: " + this + " is the receiving end of a one-way"
                    + " pipe");
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed in this process");
        }
    }

    @Override
    public String toString() {
        return "PipeEnd[" + ref + ", " + (end == 0 ? "first" : "second") + " end, "
                + (readable && writable ? "duplex" : readable ? "receive-only" : "send-only") + ", "
                + (closed.get() ? "closed" : "open") + "]";
    }

    /**
     * Counts a reference for the receiver before the end leaves (a ticket): the end stays open for the receiver even
     * if this process closes its copy at once. The receiver claims the ticket when it deserialises the end; if it
     * never does, the ticket is released once it has ended.
     */
    private Object writeReplace() throws ObjectStreamException {
        Transfer transfer = Transfer.require("a pipe end");
        if (closed.get()) {
            throw new NotSerializableException(this + " is closed in this process, so it cannot be sent to another");
        }
        ObjectRef r = ref;
        int e = end;
        long ticket = (Long) r.callNow("ticket", e);
        transfer.whenReceiverEnds(() -> unticket(r, e, ticket));
        return new Form(r.form(transfer), e, readable, writable, ticket);
    }

    private static void unticket(ObjectRef ref, int end, long ticket) {
        try {
            ref.callNow("unticket", end, ticket);
        } catch (IpcObjectLostException hostGone) {
            // nothing left to release
        }
    }

    /** A pipe end as it crosses to another process. */
    private record Form(ObjectRef.Form ref, int end, boolean readable, boolean writable, long ticket)
            implements Serializable {

        private Object readResolve() {
            ObjectRef r = ref.attach();
            try {
                r.callNow("claim", end, ticket);
            } catch (IpcObjectLostException hostGone) {
                // every call on the end will say so
            }
            return new PipeEnd(r, end, readable, writable);
        }
    }

    /** Releases an end's reference once, by close() or by the cleaner; never refers to the PipeEnd itself. */
    private record Release(ObjectRef ref, int end, AtomicBoolean closed) implements Runnable {

        @Override
        public void run() {
            release(ref, end, closed);
        }

        static void release(ObjectRef ref, int end, AtomicBoolean closed) {
            if (closed.compareAndSet(false, true)) {
                try {
                    ref.callNow("close", end);
                } catch (IpcObjectLostException hostGone) {
                    // nothing left to release
                }
            }
        }
    }
}
