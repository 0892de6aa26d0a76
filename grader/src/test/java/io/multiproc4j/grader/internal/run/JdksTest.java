package io.multiproc4j.grader.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.grader.support.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @TempDir
    Path dir;

    private Path fakeJdk(Path home, String version) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void jdksAreFoundInJavaHomeTheToolchainsAndTheUsualPlacesNewestFirst() throws IOException {
        Path user = Files.createDirectories(dir.resolve("user"));
        Path fromToolchains = fakeJdk(dir.resolve("somewhere/jdk-21"), "21.0.2");
        Files.createDirectories(user.resolve(".m2"));
        Files.writeString(user.resolve(".m2/toolchains.xml"), "<toolchains><toolchain><configuration><jdkHome>"
                + fromToolchains + "</jdkHome></configuration></toolchain></toolchains>");
        Path sdkman = fakeJdk(user.resolve(".sdkman/candidates/java/25.0.1-tem"), "25.0.1");
        Path javaHome = fakeJdk(dir.resolve("java-home"), "1.8.0_392");
        Path running = fakeJdk(dir.resolve("running"), "17.0.9");

        List<Jdk> found = Jdks.discover(javaHome.toString(), user, running);
        List<Jdk> ours = found.stream().filter(j -> j.home().startsWith(dir)).toList();
        assertThat(ours).extracting(Jdk::feature).containsExactly(25, 21, 17, 8);
        assertThat(ours.get(0).home()).isEqualTo(sdkman);
        assertThat(found.get(0).feature()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void theNewestJdkIsChosenUnlessOneIsGivenAndTooOldOnesAreRefusedSayingWhatIsNeeded() throws IOException {
        Jdk j25 = Jdk.at(fakeJdk(dir.resolve("a"), "25")).orElseThrow();
        Jdk j17 = Jdk.at(fakeJdk(dir.resolve("b"), "17.0.1")).orElseThrow();
        assertThat(Jdks.choose(21, Optional.empty(), List.of(j25, j17))).isEqualTo(j25);
        assertThat(Jdks.choose(17, Optional.of(j17), List.of(j25, j17))).isEqualTo(j17);
        assertThatThrownBy(() -> Jdks.choose(25, Optional.of(j17), List.of())).hasMessageContaining(
                "needs Java 25").hasMessageContaining("--java names Java 17.0.1");
        assertThatThrownBy(() -> Jdks.choose(25, Optional.empty(), List.of(j17))).hasMessageContaining(
                "no such JDK was found").hasMessageContaining("--java");
    }

    @Test
    void javaMayNameAHomeOrItsLauncher() throws IOException {
        Path home = fakeJdk(dir.resolve("jdk"), "25.0.3");
        assertThat(Jdks.given(home).feature()).isEqualTo(25);
        assertThat(Jdks.given(home.resolve("bin/java")).home()).isEqualTo(home.toRealPath());
        assertThatThrownBy(() -> Jdks.given(dir.resolve("nothing"))).hasMessageContaining("not a Java installation");
    }

    @Test
    void theJavaAJarNeedsIsReadFromItsClassFiles() throws IOException {
        Path jar = Jars.of(dir.resolve("x.jar"), Jars.classesOf(JdksTest.class), "io/multiproc4j/grader/fixtures",
                List.of(), Map.of());
        // The tests compile for Java 17.
        assertThat(ClassVersions.requiredJava(List.of(jar))).isEqualTo(17);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.write(classes.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0,
            0, 69});
        assertThat(ClassVersions.requiredJava(List.of(jar, classes))).isEqualTo(25);
    }
}
