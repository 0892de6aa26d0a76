package io.multiproc4j.grader.internal.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JDKs of this machine, where Maven's toolchains and the usual installers put them, so that the grader,
 * itself on Java 17, can start grading JVMs on the newest Java there is.
 */
public final class Jdks {

    private static final Pattern JDK_HOME = Pattern.compile("<jdkHome>\\s*([^<]+?)\\s*</jdkHome>");

    private Jdks() {
    }

    /**
     * @param given the value of {@code --java}: a Java home, or its {@code bin/java}
     * @return that installation
     * @throws IllegalArgumentException if it is not a Java installation whose version can be read
     */
    public static Jdk given(Path given) {
        Path p = given.toAbsolutePath().normalize();
        try {
            if (Files.isRegularFile(p)) {
                p = p.toRealPath().getParent().getParent();
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("--java " + given + " is not a Java installation");
        }
        return Jdk.at(p).orElseThrow(() -> new IllegalArgumentException("--java " + given + " is not a Java "
                + "installation: expected a Java home with bin/java and a release file, or its bin/java"));
    }

    /**
     * @param javaHome the value of {@code JAVA_HOME}, or null
     * @param userHome the user's home directory
     * @param running the home of the Java running the grader
     * @return every installation found, newest first
     */
    public static List<Jdk> discover(String javaHome, Path userHome, Path running) {
        Map<Path, Jdk> found = new LinkedHashMap<>();
        List<Path> homes = new ArrayList<>();
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        homes.addAll(toolchainHomes(userHome.resolve(".m2").resolve("toolchains.xml")));
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/opt/jdk"), userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines"))) {
            homes.addAll(Dirs.children(parent));
        }
        homes.add(running);
        for (Path h : homes) {
            for (Path candidate : List.of(h, h.resolve("Contents/Home"))) {
                Jdk.at(candidate).ifPresent(j -> found.putIfAbsent(realPath(j.home()), j));
            }
        }
        List<Jdk> all = new ArrayList<>(found.values());
        all.sort(Comparator.comparingInt(Jdk::feature).reversed().thenComparing(Jdk::version,
                Comparator.reverseOrder()));
        return all;
    }

    /**
     * @param required the feature release a submission needs
     * @param explicit the JDK given with {@code --java}, if any
     * @param discovered the JDKs found, newest first
     * @return the JDK to grade with: the one given, else the newest
     * @throws IllegalStateException saying what is needed and what was found, if none is new enough
     */
    public static Jdk choose(int required, Optional<Jdk> explicit, List<Jdk> discovered) {
        if (explicit.isPresent()) {
            Jdk j = explicit.get();
            if (j.feature() < required) {
                throw new IllegalStateException("it needs Java " + required + " or newer, but --java names "
                        + j.describe());
            }
            return j;
        }
        if (discovered.isEmpty() || discovered.get(0).feature() < required) {
            throw new IllegalStateException("it needs Java " + required + " or newer, and no such JDK was found (looked"
                    + " at JAVA_HOME, ~/.m2/toolchains.xml, /usr/lib/jvm and the other usual places; found "
                    + (discovered.isEmpty() ? "none" : discovered.stream().map(Jdk::describe)
                            .reduce((a, b) -> a + ", " + b).orElse("")) + "); install one, or name it with --java");
        }
        return discovered.get(0);
    }

    private static List<Path> toolchainHomes(Path toolchains) {
        List<Path> homes = new ArrayList<>();
        try {
            Matcher m = JDK_HOME.matcher(Files.readString(toolchains, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).contains("${")) {
                    homes.add(Path.of(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no toolchains file, or one we cannot read: the other places remain
        }
        return homes;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}
