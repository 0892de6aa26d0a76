package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.Connection;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Serialising messages in the sender's thread and deserialising them in the receiver's; the host sees only bytes. */
final class Messages {

    private Messages() {
    }

    /**
     * @throws MessageNotSerializableException if {@code message} or something it refers to cannot be serialised
     * @throws MessageTooLargeException if it serialises to more than {@link Connection#MAX_MESSAGE_SIZE} bytes
     */
    static byte[] serialise(Object message) {
        Bounded buf = new Bounded();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(message);
        } catch (TooLarge e) {
            throw tooLarge("the message serialises to more than");
        } catch (NotSerializableException e) {
            String m = e.getMessage();
            throw new MessageNotSerializableException("the message cannot be serialised: "
                    + (m != null && !m.contains(" ") ? "class " + m + " is not Serializable" : m)
                    + "; send only serialisable values; nothing was sent", e);
        } catch (IOException e) {
            throw new MessageNotSerializableException("the message of class "
                    + (message == null ? "null" : message.getClass().getName()) + " cannot be serialised: " + e
                    + "; nothing was sent", e);
        }
        return buf.toByteArray();
    }

    /**
     * @throws MultiprocessingException if the bytes are not a serialised object or its class is not on this class
     *     path
     */
    static Object deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new MultiprocessingException("the message's class " + e.getMessage() + " is not on this process's"
                    + " class path", e);
        } catch (IOException | RuntimeException e) {
            throw new MultiprocessingException("the message is not a serialised Java object (was it sent with"
                    + " sendBytes?): " + e, e);
        }
    }

    static MessageTooLargeException tooLarge(String what) {
        return new MessageTooLargeException(what + " " + Connection.MAX_MESSAGE_SIZE + " bytes, the largest message;"
                + " nothing was sent");
    }

    /** Stops as soon as the limit is passed, rather than serialising a huge object whole first. */
    private static final class Bounded extends ByteArrayOutputStream {
        Bounded() {
            super(256);
        }

        @Override
        public void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if ((long) count + more > Connection.MAX_MESSAGE_SIZE) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
