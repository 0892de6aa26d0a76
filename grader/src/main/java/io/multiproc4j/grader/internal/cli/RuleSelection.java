package io.multiproc4j.grader.internal.cli;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules to grade: all of them, or those of the areas given with {@code --areas} together with those given with
 * {@code --rules} (an id such as {@code PROC-01}, or a prefix such as {@code LIFE-*}).
 *
 * @param rules the rules, in the order of the spec
 * @param description how they were chosen, blank when all are graded
 */
public record RuleSelection(List<Rule> rules, String description) {

    /**
     * @param areas the areas given, empty for none
     * @param patterns the rule ids and prefixes given, empty for none
     * @return the selection; every rule when neither is given
     * @throws IllegalArgumentException naming an area or rule that does not exist
     */
    public static RuleSelection of(List<String> areas, List<String> patterns) {
        if (areas.isEmpty() && patterns.isEmpty()) {
            return new RuleSelection(List.copyOf(RuleCatalog.all().values()), "");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String area : areas) {
            String a = area.strip().toLowerCase(Locale.ROOT);
            if (!Areas.all().contains(a)) {
                throw new IllegalArgumentException("--areas: there is no area '" + area + "'; the areas are "
                        + String.join(", ", Areas.all()));
            }
            RuleCatalog.all().values().stream().filter(r -> Areas.of(r).equals(a)).forEach(r -> ids.add(r.id()));
        }
        for (String pattern : patterns) {
            String p = pattern.strip().toUpperCase(Locale.ROOT);
            List<String> matched = RuleCatalog.all().keySet().stream()
                    .filter(id -> p.endsWith("*") ? id.startsWith(p.substring(0, p.length() - 1)) : id.equals(p))
                    .collect(Collectors.toList());
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("--rules: the spec has no rule '" + pattern + "'; rule ids look "
                        + "like PROC-01, and LIFE-* names every rule whose id starts with LIFE-");
            }
            ids.addAll(matched);
        }
        List<Rule> rules = new ArrayList<>();
        RuleCatalog.all().values().stream().filter(r -> ids.contains(r.id())).forEach(rules::add);
        List<String> parts = new ArrayList<>();
        if (!areas.isEmpty()) {
            parts.add("--areas " + String.join(",", areas));
        }
        if (!patterns.isEmpty()) {
            parts.add("--rules " + String.join(",", patterns));
        }
        return new RuleSelection(List.copyOf(rules), String.join(" ", parts));
    }
}
