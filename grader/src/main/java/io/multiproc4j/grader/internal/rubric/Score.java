package io.multiproc4j.grader.internal.rubric;

import java.util.Map;

/**
 * Points under a rubric, in all and per area.
 *
 * @param total earned and possible points over the rules scored
 * @param byArea the same per area, in the order of the spec pages (areas not graded have zero possible points)
 */
public record Score(Part total, Map<String, Part> byArea) {

    /**
     * Points earned out of points possible.
     *
     * @param earned the points earned
     * @param max the points possible
     */
    public record Part(double earned, double max) {
        /** @return the share earned, from 0 to 100, or 0 when nothing was possible */
        public double percent() {
            return max == 0 ? 0 : 100 * earned / max;
        }
    }

    /**
     * @param points a number of points
     * @return it as a report shows it: {@code 3}, {@code 2.5}, {@code 0.25}
     */
    public static String format(double points) {
        if (points == Math.rint(points) && Math.abs(points) < 1e15) {
            return Long.toString((long) points);
        }
        String s = String.format(java.util.Locale.ROOT, "%.2f", points);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
