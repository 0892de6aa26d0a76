package io.multiproc4j.nativeos.internal.pipe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of a pipe end: writes each message as a 4-byte big-endian length and its bytes, the header and
 * the start of the message in one system call from a native staging buffer, the rest of a long message straight
 * from its array. One send at a time ({@link #lock}), so that messages of concurrent threads are never interleaved.
 *
 * <p>A send waits, in slices, while the socket's buffer is full. It is not interruptible (an interrupt stays set),
 * and a {@code close()} of the end from another thread ends it only if none of its message has gone yet: a message
 * cut short would leave the stream unreadable for the processes that still hold this end.
 */
final class FrameWriter {

    private static final int STAGING_SIZE = 64 * 1024;
    /** A message's header, its length: 4 bytes, big-endian, as socket connections frame theirs. */
    static final ValueLayout.OfInt HEADER = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    private final Descriptor socket;
    private final ReentrantLock lock = new ReentrantLock();
    private MemorySegment staging;

    FrameWriter(Descriptor socket) {
        this.socket = socket;
    }

    /**
     * Sends {@code length} bytes of {@code buffer} from {@code offset} as one message; the range is valid and at
     * most {@link io.multiproc4j.Connection#MAX_MESSAGE_SIZE} long.
     *
     * @throws io.multiproc4j.BrokenPipeException if the other end is closed in every process
     * @throws IllegalStateException if the end is or gets closed in this process before the message starts
     */
    void send(byte[] buffer, int offset, int length) {
        socket.enter();
        try {
            lock.lock();
            try {
                if (staging == null) {
                    staging = Arena.ofAuto().allocate(STAGING_SIZE);
                }
                int first = Math.min(length, STAGING_SIZE - Integer.BYTES);
                staging.set(HEADER, 0, length);
                MemorySegment.copy(buffer, offset, staging, ValueLayout.JAVA_BYTE, Integer.BYTES, first);
                write(staging, Integer.BYTES + first, true);
                if (first < length) {
                    write(MemorySegment.ofArray(buffer).asSlice(offset + first), length - first, false);
                }
            } finally {
                lock.unlock();
            }
        } finally {
            socket.exit();
        }
    }

    private void write(MemorySegment from, long length, boolean startsMessage) {
        long done = 0;
        while (done < length) {
            long n = socket.send(done == 0 ? from : from.asSlice(done), length - done);
            if (n != Descriptor.WOULD_BLOCK) {
                done += n;
            } else {
                if (startsMessage && done == 0) {
                    socket.checkOpen();
                }
                socket.await(Descriptor.POLLOUT, Descriptor.SLICE_MILLIS);
            }
        }
    }
}
