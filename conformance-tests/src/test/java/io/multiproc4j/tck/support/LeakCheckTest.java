package io.multiproc4j.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leak check finds, reports and removes what a test leaves behind, and leaves everything else alone. */
class LeakCheckTest {

    @Test
    void aLeftBehindProcessAndFileAreReportedAndRemoved() throws Exception {
        Set<Path> before = LeakCheck.snapshot();
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        Path file = Files.createTempFile("leaked-by-a-test-", ".tmp");
        List<String> leaks = LeakCheck.sweep(before);
        assertThat(leaks).anySatisfy(l -> assertThat(l).startsWith("process " + sleeper.pid()))
                .anySatisfy(l -> assertThat(l).isEqualTo("file " + file));
        assertThat(sleeper.waitFor()).as("exit status of the killed leftover").isEqualTo(137);
        assertThat(file).doesNotExist();
    }

    @Test
    void nothingIsReportedWhenNothingIsLeft() throws Exception {
        Set<Path> before = LeakCheck.snapshot();
        Process quick = new ProcessBuilder("true").start();
        quick.waitFor();
        try (Exchange ex = new Exchange()) {
            ex.put("k", "v");
            assertThat(LeakCheck.sweep(before)).as("the kit's own exchange directory is not a leak").isEmpty();
        }
    }
}
