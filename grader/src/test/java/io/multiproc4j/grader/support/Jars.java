package io.multiproc4j.grader.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds small jars for the tests: submissions made of compiled classes, a services file and a manifest. */
public final class Jars {

    private static final String SERVICE = "META-INF/services/io.multiproc4j.spi.MultiprocessingProvider";

    private Jars() {
    }

    /**
     * @param jar the jar to write
     * @param classesRoot a class folder
     * @param packageDir the folder under it whose classes go in, for example {@code io/multiproc4j/grader/fixtures}
     * @param providers the provider classes to register, none for a jar without a provider
     * @param manifest extra manifest attributes
     * @return the jar
     */
    public static Path of(Path jar, Path classesRoot, String packageDir, List<String> providers,
            Map<String, String> manifest) {
        try {
            Files.createDirectories(jar.getParent());
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, mf);
                    Stream<Path> files = Files.walk(classesRoot.resolve(packageDir))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    out.putNextEntry(new JarEntry(classesRoot.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
                if (!providers.isEmpty()) {
                    out.putNextEntry(new JarEntry(SERVICE));
                    out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param type a class of the tests
     * @return the class folder it was loaded from
     */
    public static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
