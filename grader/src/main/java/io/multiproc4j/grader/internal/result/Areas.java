package io.multiproc4j.grader.internal.result;

import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.util.List;
import java.util.stream.Collectors;

/** The areas a grade is broken down into: one per spec page, named after it ({@code processes}, {@code pools}, …). */
public final class Areas {

    private Areas() {
    }

    /** @return every area, in the order of the spec pages */
    public static List<String> all() {
        return RuleCatalog.PAGES.stream().map(Areas::ofPage).collect(Collectors.toList());
    }

    /**
     * @param rule a rule
     * @return its area
     */
    public static String of(Rule rule) {
        return ofPage(rule.page());
    }

    private static String ofPage(String page) {
        return page.endsWith(".md") ? page.substring(0, page.length() - 3) : page;
    }
}
