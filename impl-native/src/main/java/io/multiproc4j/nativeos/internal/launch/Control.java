package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.nativeos.internal.Libc;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The control channel between a parent and a child it spawned: a Unix stream socket, descriptor
 * {@link Spawn#CONTROL_FD} in the child. The parent sends the start-up message once; the child answers with
 * {@link #TASK_STARTED} once its task is loaded. The parent reads the answer only after it has reaped the child, so
 * the channel needs no reader thread.
 */
final class Control {

    /** Start-up message: {@code int magic, int parentPid, byte daemon, int niceness, int specLength, spec}. */
    static final int MAGIC = 0x6d70346e; // "mp4n"
    /** No niceness was asked for. */
    static final int NO_NICENESS = Integer.MIN_VALUE;
    /** The child's task was loaded and is about to run. */
    static final byte TASK_STARTED = 1;
    /** The header of the start-up message, in bytes. */
    static final int HEADER_BYTES = 17;

    private Control() {
    }

    /** Writes all of {@code bytes} to {@code fd}; a short write is continued. */
    static void writeFully(int fd, byte[] bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
            long done = 0;
            while (done < bytes.length) {
                done += Libc.write(fd, buf.asSlice(done), bytes.length - done);
            }
        }
    }

    /**
     * Reads until {@code n} bytes have come, or end of file.
     *
     * @return the bytes read; fewer than {@code n} at end of file
     */
    static byte[] readUpTo(int fd, int n) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, n));
            long done = 0;
            while (done < n) {
                long r = Libc.read(fd, buf.asSlice(done), n - done);
                if (r == 0) {
                    break;
                }
                done += r;
            }
            return buf.asSlice(0, done).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** Reads everything until end of file, keeping at most {@code limit} bytes. */
    static byte[] readToEnd(int fd, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(8192);
            long r;
            while ((r = Libc.read(fd, buf, buf.byteSize())) > 0) {
                int keep = (int) Math.min(r, Math.max(0, limit - out.size()));
                out.write(buf.asSlice(0, keep).toArray(ValueLayout.JAVA_BYTE), 0, keep);
            }
        } catch (Libc.NativeCallException e) {
            // a reset connection ends the stream as well
        }
        return out.toByteArray();
    }
}
