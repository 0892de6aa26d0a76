package io.multiproc4j.grader;

import io.multiproc4j.grader.internal.cli.GradeCommand;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code grade} command: grades multiproc4j implementations against the conformance kit, each in a JVM of its
 * own, and writes a report per submission, a gradebook and a summary. Run {@code grade --help} for its options.
 */
public final class Grade {

    private Grade() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        // The reports' words may be Chinese; the terminal gets UTF-8 whatever the JVM's default.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(GradeCommand.run(args, out, err));
    }
}
