package io.multiproc4j.grader.internal.rubric;

import io.multiproc4j.grader.internal.result.Areas;
import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many points each rule is worth and whether students see its result before the instructor publishes it. Read
 * from a text file the instructor edits; every rule it does not list gets the default for its level, so that rules
 * added to the spec later are graded too.
 *
 * <p>The file format, one setting per line, {@code #} starting a comment:
 * <pre>
 * published = false          # whether hidden rules are shown in the students' reports
 * points.MUST = 1            # the default points of a rule, by level (MUST, SHOULD, MAY)
 * points.SHOULD = 1
 * visibility = visible       # the default visibility: visible, or hidden until published
 * PROC-01 = 2                # a rule's points
 * LIFE-05 = 3 hidden         # … and visibility
 * POOL-* = 0.5               # every rule of an id prefix; later lines win
 * </pre>
 */
public final class Rubric {

    /** A rule's weight in the grade. */
    public record Entry(double points, boolean hidden) {
    }

    private static final Pattern RULE_KEY = Pattern.compile("[A-Z]+-(\\d{2}|\\*)");
    private static final List<String> LEVELS = List.of("MUST", "SHOULD", "MAY");

    private final Map<String, Double> levelPoints;
    private final boolean hiddenByDefault;
    private final boolean published;
    private final Map<String, Double> pointsById;
    private final Map<String, Boolean> hiddenById;

    private Rubric(Map<String, Double> levelPoints, boolean hiddenByDefault, boolean published,
            Map<String, Double> pointsById, Map<String, Boolean> hiddenById) {
        this.levelPoints = Map.copyOf(levelPoints);
        this.hiddenByDefault = hiddenByDefault;
        this.published = published;
        this.pointsById = Map.copyOf(pointsById);
        this.hiddenById = Map.copyOf(hiddenById);
    }

    /** @return one point per rule, every rule visible */
    public static Rubric defaults() {
        return new Rubric(Map.of("MUST", 1.0, "SHOULD", 1.0, "MAY", 1.0), false, false, Map.of(), Map.of());
    }

    /**
     * @param file a rubric file
     * @return the rubric
     * @throws IllegalArgumentException naming the file and line of the first mistake
     * @throws IOException if the file cannot be read
     */
    public static Rubric read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param lines the lines of a rubric
     * @param source where they come from, for error messages
     * @return the rubric
     * @throws IllegalArgumentException naming the source and line of the first mistake
     */
    public static Rubric parse(List<String> lines, String source) {
        Rubric d = defaults();
        Map<String, Double> levelPoints = new LinkedHashMap<>(d.levelPoints);
        boolean hiddenByDefault = d.hiddenByDefault;
        boolean published = d.published;
        Map<String, Double> pointsById = new LinkedHashMap<>();
        Map<String, Boolean> hiddenById = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = source + ", line " + (i + 1) + ": ";
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + "expected 'key = value', found '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("published")) {
                published = bool(value, where);
            } else if (key.equals("visibility")) {
                hiddenByDefault = hidden(value, where);
            } else if (key.startsWith("points.")) {
                String level = key.substring("points.".length()).toUpperCase(Locale.ROOT);
                if (!LEVELS.contains(level)) {
                    throw new IllegalArgumentException(where + "unknown level '" + level + "'; the levels are "
                            + LEVELS);
                }
                levelPoints.put(level, points(value, where));
            } else if (RULE_KEY.matcher(key).matches()) {
                String[] words = value.split("\\s+");
                if (words.length > 2) {
                    throw new IllegalArgumentException(where + "expected 'points [visible|hidden]', found '" + value
                            + "'");
                }
                double points = points(words[0], where);
                List<String> ids = matching(key);
                if (ids.isEmpty()) {
                    throw new IllegalArgumentException(where + "the spec has no rule " + key + (key.endsWith("*")
                            ? "" : "; rule ids look like PROC-01, and 'POOL-*' names every rule of an area"));
                }
                for (String id : ids) {
                    pointsById.put(id, points);
                    if (words.length == 2) {
                        hiddenById.put(id, hidden(words[1], where));
                    }
                }
            } else {
                throw new IllegalArgumentException(where + "unknown setting '" + key + "'; expected a rule id such as "
                        + "PROC-01, a prefix such as POOL-*, points.MUST, points.SHOULD, points.MAY, visibility or "
                        + "published");
            }
        }
        return new Rubric(levelPoints, hiddenByDefault, published, pointsById, hiddenById);
    }

    /**
     * @param rule a rule
     * @return its points and visibility
     */
    public Entry entry(Rule rule) {
        return new Entry(pointsById.getOrDefault(rule.id(), levelPoints.getOrDefault(rule.level(), 1.0)),
                hiddenById.getOrDefault(rule.id(), hiddenByDefault));
    }

    /** @return whether the instructor has published the hidden rules' results to students */
    public boolean published() {
        return published;
    }

    /**
     * @param published whether hidden rules are shown to students
     * @return this rubric, published or not
     */
    public Rubric withPublished(boolean published) {
        return new Rubric(levelPoints, hiddenByDefault, published, pointsById, hiddenById);
    }

    /**
     * @param rule a rule
     * @return whether students may see its result now
     */
    public boolean shownToStudents(Rule rule) {
        return published || !entry(rule).hidden();
    }

    /**
     * @param results rule results: all of a submission's, or only those shown to students
     * @return their score under this rubric, in all and per area (every area is listed, in the spec's order)
     */
    public Score score(List<RuleResult> results) {
        Map<String, double[]> byArea = new LinkedHashMap<>();
        for (String area : Areas.all()) {
            byArea.put(area, new double[2]);
        }
        double earned = 0;
        double max = 0;
        for (RuleResult r : results) {
            double points = entry(r.rule()).points();
            double got = r.outcome() == Outcome.PASSED ? points : 0;
            earned += got;
            max += points;
            double[] area = byArea.computeIfAbsent(Areas.of(r.rule()), k -> new double[2]);
            area[0] += got;
            area[1] += points;
        }
        Map<String, Score.Part> parts = new LinkedHashMap<>();
        byArea.forEach((area, v) -> parts.put(area, new Score.Part(v[0], v[1])));
        return new Score(new Score.Part(earned, max), parts);
    }

    /** @return the text of a rubric that lists every rule of the spec with the default points, for editing */
    public static String defaultText() {
        StringBuilder b = new StringBuilder();
        b.append("# multiproc4j grading rubric. Edit the points, then grade with: grade --rubric <this file> ...\n")
                .append("#\n")
                .append("# RULE-ID = points [visible|hidden]   'hidden' keeps a rule's result out of the students'\n")
                .append("#                                     reports until you set 'published = true' (or grade\n")
                .append("#                                     with --publish).\n")
                .append("# AREA-* = points [visible|hidden]    every rule of an id prefix, for example POOL-*;\n")
                .append("#                                     later lines win.\n")
                .append("# A rule this file does not list (one added to the spec later) gets points.<its level>.\n")
                .append("\n")
                .append("published = false\n")
                .append("visibility = visible\n")
                .append("points.MUST = 1\n")
                .append("points.SHOULD = 1\n")
                .append("points.MAY = 1\n");
        String page = "";
        for (Rule r : RuleCatalog.all().values()) {
            if (!r.page().equals(page)) {
                page = r.page();
                b.append("\n# ").append(Areas.of(r)).append(" (docs/spec/").append(page).append(")\n");
            }
            b.append(r.id()).append(" = 1").append(" ".repeat(Math.max(1, 10 - r.id().length())))
                    .append("# ").append(r.level()).append(": ").append(abbreviate(r.statement())).append('\n');
        }
        return b.toString();
    }

    private static List<String> matching(String key) {
        if (!key.endsWith("*")) {
            return RuleCatalog.all().containsKey(key) ? List.of(key) : List.of();
        }
        String prefix = key.substring(0, key.length() - 1);
        return RuleCatalog.all().keySet().stream().filter(id -> id.startsWith(prefix)).toList();
    }

    private static double points(String value, String where) {
        double p;
        try {
            p = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "'" + value + "' is not a number of points");
        }
        if (!(p >= 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException(where + "points must be zero or more, not " + value);
        }
        return p;
    }

    private static boolean hidden(String value, String where) {
        return either(value, "hidden", "visible", where, "visibility is 'visible' or 'hidden'");
    }

    private static boolean bool(String value, String where) {
        return either(value, "true", "false", where, "expected true or false");
    }

    /** @return whether {@code value} is {@code yes} rather than {@code no} */
    private static boolean either(String value, String yes, String no, String where, String expected) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals(yes) && !v.equals(no)) {
            throw new IllegalArgumentException(where + expected + ", not '" + value + "'");
        }
        return v.equals(yes);
    }

    private static String abbreviate(String s) {
        String plain = Objects.requireNonNull(s).replace('`', '\'');
        return plain.length() <= 90 ? plain : plain.substring(0, 89) + "…";
    }
}
