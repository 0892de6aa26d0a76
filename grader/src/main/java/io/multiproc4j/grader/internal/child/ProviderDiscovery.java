package io.multiproc4j.grader.internal.child;

import io.multiproc4j.spi.MultiprocessingProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the provider under test in the grading JVM: the one the submission itself registers with
 * {@link ServiceLoader}, or the one named with {@code --provider}. Providers on the class path that the submission
 * did not bring (its libraries, or a base implementation it decorates) do not count as its own.
 */
final class ProviderDiscovery {

    /** A provider found on the class path. */
    record Found(String id, String className, String source, boolean own) {
        String describe() {
            return "'" + id + "' (" + className + ", from " + source + ")";
        }
    }

    /** The outcome: the provider to grade, or why there is none. */
    record Outcome(Optional<Found> chosen, Event.Problem problem, String message) {
        static Outcome of(Found f) {
            return new Outcome(Optional.of(f), null, "");
        }

        static Outcome problem(Event.Problem problem, String message) {
            return new Outcome(Optional.empty(), problem, message);
        }
    }

    /** More entries than any real services file has; guards against a loader that keeps failing on one entry. */
    private static final int MAX_ENTRIES = 1_000;

    private ProviderDiscovery() {
    }

    /**
     * @param ownEntries the class path entries that are the submission's own (its jars, or its class folder)
     * @param wanted the id asked for with {@code --provider}, or blank to take the submission's only provider
     * @return the provider to grade, or the problem
     */
    static Outcome discover(Set<Path> ownEntries, String wanted) {
        List<Found> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<ServiceLoader.Provider<MultiprocessingProvider>> it =
                ServiceLoader.load(MultiprocessingProvider.class).stream().iterator();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            ServiceLoader.Provider<MultiprocessingProvider> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                broken.add(messageOf(e));
                continue;
            }
            Path source = sourceOf(p.type());
            boolean own = source != null && ownEntries.contains(source);
            String where = source == null ? "an unknown location" : source.toString();
            try {
                MultiprocessingProvider provider = p.get();
                found.add(new Found(provider.id(), p.type().getName(), where, own));
            } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                broken.add(p.type().getName() + " (from " + where + ") could not be constructed: " + messageOf(e));
            }
        }
        return choose(found, broken, wanted);
    }

    /** The choice among what was found; separate from the loading so that it can be tested without a class path. */
    static Outcome choose(List<Found> found, List<String> broken, String wanted) {
        String brokenNote = broken.isEmpty() ? "" : "; besides, " + String.join("; ", broken);
        if (wanted != null && !wanted.isBlank()) {
            List<Found> named = found.stream().filter(f -> f.id().equals(wanted)).collect(Collectors.toList());
            if (named.size() == 1) {
                return Outcome.of(named.get(0));
            }
            if (named.isEmpty()) {
                return Outcome.problem(Event.Problem.UNKNOWN_PROVIDER, "no provider has the id '" + wanted
                        + "' asked for with --provider; found " + describe(found) + brokenNote);
            }
            return Outcome.problem(Event.Problem.SEVERAL_PROVIDERS, "several providers have the id '" + wanted
                    + "': " + describe(named) + "; provider ids must be unique");
        }
        List<Found> own = found.stream().filter(Found::own).collect(Collectors.toList());
        if (own.size() == 1) {
            return Outcome.of(own.get(0));
        }
        if (own.size() > 1) {
            return Outcome.problem(Event.Problem.SEVERAL_PROVIDERS, "the submission registers " + own.size()
                    + " providers, " + describe(own) + "; register exactly one in META-INF/services/"
                    + MultiprocessingProvider.class.getName() + ", or choose one with --provider <id>");
        }
        if (!broken.isEmpty()) {
            return Outcome.problem(Event.Problem.BROKEN_PROVIDER, "the submission's provider could not be loaded: "
                    + String.join("; ", broken));
        }
        return Outcome.problem(Event.Problem.NO_PROVIDER, "the submission registers no provider: add the file "
                + "META-INF/services/" + MultiprocessingProvider.class.getName() + " to its jar, naming the class "
                + "that implements MultiprocessingProvider"
                + (found.isEmpty() ? "" : " (providers found elsewhere on the class path: " + describe(found) + ")"));
    }

    private static String describe(List<Found> found) {
        return found.isEmpty() ? "none" : found.stream().map(Found::describe).collect(Collectors.joining(", "));
    }

    private static Path sourceOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String messageOf(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            b.append(", caused by ").append(c);
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }
}
