package io.multiproc4j.spi;

import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.RemoteTaskException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between a pool and its workers, each one {@link io.multiproc4j.Connection#sendBytes(byte[])} message
 * whose first byte says what it is. Tasks, functions and items are serialised in the submitting thread and travel
 * as bytes; results and exceptions are serialised in the worker one by one, so that one that cannot cross fails
 * only its own item.
 *
 * <pre>
 * pool → worker   WORK   chunk id, job id, kind, function (or -1 when the worker has it), items (Object[])
 *                 STOP
 * worker → pool   HELLO  worker id         READY       INIT_FAILED failure
 *                 DONE   chunk id, count, then TOGETHER, the results as one Object[], and the failures with
 *                        their positions; or ONE_BY_ONE, then per item 1 and the result, or 0 and a failure;
 *                        or count ALL_FAILED and one failure for every item
 * </pre>
 *
 * A failure is the serialised exception, its class name and its message; when the exception itself cannot be
 * serialised, a {@link RemoteTaskException} with the same class name, message and stack trace is sent instead.
 */
final class PoolWire {

    static final byte WORK = 'W';
    static final byte STOP = 'S';
    static final byte HELLO = 'H';
    static final byte READY = 'R';
    static final byte INIT_FAILED = 'I';
    static final byte DONE = 'D';

    /** The count of a DONE for a chunk that failed as a whole (its items could not be read), then one failure. */
    static final int ALL_FAILED = -2;

    /** How the results of a DONE are written: all together, or one by one. */
    private static final byte TOGETHER = 1;
    private static final byte ONE_BY_ONE = 0;

    /** How many causes of an exception that cannot be serialised are copied. */
    private static final int MAX_CAUSES = 16;

    /** What the function of a job is, and so how a worker calls it. */
    enum Kind {
        /** A {@link java.util.concurrent.Callable} (a {@code PoolTask} too), called once; one item, ignored. */
        CALL,
        /** A {@link Runnable}, run once; one item, ignored; the result is {@code null}. */
        RUN,
        /** A {@code PoolFunction}, applied to each item. */
        MAP,
        /** A {@code PoolBiFunction}, applied to each item, an {@code Object[]} of two arguments. */
        STAR
    }

    private PoolWire() {
    }

    static byte[] work(long chunkId, long jobId, Kind kind, byte[] function, byte[] items) {
        return write(out -> {
            out.writeByte(WORK);
            out.writeLong(chunkId);
            out.writeLong(jobId);
            out.writeByte(kind.ordinal());
            writeBytes(out, function);
            writeBytes(out, items);
        });
    }

    static byte[] allFailed(long chunkId, Throwable failure) {
        return write(out -> {
            out.writeByte(DONE);
            out.writeLong(chunkId);
            out.writeInt(ALL_FAILED);
            writeFailure(out, failure);
        });
    }

    static byte[] stop() {
        return new byte[] {STOP};
    }

    static byte[] hello(long workerId) {
        return write(out -> {
            out.writeByte(HELLO);
            out.writeLong(workerId);
        });
    }

    static byte[] ready() {
        return new byte[] {READY};
    }

    static byte[] initFailed(Throwable failure) {
        return write(out -> {
            out.writeByte(INIT_FAILED);
            writeFailure(out, failure);
        });
    }

    /**
     * The results of a chunk: its successful results serialised together in one {@code Object[]} (failed positions
     * {@code null}) followed by the failures and their positions; or, when that array cannot be serialised, each
     * result on its own, so that only the results that cannot be sent fail.
     *
     * @param results per item: the result, or the {@link Throwable} it failed with when {@code failed[i]}
     */
    static byte[] done(long chunkId, Object[] results, boolean[] failed) {
        Object[] values = new Object[results.length];
        int failures = 0;
        for (int i = 0; i < results.length; i++) {
            if (failed[i]) {
                failures++;
            } else {
                values[i] = results[i];
            }
        }
        byte[] together;
        try {
            together = MessageCodec.serialise(values);
        } catch (MultiprocessingException e) {
            return doneOneByOne(chunkId, results, failed);
        }
        int failureCount = failures;
        return write(out -> {
            out.writeByte(DONE);
            out.writeLong(chunkId);
            out.writeInt(results.length);
            out.writeByte(TOGETHER);
            writeBytes(out, together);
            out.writeInt(failureCount);
            for (int i = 0; i < results.length; i++) {
                if (failed[i]) {
                    out.writeInt(i);
                    writeFailure(out, (Throwable) results[i]);
                }
            }
        });
    }

    private static byte[] doneOneByOne(long chunkId, Object[] results, boolean[] failed) {
        return write(out -> {
            out.writeByte(DONE);
            out.writeLong(chunkId);
            out.writeInt(results.length);
            out.writeByte(ONE_BY_ONE);
            for (int i = 0; i < results.length; i++) {
                if (!failed[i]) {
                    try {
                        byte[] value = MessageCodec.serialise(results[i]);
                        out.writeByte(1);
                        writeBytes(out, value);
                        continue;
                    } catch (MultiprocessingException e) {
                        results[i] = new MessageNotSerializableException("the result of the task, of class "
                                + results[i].getClass().getName() + ", cannot be sent back: " + e.getMessage(), e);
                    }
                }
                out.writeByte(0);
                writeFailure(out, (Throwable) results[i]);
            }
        });
    }

    /**
     * Reads the results of a DONE message whose count is {@code count} (not negative) into the arrays.
     */
    static void readResults(Message m, Object[] results, boolean[] failed) {
        if (m.readByte() == TOGETHER) {
            byte[] together = m.readBytes();
            int failures = m.readInt();
            for (int f = 0; f < failures; f++) {
                int i = m.readInt();
                results[i] = m.readFailure();
                failed[i] = true;
            }
            Object[] values;
            try {
                values = (Object[]) MessageCodec.decode(together);
            } catch (MultiprocessingException e) {
                for (int i = 0; i < results.length; i++) {
                    if (!failed[i]) {
                        results[i] = e;
                        failed[i] = true;
                    }
                }
                return;
            }
            for (int i = 0; i < results.length; i++) {
                if (!failed[i]) {
                    results[i] = values[i];
                }
            }
            return;
        }
        for (int i = 0; i < results.length; i++) {
            if (m.readByte() == 1) {
                try {
                    results[i] = MessageCodec.decode(m.readBytes());
                } catch (MultiprocessingException e) {
                    results[i] = e;
                    failed[i] = true;
                }
            } else {
                results[i] = m.readFailure();
                failed[i] = true;
            }
        }
    }

    /** A message as read: its type and a stream over the rest. */
    record Message(byte type, DataInputStream body) {

        long readLong() {
            try {
                return body.readLong();
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        int readInt() {
            try {
                return body.readInt();
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        byte readByte() {
            try {
                return body.readByte();
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        /** @return the bytes, or {@code null} where none were sent */
        byte[] readBytes() {
            try {
                int n = body.readInt();
                return n < 0 ? null : body.readNBytes(n);
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        /** Reads a failure and brings it into this process; never throws for a failure that cannot be read. */
        Throwable readFailure() {
            byte[] bytes = readBytes();
            String className = readString();
            String message = readString();
            try {
                return (Throwable) MessageCodec.decode(bytes);
            } catch (RuntimeException e) {
                return new RemoteTaskException(className, message.isEmpty() ? null : message,
                        "could not be brought into this process: " + e.getMessage());
            }
        }

        private String readString() {
            byte[] b = readBytes();
            return b == null ? "" : new String(b, StandardCharsets.UTF_8);
        }

        private static MultiprocessingException malformed(IOException e) {
            return new MultiprocessingException("a pool message ended early: " + e, e);
        }
    }

    static Message read(byte[] message) {
        if (message.length == 0) {
            throw new MultiprocessingException("an empty pool message");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(message, 1, message.length - 1));
        return new Message(message[0], in);
    }

    private static void writeFailure(DataOutputStream out, Throwable failure) throws IOException {
        byte[] bytes;
        try {
            bytes = MessageCodec.serialise(failure);
        } catch (MultiprocessingException e) {
            bytes = MessageCodec.serialise(standIn(failure, "not serialisable: " + e.getMessage()));
        }
        writeBytes(out, bytes);
        writeBytes(out, failure.getClass().getName().getBytes(StandardCharsets.UTF_8));
        String message = failure.getMessage();
        writeBytes(out, message == null ? null : message.getBytes(StandardCharsets.UTF_8));
    }

    /** A serialisable copy of {@code failure}: class name, message and stack trace, and the same for its causes. */
    static RemoteTaskException standIn(Throwable failure, String why) {
        return standIn(failure, why, 0);
    }

    private static RemoteTaskException standIn(Throwable failure, String why, int depth) {
        RemoteTaskException copy = new RemoteTaskException(failure.getClass().getName(), failure.getMessage(), why);
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && depth < MAX_CAUSES) {
            copy.initCause(standIn(cause, why, depth + 1));
        }
        return copy;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
