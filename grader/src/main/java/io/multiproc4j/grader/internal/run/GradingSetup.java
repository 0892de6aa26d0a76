package io.multiproc4j.grader.internal.run;

import io.multiproc4j.grader.internal.text.Texts;
import io.multiproc4j.tck.support.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What is the same for every submission of one grading run.
 *
 * @param graderClassPath the grader's own class path entries, first on every grading JVM's class path
 * @param libs jars added to every submission's class path ({@code --lib})
 * @param explicitJdk the JDK named with {@code --java}, if any
 * @param discoveredJdks the JDKs found on this machine, newest first
 * @param jvmOptions the instructor's JVM options ({@code --jvm-option})
 * @param provider the provider id to grade ({@code --provider}), or blank for each submission's own
 * @param limits the time limits
 * @param rules the rules to grade, in the order of the spec
 * @param selection how they were chosen, or blank for all
 * @param texts the language of the reports
 */
public record GradingSetup(List<Path> graderClassPath, List<Path> libs, Optional<Jdk> explicitJdk,
        List<Jdk> discoveredJdks, List<String> jvmOptions, String provider, Limits limits, List<Rule> rules,
        String selection, Texts texts) {

    /** Copies the lists. */
    public GradingSetup {
        graderClassPath = List.copyOf(graderClassPath);
        libs = List.copyOf(libs);
        discoveredJdks = List.copyOf(discoveredJdks);
        jvmOptions = List.copyOf(jvmOptions);
        rules = List.copyOf(rules);
        provider = provider == null ? "" : provider;
        selection = selection == null ? "" : selection;
    }
}
