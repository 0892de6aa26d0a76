package io.multiproc4j.nativeos.internal.pipe;

import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MultiprocessingException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side of a pipe end: splits the byte stream of its socket back into messages, each a 4-byte
 * big-endian length and that many bytes. Bytes are read ahead into a native staging buffer, so a poll can tell a
 * whole message from a part of one without consuming anything; a message that does not lie whole in staging is
 * assembled in its own array, read into directly while much of it is missing.
 *
 * <p>One receive or poll at a time ({@link #lock}), so that each message goes to one receiver, whole.
 */
final class FrameReader {

    private static final int STAGING_SIZE = 64 * 1024;
    /** Read straight into a message's array, rather than through staging, while this much of it is missing. */
    private static final int DIRECT_READ = 16 * 1024;

    private final Descriptor socket;
    private final ReentrantLock lock = new ReentrantLock();

    /*
     * The read state, guarded by lock. Staging holds bytes read and not yet used at [head, tail). `length` is the
     * length of the message whose header has been taken from staging, or -1. `body`, when not null, is that
     * message's array, `filled` bytes of it received. While `skip` > 0, bytes of a refused message are dropped as
     * they come. `eof` is set once the other end is closed everywhere and every byte has been read.
     */
    private MemorySegment staging;
    private int head;
    private int tail;
    private int length = -1;
    private byte[] body;
    private int filled;
    private int skip;
    private boolean eof;
    private MultiprocessingException corrupt;

    FrameReader(Descriptor socket) {
        this.socket = socket;
    }

    /**
     * Receives one message, waiting as long as it takes.
     *
     * @param maxLength the longest message accepted; a longer one is consumed and refused
     * @throws EndOfStreamException if the other end is closed and every message has been received
     * @throws MessageTooLargeException if the message is longer than {@code maxLength}
     * @throws IllegalStateException if the end is or gets closed in this process
     * @throws MultiprocessingException if the thread is interrupted while waiting; nothing is consumed
     */
    byte[] receive(int maxLength) {
        socket.enter();
        try {
            // a message already here is received even by an interrupted thread
            if (!lock.tryLock()) {
                try {
                    lock.lockInterruptibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted();
                }
            }
            try {
                fill(false, false, 0);
                if (length < 0) {
                    throw endOfStream();
                }
                if (length > maxLength) {
                    int refused = length;
                    discard();
                    throw new MessageTooLargeException("a message of " + refused + " bytes is longer than the "
                            + maxLength + " accepted; it was discarded");
                }
                fill(true, false, 0);
                if (!whole()) {
                    throw endOfStream();
                }
                return take();
            } finally {
                lock.unlock();
            }
        } finally {
            socket.exit();
        }
    }

    /**
     * Waits at most {@code nanos} until a whole message or the end of the stream can be received. An interrupt
     * ends the wait with {@code false} and stays set.
     *
     * @param nanos the longest wait; zero or less does not wait
     * @throws IllegalStateException if the end is or gets closed in this process
     */
    boolean poll(long nanos) {
        socket.enter();
        try {
            long deadline = System.nanoTime() + nanos;
            try {
                if (!lock.tryLock() && (nanos <= 0 || !lock.tryLock(nanos, TimeUnit.NANOSECONDS))) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                return fill(true, true, deadline);
            } finally {
                lock.unlock();
            }
        } finally {
            socket.exit();
        }
    }

    /**
     * Reads until the next message's header ({@code whole} false) or the whole message ({@code whole} true) is
     * here, or the stream has ended. A {@code bounded} wait is a poll's: an interrupt ends it with false, where an
     * unbounded one (a receive's) throws.
     *
     * @return false if a {@code bounded} wait reached its deadline or was interrupted first
     */
    private boolean fill(boolean whole, boolean bounded, long deadline) {
        if (staging == null) {
            staging = Arena.ofAuto().allocate(STAGING_SIZE);
        }
        while (true) {
            advance(whole);
            if (eof || (length >= 0 && (!whole || whole()))) {
                return true;
            }
            if (readSome()) {
                continue;
            }
            long millis = Descriptor.SLICE_MILLIS;
            if (bounded) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                millis = Math.min(millis, (left + 999_999) / 1_000_000);
            }
            if (Thread.currentThread().isInterrupted()) {
                if (bounded) {
                    return false;
                }
                throw interrupted();
            }
            socket.checkOpen();
            socket.await(Descriptor.POLLIN, (int) millis);
        }
    }

    /** Moves staged bytes on: dropped while skipping, into the header, into the message's array. */
    private void advance(boolean whole) {
        if (corrupt != null) {
            throw corrupt;
        }
        if (skip > 0) {
            int n = Math.min(skip, tail - head);
            head += n;
            skip -= n;
            if (skip > 0) {
                return;
            }
        }
        if (length < 0) {
            if (tail - head < Integer.BYTES) {
                return;
            }
            int n = staging.get(FrameWriter.HEADER, head);
            if (n < 0 || n > Connection.MAX_MESSAGE_SIZE) {
                corrupt = new MultiprocessingException("the stream of this pipe is corrupt: a message claims " + n
                        + " bytes; was its descriptor written to by other code? Close this pipe");
                throw corrupt;
            }
            head += Integer.BYTES;
            length = n;
        }
        if (whole && body == null && tail - head < length) {
            body = new byte[length];
            filled = 0;
        }
        if (body != null && tail > head) {
            int n = Math.min(tail - head, length - filled);
            MemorySegment.copy(staging, ValueLayout.JAVA_BYTE, head, body, filled, n);
            head += n;
            filled += n;
        }
    }

    private boolean whole() {
        return length >= 0 && (body != null ? filled == length : tail - head >= length);
    }

    /**
     * One read without waiting: straight into the message's array when much of it is missing, else into staging.
     *
     * @return whether bytes came or the stream ended
     */
    private boolean readSome() {
        long n;
        if (body != null && head == tail && length - filled >= DIRECT_READ) {
            n = socket.recv(MemorySegment.ofArray(body).asSlice(filled), length - filled);
            if (n > 0) {
                filled += (int) n;
            }
        } else {
            if (head == tail) {
                head = 0;
                tail = 0;
            } else if (tail == STAGING_SIZE) {
                // only the few bytes of an incomplete header can be left here: the rest has moved on
                MemorySegment.copy(staging, head, staging, 0, tail - head);
                tail -= head;
                head = 0;
            }
            n = socket.recv(staging.asSlice(tail), STAGING_SIZE - tail);
            if (n > 0) {
                tail += (int) n;
            }
        }
        if (n == 0) {
            eof = true;
        }
        return n != Descriptor.WOULD_BLOCK;
    }

    /** Hands out the whole message and forgets it. */
    private byte[] take() {
        byte[] m = body;
        if (m == null) {
            m = new byte[length];
            MemorySegment.copy(staging, ValueLayout.JAVA_BYTE, head, m, 0, length);
            head += length;
        }
        body = null;
        length = -1;
        return m;
    }

    /** Drops the message whose header has been read, including the part not received yet. */
    private void discard() {
        skip = body != null ? length - filled : length;
        body = null;
        length = -1;
        advance(false);
    }

    private EndOfStreamException endOfStream() {
        boolean torn = length >= 0 || head != tail;
        if (torn) {
            body = null;
            length = -1;
            head = 0;
            tail = 0;
        }
        return new EndOfStreamException("the other end of the pipe is closed in every process that had it, and"
                + " every message has been received" + (torn ? "; the last message was cut off (its sender died"
                + " while sending it) and is discarded" : ""));
    }

    private static MultiprocessingException interrupted() {
        return new MultiprocessingException("interrupted while waiting for a message on a pipe; nothing was"
                + " received, and the thread's interrupt status is kept");
    }
}
