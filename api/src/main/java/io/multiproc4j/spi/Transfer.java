package io.multiproc4j.spi;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The serialisation of a task for one receiving process, during which IPC handles may be serialised. A handle's
 * {@code writeObject} (or {@code writeReplace}) calls {@link #require(String)} to learn that it is being sent
 * legitimately, and may register what to undo when the receiver has ended: for example, a reference it counted for
 * the receiver that the receiver never claimed because it failed to start.
 *
 * <p>{@link StandardProcess} opens one around the serialisation of each task, and settles it when the child has
 * ended; a pool (or anything else that sends tasks) does the same around its own sends.
 *
 * <p>A transfer to a process being started ({@link #startsProcess()}) also carries what its launcher must hand to
 * the child at start-up besides the task, as {@linkplain #attachment(Class, Supplier) attachments}: an
 * implementation that passes file descriptors at spawn, for example, collects them there while the task is
 * serialised, and its launcher finds them in {@link LaunchRequest#transfer()}.
 */
public final class Transfer {

    private static final ThreadLocal<Transfer> CURRENT = new ThreadLocal<>();

    private final List<Runnable> onReceiverEnded = new ArrayList<>();
    private final Map<Class<?>, Object> attachments = new HashMap<>();
    private final boolean startsProcess;
    private Transfer outer;
    private boolean ended;

    Transfer(boolean startsProcess) {
        this.startsProcess = startsProcess;
    }

    /**
     * Starts serialising for one receiver that is already running, such as a pool worker, on the current thread;
     * pair with {@link #close()} in a {@code finally}.
     *
     * @return the transfer, now current on this thread
     */
    public static Transfer open() {
        return open(false);
    }

    /**
     * Starts serialising the task of a process about to be started, on the current thread; pair with
     * {@link #close()} in a {@code finally}, and pass the transfer to the launcher in the {@link LaunchRequest}.
     *
     * @return the transfer, now current on this thread
     */
    public static Transfer openForNewProcess() {
        return open(true);
    }

    private static Transfer open(boolean startsProcess) {
        Transfer t = new Transfer(startsProcess);
        t.outer = CURRENT.get();
        CURRENT.set(t);
        return t;
    }

    /**
     * @return whether the receiver is a process being started, whose launcher can hand it what the
     *     {@linkplain #attachment(Class, Supplier) attachments} hold; {@code false} for a receiver already running
     */
    public boolean startsProcess() {
        return startsProcess;
    }

    /**
     * The attachment of a type, created on first use: what the launcher of a new process must hand over besides the
     * task.
     *
     * @param type the attachment's type, its key
     * @param ifAbsent makes it when this transfer has none yet
     * @param <T> the type
     * @return the attachment
     */
    public synchronized <T> T attachment(Class<T> type, Supplier<? extends T> ifAbsent) {
        return type.cast(attachments.computeIfAbsent(type, k -> ifAbsent.get()));
    }

    /**
     * @param type the attachment's type
     * @param <T> the type
     * @return the attachment of that type, if one was made
     */
    public synchronized <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /**
     * The transfer being serialised on this thread, for a handle that is being written.
     *
     * @param what the handle, for the message, for example {@code "a queue"}
     * @return the current transfer
     * @throws NotSerializableException if no transfer is open: the handle is being serialised some other way, for
     *     example put into a queue
     */
    public static Transfer require(String what) throws NotSerializableException {
        Transfer t = CURRENT.get();
        if (t == null) {
            throw new NotSerializableException(what + " can reach another process only by being captured in the task"
                    + " given to MpProcess.start(); it cannot be sent through a queue or a pipe, or serialised"
                    + " otherwise");
        }
        return t;
    }

    /**
     * @return the transfer being serialised on this thread, if any
     */
    public static Optional<Transfer> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Registers an action to run once the receiver has ended (or never started). Runs it at once if it has already.
     *
     * @param action what to undo
     */
    public void whenReceiverEnds(Runnable action) {
        synchronized (this) {
            if (!ended) {
                onReceiverEnded.add(action);
                return;
            }
        }
        action.run();
    }

    /** Ends the serialisation on this thread; the transfer stays open for {@link #receiverEnded()}. */
    public void close() {
        if (CURRENT.get() == this) {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Runs every registered action, once; call it when the receiving process has ended or failed to start. */
    public void receiverEnded() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            actions = new ArrayList<>(onReceiverEnded);
            onReceiverEnded.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("multiproc4j: releasing a transferred IPC object failed: " + e);
            }
        }
    }
}
