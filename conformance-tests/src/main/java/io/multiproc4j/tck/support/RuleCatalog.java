package io.multiproc4j.tck.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the specification, read from the spec pages that the kit carries in its jar (copied from
 * {@code docs/spec}), so that the pages are the single source of every rule's id, level and sentence.
 */
public final class RuleCatalog {

    /** The spec pages, one per area. */
    public static final List<String> PAGES = List.of("processes.md", "synchronization.md", "shared-memory.md", "pipes.md", "queues.md",
            "signals.md", "pools.md");

    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*<a id=\"([A-Z]+-\\d{2})\"></a>\\1\\s*\\|\\s*(MUST|SHOULD|MAY)\\s*\\|\\s*(.+?)\\s*\\|\\s*$");
    /** A test method's name: {@code required_proc01_whatItChecks} or {@code optional_state02_…}. */
    private static final Pattern METHOD = Pattern.compile("^(required|optional)_([a-z]+)(\\d{2})_\\w+$");

    private static final Map<String, Rule> RULES = load();

    private RuleCatalog() {
    }

    /** @return every rule, in the order of the spec pages */
    public static Map<String, Rule> all() {
        return RULES;
    }

    /**
     * @param id a rule id
     * @return the rule
     * @throws IllegalArgumentException if no spec page lists it
     */
    public static Rule rule(String id) {
        Rule r = RULES.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id + " in the spec pages " + PAGES);
        }
        return r;
    }

    /**
     * The rule a test method checks, from its name.
     *
     * @param methodName for example {@code required_proc01_newProcessIsUnstartedAndNamed}
     * @return the rule id, for example {@code PROC-01}, or empty if the name does not follow the convention
     */
    public static Optional<String> ruleIdOf(String methodName) {
        Matcher m = METHOD.matcher(methodName);
        return m.matches() ? Optional.of(m.group(2).toUpperCase() + "-" + m.group(3)) : Optional.empty();
    }

    /**
     * @param method a test method
     * @return whether its name says it checks a required rule
     */
    public static boolean namedRequired(Method method) {
        return method.getName().startsWith("required_");
    }

    private static Map<String, Rule> load() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String page : PAGES) {
            String resource = "/io/multiproc4j/tck/spec/" + page;
            try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the kit jar lacks its spec page " + resource);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    Matcher m = ROW.matcher(line);
                    if (m.matches() && rules.putIfAbsent(m.group(1), new Rule(m.group(1), m.group(2), m.group(3),
                            page)) != null) {
                        throw new IllegalStateException("rule " + m.group(1) + " is listed twice");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(rules);
    }
}
