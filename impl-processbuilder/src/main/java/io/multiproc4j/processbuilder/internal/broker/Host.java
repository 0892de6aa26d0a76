package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.IpcObjectLostException;
import io.multiproc4j.spi.ExitSequence;
import io.multiproc4j.spi.OwnedFiles;
import io.multiproc4j.spi.Transfer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objects this JVM created, and the socket through which other processes reach them. The socket is opened when
 * a handle is first serialised for another process, and closed (its file and private directory deleted) when no
 * transfer is pending and no client is connected, or at JVM exit: a later transfer opens a new one.
 */
final class Host {

    static final String DIRECTORY_PREFIX = "mp4j-broker-";
    static final String SOCKET_NAME = "h.sock";
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Host LOCAL = new Host();
    /** Forgets objects whose handles are gone; also releases pipe ends dropped unclosed. */
    static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "mp4j-broker-cleaner");
        t.setDaemon(true);
        return t;
    });

    final long pid = ProcessHandle.current().pid();
    final byte[] token = new byte[BrokerWire.TOKEN_BYTES];
    private final Map<Long, Entry> objects = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    // Guarded by this: the socket is open iff server != null; it stays open while holds > 0 or clients remain.
    private ServerSocketChannel server;
    private Path socket;
    private int holds;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private boolean hookInstalled;
    private boolean exiting;

    private Host() {
        RANDOM.nextBytes(token);
    }

    static Host local() {
        return LOCAL;
    }

    /**
     * One hosted object. It is forgotten once no handle in this JVM refers to it and no transfer of it is pending:
     * every process it was sent to has ended by then, or (a grandchild) is waited for by one that has not.
     */
    static final class Entry {
        final long id;
        final String kind;
        final Hosted state;
        // Guarded by the Host.
        private int localRefs;
        private int transfers;

        Entry(long id, String kind, Hosted state) {
            this.id = id;
            this.kind = kind;
            this.state = state;
        }

        Hosted state() {
            return state;
        }

        String describe() {
            return kind + " #" + id;
        }
    }

    /**
     * Hosts an object.
     *
     * @param kind what it is, for messages, for example {@code "queue"}
     * @param state its state machine
     * @return a reference through which this process calls it directly
     */
    ObjectRef register(String kind, Hosted state) {
        long id = nextId.getAndIncrement();
        Entry e = new Entry(id, kind, state);
        objects.put(id, e);
        return localRef(e);
    }

    /** @return a new direct reference to object {@code id}, or {@code null} if it has been forgotten */
    ObjectRef attachLocal(long id) {
        Entry e = objects.get(id);
        return e == null ? null : localRef(e);
    }

    private ObjectRef localRef(Entry e) {
        synchronized (this) {
            e.localRefs++;
        }
        ObjectRef ref = ObjectRef.local(this, e.id, e.describe());
        long id = e.id;
        CLEANER.register(ref, () -> dropLocalRef(id));
        return ref;
    }

    private synchronized void dropLocalRef(long id) {
        Entry e = objects.get(id);
        if (e != null) {
            e.localRefs--;
            forgetIfUnused(e);
        }
    }

    private void forgetIfUnused(Entry e) {
        if (e.localRefs <= 0 && e.transfers <= 0) {
            objects.remove(e.id);
        }
    }

    /** @return how many objects this JVM hosts now */
    int objectCount() {
        return objects.size();
    }

    /**
     * Runs one operation, applying the caller's timeout to a wait.
     *
     * @return the outcome; never throws
     */
    CompletableFuture<Object> invoke(Hosted.Caller caller, long id, String op, Object[] args, long timeoutNanos) {
        Entry e = objects.get(id);
        if (e == null) {
            return CompletableFuture.failedFuture(new IpcObjectLostException("object #" + id
                    + " does not exist in host process " + pid));
        }
        CompletableFuture<Object> f;
        try {
            synchronized (e.state()) {
                f = e.state().invoke(caller, op, args);
            }
        } catch (RuntimeException bug) {
            f = CompletableFuture.failedFuture(bug);
        }
        if (!f.isDone()) {
            if (timeoutNanos <= 0) {
                f.complete(Hosted.TIMED_OUT);
            } else if (timeoutNanos != BrokerWire.FOREVER) {
                f.completeOnTimeout(Hosted.TIMED_OUT, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        return f;
    }

    /**
     * Keeps the socket, and object {@code id}, until the transfer's receiver has ended, so that it can attach.
     *
     * @return the socket's path
     */
    synchronized String hold(Transfer transfer, long id) {
        if (server == null) {
            open();
        }
        String path = socket.toString();
        Entry e = objects.get(id);
        if (e != null) {
            e.transfers++;
        }
        holds++;
        transfer.whenReceiverEnds(() -> release(id));
        return path;
    }

    private synchronized void release(long id) {
        Entry e = objects.get(id);
        if (e != null) {
            e.transfers--;
            forgetIfUnused(e);
        }
        holds--;
        closeIfIdle();
    }

    private synchronized void closeIfIdle() {
        if (server != null && holds <= 0 && clients.isEmpty()) {
            closeServer();
        }
    }

    /** Whether {@code path} is this JVM's current socket. */
    synchronized boolean isSocket(String path) {
        return socket != null && socket.toString().equals(path);
    }

    private void open() {
        if (exiting) {
            throw new IllegalStateException("the JVM is exiting; no IPC object can be sent to another process now");
        }
        Path dir = null;
        try {
            dir = OwnedFiles.createPrivateDirectory(OwnedFiles.socketBase(), "broker");
            Path path = dir.resolve(SOCKET_NAME);
            ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            s.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            server = s;
            socket = path;
        } catch (IOException e) {
            if (dir != null) {
                deleteSocket(dir.resolve(SOCKET_NAME));
            }
            throw new IllegalStateException("could not open the socket through which other processes reach this"
                    + " process's IPC objects: " + e, e);
        }
        if (!hookInstalled) {
            hookInstalled = true;
            // After the exit rules: the children this JVM waits for at exit may still use its objects.
            if (!ExitSequence.afterChildren(this::shutdown)) {
                hookInstalled = false;
                closeServer();
                throw new IllegalStateException("the JVM is exiting; no IPC object can be sent to another process"
                        + " now");
            }
        }
        ServerSocketChannel s = server;
        Path path = socket;
        daemon("mp4j-broker-accept", () -> accept(s, path));
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException ignored) {
            // deleting the file below is what matters
        }
        deleteSocket(socket);
        server = null;
        socket = null;
    }

    private void shutdown() {
        synchronized (this) {
            exiting = true;
            if (server != null) {
                closeServer();
            }
        }
        // Closing matters for speed: the JVM's exit waits up to 300 ms for threads blocked in a native read.
        for (Client c : List.copyOf(clients)) {
            c.close();
        }
    }

    private void accept(ServerSocketChannel s, Path path) {
        while (true) {
            SocketChannel ch;
            try {
                ch = s.accept();
            } catch (IOException closed) {
                return;
            }
            Client c;
            try {
                c = new Client(ch);
            } catch (IOException e) {
                closeQuietly(ch);
                continue;
            }
            synchronized (this) {
                if (server != s) {
                    c.close();
                    return;
                }
                clients.add(c);
            }
            daemon("mp4j-broker-client", c::serve);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    /** Deletes a socket file and its private directory, if the directory is one of ours. */
    static void deleteSocket(Path socketFile) {
        try {
            Files.deleteIfExists(socketFile);
            Path dir = socketFile.getParent();
            if (dir != null && dir.getFileName().toString().startsWith(DIRECTORY_PREFIX)) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // best effort: someone else may have removed it first
        }
    }

    static Thread daemon(String name, Runnable body) {
        // Platform threads: a virtual thread blocked on a socket parks the JDK's I/O poller in epoll, and the JVM's
        // exit waits up to 300 ms for it.
        return Thread.ofPlatform().daemon().stackSize(THREAD_STACK_BYTES).name(name).start(body);
    }

    /** One connected process. */
    private final class Client {
        private final SocketChannel channel;
        private final BrokerWire.Input input;
        private final DataOutputStream out;
        private final Map<Integer, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
        private long process = -1;
        private volatile boolean closed;

        Client(SocketChannel channel) throws IOException {
            this.channel = channel;
            this.input = new BrokerWire.Input(channel);
            this.out = new DataOutputStream(new BufferedOutputStream(BrokerWire.output(channel), 8192));
        }

        void serve() {
            try (BrokerWire.Input closing = input) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(input, 65536));
                byte[] offered = new byte[BrokerWire.TOKEN_BYTES];
                in.readFully(offered);
                long pidOffered = in.readLong();
                if (!MessageDigest.isEqual(offered, token)) {
                    return;
                }
                process = pidOffered;
                while (true) {
                    byte type = in.readByte();
                    int req = in.readInt();
                    if (type == BrokerWire.CANCEL) {
                        CompletableFuture<Object> f = pending.get(req);
                        if (f != null) {
                            f.cancel(false);
                        }
                        continue;
                    }
                    if (type != BrokerWire.CALL) {
                        return;
                    }
                    long thread = in.readLong();
                    long id = in.readLong();
                    String op = in.readUTF();
                    long timeout = in.readLong();
                    Object[] args = new Object[in.readUnsignedByte()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = BrokerWire.readValue(in);
                    }
                    // The whole request has been read: a client that dies mid-request changes nothing.
                    CompletableFuture<Object> f = invoke(new Hosted.Caller(process, thread), id, op, args, timeout);
                    if (f.isDone()) {
                        reply(req, f);
                    } else {
                        pending.put(req, f);
                        f.whenComplete((v, t) -> {
                            pending.remove(req);
                            reply(req, f);
                        });
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // end of stream, or the JVM is closing us
            } finally {
                ended();
            }
        }

        private void reply(int req, CompletableFuture<Object> f) {
            if (closed) {
                return;
            }
            synchronized (out) {
                try {
                    out.writeInt(req);
                    Object v = f.getNow(null);
                    if (!BrokerWire.isValue(v) && v != Hosted.TIMED_OUT) {
                        writeQuietly(BrokerWire.FAILED, new IllegalStateException("the host's answer, of "
                                + v.getClass().getName() + ", cannot be sent (a bug in multiproc4j)"));
                    } else if (v == Hosted.TIMED_OUT) {
                        out.writeByte(BrokerWire.TIMED_OUT);
                    } else {
                        out.writeByte(BrokerWire.OK);
                        BrokerWire.writeValue(out, v);
                    }
                } catch (CancellationException c) {
                    writeQuietly(BrokerWire.CANCELLED, null);
                } catch (java.util.concurrent.CompletionException failed) {
                    writeQuietly(BrokerWire.FAILED, failed.getCause());
                } catch (IOException | RuntimeException gone) {
                    close();
                    return;
                }
                try {
                    out.flush();
                } catch (IOException gone) {
                    close();
                }
            }
        }

        private void writeQuietly(byte status, Throwable failure) {
            try {
                out.writeByte(status);
                if (failure != null) {
                    BrokerWire.writeFailure(out, failure);
                }
            } catch (IOException gone) {
                close();
            }
        }

        void close() {
            closed = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
            input.wakeup();
        }

        private void ended() {
            close();
            for (CompletableFuture<Object> f : new ArrayList<>(pending.values())) {
                f.cancel(false);
            }
            if (process >= 0) {
                for (Entry e : objects.values()) {
                    try {
                        synchronized (e.state()) {
                            e.state().processEnded(process);
                        }
                    } catch (RuntimeException bug) {
                        System.err.println("multiproc4j: releasing what process " + process + " held in "
                                + e.describe() + " failed: " + bug);
                    }
                }
            }
            clients.remove(this);
            closeIfIdle();
        }
    }
}
