package io.multiproc4j.tck.support;

import java.time.Duration;

/**
 * Every time bound the kit uses, in one place, each derived from a base value and multiplied by one scale factor:
 * the system property {@value #SCALE_PROPERTY}, else the environment variable {@value #SCALE_ENV}, else 1. Raise it
 * on a slow or loaded machine; the kit asserts one-sided bounds only (a timed wait lasts <em>at least</em> its
 * timeout; "promptly" is a generous upper bound).
 */
public final class TckEnvironment {

    /** The system property holding the time scale factor. */
    public static final String SCALE_PROPERTY = "multiproc4j.tck.timeScale";
    /** The environment variable holding the time scale factor when the property is unset. */
    public static final String SCALE_ENV = "MULTIPROC4J_TCK_TIME_SCALE";

    private static final double SCALE = readScale();

    /** An operation that "returns at once" must return within this. */
    public static final Duration AT_ONCE = scaled(500);
    /** An effect that happens "promptly" (a terminated child ends, a killed parent's daemon dies) does so within this. */
    public static final Duration PROMPT = scaled(5_000);
    /** The longest the kit waits for anything that is expected to happen, such as a child that should end. */
    public static final Duration LONG = scaled(60_000);
    /** The base unit of the run times the kit gives children in timing rules. */
    public static final Duration TICK = scaled(250);
    /** SHUT-04's bound: a daemon child dies within one second of its parent's SIGKILL. */
    public static final Duration DAEMON_DEATH = scaled(1_000);
    /** How long a child that the test will stop itself sleeps: far longer than any test. */
    public static final Duration OUTLIVES_TEST = Duration.ofMinutes(10);

    private TckEnvironment() {
    }

    /** @return the scale factor in force */
    public static double scale() {
        return SCALE;
    }

    /**
     * @param baseMillis a bound at scale 1, in milliseconds
     * @return the bound at the current scale
     */
    public static Duration scaled(long baseMillis) {
        return Duration.ofMillis(Math.round(baseMillis * SCALE));
    }

    private static double readScale() {
        String v = System.getProperty(SCALE_PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(SCALE_ENV);
        }
        if (v == null || v.isBlank()) {
            return 1.0;
        }
        double d = Double.parseDouble(v.trim());
        if (!(d >= 0.1 && d <= 100)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be from 0.1 to 100, not " + v);
        }
        return d;
    }
}
