package io.multiproc4j.spi;

import io.multiproc4j.Connection;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;

/**
 * Java serialisation of the objects sent through a {@link Connection} or put into a queue: serialised in the sender's
 * thread (so a failure is the sender's, and nothing is sent), bounded by {@link Connection#MAX_MESSAGE_SIZE} while
 * it is written, and deserialised only by the receiver. Socket connections frame it as a 4-byte big-endian length
 * and the serialised bytes. Every implementation uses it, so that all channels accept and refuse the same objects.
 *
 * <p><b>Deserialisation filter.</b> Every object received is read through an {@link ObjectInputFilter} that rejects a
 * graph deeper than {@value #MAX_DEPTH} levels, with more than {@value #MAX_REFS} object references, or with an array
 * longer than {@link Connection#MAX_MESSAGE_SIZE} elements. These limits only bound the memory and stack a message
 * can take; they decide nothing about classes. A JVM-wide filter ({@code jdk.serialFilter} or
 * {@link ObjectInputFilter.Config#setSerialFilter}) is applied as well: a class it rejects is rejected here.
 */
public final class MessageCodec {

    /** The deepest object graph accepted: deep enough for real data, shallow enough for the default thread stack. */
    static final int MAX_DEPTH = 500;
    /** The most object references in one message. */
    static final int MAX_REFS = 5_000_000;

    private static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxdepth=" + MAX_DEPTH + ";maxrefs=" + MAX_REFS + ";maxarray=" + Connection.MAX_MESSAGE_SIZE
                    + ";maxbytes=" + Connection.MAX_MESSAGE_SIZE);

    private MessageCodec() {
    }

    /**
     * Serialises {@code message}.
     *
     * @param message the object, or {@code null}
     * @return its serialised bytes
     * @throws MessageNotSerializableException if it cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     */
    public static byte[] serialise(Object message) {
        FrameBuffer bytes = write(message, 0);
        return bytes.size() == bytes.capacity() ? bytes.array() : bytes.toByteArray();
    }

    /**
     * Serialises {@code message} behind a 4-byte length.
     *
     * @return the frame, ready to write
     * @throws MessageNotSerializableException if it cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     */
    static ByteBuffer encode(Object message) {
        return write(message, Integer.BYTES).frame();
    }

    private static FrameBuffer write(Object message, int header) {
        FrameBuffer bytes = new FrameBuffer(header);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        } catch (UncheckedTooLarge e) {
            throw new MessageTooLargeException("a message of class " + message.getClass().getName()
                    + " serialises to more than Connection.MAX_MESSAGE_SIZE (" + Connection.MAX_MESSAGE_SIZE
                    + ") bytes; send it in parts, or through shared memory; nothing was sent");
        } catch (NotSerializableException e) {
            throw new MessageNotSerializableException("a message of class " + message.getClass().getName()
                    + " refers to " + e.getMessage() + ", which is not Serializable; send only serialisable values,"
                    + " or mark that field transient; nothing was sent", e);
        } catch (IOException | RuntimeException e) {
            throw new MessageNotSerializableException("a message of class "
                    + (message == null ? "null" : message.getClass().getName()) + " could not be serialised: " + e
                    + "; nothing was sent", e);
        }
        return bytes;
    }

    /**
     * Deserialises one message in this process.
     *
     * @param message the bytes {@link #serialise} made
     * @return the object
     * @throws MultiprocessingException if the bytes are not a serialised object, a class is missing, or the filter
     *     rejects the graph
     */
    public static Object decode(byte[] message) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(message))) {
            ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
            in.setObjectInputFilter(global == null ? LIMITS : ObjectInputFilter.merge(LIMITS, global));
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new MultiprocessingException("a received message was refused while deserialising (" + e.getMessage()
                    + "); messages are limited to " + MAX_DEPTH + " levels of nesting, " + MAX_REFS
                    + " references and arrays of " + Connection.MAX_MESSAGE_SIZE + " elements, and must pass the"
                    + " JVM's serial filter; a class that differs between the processes also fails here", e);
        } catch (ClassNotFoundException e) {
            throw new MultiprocessingException("a received message refers to class " + e.getMessage()
                    + ", which is not on this process's class path; give both processes the same class path", e);
        } catch (IOException | RuntimeException e) {
            throw new MultiprocessingException("a received message is not a serialised object (" + e
                    + "); was it sent with sendBytes?", e);
        }
    }

    /** Keeps room for a header in front, so that a frame is written without another copy. */
    private static final class FrameBuffer extends ByteArrayOutputStream {
        private final int header;

        FrameBuffer(int header) {
            super(256);
            this.header = header;
            count = header;
        }

        int capacity() {
            return buf.length;
        }

        byte[] array() {
            return buf;
        }

        @Override
        public void write(int b) {
            ensureRoomFor(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensureRoomFor(len);
            super.write(b, off, len);
        }

        private void ensureRoomFor(int len) {
            if ((long) count - header + len > Connection.MAX_MESSAGE_SIZE) {
                throw new UncheckedTooLarge();
            }
        }

        ByteBuffer frame() {
            ByteBuffer frame = ByteBuffer.wrap(buf, 0, count);
            frame.putInt(0, count - Integer.BYTES);
            return frame;
        }
    }

    /**
     * Thrown by {@link FrameBuffer} as soon as the message outgrows the limit, before memory runs out; unchecked
     * because {@link ByteArrayOutputStream}'s write methods declare no exception.
     */
    private static final class UncheckedTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedTooLarge() {
            super("message too large", null, false, false);
        }
    }
}
