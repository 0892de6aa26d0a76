package io.multiproc4j.grader.internal.child;

import io.multiproc4j.tck.PipeVerification;
import io.multiproc4j.tck.PoolVerification;
import io.multiproc4j.tck.ProcessVerification;
import io.multiproc4j.tck.QueueVerification;
import io.multiproc4j.tck.SharedMemoryVerification;
import io.multiproc4j.tck.SignalVerification;
import io.multiproc4j.tck.SyncVerification;
import java.util.Map;

/**
 * The kit's verification classes made concrete for the provider under test, one per spec page. The provider id comes
 * from a system property that {@link KitRunner} sets once it has found the provider.
 */
public final class AreaTests {

    /** The system property naming the provider under test. */
    public static final String PROVIDER_PROPERTY = "multiproc4j.grader.provider";

    /** The test class of each spec page, by the page's file name as {@code RuleCatalog.PAGES} lists it. */
    public static final Map<String, Class<?>> BY_PAGE = Map.of(
            "processes.md", Processes.class,
            "pipes.md", Pipes.class,
            "queues.md", Queues.class,
            "synchronization.md", Synchronization.class,
            "shared-memory.md", SharedMemory.class,
            "signals.md", Signals.class,
            "pools.md", Pools.class);

    private AreaTests() {
    }

    private static String provider() {
        return System.getProperty(PROVIDER_PROPERTY);
    }

    /** The processes area. */
    public static final class Processes extends ProcessVerification {
        /** Used by JUnit. */
        public Processes() {
            super(provider());
        }
    }

    /** The pipes and sockets area. */
    public static final class Pipes extends PipeVerification {
        /** Used by JUnit. */
        public Pipes() {
            super(provider());
        }
    }

    /** The queues area. */
    public static final class Queues extends QueueVerification {
        /** Used by JUnit. */
        public Queues() {
            super(provider());
        }
    }

    /** The synchronisation area. */
    public static final class Synchronization extends SyncVerification {
        /** Used by JUnit. */
        public Synchronization() {
            super(provider());
        }
    }

    /** The shared values and shared memory area. */
    public static final class SharedMemory extends SharedMemoryVerification {
        /** Used by JUnit. */
        public SharedMemory() {
            super(provider());
        }
    }

    /** The signals area. */
    public static final class Signals extends SignalVerification {
        /** Used by JUnit. */
        public Signals() {
            super(provider());
        }
    }

    /** The pools area. */
    public static final class Pools extends PoolVerification {
        /** Used by JUnit. */
        public Pools() {
            super(provider());
        }
    }
}
