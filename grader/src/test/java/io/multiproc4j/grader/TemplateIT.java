package io.multiproc4j.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.run.Dirs;
import io.multiproc4j.grader.support.GradeScript;
import io.multiproc4j.grader.support.Jars;
import io.multiproc4j.tck.support.TckEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The template project of docs/template compiles against the api alone, registers its provider, and, graded through
 * the command, honestly fails every rule it is graded on, each with the reason and a hint (here in Chinese).
 */
class TemplateIT {

    private static final Path TEMPLATE = GradeScript.REPOSITORY.resolve("docs/template");
    /** Areas whose every test fails at once against an implementation that throws everywhere. */
    private static final String AREAS = "synchronization,queues,signals";

    @Test
    void theTemplateCompilesRegistersItsProviderAndFailsEveryRule() throws IOException {
        Path jar = build(GradeScript.WORK.resolve("template"));

        GradeScript.Run run = GradeScript.run(GradeScript.WORK.resolve("template-reports"),
                TckEnvironment.scaled(Duration.ofMinutes(3).toMillis()), "--areas", AREAS, "--lang", "zh",
                jar.toString());

        Map<String, Object> report = run.report("my-multiproc4j");
        assertThat(report.get("provider")).isEqualTo("my-implementation");
        assertThat(report.get("score")).isEqualTo(0.0);
        assertThat(report.get("problems")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) report.get("rules");
        assertThat(rules).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("outcome")).isEqualTo("failed");
            assertThat((String) r.get("hint")).startsWith("检查");
        });
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stdout()).contains("0 项通过，" + rules.size() + " 项失败");
        assertThat(run.file("my-multiproc4j", "report.md")).contains("## 失败的规则", "not implemented yet:");
    }

    /** Compiles the template's sources against the api and jars them with its resources, as its pom would. */
    private static Path build(Path dir) throws IOException {
        Dirs.deleteTree(dir);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(TEMPLATE.resolve("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath",
                System.getProperty("grader.apiJar"), "-d", classes.toString()));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the template").isZero();
        Path resources = TEMPLATE.resolve("src/main/resources");
        try (Stream<Path> s = Files.walk(resources)) {
            for (Path f : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path to = classes.resolve(resources.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        // The services file comes from the template's resources, as in the jar its pom builds.
        return Jars.of(dir.resolve("my-multiproc4j.jar"), classes, "", List.of(), Map.of());
    }
}
