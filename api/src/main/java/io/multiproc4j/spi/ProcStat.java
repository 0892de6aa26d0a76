package io.multiproc4j.spi;

import io.multiproc4j.ProcessState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's scheduling state from {@code /proc/<pid>/stat} (Linux). */
final class ProcStat {

    private ProcStat() {
    }

    /** The state letter of a live process, or {@link ProcessState#ENDED} when it no longer exists. */
    static ProcessState read(long pid) {
        String stat;
        try {
            stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")),
                    StandardCharsets.US_ASCII);
        } catch (IOException gone) {
            return ProcessState.ENDED;
        }
        // The command name is in parentheses and may itself contain ") "; the state follows the last ')'.
        int close = stat.lastIndexOf(')');
        char letter = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        switch (letter) {
            case 'R':
                return ProcessState.RUNNING;
            case 'T':
            case 't':
                return ProcessState.STOPPED;
            case 'Z':
                return ProcessState.ZOMBIE;
            case 'X':
            case 'x':
                return ProcessState.ENDED;
            default:
                return ProcessState.SLEEPING;
        }
    }
}
