package io.multiproc4j.nativeos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.nativeos.internal.launch.NativeLauncher;
import io.multiproc4j.spi.JvmCommand;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.OsProcesses;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.FileOutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What this implementation promises beyond the kit: how children are spawned, and what direct OS access buys. */
@ExtendWith(LeakCheck.class)
class NativeLaunchIT {

    private final MpContext mp = Multiprocessing.context(NativeProvider.ID);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-XX:+NoSuchOptionAnywhere | NoSuchOptionAnywhere",
        "-Xmx1k                    | Too small maximum heap"})
    void aChildJvmThatCannotStartIsReportedByJoinWithTheJvmsOwnWords(String option, String words) {
        String saved = System.getProperty(JvmCommand.OPTIONS_PROPERTY);
        System.setProperty(JvmCommand.OPTIONS_PROPERTY, option);
        try {
            MpProcess p = mp.newProcess(() -> { }).start();
            assertThatThrownBy(p::join).isInstanceOf(ChildStartException.class).hasMessageContaining(words);
        } finally {
            if (saved == null) {
                System.clearProperty(JvmCommand.OPTIONS_PROPERTY);
            } else {
                System.setProperty(JvmCommand.OPTIONS_PROPERTY, saved);
            }
        }
    }

    /** waitpid gives the status itself: an exit with 128+N is not mistaken for a death by signal N. */
    @ParameterizedTest
    @ValueSource(ints = {137, 143, 255})
    void anExitStatusAbove128IsNotTakenForASignal(int status) throws Exception {
        MpProcess p = mp.newProcess(() -> System.exit(status)).start();
        p.join();
        assertThat(p.exitCode()).hasValue(status);
    }

    @Test
    void noDescriptorOfTheParentReachesAChild() throws Exception {
        Path marker = Files.createTempFile("mp4jn-fd-", ".open");
        try (Exchange ex = new Exchange(); FileOutputStream open = new FileOutputStream(marker.toFile())) {
            String dir = ex.path();
            String target = marker.toRealPath().toString();
            MpProcess p = mp.newProcess(() -> {
                List<String> leaked = new ArrayList<>();
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (Files.readSymbolicLink(fd).toString().equals(target)) {
                                leaked.add(fd.getFileName().toString());
                            }
                        } catch (java.io.IOException closedMeanwhile) {
                            // the directory stream's own descriptor
                        }
                    }
                }
                Exchange.put(dir, "leaked", String.join(",", leaked));
            }).start();
            p.join();
            assertThat(p.exitCode()).hasValue(0);
            assertThat(ex.await("leaked")).as("descriptors of the parent's open file in the child").isEmpty();
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void withProcessGroupsTerminateEndsTheChildsWholeTree() throws Exception {
        System.setProperty(NativeLauncher.PROCESS_GROUP_PROPERTY, "true");
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
            MpProcess p = mp.newProcess(() -> {
                MpProcess grandchild = Multiprocessing.newProcess(() -> Thread.sleep(outlive)).start();
                Exchange.put(dir, "grandchild", Long.toString(grandchild.pid().getAsLong()));
                grandchild.join();
            }).start();
            long grandchild = Long.parseLong(ex.await("grandchild"));
            p.terminate();
            p.join();
            assertThat(p.exitCode()).hasValue(-15);
            // Without the process group the grandchild would live on as an orphan until OUTLIVES_TEST ran out.
            await("the grandchild ends with its parent").atMost(TckEnvironment.PROMPT)
                    .until(() -> !OsProcesses.running(grandchild));
        } finally {
            System.clearProperty(NativeLauncher.PROCESS_GROUP_PROPERTY);
        }
    }
}
