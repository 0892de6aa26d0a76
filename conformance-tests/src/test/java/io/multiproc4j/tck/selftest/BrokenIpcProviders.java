package io.multiproc4j.tck.selftest;

import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpQueue;
import io.multiproc4j.Pipe;
import io.multiproc4j.QueueEmptyException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken pipes and queues, each a realistic mistake, that the kit must catch: {@link KitProvesItself}
 * checks that exactly their expected rules fail. Each wraps the real object, so that it still reaches children by
 * capture as the real one does.
 */
final class BrokenIpcProviders {

    private BrokenIpcProviders() {
    }

    /**
     * An unbounded queue that hands out the newest item: each get takes what is waiting (up to a window, so that the
     * kit stays fast), keeps the newest item and puts the others back, as a queue built on a stack would.
     */
    public static final class LifoQueue extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public LifoQueue() {
            super("broken-lifo-queue");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public <E> MpQueue<E> newQueue() {
                    return new NewestFirstQueue<>(base.newQueue());
                }
            };
        }
    }

    /**
     * An unbounded queue whose put only buffers the item in the putting process, and sends it on from a daemon
     * thread a moment later, or with the process's next call to the queue: a feeder thread, as in Python, that loses
     * the last item of a process that ends before it has run, and makes an item visible to other processes only some
     * time after its put has returned.
     */
    public static final class DropsLastPutQueue extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public DropsLastPutQueue() {
            super("broken-drops-last-put-queue");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public <E> MpQueue<E> newQueue() {
                    return new BufferingQueue<>(base.newQueue());
                }
            };
        }
    }

    /** A pipe whose receiveBytes() returns two waiting messages as one: a stream without message framing. */
    public static final class MergingPipe extends Forwarding.Provider {
        /** Used by ServiceLoader. */
        public MergingPipe() {
            super("broken-merging-pipe");
        }

        @Override
        MpContext contextOver(MpContext real) {
            return new Forwarding.Context(id(), real, UnaryOperator.identity()) {
                @Override
                public Pipe newPipe() {
                    return merging(base.newPipe());
                }

                @Override
                public Pipe newPipe(boolean duplex) {
                    return merging(base.newPipe(duplex));
                }
            };
        }

        private static Pipe merging(Pipe p) {
            return new Pipe(new MergingConnection(p.first()), new MergingConnection(p.second()));
        }
    }

    /** Forwards every call to the real queue; serialised with it, so that it reaches children by capture. */
    private static class ForwardingQueue<E> implements MpQueue<E>, Serializable {
        private static final long serialVersionUID = 1L;
        final MpQueue<E> real;

        ForwardingQueue(MpQueue<E> real) {
            this.real = real;
        }

        @Override
        public void put(E item) throws InterruptedException {
            real.put(item);
        }

        @Override
        public void put(E item, Duration timeout) throws InterruptedException {
            real.put(item, timeout);
        }

        @Override
        public void putNow(E item) {
            real.putNow(item);
        }

        @Override
        public E get() throws InterruptedException {
            return real.get();
        }

        @Override
        public E get(Duration timeout) throws InterruptedException {
            return real.get(timeout);
        }

        @Override
        public E getNow() {
            return real.getNow();
        }

        @Override
        public int size() {
            return real.size();
        }

        @Override
        public boolean isEmpty() {
            return real.isEmpty();
        }

        @Override
        public boolean isFull() {
            return real.isFull();
        }

        @Override
        public int capacity() {
            return real.capacity();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static final class NewestFirstQueue<E> extends ForwardingQueue<E> {
        private static final long serialVersionUID = 1L;
        private static final int WINDOW = 16;

        NewestFirstQueue(MpQueue<E> real) {
            super(real);
        }

        @Override
        public E get() throws InterruptedException {
            return newest(real.get());
        }

        @Override
        public E get(Duration timeout) throws InterruptedException {
            return newest(real.get(timeout));
        }

        @Override
        public E getNow() {
            return newest(real.getNow());
        }

        private E newest(E first) {
            List<E> taken = new ArrayList<>();
            taken.add(first);
            while (taken.size() < WINDOW) {
                try {
                    taken.add(real.getNow());
                } catch (QueueEmptyException drained) {
                    break;
                }
            }
            E newest = taken.remove(taken.size() - 1);
            for (E older : taken) {
                real.putNow(older);
            }
            return newest;
        }
    }

    private static final class BufferingQueue<E> extends ForwardingQueue<E> {
        private static final long serialVersionUID = 1L;
        private transient E pending;
        private transient boolean hasPending;
        private transient boolean closed;
        private transient java.util.concurrent.ScheduledExecutorService feeder;
        /** How long a put item waits in the buffer: far longer than the kit needs to observe the loss. */
        private static final long FEED_DELAY_MILLIS = 2_000;

        BufferingQueue(MpQueue<E> real) {
            super(real);
        }

        @Override
        public void put(E item) throws InterruptedException {
            checkSerialisable(item);
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("this queue was closed in this process");
                }
                flush();
                pending = item;
                hasPending = true;
                if (feeder == null) {
                    feeder = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "broken-queue-feeder");
                        t.setDaemon(true);
                        return t;
                    });
                }
                feeder.schedule(() -> {
                    try {
                        flush();
                    } catch (InterruptedException | RuntimeException e) {
                        // lost, as Python's feeder thread loses it
                    }
                }, FEED_DELAY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void flush() throws InterruptedException {
            if (hasPending) {
                hasPending = false;
                E item = pending;
                pending = null;
                real.put(item);
            }
        }

        private void flushNow() {
            try {
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void put(E item, Duration timeout) throws InterruptedException {
            flush();
            real.put(item, timeout);
        }

        @Override
        public void putNow(E item) {
            flushNow();
            real.putNow(item);
        }

        @Override
        public E get() throws InterruptedException {
            flush();
            return real.get();
        }

        @Override
        public E get(Duration timeout) throws InterruptedException {
            flush();
            return real.get(timeout);
        }

        @Override
        public E getNow() {
            flushNow();
            return real.getNow();
        }

        @Override
        public int size() {
            flushNow();
            return real.size();
        }

        @Override
        public boolean isEmpty() {
            flushNow();
            return real.isEmpty();
        }

        @Override
        public boolean isFull() {
            flushNow();
            return real.isFull();
        }

        @Override
        public void close() {
            flushNow();
            synchronized (this) {
                closed = true;
            }
            real.close();
        }

        /** Fails at put as the contract demands, so that only the buffering itself is broken. */
        private static void checkSerialisable(Object item) {
            long[] size = {0};
            OutputStream counter = new OutputStream() {
                @Override
                public void write(int b) {
                    size[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    size[0] += len;
                }
            };
            try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
                out.writeObject(item);
            } catch (NotSerializableException e) {
                throw new MessageNotSerializableException("cannot serialise " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MessageNotSerializableException("cannot serialise: " + e, e);
            }
            if (size[0] > Connection.MAX_MESSAGE_SIZE) {
                throw new MessageTooLargeException(size[0] + " bytes");
            }
        }
    }

    /** Forwards every call to the real end, except that receiveBytes() merges two waiting messages. */
    private static final class MergingConnection implements Connection, Serializable {
        private static final long serialVersionUID = 1L;
        private final Connection real;

        MergingConnection(Connection real) {
            this.real = real;
        }

        @Override
        public byte[] receiveBytes() {
            byte[] first = real.receiveBytes();
            try {
                if (real.poll()) {
                    byte[] second = real.receiveBytes();
                    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
                    System.arraycopy(second, 0, both, first.length, second.length);
                    return both;
                }
            } catch (EndOfStreamException nothingMore) {
                // only the first message was left
            }
            return first;
        }

        @Override
        public void send(Object message) {
            real.send(message);
        }

        @Override
        public Object receive() {
            return real.receive();
        }

        @Override
        public void sendBytes(byte[] message) {
            real.sendBytes(message);
        }

        @Override
        public void sendBytes(byte[] buffer, int offset, int length) {
            real.sendBytes(buffer, offset, length);
        }

        @Override
        public byte[] receiveBytes(int maxLength) {
            return real.receiveBytes(maxLength);
        }

        @Override
        public int receiveBytesInto(byte[] buffer, int offset) {
            return real.receiveBytesInto(buffer, offset);
        }

        @Override
        public boolean poll() {
            return real.poll();
        }

        @Override
        public boolean poll(Duration timeout) {
            return real.poll(timeout);
        }

        @Override
        public boolean isReadable() {
            return real.isReadable();
        }

        @Override
        public boolean isWritable() {
            return real.isWritable();
        }

        @Override
        public boolean isClosed() {
            return real.isClosed();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
