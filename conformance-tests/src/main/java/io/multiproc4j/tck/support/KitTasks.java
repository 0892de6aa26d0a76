package io.multiproc4j.tck.support;

import io.multiproc4j.ProcessTask;
import java.util.ArrayList;
import java.util.List;

/** Task classes and static state the kit's rules need by name (not as lambdas). */
public final class KitTasks {

    /** Static state that the isolation rules change on one side and read on the other. */
    public static final List<String> STATIC_LIST = new ArrayList<>();
    /** A static value the parent changes before start; a fresh JVM has {@code "initial"}. */
    public static volatile String staticValue = "initial";

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
}
