package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MultiprocessingException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * The broker's binary protocol over a Unix-domain socket. The client opens with the host's token and its pid; then
 * it sends requests and the host answers each, in any order, tagged with the request's id.
 * <pre>
 * hello    : token[TOKEN_BYTES] pid:long
 * request  : CALL reqId:int threadId:long objectId:long op:UTF timeoutNanos:long argc:ubyte value*
 *          | CANCEL reqId:int
 * reply    : reqId:int (OK value | TIMED_OUT | CANCELLED | FAILED className:UTF hasMessage:bool [message:UTF])
 * value    : tag:byte payload (null, byte[], boxed primitive or String)
 * </pre>
 */
final class BrokerWire {

    static final int TOKEN_BYTES = 32;
    /** A timeout that never expires; zero or negative means "do not wait". */
    static final long FOREVER = Long.MAX_VALUE;

    static final byte CALL = 1;
    static final byte CANCEL = 2;

    static final byte OK = 0;
    static final byte TIMED_OUT = 1;
    static final byte CANCELLED = 2;
    static final byte FAILED = 3;

    private static final byte T_NULL = 0;
    private static final byte T_BYTES = 1;
    private static final byte T_INT = 2;
    private static final byte T_LONG = 3;
    private static final byte T_BOOLEAN = 4;
    private static final byte T_STRING = 5;
    private static final byte T_DOUBLE = 6;
    private static final byte T_BYTE = 7;
    private static final byte T_SHORT = 8;
    private static final byte T_CHAR = 9;
    private static final byte T_FLOAT = 10;

    /** writeUTF's limit is 65535 bytes; a failure's message is cut well below it. */
    private static final int MAX_MESSAGE_CHARS = 8_000;

    private BrokerWire() {
    }

    static void writeValue(DataOutputStream out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(T_NULL);
            case byte[] b -> {
                out.writeByte(T_BYTES);
                out.writeInt(b.length);
                out.write(b);
            }
            case Integer i -> {
                out.writeByte(T_INT);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(T_LONG);
                out.writeLong(l);
            }
            case Boolean b -> {
                out.writeByte(T_BOOLEAN);
                out.writeBoolean(b);
            }
            case String s -> {
                out.writeByte(T_STRING);
                out.writeUTF(s);
            }
            case Double d -> {
                out.writeByte(T_DOUBLE);
                out.writeDouble(d);
            }
            case Byte b -> {
                out.writeByte(T_BYTE);
                out.writeByte(b);
            }
            case Short s -> {
                out.writeByte(T_SHORT);
                out.writeShort(s);
            }
            case Character c -> {
                out.writeByte(T_CHAR);
                out.writeChar(c);
            }
            case Float f -> {
                out.writeByte(T_FLOAT);
                out.writeFloat(f);
            }
            default -> throw new IllegalArgumentException("a broker value is a byte[], boxed primitive or String, not "
                    + v.getClass().getName());
        }
    }

    /** @return whether {@code v} can be written by {@link #writeValue} */
    static boolean isValue(Object v) {
        return v == null || v instanceof byte[] || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof String || v instanceof Double || v instanceof Byte || v instanceof Short
                || v instanceof Character || v instanceof Float;
    }

    static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case T_NULL -> null;
            case T_BYTES -> {
                int length = in.readInt();
                if (length < 0 || length > io.multiproc4j.Connection.MAX_MESSAGE_SIZE) {
                    throw new IOException("corrupt broker stream: a value of " + length + " bytes");
                }
                byte[] b = new byte[length];
                in.readFully(b);
                yield b;
            }
            case T_INT -> in.readInt();
            case T_LONG -> in.readLong();
            case T_BOOLEAN -> in.readBoolean();
            case T_STRING -> in.readUTF();
            case T_DOUBLE -> in.readDouble();
            case T_BYTE -> in.readByte();
            case T_SHORT -> in.readShort();
            case T_CHAR -> in.readChar();
            case T_FLOAT -> in.readFloat();
            default -> throw new IOException("corrupt broker stream: unknown value tag " + tag);
        };
    }

    static void writeFailure(DataOutputStream out, Throwable t) throws IOException {
        out.writeUTF(t.getClass().getName());
        String message = t.getMessage();
        out.writeBoolean(message != null);
        if (message != null) {
            out.writeUTF(message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message);
        }
    }

    /**
     * Rebuilds a failure the host reported, as the same class when it is a JDK or multiproc4j exception with a
     * {@code (String)} constructor, so that callers can tell, say, {@code EndOfStreamException} from others.
     */
    static Throwable readFailure(DataInputStream in) throws IOException {
        String className = in.readUTF();
        String message = in.readBoolean() ? in.readUTF() : null;
        if (className.startsWith("java.") || className.startsWith("io.multiproc4j.")) {
            try {
                Class<?> type = Class.forName(className, false, BrokerWire.class.getClassLoader());
                if (Throwable.class.isAssignableFrom(type)) {
                    return (Throwable) type.getConstructor(String.class).newInstance(message);
                }
            } catch (ReflectiveOperationException | LinkageError notRebuildable) {
                // fall through to the generic form
            }
        }
        return new MultiprocessingException(className + (message == null ? "" : ": " + message));
    }

    /**
     * The reading side of a connection. The channel is non-blocking, so that no thread's interrupt can close it:
     * a blocking channel is closed when a thread blocked in (or entering) one of its operations is interrupted, and
     * here user threads write requests and replies. Waits happen in a selector, which an interrupt only wakes.
     */
    static final class Input extends InputStream {
        private final SocketChannel channel;
        private final Selector selector;
        private boolean interruptSwallowed;

        /** @param channel a connected channel, now made non-blocking */
        Input(SocketChannel channel) throws IOException {
            this.channel = channel;
            channel.configureBlocking(false);
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (true) {
                int n = channel.read(buf);
                if (n != 0) {
                    return n;
                }
                awaitReadable(0);
                // Mid-message, the rest is on its way: the interrupt is kept for the reader, not allowed to turn
                // every further select into a spin.
                if (Thread.interrupted()) {
                    interruptSwallowed = true;
                }
            }
        }

        /**
         * Waits until the channel has something to read (or has ended), the thread is interrupted (its status is
         * left set), or {@code timeoutMillis} (zero: no limit) have passed.
         *
         * @return whether the channel has something to read
         */
        boolean awaitReadable(long timeoutMillis) throws IOException {
            int ready = selector.select(timeoutMillis);
            selector.selectedKeys().clear();
            if (!channel.isOpen()) {
                throw new AsynchronousCloseException();
            }
            return ready > 0;
        }

        /** @return whether {@link #read} was interrupted since the last call; clears that */
        boolean takeInterrupt() {
            boolean was = interruptSwallowed;
            interruptSwallowed = false;
            return was;
        }

        /** Ends a wait in {@link #read}, after the channel has been closed. */
        void wakeup() {
            selector.wakeup();
        }

        @Override
        public void close() throws IOException {
            selector.close();
        }
    }

    /**
     * The writing side of a non-blocking connection (see {@link Input}); any thread may write, interrupted or not.
     */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    if (channel.write(buf) == 0) {
                        awaitRoom(channel);
                    }
                }
            }
        };
    }

    /** Rare (the peer is not reading fast enough), so the selector is not kept. */
    private static void awaitRoom(SocketChannel channel) throws IOException {
        boolean interrupted = Thread.interrupted();
        try (Selector s = Selector.open()) {
            channel.register(s, SelectionKey.OP_WRITE);
            s.select(100);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
