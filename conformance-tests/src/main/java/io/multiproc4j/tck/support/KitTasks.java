package io.multiproc4j.tck.support;

import io.multiproc4j.MpPool;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * Task classes, worker functions and static state the kit's rules need by name (not as lambdas). The pool rules'
 * tasks are lambdas in the checks that call the static methods here; they capture only strings and numbers, since
 * IPC objects cannot be captured in pool tasks, and coordinate with the test through {@link Exchange} entries.
 */
public final class KitTasks {

    /** Static state that the isolation rules change on one side and read on the other. */
    public static final List<String> STATIC_LIST = new ArrayList<>();
    /** A static value the parent changes before start; a fresh JVM has {@code "initial"}. */
    public static volatile String staticValue = "initial";
    /** The message of the exception {@link #failInitialization()} throws. */
    public static final String INITIALIZER_FAILURE = "kit-initializer-failure";

    /** How many times {@link #recordInitialization} ran in this JVM: once in a pool worker, if all is well. */
    private static final AtomicInteger INITIALIZATIONS = new AtomicInteger();

    private KitTasks() {
    }

    /** A user task class with fields: the Java form of subclassing Python's {@code Process} (PROC-06). */
    public static final class Greeter implements ProcessTask {
        private static final long serialVersionUID = 1L;
        private final String dir;
        private final String greeting;
        private final int times;

        /**
         * @param dir the exchange directory
         * @param greeting what to repeat
         * @param times how often
         */
        public Greeter(String dir, String greeting, int times) {
            this.dir = dir;
            this.greeting = greeting;
            this.times = times;
        }

        @Override
        public void run() {
            Exchange.put(dir, "greeting", String.join(" ", java.util.Collections.nCopies(times, greeting)));
        }
    }

    /** Something that is not serialisable, for BAD-01. */
    public static final class NotSerializableThing {
        /** Creates one. */
        public NotSerializableThing() {
        }
    }

    /** A serialisable holder whose field {@code thing} is not serialisable, for BAD-01. */
    public static final class Holder implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The offending field. */
        public final Object thing = new NotSerializableThing();

