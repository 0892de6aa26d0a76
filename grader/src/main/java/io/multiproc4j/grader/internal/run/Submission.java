package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.result.Note;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One implementation to grade: a jar, a folder of jars, or a class folder.
 *
 * @param name its name in the reports, unique among the submissions graded together
 * @param origin the jar or folder as given
 * @param classPath its jars (or class folder), its own and its dependencies, for the grading JVM's class path
 * @param own the entries whose providers are the submission's own: everything it brought, but not {@code --lib}
 * @param jvmOptions the JVM options it asks for in its jar's manifest, among those a submission may ask for
 * @param problem why it cannot be graded at all (a folder without a jar, an unreadable jar), if so
 */
public record Submission(String name, Path origin, List<Path> classPath, List<Path> own, List<String> jvmOptions,
        Optional<Note> problem) {

    /** Copies the lists. */
    public Submission {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        classPath = List.copyOf(classPath);
        own = List.copyOf(own);
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * @param name a new name
     * @return this submission under that name
     */
    public Submission named(String name) {
        return new Submission(name, origin, classPath, own, jvmOptions, problem);
    }
}
