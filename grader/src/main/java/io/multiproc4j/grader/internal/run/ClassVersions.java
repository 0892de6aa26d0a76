package io.multiproc4j.grader.internal.run;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Which Java a submission's classes need, from their class file versions. */
public final class ClassVersions {

    /** Class file major version 61 is Java 17; each release adds one. */
    private static final int JAVA_17_MAJOR = 61;
    private static final int MAGIC = 0xCAFEBABE;

    private ClassVersions() {
    }

    /**
     * @param classPath jars and class folders
     * @return the newest Java feature release any of their classes was compiled for, and at least 17
     */
    public static int requiredJava(List<Path> classPath) throws IOException {
        int major = JAVA_17_MAJOR;
        for (Path entry : classPath) {
            major = Math.max(major, Files.isDirectory(entry) ? newestInFolder(entry) : newestInJar(entry));
        }
        return major - JAVA_17_MAJOR + 17;
    }

    private static int newestInJar(Path jar) throws IOException {
        int major = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                // Classes for later releases in a multi-release jar are used only on those releases.
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        major = Math.max(major, majorOf(in));
                    }
                }
            }
        }
        return major;
    }

    private static int newestInFolder(Path dir) throws IOException {
        int major = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    major = Math.max(major, majorOf(in));
                }
            }
        }
        return major;
    }

    private static int majorOf(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            if (d.readInt() != MAGIC) {
                return 0;
            }
            d.readUnsignedShort();
            return d.readUnsignedShort();
        } catch (java.io.EOFException e) {
            return 0;
        }
    }
}
