package io.multiproc4j.processbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.ChildStartException;
import io.multiproc4j.launchmodes.LaunchModesMain;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.spi.JvmCommand;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What this implementation promises beyond the kit: how children are launched and what they leave behind. */
@ExtendWith(LeakCheck.class)
class ProcessBuilderLaunchIT {

    private final MpContext mp = Multiprocessing.context(ProcessBuilderProvider.ID);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-XX:+NoSuchOptionAnywhere | NoSuchOptionAnywhere",
        "-Xmx1k                    | Too small maximum heap",
        "-Xss1                     | thread stack size specified is too small"})
    void aChildJvmThatCannotStartIsReportedByJoinWithTheJvmsOwnWords(String option, String words) {
        String saved = System.getProperty(JvmCommand.OPTIONS_PROPERTY);
        System.setProperty(JvmCommand.OPTIONS_PROPERTY, option);
        try {
            MpProcess p = mp.newProcess(() -> { }).start();
            assertThatThrownBy(p::join).isInstanceOf(ChildStartException.class)
                    .hasMessageContaining(words)
                    .satisfies(e -> assertThat(((ChildStartException) e).exitCode()).isEqualTo(1));
        } finally {
            if (saved == null) {
                System.clearProperty(JvmCommand.OPTIONS_PROPERTY);
            } else {
                System.setProperty(JvmCommand.OPTIONS_PROPERTY, saved);
            }
        }
    }

    @Test
    void theControlSocketIsGoneOnceTheChildHasConnected() throws Exception {
        try (Exchange ex = new Exchange()) {
            String dir = ex.path();
            MpProcess p = mp.newProcess(() -> {
                Exchange.put(dir, "ready", "yes");
                Exchange.awaitEntry(dir, "go");
            }).start();
            ex.await("ready");
            assertThat(sockets()).as("control sockets while the child runs").isEmpty();
            ex.put("go", "now");
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    @Test
    void aProgramRunFromAJarStartsChildren() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LaunchModesMain.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath().stream()
                .map(p -> p.toUri().toString()).collect(Collectors.joining(" ")));
        try (Exchange tmp = new Exchange()) {
            Path jar = Path.of(tmp.path(), "app.jar");
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream j = new JarOutputStream(out, manifest)) {
                j.flush();
            }
            List<String> output = run(List.of("-jar", jar.toString()));
            assertThat(output).contains("child Process-1 of MainProcess", "exit 0");
        }
    }

    @Test
    void aProgramOnTheModulePathStartsChildren() throws Exception {
        Path implJar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().matches("multiproc4j-processbuilder-.*\\.jar"))
                .filter(p -> !p.getFileName().toString().contains("tests"))
                .findFirst().orElseThrow(() -> new AssertionError("run this test after the jar is packaged"));
        List<Path> cp = classPath();
        Path apiJar = cp.stream().filter(p -> p.getFileName().toString().startsWith("multiproc4j-api"))
                .findFirst().orElseThrow();
        String rest = cp.stream().filter(p -> !p.equals(apiJar) && !p.equals(implJar.toAbsolutePath())
                        && !p.endsWith(Path.of("target", "classes")))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> output = run(List.of("-p", apiJar + File.pathSeparator + implJar.toAbsolutePath(),
                "--add-modules", "io.multiproc4j,io.multiproc4j.processbuilder", "-cp", rest, LaunchModesMain.class.getName()));
        assertThat(output).contains("child Process-1 of MainProcess", "exit 0");
    }

    private static List<Path> sockets() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "mp4j-*.sock")) {
            s.forEach(found::add);
        }
        return found;
    }

    /** The test JVM's class path as absolute entries, expanding surefire's manifest-only jar if there is one. */
    private static List<Path> classPath() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (p.getFileName().toString().startsWith("surefirebooter")) {
                try (java.util.jar.JarFile booter = new java.util.jar.JarFile(p.toFile())) {
                    for (String u : booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        entries.add(Path.of(java.net.URI.create(u)));
                    }
                }
            } else {
                entries.add(p);
            }
        }
        return entries;
    }

    private static List<String> run(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(TckEnvironment.LONG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit status; output:%n%s", text).isZero();
        return Arrays.asList(text.split("\\R"));
    }
}
