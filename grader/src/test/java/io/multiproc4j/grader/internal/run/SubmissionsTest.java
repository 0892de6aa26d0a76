package io.multiproc4j.grader.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.grader.support.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {

    @TempDir
    Path dir;

    private Path jar(Path at, Map<String, String> manifest) {
        return Jars.of(at, Jars.classesOf(SubmissionsTest.class), "io/multiproc4j/grader/fixtures", List.of(),
                manifest);
    }

    @Test
    void aJarIsASubmissionNamedAfterIt() {
        Path j = jar(dir.resolve("alice smith.jar"), Map.of());
        Submission s = Submissions.of(j);
        assertThat(s.name()).isEqualTo("alice_smith");
        assertThat(s.classPath()).containsExactly(j);
        assertThat(s.own()).containsExactly(j);
        assertThat(s.problem()).isEmpty();
    }

    @Test
    void aFolderIsASubmissionOfEveryJarInItButSourcesAndJavadoc() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("张三"));
        Path main = jar(folder.resolve("impl.jar"), Map.of());
        Path lib = jar(folder.resolve("lib/dep.jar"), Map.of());
        jar(folder.resolve("impl-sources.jar"), Map.of());
        Submission s = Submissions.of(folder);
        assertThat(s.name()).isEqualTo("张三");
        assertThat(s.classPath()).containsExactlyInAnyOrder(main, lib);
    }

    @Test
    void aFolderWithoutAJarIsASubmissionWithAProblem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        Submission s = Submissions.of(folder);
        assertThat(s.problem()).hasValueSatisfying(n -> assertThat(n.key()).isEqualTo("problem.noJar"));
    }

    @Test
    void aClassFolderWithTheServiceFileIsASubmission() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/services")).getParent().getParent();
        Files.writeString(classes.resolve("META-INF/services/io.multiproc4j.spi.MultiprocessingProvider"), "a.B\n");
        assertThat(Submissions.of(classes).classPath()).containsExactly(classes);
    }

    @Test
    void whatIsNeitherAJarNorAFolderIsRefused() throws IOException {
        assertThatThrownBy(() -> Submissions.of(dir.resolve("missing.jar"))).hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hi");
        assertThatThrownBy(() -> Submissions.of(text)).hasMessageContaining("is not a jar");
    }

    @Test
    void aFolderOfSubmissionsGivesOneEachAndSkipsTheRest() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("class"));
        jar(folder.resolve("bob.jar"), Map.of());
        jar(folder.resolve("alice/target/alice.jar"), Map.of());
        Files.writeString(folder.resolve("README.txt"), "ignored");
        Files.createDirectories(folder.resolve(".git"));
        assertThat(Submissions.inFolder(folder)).extracting(Submission::name).containsExactly("alice", "bob");
        assertThatThrownBy(() -> Submissions.inFolder(Files.createDirectories(dir.resolve("none"))))
                .hasMessageContaining("holds no submission");
    }

    @Test
    void aManifestMayAskForJvmOptionsButOnlyHarmlessOnesAreTaken() {
        Submission s = Submissions.of(jar(dir.resolve("n.jar"), Map.of(Submissions.JVM_OPTIONS_ATTRIBUTE,
                "--enable-native-access=ALL-UNNAMED  -Xss4m -javaagent:evil.jar -Dmultiproc4j.tck.timeScale=9")));
        assertThat(s.jvmOptions()).containsExactly("--enable-native-access=ALL-UNNAMED", "-Xss4m",
                "-javaagent:evil.jar", "-Dmultiproc4j.tck.timeScale=9");
        assertThat(Submissions.refused(s.jvmOptions())).containsExactly("-javaagent:evil.jar",
                "-Dmultiproc4j.tck.timeScale=9");
    }

    @Test
    void submissionsOfTheSameNameAreTold() {
        Submission a = Submissions.of(jar(dir.resolve("x/impl.jar"), Map.of()));
        Submission b = Submissions.of(jar(dir.resolve("y/impl.jar"), Map.of()));
        assertThat(Submissions.uniquelyNamed(List.of(a, b, a))).extracting(Submission::name)
                .containsExactly("impl", "impl-2", "impl-3");
    }

    @Test
    void theBuiltInImplementationsAreTheBuiltImplModules() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        module(repo, "impl-alpha", "multiproc4j-alpha", true);
        module(repo, "impl-beta", "multiproc4j-beta", false);
        module(repo, "docs", "multiproc4j-docs", true);
        List<String> warnings = new ArrayList<>();
        List<Submission> found = Submissions.builtIn(repo, warnings);
        assertThat(found).extracting(Submission::name).containsExactly("impl-alpha");
        assertThat(found.get(0).classPath()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo("multiproc4j-alpha-1.0.jar"));
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("impl-beta is not built",
                "-pl impl-beta"));
        assertThatThrownBy(() -> Submissions.builtIn(Files.createDirectories(dir.resolve("bare")), warnings))
                .hasMessageContaining("no built implementation");
    }

    private void module(Path repo, String dir, String artifactId, boolean built) throws IOException {
        Path m = Files.createDirectories(repo.resolve(dir));
        Files.writeString(m.resolve("pom.xml"), "<project><parent><artifactId>multiproc4j-parent</artifactId>"
                + "</parent><artifactId>" + artifactId + "</artifactId></project>");
        if (built) {
            jar(m.resolve("target/" + artifactId + "-1.0.jar"), Map.of());
            jar(m.resolve("target/" + artifactId + "-1.0-tests.jar"), Map.of());
        }
    }
}
