package io.multiproc4j.internal;

import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProviderLookupException;
import io.multiproc4j.spi.MultiprocessingProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds and validates the providers once per JVM. */
public final class Providers {

    private static volatile Map<String, MultiprocessingProvider> byId;

    private Providers() {
    }

    public static MultiprocessingProvider defaultProvider() {
        String wanted = System.getProperty(Multiprocessing.PROVIDER_PROPERTY);
        String source = "system property " + Multiprocessing.PROVIDER_PROPERTY;
        if (wanted == null || wanted.isBlank()) {
            wanted = System.getenv(Multiprocessing.PROVIDER_ENV);
            source = "environment variable " + Multiprocessing.PROVIDER_ENV;
        }
        return choose(all(), wanted, source);
    }

    /** The default among {@code all}: the one named by {@code wanted} (from {@code source}), else by priority. */
    static MultiprocessingProvider choose(Map<String, MultiprocessingProvider> all, String wanted, String source) {
        if (wanted != null && !wanted.isBlank()) {
            return lookup(all, wanted.strip(), " (named by the " + source + ")");
        }
        if (all.isEmpty()) {
            throw new ProviderLookupException("no multiproc4j implementation was found: put one on the class path"
                    + " (for example multiproc4j-processbuilder), registered as a service of "
                    + MultiprocessingProvider.class.getName());
        }
        List<MultiprocessingProvider> ranked = new ArrayList<>(all.values());
        ranked.sort(Comparator.comparingInt(MultiprocessingProvider::priority).reversed());
        if (ranked.size() > 1 && ranked.get(0).priority() == ranked.get(1).priority()) {
            throw new ProviderLookupException("several multiproc4j implementations share the highest priority "
                    + ranked.get(0).priority() + ": " + describe(all) + "; choose one with -D"
                    + Multiprocessing.PROVIDER_PROPERTY + "=<id> or Multiprocessing.context(id)");
        }
        return ranked.get(0);
    }

    public static MultiprocessingProvider byId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a provider id must not be null or blank");
        }
        return lookup(all(), id.strip(), "");
    }

    static MultiprocessingProvider byId(Map<String, MultiprocessingProvider> all, String id) {
        return lookup(all, id, "");
    }

    public static List<String> ids() {
        return all().keySet().stream().sorted().collect(Collectors.toList());
    }

    private static MultiprocessingProvider lookup(Map<String, MultiprocessingProvider> all, String id, String why) {
        MultiprocessingProvider p = all.get(id);
        if (p == null) {
            throw new ProviderLookupException("no multiproc4j implementation has the id '" + id + "'" + why
                    + "; found: " + (all.isEmpty() ? "none" : describe(all)));
        }
        return p;
    }

    private static String describe(Map<String, MultiprocessingProvider> all) {
        return all.values().stream()
                .map(p -> p.id() + " (" + p.getClass().getName() + ")")
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static Map<String, MultiprocessingProvider> all() {
        Map<String, MultiprocessingProvider> found = byId;
        if (found == null) {
            synchronized (Providers.class) {
                found = byId;
                if (found == null) {
                    found = load();
                    byId = found;
                }
            }
        }
        return found;
    }

    private static Map<String, MultiprocessingProvider> load() {
        return index(ServiceLoader.load(MultiprocessingProvider.class));
    }

    /** Indexes providers by id, refusing invalid and duplicate ids. */
    static Map<String, MultiprocessingProvider> index(Iterable<MultiprocessingProvider> providers) {
        Map<String, MultiprocessingProvider> found = new LinkedHashMap<>();
        for (MultiprocessingProvider p : providers) {
            String id = p.id();
            if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
                throw new ProviderLookupException("provider " + p.getClass().getName() + " has the invalid id '"
                        + id + "'; an id is lower-case letters, digits, '.', '_' or '-'");
            }
            MultiprocessingProvider clash = found.putIfAbsent(id, p);
            if (clash != null && clash.getClass() != p.getClass()) {
                throw new ProviderLookupException("two multiproc4j implementations claim the id '" + id + "': "
                        + clash.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one from the class path");
            }
        }
        return Map.copyOf(found);
    }
}
