package io.multiproc4j.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The bytes a Unix-domain socket's path may take below {@link #socketBase()}: a separator, an owned directory
     * ({@code mp4j-<kind>-<pid>-<20 hex digits>}, with a kind of at most 10 letters), a separator and a file name of
     * at most 16 bytes.
     */
    public static final int SOCKET_ROOM_BYTES = 64;

    /** The longest path of a Unix-domain socket on Linux: {@code sun_path} holds 108 bytes with the final NUL. */
    private static final int MAX_SOCKET_PATH_BYTES = 107;
    private static final Path SHORT_BASE = Path.of("/tmp");
    private static final Pattern OWNED = Pattern.compile("mp4j-[a-z]+-(\\d+)-[0-9a-f]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnedFiles() {
    }

    /**
     * Where to put socket files and the private directories that hold them: {@code java.io.tmpdir}, unless a socket
     * path below it could exceed the 107 bytes Linux allows (a deep build directory does), and then {@code /tmp}.
     * Everything below it must fit in {@link #SOCKET_ROOM_BYTES}.
     *
     * @return an absolute directory
     */
    public static Path socketBase() {
        return socketBase(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Path socketBase(Path tmpdir) {
        Path tmp = tmpdir.toAbsolutePath();
        int bytes = tmp.toString().getBytes(StandardCharsets.UTF_8).length;
        return bytes + SOCKET_ROOM_BYTES <= MAX_SOCKET_PATH_BYTES ? tmp : SHORT_BASE;
    }

    /**
     * Removes the private directories that dead processes left in {@code java.io.tmpdir} and in
     * {@link #socketBase()}, as {@link #sweepDeadOwners(Path)} does for one directory.
     */
    public static void sweepDeadOwners() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        sweepDeadOwners(tmp);
        Path sockets = socketBase(tmp);
        if (!sockets.equals(tmp)) {
            sweepDeadOwners(sockets);
        }
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
