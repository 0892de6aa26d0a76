package io.multiproc4j.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.multiproc4j.tck.PipeVerification;
import io.multiproc4j.tck.PoolVerification;
import io.multiproc4j.tck.ProcessVerification;
import io.multiproc4j.tck.QueueVerification;
import io.multiproc4j.tck.SyncVerification;
import io.multiproc4j.tck.support.RuleCatalog;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit proves it can fail: each deliberately broken provider runs against the area it breaks, and exactly the
 * rules that provider breaks must fail. It needs one real implementation on the class path to decorate, so it runs
 * in an implementation's build, from the kit's test jar.
 */
public abstract class KitProvesItself {

    /** The provider under test in the area classes below, set by {@link #run}. */
    private static String providerUnderTest() {
        return System.getProperty("multiproc4j.tck.selftest.provider");
    }

    /** The processes area for one broken provider. */
    public static class ProcessesUnderTest extends ProcessVerification {
        /** Used by JUnit. */
        public ProcessesUnderTest() {
            super(providerUnderTest());
        }
    }

    /** The synchronisation area for one broken provider. */
    public static class SyncUnderTest extends SyncVerification {
        /** Used by JUnit. */
        public SyncUnderTest() {
            super(providerUnderTest());
        }
    }

    /** The pipes area for one broken provider. */
    public static class PipesUnderTest extends PipeVerification {
        /** Used by JUnit. */
        public PipesUnderTest() {
            super(providerUnderTest());
        }
    }

    /** The queues area for one broken provider. */
    public static class QueuesUnderTest extends QueueVerification {
        /** Used by JUnit. */
        public QueuesUnderTest() {
            super(providerUnderTest());
        }
    }

    /** The pools area for one broken provider. */
    public static class PoolsUnderTest extends PoolVerification {
        /** Used by JUnit. */
        public PoolsUnderTest() {
            super(providerUnderTest());
        }
    }

    static Stream<Arguments> brokenProviders() {
        return Stream.of(
                Arguments.of("broken-early-join", ProcessesUnderTest.class,
                        Set.of("LIFE-02", "LIFE-03", "LIFE-04", "LIFE-07", "JOIN-01", "JOIN-03", "BAD-02")),
                Arguments.of("broken-ignores-daemon", ProcessesUnderTest.class,
                        Set.of("PROC-07", "SHUT-03", "SHUT-04", "SHUT-06")),
                Arguments.of("broken-raw-exit-codes", ProcessesUnderTest.class,
                        Set.of("LIFE-05", "LIFE-06", "LIFE-09", "EXIT-04")),
                Arguments.of("broken-merging-pipe", PipesUnderTest.class, Set.of("PIPE-08", "PIPE-09")),
                Arguments.of("broken-lifo-queue", QueuesUnderTest.class, Set.of("Q-01", "Q-02")),
                Arguments.of("broken-drops-last-put-queue", QueuesUnderTest.class, Set.of("Q-07", "Q-08")),
                Arguments.of("broken-non-excluding-lock", SyncUnderTest.class,
                        Set.of("LOCK-01", "LOCK-02", "LOCK-03", "LOCK-04", "LOCK-06", "LOCK-07", "LOCK-08", "LOCK-09",
                                "LOCK-10")),
                Arguments.of("broken-unbounded-semaphore", SyncUnderTest.class, Set.of("SEM-02")),
                Arguments.of("broken-zero-timeout-barrier", SyncUnderTest.class, Set.of("BAR-03")),
                Arguments.of("broken-reversed-map", PoolsUnderTest.class, Set.of("POOL-14")),
                Arguments.of("broken-hangs-on-dead-worker", PoolsUnderTest.class, Set.of("POOL-28", "POOL-29")),
                Arguments.of("broken-initializer-per-task", PoolsUnderTest.class, Set.of("POOL-02", "POOL-06")),
                Arguments.of("broken-close-drops-work", PoolsUnderTest.class, Set.of("POOL-22", "POOL-25")));
    }

    @ParameterizedTest(name = "{0} fails exactly {2} in {1}")
    @org.junit.jupiter.params.provider.MethodSource("brokenProviders")
    void brokenProviderFailsExactlyItsRules(String providerId, Class<?> area, Set<String> expected) {
        Map<String, String> failed = run(providerId, area);
        assertThat(new TreeSet<>(failed.keySet())).as("rules failed by %s, with their failures: %s", providerId, failed)
                .isEqualTo(new TreeSet<>(expected));
    }

    /** Runs one area against a provider, in this JVM, and returns the failed rules with their messages. */
    private static Map<String, String> run(String providerId, Class<?> area) {
        String previous = System.getProperty("multiproc4j.tck.selftest.provider");
        System.setProperty("multiproc4j.tck.selftest.provider", providerId);
        Map<String, String> failed = new java.util.TreeMap<>();
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(area)).build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                            if (result.getStatus() == TestExecutionResult.Status.FAILED
                                    && id.getSource().orElse(null) instanceof MethodSource m) {
                                String rule = RuleCatalog.ruleIdOf(m.getMethodName()).orElse(m.getMethodName());
                                failed.put(rule, result.getThrowable().map(Throwable::toString).orElse("?"));
                            }
                        }
                    });
        } finally {
            if (previous == null) {
                System.clearProperty("multiproc4j.tck.selftest.provider");
            } else {
                System.setProperty("multiproc4j.tck.selftest.provider", previous);
            }
        }
        return failed;
    }
}
