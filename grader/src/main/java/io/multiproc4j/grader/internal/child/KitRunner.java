package io.multiproc4j.grader.internal.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.RuleCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a grading JVM: finds the submission's provider, runs the requested rules of the kit against it
 * with the JUnit Platform Launcher, and reports each rule as it starts and ends to the grader, over a loopback
 * connection of its own, so that whatever the submission prints cannot be mistaken for a result.
 *
 * <p>Its one argument is a properties file written by the grader: {@code port} and {@code token} of the connection,
 * {@code own} (the submission's class path entries, one per line), {@code provider} (an id, or blank) and
 * {@code rules} (the rule ids to run, comma-separated).
 */
public final class KitRunner {

    private final Writer out;

    private KitRunner(Writer out) {
        this.out = out;
    }

    /**
     * @param args the path of the request file
     * @throws IOException if the grader cannot be reached
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KitRunner <request file>; started by the grader, not by hand");
        }
        Properties request = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            request.load(r);
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(request.getProperty("port")));
        KitRunner runner = new KitRunner(new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(),
                StandardCharsets.UTF_8)));
        runner.send(Event.of(Event.Kind.HELLO, request.getProperty("token")));
        runner.run(request);
        socket.close();
        // Ends the JVM as a program's end would, whatever threads the implementation left running; its exit rules
        // (waiting for non-daemon children) still apply, under the grader's time limit.
        System.exit(0);
    }

    private void run(Properties request) {
        Set<Path> own = Arrays.stream(request.getProperty("own", "").split("\n"))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        ProviderDiscovery.Outcome outcome = ProviderDiscovery.discover(own, request.getProperty("provider", ""));
        if (outcome.chosen().isEmpty()) {
            send(Event.of(Event.Kind.PROBLEM, outcome.problem().name(), outcome.message()));
            return;
        }
        ProviderDiscovery.Found provider = outcome.chosen().get();
        send(Event.of(Event.Kind.PROVIDER, provider.id(), provider.className(), provider.source()));
        System.setProperty(AreaTests.PROVIDER_PROPERTY, provider.id());
        System.setProperty(Multiprocessing.PROVIDER_PROPERTY, provider.id());

        Set<String> rules = Arrays.stream(request.getProperty("rules", "").split(","))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        runKit(rules);
        send(Event.of(Event.Kind.DONE));
    }

    private void runKit(Set<String> rules) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                // A submission's junit-platform.properties or system properties must not reconfigure the kit.
                .enableImplicitConfigurationParameters(false)
                .filters(onlyRules(rules));
        rules.stream().map(id -> AreaTests.BY_PAGE.get(RuleCatalog.rule(id).page())).distinct()
                .forEach(area -> request.selectors(selectClass(area)));
        // Only the Jupiter engine, and no listener or extension found on the class path: a submission cannot plug
        // anything into the run that grades it.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
        launcher.execute(request.build(), new Reporter());
    }

    private static PostDiscoveryFilter onlyRules(Set<String> rules) {
        return descriptor -> {
            Optional<String> rule = ruleOf(descriptor.getSource().orElse(null));
            return rule.isEmpty() || rules.contains(rule.get()) ? FilterResult.included("requested")
                    : FilterResult.excluded("not requested");
        };
    }

    private static Optional<String> ruleOf(TestSource source) {
        return source instanceof MethodSource m ? RuleCatalog.ruleIdOf(m.getMethodName()) : Optional.empty();
    }

    /** Turns JUnit's events into the grader's. */
    private final class Reporter implements TestExecutionListener {
        @Override
        public void executionStarted(TestIdentifier id) {
            ruleOf(id.getSource().orElse(null)).ifPresent(rule -> send(Event.of(Event.Kind.STARTED, rule)));
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            TestSource source = id.getSource().orElse(null);
            Optional<String> rule = ruleOf(source);
            if (rule.isPresent()) {
                send(Event.of(Event.Kind.FINISHED, rule.get(), Event.Status.SKIPPED.name(), "", reason, ""));
            } else if (source instanceof ClassSource c) {
                send(Event.of(Event.Kind.CONTAINER_FAILED, c.getClassName(), "skipped: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            TestSource source = id.getSource().orElse(null);
            Optional<String> rule = ruleOf(source);
            Optional<Throwable> thrown = result.getThrowable();
            String type = thrown.map(t -> t.getClass().getName()).orElse("");
            String message = thrown.map(Failures::message).orElse("");
            if (rule.isPresent()) {
                Event.Status status = switch (result.getStatus()) {
                    case SUCCESSFUL -> Event.Status.PASSED;
                    case ABORTED -> Event.Status.ABORTED;
                    case FAILED -> Event.Status.FAILED;
                };
                send(Event.of(Event.Kind.FINISHED, rule.get(), status.name(), type, message,
                        thrown.map(Failures::trace).orElse("")));
            } else if (source instanceof ClassSource c && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                send(Event.of(Event.Kind.CONTAINER_FAILED, c.getClassName(), type + ": " + message));
            }
        }
    }

    private synchronized void send(Event e) {
        try {
            out.write(e.encode());
            out.write('\n');
            out.flush();
        } catch (IOException gone) {
            // The grader has ended: nobody is left to report to, and nobody to stop this JVM.
            Runtime.getRuntime().halt(70);
        }
    }
}
