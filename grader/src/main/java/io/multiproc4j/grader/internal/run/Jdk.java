package io.multiproc4j.grader.internal.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java installation that can run grading JVMs.
 *
 * @param home its home directory
 * @param feature its feature release, for example 25
 * @param version its full version, for example {@code 25.0.1}
 */
public record Jdk(Path home, int feature, String version) {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]+)\"?\\s*$");

    /** @return its {@code java} launcher */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /**
     * Reads a Java home's {@code release} file.
     *
     * @param home a directory that may be a Java home
     * @return the installation, or empty if the directory has no {@code bin/java} or no readable version
     */
    public static Optional<Jdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) {
                return Optional.empty();
            }
            String version = m.group(1);
            return Optional.of(new Jdk(home.toAbsolutePath().normalize(), featureOf(version), version));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param version a Java version string: {@code 25.0.1}, {@code 17}, or the old {@code 1.8.0_392}
     * @return its feature release
     */
    static int featureOf(String version) {
        String[] parts = version.split("[._+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    /** @return for messages: {@code Java 25 (/usr/lib/jvm/temurin-25-jdk-amd64)} */
    public String describe() {
        return "Java " + version + " (" + home + ")";
    }
}
