package io.multiproc4j.tck.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Message types and byte patterns the IPC rules (PIPE, SOCK, Q, JQ, SQ) need by name. */
public final class IpcKitTypes {

    private IpcKitTypes() {
    }

    /** A user class that must be loaded from the receiver's class path (PIPE-04). */
    public record Point(int x, String label) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A serialisable object that records, in this JVM, that it was deserialised (SOCK-04): a stand-in for a
     * deserialisation gadget an unauthenticated peer could send.
     */
    public static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Set once an instance has been deserialised in this JVM. */
        public static volatile boolean tripped;

        /** Creates one. */
        public Tripwire() {
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            tripped = true;
        }
    }

    /**
     * @param length the message length
     * @param seed what distinguishes this message from its neighbours
     * @return a message whose every byte depends on {@code seed} and its position, so that a merged, split or
     *     truncated message is recognised
     */
    public static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    /**
     * @param message a received message
     * @param length the length it was sent with
     * @param seed the seed it was sent with
     * @return whether it is exactly {@link #pattern(int, int) pattern(length, seed)}
     */
    public static boolean isPattern(byte[] message, int length, int seed) {
        return Arrays.equals(message, pattern(length, seed));
    }

    /**
     * @param o an object
     * @return its Java serialisation
     */
    public static byte[] serialise(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes a Java serialisation
     * @return the object
     */
    public static Object deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
