package io.multiproc4j.spi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private directories (for socket files) that name the process owning them, so that what a killed process left
 * behind can be found and removed by any other process of ours: {@code mp4j-<kind>-<pid>-<random>}, mode 0700.
 * A process that ends normally removes its own; {@link #sweepDeadOwners(Path)} removes those whose owner has died
 * without doing so (for example by {@code SIGKILL}).
 */
public final class OwnedFiles {

    private static final Pattern OWNED = Pattern.compile("mp4j-[a-z]+-(\\d+)-[0-9a-f]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnedFiles() {
    }

    /**
     * Creates a new private directory owned by this process.
     *
     * @param base where to create it
     * @param kind lower-case letters saying what it holds, for example {@code broker}
     * @return the new directory, mode 0700
     * @throws IOException if it cannot be created
     */
    public static Path createPrivateDirectory(Path base, String kind) throws IOException {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String name = "mp4j-" + kind + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
        return Files.createDirectory(base.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Removes, with their files, the private directories in {@code base} whose owning process has ended. Best
     * effort: what cannot be removed now (another user's, or in use) is left alone.
     *
     * @param base the directory to look in
     */
    public static void sweepDeadOwners(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "mp4j-*")) {
            for (Path dir : dirs) {
                ownerOf(dir).filter(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))
                        .ifPresent(dead -> deleteDirectory(dir));
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover is found again at the next sweep
        }
    }

    private static Optional<Long> ownerOf(Path dir) {
        Matcher m = OWNED.matcher(dir.getFileName().toString());
        return m.matches() && Files.isDirectory(dir) ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static void deleteDirectory(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException e) {
            // someone else removed it first, or it is not ours to remove
        }
    }
}
