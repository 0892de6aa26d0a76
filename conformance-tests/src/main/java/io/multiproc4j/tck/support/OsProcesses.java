package io.multiproc4j.tck.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What the kit reads about processes from the operating system ({@code /proc}, Linux), independently of the API. */
public final class OsProcesses {

    private OsProcesses() {
    }

    /**
     * @param pid a process id
     * @return the state letter from {@code /proc/<pid>/stat} ({@code R}, {@code S}, {@code T}, {@code Z}, …), or
     *     {@code '-'} if there is no such process
     */
    public static char stateOf(long pid) {
        String[] f = statFields(pid);
        return f == null ? '-' : f[0].charAt(0);
    }

    /**
     * @param pid a process id
     * @return its parent's pid, or empty if there is no such process
     */
    public static OptionalLong parentOf(long pid) {
        String[] f = statFields(pid);
        return f == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[1]));
    }

    /**
     * @param pid a process id
     * @return its niceness, or empty if there is no such process
     */
    public static OptionalLong nicenessOf(long pid) {
        String[] f = statFields(pid);
        return f == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[16]));
    }

    /**
     * @param pid a process id
     * @return whether it exists and is not a zombie
     */
    public static boolean running(long pid) {
        char s = stateOf(pid);
        return s != '-' && s != 'Z' && s != 'X';
    }

    /**
     * @param marker an environment entry such as {@code NAME=value}
     * @return the pids of the live, non-zombie processes whose environment contains it
     */
    public static List<Long> withEnvironmentEntry(String marker) {
        List<Long> found = new ArrayList<>();
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    if (contains(Files.readAllBytes(p.resolve("environ")), needle)) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (running(pid)) {
                            found.add(pid);
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            // no /proc: nothing can be found
        }
        return found;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: [0] is the state (field 3 of proc(5)). */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
