package io.multiproc4j.spi;

import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.PoolBiFunction;
import io.multiproc4j.PoolFunction;
import io.multiproc4j.ProcessTask;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.Callable;

/**
 * The task a pool worker process runs: connect to the pool, run the initializer, then run chunks of work until told
 * to stop, until the pool's end of the connection closes, or after the pool's limit of tasks per worker. The pool
 * sends it a chunk only when it is idle.
 */
final class PoolWorker implements ProcessTask {
    private static final long serialVersionUID = 1L;

    private final String socketPath;
    private final byte[] key;
    private final long workerId;
    private final ProcessTask initializer;
    private final int maxTasks;

    /** The function of the last job this worker ran, kept because the pool sends each job's function once. */
    private transient long jobId;
    private transient Object function;

    /**
     * @param maxTasks chunks to run before exiting, or 0 for no limit
     */
    PoolWorker(String socketPath, byte[] key, long workerId, ProcessTask initializer, int maxTasks) {
        this.socketPath = socketPath;
        this.key = key.clone();
        this.workerId = workerId;
        this.initializer = initializer;
        this.maxTasks = maxTasks;
    }

    @Override
    public void run() throws Exception {
        jobId = -1;
        Connection pool;
        try {
            pool = SocketConnections.connect(UnixDomainSocketAddress.of(socketPath), key);
        } catch (RuntimeException e) {
            // The pool ended before this worker could reach it; there is nobody left to tell.
            return;
        }
        try (pool) {
            pool.sendBytes(PoolWire.hello(workerId));
            if (initializer != null) {
                try {
                    initializer.run();
                } catch (Throwable e) {
                    pool.sendBytes(PoolWire.initFailed(e));
                    return;
                }
            }
            pool.sendBytes(PoolWire.ready());
            int done = 0;
            while (maxTasks == 0 || done < maxTasks) {
                PoolWire.Message m = PoolWire.read(pool.receiveBytes());
                if (m.type() != PoolWire.WORK) {
                    return;
                }
                pool.sendBytes(runChunk(m));
                done++;
            }
        } catch (EndOfStreamException poolGone) {
            // the pool closed its end: terminated, or gone
        }
    }

    private byte[] runChunk(PoolWire.Message m) {
        long chunkId = m.readLong();
        long job = m.readLong();
        PoolWire.Kind kind = PoolWire.Kind.values()[m.readByte()];
        byte[] fn = m.readBytes();
        byte[] itemBytes = m.readBytes();
        Object[] items;
        try {
            if (fn != null) {
                jobId = -1;
                function = TaskCodec.decode(fn);
                jobId = job;
            } else if (job != jobId) {
                throw new IllegalStateException("the pool sent work of job " + job + " without its function");
            }
            items = (Object[]) TaskCodec.decode(itemBytes);
        } catch (Exception | LinkageError e) {
            return PoolWire.allFailed(chunkId, e);
        }
        Object[] results = new Object[items.length];
        boolean[] failed = new boolean[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                results[i] = call(kind, items[i]);
            } catch (Throwable e) {
                results[i] = e;
                failed[i] = true;
            }
        }
        return PoolWire.done(chunkId, results, failed);
    }

    @SuppressWarnings("unchecked")
    private Object call(PoolWire.Kind kind, Object item) throws Exception {
        switch (kind) {
            case CALL:
                return ((Callable<Object>) function).call();
            case RUN:
                ((Runnable) function).run();
                return null;
            case MAP:
                return ((PoolFunction<Object, Object>) function).apply(item);
            case STAR:
                Object[] pair = (Object[]) item;
                return ((PoolBiFunction<Object, Object, Object>) function).apply(pair[0], pair[1]);
            default:
                throw new IllegalStateException("unknown kind of pool work: " + kind);
        }
    }
}
