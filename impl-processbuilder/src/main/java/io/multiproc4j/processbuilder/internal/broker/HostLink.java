package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.spi.ExitSequence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This JVM's connection to another process's {@link Host}: one per host, shared by every handle and thread, with
 * replies matched to requests by id. Once it drops it stays dead, since the host has released what this process held;
 * every call then throws {@link IpcObjectLostException}.
 */
final class HostLink {

    private static final Map<String, HostLink> LINKS = new HashMap<>();
    private static boolean hookInstalled;
    /** A reply meaning the host withdrew the request because we asked it to. */
    private static final Object CANCELLED = new Object();

    final String socket;
    final long hostPid;
    final byte[] token;
    private final Map<Integer, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequest = new AtomicInteger();
    private SocketChannel channel;
    private BrokerWire.Input input;
    private DataOutputStream out;
    private volatile boolean dead;

    private HostLink(String socket, long hostPid, byte[] token) {
        this.socket = socket;
        this.hostPid = hostPid;
        this.token = token.clone();
    }

    /** The link to the host listening on {@code socket}, connecting if this JVM has none yet. */
    static synchronized HostLink to(String socket, long hostPid, byte[] token) {
        HostLink link = LINKS.get(socket);
        if (link == null) {
            link = new HostLink(socket, hostPid, token);
            LINKS.put(socket, link);
            if (!hookInstalled) {
                // After the exit rules, so that this JVM's own children keep the objects they reach through it;
                // if the JVM is already exiting the link still works, and the exit closes it anyway.
                hookInstalled = ExitSequence.afterChildren(HostLink::closeAll);
            }
            link.connect();
        }
        return link;
    }

    private void connect() {
        // A blocking connect is closed by an interrupt; the interrupt is kept for the caller instead.
        boolean interrupted = Thread.interrupted();
        try {
            SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            BrokerWire.Input in = new BrokerWire.Input(ch);
            DataOutputStream o = new DataOutputStream(new BufferedOutputStream(BrokerWire.output(ch), 65536));
            o.write(token);
            o.writeLong(ProcessHandle.current().pid());
            o.flush();
            channel = ch;
            input = in;
            out = o;
            Host.daemon("mp4j-broker-link-" + hostPid, () -> readReplies(in));
        } catch (IOException | RuntimeException refused) {
            dead = true;
            removeIfHostDead();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Calls an operation on a hosted object and waits for its outcome.
     *
     * @param what the object, for messages
     * @param interruptible whether an interrupt withdraws the call ({@link InterruptedException}); otherwise the
     *     call completes and the interrupt status is set again
     */
    Object call(String what, long id, String op, long timeoutNanos, Object[] args, boolean interruptible)
            throws InterruptedException {
        int req = nextRequest.incrementAndGet();
        CompletableFuture<Object> f = new CompletableFuture<>();
        pending.put(req, f);
        // After the put: a drop that began before it is seen here, one after it completes f.
        if (dead) {
            pending.remove(req);
            throw lost(what);
        }
        try {
            synchronized (this) {
                out.writeByte(BrokerWire.CALL);
                out.writeInt(req);
                out.writeLong(Thread.currentThread().threadId());
                out.writeLong(id);
                out.writeUTF(op);
                out.writeLong(timeoutNanos);
                out.writeByte(args.length);
                for (Object a : args) {
                    BrokerWire.writeValue(out, a);
                }
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(req);
            linkDropped();
            throw lost(what);
        }
        boolean interrupted = false;
        boolean cancelSent = false;
        Object v;
        while (true) {
            try {
                v = f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                if (interruptible && !cancelSent) {
                    cancelSent = true;
                    sendCancel(req);
                }
            } catch (ExecutionException e) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (e.getCause() instanceof LinkDropped) {
                    throw lost(what);
                }
                throw ObjectRef.rethrow(e.getCause());
            }
        }
        if (v == CANCELLED) {
            throw new InterruptedException("interrupted while waiting on " + what);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return v;
    }

    private void sendCancel(int req) {
        try {
            synchronized (this) {
                out.writeByte(BrokerWire.CANCEL);
                out.writeInt(req);
                out.flush();
            }
        } catch (IOException e) {
            linkDropped();
        }
    }

    IpcObjectLostException lost(String what) {
        return new IpcObjectLostException(what + " is lost: the process " + hostPid + " that hosts it has ended (or"
                + " its connection to this process broke), so it can no longer be used here");
    }

    private void readReplies(BrokerWire.Input input) {
        try (BrokerWire.Input closing = input) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(input, 65536));
            while (true) {
                int req = in.readInt();
                byte status = in.readByte();
                Object v = null;
                Throwable failure = null;
                switch (status) {
                    case BrokerWire.OK -> v = BrokerWire.readValue(in);
                    case BrokerWire.TIMED_OUT -> v = Hosted.TIMED_OUT;
                    case BrokerWire.CANCELLED -> v = CANCELLED;
                    case BrokerWire.FAILED -> failure = BrokerWire.readFailure(in);
                    default -> throw new IOException("corrupt broker stream: status " + status);
                }
                CompletableFuture<Object> f = pending.remove(req);
                if (f != null) {
                    if (failure != null) {
                        f.completeExceptionally(failure);
                    } else {
                        f.complete(v);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            linkDropped();
        }
    }

    private void linkDropped() {
        dead = true;
        close();
        // Before the callers learn of it, so that whoever sees the loss also sees the host's files gone.
        removeIfHostDead();
        List<CompletableFuture<Object>> waiting = new ArrayList<>(pending.values());
        pending.clear();
        for (CompletableFuture<Object> f : waiting) {
            f.completeExceptionally(new LinkDropped());
        }
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
            input.wakeup();
        }
    }

    /** A SIGKILLed host leaves its socket file behind; whoever sees it dead removes it. */
    private void removeIfHostDead() {
        if (!ProcessHandle.of(hostPid).map(ProcessHandle::isAlive).orElse(false)) {
            Host.deleteSocket(Path.of(socket));
        }
    }

    private static void closeAll() {
        List<HostLink> links;
        synchronized (HostLink.class) {
            links = new ArrayList<>(LINKS.values());
        }
        for (HostLink link : links) {
            link.dead = true;
            // Closing matters for speed: the JVM's exit waits up to 300 ms for threads in native code.
            link.close();
            link.removeIfHostDead();
        }
    }

    /** The connection dropped while a call was under way. */
    private static final class LinkDropped extends Exception {
        private static final long serialVersionUID = 1L;

        LinkDropped() {
            super(null, null, false, false);
        }
    }
}
