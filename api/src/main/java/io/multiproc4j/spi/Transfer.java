package io.multiproc4j.spi;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The serialisation of a task for one receiving process, during which IPC handles may be serialised. A handle's
 * {@code writeObject} (or {@code writeReplace}) calls {@link #require(String)} to learn that it is being sent
 * legitimately, and may register what to undo when the receiver has ended: for example, a reference it counted for
 * the receiver that the receiver never claimed because it failed to start.
 *
 * <p>{@link StandardProcess} opens one around the serialisation of each task, and settles it when the child has
 * ended; a pool (or anything else that sends tasks) does the same around its own sends.
 */
public final class Transfer {

    private static final ThreadLocal<Transfer> CURRENT = new ThreadLocal<>();

    private final List<Runnable> onReceiverEnded = new ArrayList<>();
    private Transfer outer;
    private boolean ended;

    /**
     * Starts serialising for one receiver on the current thread; pair with {@link #close()} in a {@code finally}.
     *
     * @return the transfer, now current on this thread
     */
    public static Transfer open() {
        Transfer t = new Transfer();
        t.outer = CURRENT.get();
        CURRENT.set(t);
        return t;
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
