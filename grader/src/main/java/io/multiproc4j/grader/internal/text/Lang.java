package io.multiproc4j.grader.internal.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages the reports and the terminal output are written in. */
public enum Lang {
    /** English. */
    EN("en"),
    /** Simplified Chinese. */
    ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** @return the language code, as {@code --lang} takes it and HTML declares it */
    public String code() {
        return code;
    }

    /**
     * @param code a language code
     * @return the language
     * @throws IllegalArgumentException if there is no such language, listing the ones there are
     */
    public static Lang of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no language '" + code + "'; the reports are "
                        + "written in " + Arrays.stream(values()).map(Lang::code).collect(Collectors.joining(" or "))));
    }
}
