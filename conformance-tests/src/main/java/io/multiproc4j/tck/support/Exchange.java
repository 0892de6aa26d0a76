package io.multiproc4j.tck.support;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A private directory through which the kit's children report to the test, and the test releases them: each entry
 * is a small text file, written atomically. It needs no IPC from the implementation under test, so process rules do
 * not depend on IPC rules.
 *
 * <p>Child tasks must capture {@link #path()} (a {@code String}) and call the static methods; they must not capture
 * the {@code Exchange} itself.
 */
public final class Exchange implements AutoCloseable {

    /** The name prefix of the kit's own temporary directories, which the leak check leaves alone. */
    public static final String PREFIX = "mp4j-tck-";

    private final Path dir;

    /** Creates a new, empty exchange directory in the temporary directory. */
    public Exchange() {
        try {
            dir = Files.createTempDirectory(PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the directory, as a string a task can capture */
    public String path() {
        return dir.toString();
    }

    /**
     * Writes an entry; called in a child (or by the test).
     *
     * @param dir the exchange's {@link #path()}
     * @param key the entry name
     * @param value its text
     */
    public static void put(String dir, String key, String value) {
        try {
            Path tmp = Files.createTempFile(Path.of(dir), "." + key, ".tmp");
            Files.writeString(tmp, value, StandardCharsets.UTF_8);
            Files.move(tmp, Path.of(dir, key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Blocks until an entry exists; called in a child to wait for the test's go-ahead.
     *
     * @param dir the exchange's {@link #path()}
     * @param key the entry name
     * @return its text
     */
    public static String awaitEntry(String dir, String key) {
        Path p = Path.of(dir, key);
        Awaitility.await("entry " + key).atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(5)).until(() -> Files.exists(p));
        return read(p).orElseThrow();
    }

    /**
     * @param key the entry name
     * @return the entry's text, waiting for it up to {@link TckEnvironment#LONG}
     */
    public String await(String key) {
        return awaitEntry(path(), key);
    }

    /**
     * @param key the entry name
     * @return the entry's text if it exists now
     */
    public Optional<String> peek(String key) {
        return read(dir.resolve(key));
    }

    /**
     * The entries that exist now whose names start with {@code prefix}; for entries whose names the reader cannot
     * know in advance, such as those of whichever pool tasks started first.
     *
     * @param dir the exchange's {@link #path()}
     * @param prefix the start of the entry names
     * @return each entry's text by its name
     */
    public static Map<String, String> entries(String dir, String prefix) {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && !name.startsWith("."))
                    .forEach(name -> read(Path.of(dir, name)).ifPresent(text -> found.put(name, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * @param prefix the start of the entry names
     * @return the entries that exist now whose names start with {@code prefix}, by name
     */
    public Map<String, String> entries(String prefix) {
        return entries(path(), prefix);
    }

    /**
     * Writes an entry from the test side, for example a go-ahead a child waits for.
     *
     * @param key the entry name
     * @param value its text
     */
    public void put(String key, String value) {
        put(path(), key, value);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
