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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
    /** How soon a cancel that could not be written, because another thread was writing, is tried again. */
    private static final long CANCEL_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long a caller reads the connection itself for its reply before it parks. */
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    final String socket;
    final long hostPid;
    final byte[] token;
    private final Map<Integer, Call> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequest = new AtomicInteger();
    /** Held by the one caller writing a request or a cancel. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Held by the one caller reading replies; see {@link #await}. */
    private final ReentrantLock reading = new ReentrantLock();
    private SocketChannel channel;
    private BrokerWire.Input input;
    private DataInputStream in;
    private DataOutputStream out;
    private volatile boolean dead;
    private volatile boolean readerWanted;
    private volatile Thread reader;

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
            this.in = new DataInputStream(new BufferedInputStream(in, 65536));
            out = o;
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
        Call c = new Call(req, interruptible);
        pending.put(req, c);
        // After the put: a drop that began before it is seen here, one after it completes c.
        if (dead) {
            pending.remove(req);
            throw lost(what);
        }
        writing.lock();
        try {
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
        } catch (IOException e) {
            pending.remove(req);
            linkDropped();
            throw lost(what);
        } finally {
            writing.unlock();
        }
        c.sent = true;
        await(c);
        if (c.failure != null) {
            if (c.interrupted) {
                Thread.currentThread().interrupt();
            }
            if (c.failure instanceof LinkDropped) {
                throw lost(what);
            }
            throw ObjectRef.rethrow(c.failure);
        }
        if (c.value == CANCELLED) {
            throw new InterruptedException("interrupted while waiting on " + what);
        }
        if (c.interrupted) {
            Thread.currentThread().interrupt();
        }
        return c.value;
    }

    /**
     * Waits for the reply to {@code c}. A caller whose request is sent reads the connection itself when no other
     * thread does, so that a prompt reply wakes only the thread waiting for it. One that waits longer than
     * {@link #LEAD_NANOS} leaves the reading to this link's reader thread and parks, as any blocked caller does.
     */
    private void await(Call c) {
        while (!c.done) {
            if (c.mustCancel()) {
                trySendCancel(c);
            }
            if (!c.patient && reading.tryLock()) {
                try {
                    lead(c);
                } finally {
                    reading.unlock();
                    handOff();
                }
            } else if (c.mustCancel()) {
                LockSupport.parkNanos(this, CANCEL_RETRY_NANOS);
            } else if (!c.done) {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                c.interrupted = true;
            }
        }
    }

    /** Reads replies, completing whichever calls they answer, until {@code c} is answered or has waited long. */
    private void lead(Call c) {
        long deadline = System.nanoTime() + LEAD_NANOS;
        try {
            while (!c.done) {
                if (c.mustCancel()) {
                    trySendCancel(c);
                }
                // Between replies a wait must end on an interrupt, which has to send a cancel; within one it need
                // not, as the rest of the reply is on its way.
                if (in.available() == 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        c.patient = true;
                        return;
                    }
                    long wait = c.mustCancel() ? Math.min(left, CANCEL_RETRY_NANOS) : left;
                    boolean ready = input.awaitReadable(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                    if (Thread.interrupted()) {
                        c.interrupted = true;
                    }
                    if (!ready) {
                        continue;
                    }
                }
                readReply();
                if (input.takeInterrupt()) {
                    c.interrupted = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (input.takeInterrupt()) {
                c.interrupted = true;
            }
            linkDropped();
        }
    }

    /** The reader thread: reads replies while a patient call waits for one. */
    private void readForPatientCalls() {
        while (!dead) {
            if (!readerWanted) {
                LockSupport.park(this);
                continue;
            }
            readerWanted = false;
            reading.lock();
            try {
                while (!dead && anyPatient()) {
                    if (in.available() == 0 && !input.awaitReadable(0)) {
                        continue;
                    }
                    readReply();
                }
            } catch (IOException | RuntimeException e) {
                linkDropped();
            } finally {
                reading.unlock();
                handOff();
            }
        }
    }

    private boolean anyPatient() {
        for (Call c : pending.values()) {
            if (c.patient) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a thread stops reading: lets a caller whose request is sent take over, as its reply may be next, or
     * else the reader thread if a patient call waits.
     */
    private void handOff() {
        Thread me = Thread.currentThread();
        boolean patientWaits = false;
        for (Call other : pending.values()) {
            if (other.patient) {
                patientWaits = true;
            } else if (other.sent && other.thread != me) {
                LockSupport.unpark(other.thread);
                return;
            }
        }
        if (patientWaits) {
            wakeReader();
        }
    }

    private void wakeReader() {
        readerWanted = true;
        Thread r = reader;
        if (r == null) {
            synchronized (this) {
                r = reader;
                if (r == null) {
                    // Started only when first needed: most calls are answered before their callers would park.
                    r = Host.daemon("mp4j-broker-link-" + hostPid, this::readForPatientCalls);
                    reader = r;
                }
            }
        }
        LockSupport.unpark(r);
    }

    /**
     * Sends a cancel for {@code c} unless another thread is writing: that writer may be waiting for the host to read,
     * and the host for this process to read its replies, so the cancel is tried again shortly instead.
     */
    private void trySendCancel(Call c) {
        if (!writing.tryLock()) {
            return;
        }
        try {
            out.writeByte(BrokerWire.CANCEL);
            out.writeInt(c.req);
            out.flush();
            c.cancelSent = true;
        } catch (IOException e) {
            c.cancelSent = true;
            linkDropped();
        } finally {
            writing.unlock();
        }
    }

    IpcObjectLostException lost(String what) {
        return new IpcObjectLostException(what + " is lost: the process " + hostPid + " that hosts it has ended (or"
                + " its connection to this process broke), so it can no longer be used here");
    }

    /** Reads one reply and completes its call. */
    private void readReply() throws IOException {
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
        Call c = pending.remove(req);
        if (c != null) {
            c.finish(v, failure);
        }
    }

    private void linkDropped() {
        dead = true;
        close();
        closeQuietly(input);
        // Before the callers learn of it, so that whoever sees the loss also sees the host's files gone.
        removeIfHostDead();
        for (Integer req : new ArrayList<>(pending.keySet())) {
            Call c = pending.remove(req);
            if (c != null) {
                c.finish(null, new LinkDropped());
            }
        }
        Thread r = reader;
        if (r != null) {
            LockSupport.unpark(r);
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

    private static void closeQuietly(BrokerWire.Input input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // its selector was closed already
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

    /** One call, from its request to its reply. */
    private static final class Call {
        final int req;
        final boolean interruptible;
        final Thread thread = Thread.currentThread();
        /** Whether its request is written, so that its thread may read replies. */
        volatile boolean sent;
        /** Whether it has waited long enough to leave the reading to the reader thread. */
        volatile boolean patient;
        volatile boolean done;
        // Written before done.
        Object value;
        Throwable failure;
        // Only its own thread uses these.
        boolean interrupted;
        boolean cancelSent;

        Call(int req, boolean interruptible) {
            this.req = req;
            this.interruptible = interruptible;
        }

        boolean mustCancel() {
            return interrupted && interruptible && !cancelSent;
        }

        void finish(Object v, Throwable t) {
            value = v;
            failure = t;
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
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
