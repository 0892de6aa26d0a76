package io.multiproc4j.grader.internal.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path that every grading JVM starts with: the grader itself (for its runner), the api, the kit and JUnit,
 * exactly the jars the grader runs on. Run as {@code java -jar multiproc4j-grader.jar}, these are the jar and the
 * {@code Class-Path} of its manifest; run from classes, the JVM's class path.
 */
public final class GraderClassPath {

    private GraderClassPath() {
    }

    /** @return the entries, in order */
    public static List<Path> entries() {
        Path self = self();
        if (!Files.isRegularFile(self)) {
            List<Path> all = new ArrayList<>();
            Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(s -> !s.isBlank())
                    .forEach(s -> all.add(Path.of(s).toAbsolutePath().normalize()));
            return all;
        }
        List<Path> all = new ArrayList<>(List.of(self));
        try (JarFile jar = new JarFile(self.toFile())) {
            Manifest mf = jar.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String entry : cp.trim().split("\\s+")) {
                    Path p = self.getParent().resolve(entry).normalize();
                    if (!Files.exists(p)) {
                        throw new IllegalStateException("the grader's jar lists " + entry + " in its class path, but "
                                + p + " is missing; rebuild the grader with ./mvnw -q package -DskipTests -pl grader"
                                + " -am");
                    }
                    all.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** @return the grader's own jar or class folder */
    public static Path self() {
        try {
            return Path.of(GraderClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
