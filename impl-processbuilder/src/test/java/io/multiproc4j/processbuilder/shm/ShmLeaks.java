package io.multiproc4j.processbuilder.shm;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.tck.support.TckEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test, no shared-memory file it made may remain in {@code /dev/shm}. Values and arrays are freed when
 * they become unreachable, so the check runs the garbage collector while it waits.
 */
final class ShmLeaks implements BeforeEachCallback, AfterEachCallback {

    static final Path DIR = Path.of("/dev/shm");
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ShmLeaks.class);

    /** @return the path of the block named {@code name} */
    static Path fileOf(String name) {
        return DIR.resolve("mp4j." + name);
    }

    /** @return our files in {@code /dev/shm} now */
    static Set<Path> ours() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith("mp4j.")
                    || p.getFileName().toString().startsWith(".mp4j-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits, collecting garbage, until none of {@code before}'s newcomers remains; fails naming them otherwise. */
    static void assertNoneLeftBeyond(Set<Path> before) {
        try {
            Awaitility.await("shared-memory files released").atMost(TckEnvironment.PROMPT)
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> {
                        System.gc();
                        return newcomers(before).isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            List<Path> left = newcomers(before);
            left.forEach(p -> p.toFile().delete());
            assertThat(left).as("shared-memory files left in /dev/shm (now deleted)").isEmpty();
        }
    }

    private static List<Path> newcomers(Set<Path> before) {
        return ours().stream().filter(p -> !before.contains(p)).sorted().toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", ours());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Path> before = context.getStore(NS).get("before", Set.class);
        assertNoneLeftBeyond(before);
    }
}
