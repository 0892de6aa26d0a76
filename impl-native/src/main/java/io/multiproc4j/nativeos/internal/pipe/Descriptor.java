package io.multiproc4j.nativeos.internal.pipe;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.nativeos.internal.Libc;
import io.multiproc4j.nativeos.internal.PassedDescriptors;
import io.multiproc4j.spi.Transfer;
import java.io.InvalidObjectException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One end of a connected Unix-domain stream socket in this process, and the system calls made on it. The descriptor
 * is closed exactly once, by {@link #close()} (from its end, or from a {@link java.lang.ref.Cleaner} once the end is
 * unreachable), and never while a call is using it: a call brackets its use with {@link #enter()} and
 * {@link #exit()}, and a close during a use leaves the closing to the last {@link #exit()}. Otherwise a thread
 * blocked on the number could wake up on an unrelated file that reused it.
 *
 * <p>{@code recv} and {@code send} never block ({@code MSG_DONTWAIT}), so they are bound as critical calls that read
 * and write Java arrays in place; waiting is {@code poll(2)}, in slices, so that an interrupt or a close is noticed.
 */
final class Descriptor {

    /** Longest single {@code poll(2)} wait, after which a waiter looks for an interrupt or a close. */
    static final int SLICE_MILLIS = 20;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    /** What {@link #recv} and {@link #send} return when the call would block. */
    static final long WOULD_BLOCK = -1;
    private static final long RETRY = -2;

    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final long CLOSED = 1L << 62;

    private static final MethodHandle RECV = Libc.function("recv",
            FunctionDescriptor.of(Libc.C_LONG, Libc.C_INT, Libc.C_POINTER, Libc.C_LONG, Libc.C_INT),
            Linker.Option.critical(true));
    private static final MethodHandle SEND = Libc.function("send",
            FunctionDescriptor.of(Libc.C_LONG, Libc.C_INT, Libc.C_POINTER, Libc.C_LONG, Libc.C_INT),
            Linker.Option.critical(true));
    private static final MethodHandle POLL = Libc.function("poll",
            FunctionDescriptor.of(Libc.C_INT, Libc.C_POINTER, Libc.C_LONG, Libc.C_INT));

    /** Each thread's {@code struct pollfd}. */
    private static final ThreadLocal<MemorySegment> POLL_FD =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(8, 4));

    private final int fd;
    /** {@link #CLOSED} once closed, plus the number of calls using the descriptor now. */
    private final AtomicLong state = new AtomicLong();

    private Descriptor(int fd) {
        this.fd = fd;
    }

    /** @return both ends of a new connected stream socket pair, close-on-exec */
    static Descriptor[] socketPair() {
        int[] fds;
        try {
            fds = Libc.socketPair();
        } catch (Libc.NativeCallException e) {
            throw new MultiprocessingException("cannot create a pipe: " + e.getMessage() + "; if it is EMFILE, this"
                    + " process has too many open descriptors: close the pipes it no longer uses", e);
        }
        return new Descriptor[] {new Descriptor(fds[0]), new Descriptor(fds[1])};
    }

    /**
     * Takes a descriptor that the launcher placed in this process at start-up as this process's own, and keeps it
     * from leaking into the processes this one starts.
     *
     * @param fd its number here
     * @return the descriptor
     * @throws InvalidObjectException if this process has no such descriptor
     */
    static Descriptor adopt(int fd) throws InvalidObjectException {
        if (Libc.fcntl(fd, Libc.F_SETFD, Libc.FD_CLOEXEC) != 0) {
            throw new InvalidObjectException("a pipe end arrived as descriptor " + fd + ", which this process does"
                    + " not have (" + Libc.failure("fcntl").getMessage() + "): a pipe end can only be received by"
                    + " a process that MpProcess.start() started with it");
        }
        return new Descriptor(fd);
    }

    /**
     * Starts a use of the descriptor.
     *
     * @throws IllegalStateException if it is closed
     */
    void enter() {
        long s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                throw closed();
            }
        } while (!state.compareAndSet(s, s + 1));
    }

    /** Ends a use; the last use after a {@link #close()} closes the descriptor. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            Libc.close(fd);
        }
    }

    /** @throws IllegalStateException if {@link #close()} was called, for a call waiting inside its use */
    void checkOpen() {
        if (isClosed()) {
            throw closed();
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** Closes the descriptor now, or when the last use ends. Idempotent. */
    void close() {
        long s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
        } while (!state.compareAndSet(s, s | CLOSED));
        if (s == 0) {
            Libc.close(fd);
        }
    }

    /**
     * Hands a duplicate of the descriptor to the process being started with {@code transfer}.
     *
     * @return the number the descriptor will have in that process
     */
    int passTo(Transfer transfer) {
        enter();
        try {
            return transfer.attachment(PassedDescriptors.class, () -> {
                PassedDescriptors passed = new PassedDescriptors();
                // the launcher closes them once it has spawned; this covers a task that failed to serialise
                transfer.whenReceiverEnds(passed::closeAll);
                return passed;
            }).pass(fd);
        } finally {
            exit();
        }
    }

    /**
     * Reads what is there, without waiting; inside a use.
     *
     * @return the number of bytes read, 0 at the end of the stream, or {@link #WOULD_BLOCK}
     */
    long recv(MemorySegment into, long max) {
        long n;
        do {
            try {
                n = (long) RECV.invokeExact(Libc.errnoSlot(), fd, into, max, MSG_DONTWAIT);
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        } while (n < 0 && (n = failed(false)) == RETRY);
        return n;
    }

    /**
     * Writes what the socket takes now, without waiting, and never raises {@code SIGPIPE}; inside a use.
     *
     * @return the number of bytes written, or {@link #WOULD_BLOCK}
     * @throws BrokenPipeException if the other end is closed in every process
     */
    long send(MemorySegment from, long length) {
        long n;
        do {
            try {
                n = (long) SEND.invokeExact(Libc.errnoSlot(), fd, from, length, MSG_DONTWAIT | MSG_NOSIGNAL);
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        } while (n < 0 && (n = failed(true)) == RETRY);
        return n;
    }

    /** What a failed {@code send} or {@code recv} comes to: {@link #RETRY}, {@link #WOULD_BLOCK}, 0, or a throw. */
    private long failed(boolean sending) {
        int errno = Libc.errno();
        return switch (errno) {
            case Libc.EINTR -> RETRY;
            case Libc.EAGAIN -> WOULD_BLOCK;
            // a peer that closed with bytes of ours unread resets the stream: for a reader it has ended all the same
            case Libc.ECONNRESET, Libc.EPIPE -> {
                if (!sending) {
                    yield 0;
                }
                throw new BrokenPipeException("the other end of the pipe is closed in every process that had it, so"
                        + " the message could never be read");
            }
            default -> throw new MultiprocessingException((sending ? "sending" : "receiving") + " on a pipe failed: "
                    + new Libc.NativeCallException((sending ? "send(" : "recv(") + fd + ")", errno).getMessage());
        };
    }

    /**
     * Waits until the socket is ready for {@code events}, has ended or failed, or {@code millis} have passed; inside
     * a use. A signal may end the wait early.
     */
    void await(short events, int millis) {
        MemorySegment pollFd = POLL_FD.get();
        pollFd.set(ValueLayout.JAVA_INT, 0, fd);
        pollFd.set(ValueLayout.JAVA_SHORT, 4, events);
        pollFd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        int r;
        try {
            r = (int) POLL.invokeExact(Libc.errnoSlot(), pollFd, 1L, millis);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r < 0 && Libc.errno() != Libc.EINTR) {
            throw new MultiprocessingException("waiting on a pipe failed: "
                    + Libc.failure("poll(" + fd + ")").getMessage());
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("this pipe end is closed in this process: close() was called on it");
    }

    @Override
    public String toString() {
        return "descriptor " + fd;
    }
}
