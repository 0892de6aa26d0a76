package io.multiproc4j.grader.internal.text;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line and read them in a report. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");

    private Durations() {
    }

    /**
     * @param text for example {@code 90s}, {@code 2m}, {@code 500ms}, {@code 1.5h}
     * @return the duration
     * @throws IllegalArgumentException if the text is not such a duration, or not positive
     */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write for example 90s, 2m, 500ms or"
                    + " 1h");
        }
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m", "min" -> 60_000L;
            default -> 3_600_000L;
        };
        long millis = Math.round(n * unit);
        if (millis <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return Duration.ofMillis(millis);
    }

    /**
     * @param d a duration
     * @return it as people write it: {@code 2 min}, {@code 90 s}, {@code 1.5 s}, {@code 4 min 12 s}
     */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return ms % 1_000 == 0 ? (ms / 1_000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long min = ms / 60_000;
        long s = Math.round((ms % 60_000) / 1000.0);
        if (s == 60) {
            min++;
            s = 0;
        }
        return s == 0 ? min + " min" : min + " min " + s + " s";
    }
}
