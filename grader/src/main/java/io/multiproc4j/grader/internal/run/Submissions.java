package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.result.Note;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns what the command is given into submissions: jars, folders, a folder of submissions, or the built-in
 * implementations of this repository ({@code impl-*}/target).
 */
public final class Submissions {

    /**
     * The manifest attribute in which a submission asks for JVM options, separated by spaces, for example
     * {@code --enable-native-access=ALL-UNNAMED}.
     */
    public static final String JVM_OPTIONS_ATTRIBUTE = "Multiproc4j-Jvm-Options";
    /**
     * The options a submission may ask for itself: they grant what an implementation may legitimately need, and none
     * changes how the kit runs or what it reports. An instructor gives any other with {@code --jvm-option}.
     */
    public static final List<String> ALLOWED_OPTION_PREFIXES = List.of("--enable-native-access=", "--enable-preview",
            "--add-opens=", "--add-exports=", "--add-modules=", "--add-reads=", "-Xss", "-Xmx", "-Xms",
            "-XX:MaxDirectMemorySize=");

    private static final String SERVICE = "META-INF/services/" + MultiprocessingProvider.class.getName();
    private static final int FOLDER_DEPTH = 6;
    private static final Pattern ARTIFACT_ID = Pattern.compile(
            "</parent>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>", Pattern.DOTALL);

    private Submissions() {
    }

    /**
     * @param path a jar, a folder holding a jar and its dependencies, or a class folder with the service file
     * @return it as a submission
     * @throws IllegalArgumentException if it does not exist, or is a file that is not a jar
     */
    public static Submission of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().endsWith(".jar")) {
                throw new IllegalArgumentException(path + " is not a jar: give a jar, or a folder holding one");
            }
            return ofJars(nameOf(p), p, List.of(p));
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        if (Files.isRegularFile(p.resolve(SERVICE))) {
            return new Submission(nameOf(p), p, List.of(p), List.of(p), List.of(), Optional.empty());
        }
        List<Path> jars = jarsIn(p);
        if (jars.isEmpty()) {
            return new Submission(nameOf(p), p, List.of(), List.of(), List.of(),
                    Optional.of(Note.of("problem.noJar", p)));
        }
        return ofJars(nameOf(p), p, jars);
    }

    /**
     * @param folder a folder whose every jar and sub-folder is one submission
     * @return them, sorted by name
     * @throws IllegalArgumentException if it is not a folder or holds no submission
     */
    public static List<Submission> inFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--submissions " + folder + " is not a folder");
        }
        List<Submission> all = new ArrayList<>();
        for (Path entry : Dirs.children(folder)) {
            String n = entry.getFileName().toString();
            if (n.startsWith(".") || !(Files.isDirectory(entry) || n.endsWith(".jar"))) {
                continue;
            }
            all.add(of(entry));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("--submissions " + folder + " holds no submission: put each student's"
                    + " jar, or a folder with their jar and its dependencies, in it");
        }
        return all;
    }

    /**
     * The implementations of this repository: every {@code impl-*} module, by the jar its build left in
     * {@code target}.
     *
     * @param repository the repository's root
     * @param warnings where to say which modules are not built
     * @return their submissions, sorted by module
     * @throws IllegalArgumentException if the repository has no built implementation
     */
    public static List<Submission> builtIn(Path repository, List<String> warnings) {
        List<Submission> all = new ArrayList<>();
        for (Path module : Dirs.children(repository)) {
            String dir = module.getFileName().toString();
            if (!dir.startsWith("impl-") || !Files.isRegularFile(module.resolve("pom.xml"))) {
                continue;
            }
            Optional<Path> jar = builtJar(module);
            if (jar.isPresent()) {
                all.add(ofJars(dir, jar.get(), List.of(jar.get())));
            } else {
                warnings.add(dir + " is not built (no jar in " + module.resolve("target") + "), so it is not graded;"
                        + " build it with: ./mvnw -q package -DskipTests -pl " + dir + " -am");
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no built implementation in " + repository + " (impl-*/target/*.jar);"
                    + " build them with ./mvnw -q package -DskipTests, or name a jar to grade");
        }
        return all;
    }

    /**
     * Gives submissions of the same name distinct names ({@code a}, {@code a-2}, …).
     *
     * @param submissions the submissions
     * @return them, uniquely named
     */
    public static List<Submission> uniquelyNamed(List<Submission> submissions) {
        Set<String> taken = new HashSet<>();
        List<Submission> named = new ArrayList<>();
        for (Submission s : submissions) {
            String n = s.name();
            for (int i = 2; !taken.add(n); i++) {
                n = s.name() + "-" + i;
            }
            named.add(n.equals(s.name()) ? s : s.named(n));
        }
        return named;
    }

    private static Submission ofJars(String name, Path origin, List<Path> jars) {
        List<String> options = new ArrayList<>();
        Optional<Note> problem = Optional.empty();
        for (Path jar : jars) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                Manifest mf = jf.getManifest();
                String asked = mf == null ? null : mf.getMainAttributes().getValue(JVM_OPTIONS_ATTRIBUTE);
                if (asked != null) {
                    Arrays.stream(asked.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(options::add);
                }
            } catch (IOException e) {
                problem = Optional.of(Note.of("problem.badJar", jar, e.getMessage()));
            }
        }
        return new Submission(name, origin, jars, jars, options, problem);
    }

    /**
     * @param asked the options a submission asks for
     * @return those it may have; the others are reported and left out
     */
    public static List<String> refused(List<String> asked) {
        return asked.stream().filter(o -> ALLOWED_OPTION_PREFIXES.stream().noneMatch(o::startsWith))
                .collect(Collectors.toList());
    }

    private static Optional<Path> builtJar(Path module) {
        String artifactId;
        try {
            Matcher m = ARTIFACT_ID.matcher(Files.readString(module.resolve("pom.xml"), StandardCharsets.UTF_8));
            if (!m.find()) {
                return Optional.empty();
            }
            artifactId = m.group(1);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Dirs.children(module.resolve("target")).stream()
                .filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(artifactId + "-") && n.endsWith(".jar") && !n.endsWith("-tests.jar")
                            && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar");
                })
                .max(Comparator.comparing(p -> p.toFile().lastModified()));
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> s = Files.walk(folder, FOLDER_DEPTH)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".jar") && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar");
                    })
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String nameOf(Path p) {
        String n = p.getFileName() == null ? "submission" : p.getFileName().toString();
        n = n.endsWith(".jar") ? n.substring(0, n.length() - 4) : n;
        String safe = n.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "submission" + safe : safe;
    }
}