        /** Creates one. */
        public Holder() {
        }
    }

    /**
     * A task whose class refuses to initialise in any JVM other than the one that allowed it: a task that cannot be
     * loaded in the child (BAD-02).
     */
    public static final class UnloadableInChild implements ProcessTask {
        private static final long serialVersionUID = 1L;

        static {
            if (LoadGate.allowedPid != ProcessHandle.current().pid()) {
                throw new IllegalStateException("UnloadableInChild refuses to load in process "
                        + ProcessHandle.current().pid());
            }
        }

        /** Creates one; call {@link LoadGate#allowHere()} first. */
        public UnloadableInChild() {
        }

        @Override
        public void run() {
            // never reached in a child
        }
    }

    /** Lets {@link UnloadableInChild} initialise in this JVM only. */
    public static final class LoadGate {
        static volatile long allowedPid;

        private LoadGate() {
        }

        /** Allows {@link UnloadableInChild} to initialise in the current JVM. */
        public static void allowHere() {
            allowedPid = ProcessHandle.current().pid();
        }
    }

    /**
     * A pool worker as a task running in it sees itself.
     *
     * @param pid its process id
     * @param name its process name
     * @param daemon whether it is a daemon
     * @param initializations how often {@link #recordInitialization} has run in it
     */
    public record Worker(long pid, String name, boolean daemon, int initializations) implements Serializable {
    }

    /**
     * What a pool task computed for an item, and where.
     *
     * @param pid the worker's process id
     * @param item the item
     * @param value the result, the item's square
     */
    public record Computed(long pid, int item, int value) implements Serializable {
    }

    /** @return the worker running this task, as it sees itself */
    public static Worker describeWorker() {
        MpProcess self = Multiprocessing.currentProcess();
        return new Worker(ProcessHandle.current().pid(), self.name(), self.isDaemon(), INITIALIZATIONS.get());
    }

    /** @return the process id of the worker running this task */
    public static long workerPid() {
        return ProcessHandle.current().pid();
    }

    /**
     * A pool initializer that counts its runs in this JVM and records each as the entry
     * {@code initialized-<pid>-<count>} (POOL-02).
     *
     * @param dir the exchange directory
     */
    public static void recordInitialization(String dir) {
        int count = INITIALIZATIONS.incrementAndGet();
        Exchange.put(dir, "initialized-" + ProcessHandle.current().pid() + "-" + count, "yes");
    }

    /** A pool initializer that throws an {@code IllegalStateException} with {@link #INITIALIZER_FAILURE} (POOL-06). */
    public static void failInitialization() {
        throw new IllegalStateException(INITIALIZER_FAILURE);
    }

    /**
     * One of {@code parties} tasks that complete only together: it writes the entry {@code tag-index}, then waits for
     * the entries of all the others. They can complete only if {@code parties} workers run them at the same time.
     *
     * @param dir the exchange directory
     * @param tag names this meeting's entries
     * @param index this task's number, from 0
     * @param parties how many tasks meet
     * @return the worker that ran this one
     */
    public static Worker meet(String dir, String tag, int index, int parties) {
        Exchange.put(dir, tag + "-" + index, Long.toString(ProcessHandle.current().pid()));
        for (int i = 0; i < parties; i++) {
            Exchange.awaitEntry(dir, tag + "-" + i);
        }
        return describeWorker();
    }

    /**
     * @param x a number
     * @return its square
     */
    public static int square(int x) {
        return x * x;
    }

    /**
     * @param x an item
     * @return its square, with the worker that computed it
     */
    public static Computed squareHere(int x) {
        return new Computed(ProcessHandle.current().pid(), x, x * x);
    }

    /**
     * A function of two arguments whose result shows which was which (POOL-20).
     *
     * @param first the pair's key
     * @param second the pair's value
     * @return {@code first * 100 + second}
     */
    public static int combine(int first, int second) {
        return first * 100 + second;
    }

    /**
     * Writes the entry {@code key} to show that a task ran.
     *
     * @param dir the exchange directory
     * @param key the entry
     * @return 0
     */
    public static int recordRun(String dir, String key) {
        Exchange.put(dir, key, Long.toString(ProcessHandle.current().pid()));
        return 0;
    }

    /**
     * Writes its worker's pid as the entry {@code startedKey}, then waits for the entry {@code goKey}.
     *
     * @param dir the exchange directory
     * @param startedKey the entry that says the task runs
     * @param goKey the entry it waits for
     * @return its worker's pid
     */
    public static long holdUntil(String dir, String startedKey, String goKey) {
        long pid = ProcessHandle.current().pid();
        Exchange.put(dir, startedKey, Long.toString(pid));
        Exchange.awaitEntry(dir, goKey);
        return pid;
    }

    /**
     * Writes its worker's pid as the entry {@code startedKey}, then keeps the worker busy until the test stops it.
     *
     * @param dir the exchange directory
     * @param startedKey the entry that says the task runs
     * @return never
     * @throws InterruptedException if interrupted
     */
    public static long busyUntilStopped(String dir, String startedKey) throws InterruptedException {
        Exchange.put(dir, startedKey, Long.toString(ProcessHandle.current().pid()));
        Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        return ProcessHandle.current().pid();
    }

    /**
     * A task that fails in a method of its own, whose frame the caller must see (POOL-10).
     *
     * @param message the exception's message
     * @return never
     */
    public static int throwTaskFailure(String message) {
        throw new IllegalStateException(message);
    }

    /**
     * @param message the exception's message
     * @return never
     */
    public static int throwUnserialisableFailure(String message) {
        throw new UnserialisableFailure(message);
    }

    /** @return a result that cannot be serialised (POOL-12) */
    public static Object unserialisableResult() {
        return new Holder();
    }

    /**
     * @return how an attempt to start a process went in a pool worker: {@code refused …} or {@code started}
     * @throws InterruptedException if interrupted while it waits for a process it should not have started
     */
    public static String tryToStartAProcess() throws InterruptedException {
        try {
            MpProcess child = Multiprocessing.newProcess(() -> { }).start();
            child.join();
            return "started";
        } catch (IllegalStateException e) {
            return "refused " + e;
        }
    }

    /** @return how an attempt to create a pool went in a pool worker: {@code refused …} or {@code created} */
    public static String tryToCreateAPool() {
        try {
            MpPool pool = Multiprocessing.newPool(1);
            pool.terminate();
            return "created";
        } catch (IllegalStateException e) {
            return "refused " + e;
        }
    }

    /**
     * Squares an item and records {@code tag-done-item}; item 0 first waits until an item from {@code laterFrom} on
     * is done, so that an item of a later chunk finishes before the first (POOL-14).
     *
     * @param dir the exchange directory
     * @param tag names this map's entries
     * @param laterFrom the first item that is not in item 0's chunk
     * @param item the item
     * @return its square
     */
    public static int squareAfterALaterChunk(String dir, String tag, int laterFrom, int item) {
        if (item == 0) {
            Awaitility.await("an item from " + laterFrom + " on is done").atMost(TckEnvironment.LONG)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> Exchange.entries(dir, tag + "-done-").keySet().stream()
                            .anyMatch(k -> Integer.parseInt(k.substring(k.lastIndexOf('-') + 1)) >= laterFrom));
        }
        Exchange.put(dir, tag + "-done-" + item, "yes");
        return item * item;
    }

    /**
     * Squares an item, recording {@code tag-ran-item}; items 1 and 9 fail with {@code IllegalStateException("item
     * N")}, 9 first (item 1 waits for it), so that the first failure in input order is not the first in time. They
     * are far apart, so that a worker that holds the next chunks while it runs one never holds item 9 behind item 1.
     * Item {@code held}, if not -1, waits for the entry {@code tag-release} (POOL-16, POOL-17).
     *
     * @param dir the exchange directory
     * @param tag names this map's entries
     * @param item the item
     * @param held the item that waits for {@code tag-release}, or -1
     * @return its square
     */
    public static int squareFailingAtOneAndNine(String dir, String tag, int item, int held) {
        Exchange.put(dir, tag + "-ran-" + item, Long.toString(ProcessHandle.current().pid()));
        if (item == 9) {
            Exchange.put(dir, tag + "-failed-9", "yes");
            throw new IllegalStateException("item 9");
        }
        if (item == 1) {
            Exchange.awaitEntry(dir, tag + "-failed-9");
            Exchange.put(dir, tag + "-failed-1", "yes");
            throw new IllegalStateException("item 1");
        }
        if (item == held) {
            Exchange.awaitEntry(dir, tag + "-release");
        }
        return item * item;
    }

    /**
     * Squares an item for the imap rule (POOL-18): item 2 fails with {@code IllegalStateException("item 2")}, and
     * item 5 waits for the entry {@code go-last}.
     *
     * @param dir the exchange directory
     * @param item the item
     * @return its square
     */
    public static int squareFailTwoHoldFive(String dir, int item) {
        if (item == 2) {
            throw new IllegalStateException("item 2");
        }
        if (item == 5) {
            Exchange.awaitEntry(dir, "go-last");
        }
        return item * item;
    }

    /**
     * Squares an item; item 0 first waits for the entry {@code go-first} (POOL-19).
     *
     * @param dir the exchange directory
     * @param item the item
     * @return its square
     */
    public static int squareHoldFirst(String dir, int item) {
        if (item == 0) {
            Exchange.awaitEntry(dir, "go-first");
        }
        return item * item;
    }

    /**
     * Writes its worker's pid as the entry {@code key}, then kills its own worker with SIGKILL (POOL-28).
     *
     * @param dir the exchange directory
     * @param key the entry
     * @return never
     * @throws Exception if the kill command cannot run
     */
    public static long killOwnWorker(String dir, String key) throws Exception {
        long pid = ProcessHandle.current().pid();
        Exchange.put(dir, key, Long.toString(pid));
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
        Thread.sleep(TckEnvironment.OUTLIVES_TEST.toMillis());
        return pid;
    }

    /**
     * Squares an item, but ends the worker with {@code System.exit(status)} for the item {@code doomed} (POOL-29).
     *
     * @param item the item
     * @param doomed the item that ends its worker
     * @param status the exit status
     * @return the item's square
     */
    public static int squareOrExit(int item, int doomed, int status) {
        if (item == doomed) {
            System.exit(status);
        }
        return item * item;
    }

    /** An exception whose field {@code thing} cannot be serialised (POOL-11). */
    public static final class UnserialisableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The offending field; not transient, so that serialising the exception fails. */
        @SuppressWarnings("serial")
        private final Object thing = new NotSerializableThing();

        /**
         * @param message the message
         */
        public UnserialisableFailure(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return super.toString() + " holding " + thing.getClass().getSimpleName();
        }
    }

    /** What {@link ThrowingInput}'s iterator throws. */
    public static final class InputFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message the message
         */
        public InputFailure(String message) {
            super(message);
        }
    }

    /**
     * Input whose iterator gives the numbers from 0 and then, at position {@code failAt}, throws a new
     * {@link InputFailure}, which {@link #lastThrown()} returns (POOL-21).
     */
    public static final class ThrowingInput implements Iterable<Integer> {
        private final int failAt;
        private volatile InputFailure lastThrown;

        /**
         * @param failAt the position at which the iterator throws
         */
        public ThrowingInput(int failAt) {
            this.failAt = failAt;
        }

        /** @return the exception the iterator threw last, or {@code null} */
        public InputFailure lastThrown() {
            return lastThrown;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    if (next == failAt) {
                        InputFailure failure = new InputFailure("the input fails at position " + failAt);
                        lastThrown = failure;
                        throw failure;
                    }
                    if (next > failAt) {
                        throw new NoSuchElementException();
                    }
                    return next++;
                }
            };
        }
    }

    /** A serialisable {@code Runnable} that writes its worker's pid as an entry, for an executor's execute. */
    public static final class ReportPid implements Runnable, Serializable {
        private static final long serialVersionUID = 1L;
        private final String dir;
        private final String key;

        /**
         * @param dir the exchange directory
         * @param key the entry
         */
        public ReportPid(String dir, String key) {
            this.dir = dir;
            this.key = key;
        }

        @Override
        public void run() {
            recordRun(dir, key);
        }
    }
}
