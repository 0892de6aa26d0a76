package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.spi.Transfer;
import java.io.Serializable;
import java.lang.ref.Reference;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a handle reaches its hosted object: directly in the process that hosts it, over a {@link HostLink} elsewhere.
 * This is what a handle (a queue, a pipe end, a lock) is built on.
 *
 * <p>To host a new object: {@code Host.local().register("lock", state)}. To call it:
 * {@link #call(String, long, Object...)} for an operation that may wait (the timeout is applied by the host; zero or
 * negative means "do not wait" and a wait that expires returns {@link Hosted#TIMED_OUT}), or
 * {@link #callNow(String, Object...)} for one that does not. A failure the state machine completed its future with
 * is thrown as it is when it is unchecked, and wrapped in a {@link CompletionException} when checked. A handle's
 * {@code writeReplace} calls {@link Transfer#require(String)} and then {@link #form(Transfer)}, and its serial form's
 * {@code readResolve} calls {@link Form#attach()}.
 */
final class ObjectRef {

    private final Host host;
    private final HostLink link;
    private final long id;
    private final String what;

    private ObjectRef(Host host, HostLink link, long id, String what) {
        this.host = host;
        this.link = link;
        this.id = id;
        this.what = what;
    }

    static ObjectRef local(Host host, long id, String what) {
        return new ObjectRef(host, null, id, what);
    }

    /** @return the object, for messages, for example {@code "queue #3"} */
    String what() {
        return what;
    }

    /** @return whether the object lives in this process */
    boolean isLocal() {
        return host != null;
    }

    /**
     * Calls an operation that may wait; an interrupt withdraws it unless it completed anyway, in which case its
     * result is returned and the interrupt status set again.
     *
     * @param op the operation
     * @param timeoutNanos the longest wait, {@link BrokerWire#FOREVER}, or zero or negative for none
     * @param args its arguments: {@code byte[]}, boxed primitives or Strings
     * @return the result, or {@link Hosted#TIMED_OUT}
     * @throws InterruptedException if interrupted and the operation was withdrawn
     */
    Object call(String op, long timeoutNanos, Object... args) throws InterruptedException {
        return call(op, timeoutNanos, args, true);
    }

    /**
     * Calls an operation that does not wait, or waits without being interruptible; an interrupt meanwhile is kept.
     */
    Object callNow(String op, Object... args) {
        try {
            return call(op, 0, args, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** As {@link #callNow}, but waits as long as {@code timeoutNanos} allows, uninterruptibly. */
    Object callUninterruptibly(String op, long timeoutNanos, Object... args) {
        try {
            return call(op, timeoutNanos, args, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private Object call(String op, long timeoutNanos, Object[] args, boolean interruptible)
            throws InterruptedException {
        if (link != null) {
            return link.call(what, id, op, timeoutNanos, args, interruptible);
        }
        CompletableFuture<Object> f = host.invoke(new Hosted.Caller(host.pid, Thread.currentThread().threadId()), id,
                op, args, timeoutNanos);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    if (interruptible && f.cancel(false)) {
                        throw new InterruptedException("interrupted while waiting on " + what);
                    }
                    interrupted = true;
                } catch (CancellationException e) {
                    throw new InterruptedException("interrupted while waiting on " + what);
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            // While a call waits, its object must not be forgotten for want of a reachable handle.
            Reference.reachabilityFence(this);
        }
    }

    /** @return {@code timeout} in nanoseconds, saturated; zero or negative means "do not wait" */
    static long timeoutNanos(java.time.Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        try {
            return Math.min(timeout.toNanos(), BrokerWire.FOREVER - 1);
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : BrokerWire.FOREVER - 1;
        }
    }

    @Override
    public String toString() {
        return what + (host != null ? ", hosted here" : ", hosted by process " + link.hostPid);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new CompletionException(t);
    }

    /**
     * The serial form of this reference, for a handle being sent to another process within {@code transfer}. For an
     * object hosted here, the host's socket is kept open until the receiver has ended.
     */
    Form form(Transfer transfer) {
        if (host != null) {
            return new Form(host.hold(transfer, id), host.pid, host.token.clone(), id, what);
        }
        return new Form(link.socket, link.hostPid, link.token.clone(), id, what);
    }

    /**
     * A reference as it crosses to another process.
     *
     * @param socket the host's socket
     * @param hostPid the host's pid
     * @param token the host's secret
     * @param id the object's id in its host
     * @param what the object, for messages
     */
    record Form(String socket, long hostPid, byte[] token, long id, String what) implements Serializable {

        /** @return the reference in this process: direct if this is the host, over a link otherwise */
        ObjectRef attach() {
            Host local = Host.local();
            if (hostPid == local.pid && local.isSocket(socket)) {
                ObjectRef ref = local.attachLocal(id);
                if (ref != null) {
                    return ref;
                }
            }
            if (hostPid == local.pid) {
                throw new MultiprocessingException(what + " was sent back to the process that hosts it through a socket"
                        + " that has since closed");
            }
            return new ObjectRef(null, HostLink.to(socket, hostPid, token), id, what);
        }
    }
}
