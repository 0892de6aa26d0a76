package io.multiproc4j.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a child JVM: the parent's {@code java}, class path and module path, the configured JVM
 * options, and the implementation's entry point. Shared by the JVM-spawning launchers so that every implementation
 * starts its children the same way.
 *
 * <p>A child gets its parent's {@code java.io.tmpdir}, and prints the JVM's own messages on standard error. The options come from the system property {@value #OPTIONS_PROPERTY} (split on white space) when it is set,
 * otherwise they are {@link #DEFAULT_OPTIONS}.
 */
public final class JvmCommand {

    /** The system property that replaces the default JVM options of every child. */
    public static final String OPTIONS_PROPERTY = "multiproc4j.child.jvmOptions";

    /**
     * The default options of a child JVM: the class-data sharing archive is used when the JDK has one, and the
     * serial collector keeps a small child's start-up and footprint low, and no performance-data file is written
     * to the temporary directory.
     */
    public static final List<String> DEFAULT_OPTIONS = List.of("-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private JvmCommand() {
    }

    /**
     * Builds the command that runs {@code mainClass} in a new JVM like this one.
     *
     * @param mainClass the child entry point; on the module path when its module is named
     * @param extraOptions JVM options the implementation itself needs, placed after the configured ones
     * @return the command, starting with the path of the {@code java} launcher
     */
    public static List<String> forMainClass(Class<?> mainClass, List<String> extraOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // First, so that it is in force while the rest is parsed: HotSpot prints some start-up failures (a heap or
        // stack too small) on standard output, where a launcher would not look for the reason a child failed.
        cmd.add("-XX:+DisplayVMOutputToStderr");
        String configured = System.getProperty(OPTIONS_PROPERTY);
        if (configured != null) {
            Arrays.stream(configured.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(cmd::add);
        } else {
            cmd.addAll(DEFAULT_OPTIONS);
        }
        cmd.addAll(extraOptions);
        // Children use the same temporary directory as their parent, as they share its environment in Python.
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        String classPath = System.getProperty("java.class.path", "");
        String modulePath = System.getProperty("jdk.module.path", "");
        if (!classPath.isEmpty()) {
            cmd.add("-cp");
            cmd.add(classPath);
        }
        if (mainClass.getModule().isNamed() && !modulePath.isEmpty()) {
            cmd.add("-p");
            cmd.add(modulePath);
            cmd.add("--add-modules");
            // The same root modules as on the class path (jdk.unsupported among them), plus every application module.
            cmd.add("ALL-DEFAULT,ALL-MODULE-PATH");
            cmd.add("-m");
            cmd.add(mainClass.getModule().getName() + "/" + mainClass.getName());
        } else {
            cmd.add(mainClass.getName());
        }
        return cmd;
    }
}
