package io.multiproc4j.grader.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The words of the reports in one language: each rule's title and hint ({@code rules_<lang>.properties}) and the
 * messages around them ({@code messages_<lang>.properties}), read as UTF-8 from the grader's jar.
 */
public final class Texts {

    private static final Map<Lang, Texts> LOADED = new EnumMap<>(Lang.class);

    private final Lang lang;
    private final Properties rules;
    private final Properties messages;

    private Texts(Lang lang) {
        this.lang = lang;
        this.rules = load("rules_" + lang.code() + ".properties");
        this.messages = load("messages_" + lang.code() + ".properties");
    }

    /**
     * @param lang a language
     * @return its texts
     */
    public static synchronized Texts of(Lang lang) {
        return LOADED.computeIfAbsent(lang, Texts::new);
    }

    /** @return the language */
    public Lang lang() {
        return lang;
    }

    /**
     * @param ruleId a rule id
     * @return the rule's short title, or the id itself if it has none yet
     */
    public String title(String ruleId) {
        return rules.getProperty(ruleId + ".title", ruleId);
    }

    /**
     * @param ruleId a rule id
     * @return what to check when the rule fails, or blank if it has no hint yet
     */
    public String hint(String ruleId) {
        return rules.getProperty(ruleId + ".hint", "");
    }

    /**
     * @param key a message key
     * @param args the values of its placeholders {@code {0}}, {@code {1}}, …
     * @return the message
     * @throws IllegalArgumentException if there is no such message
     */
    public String msg(String key, Object... args) {
        String m = messages.getProperty(key);
        if (m == null) {
            throw new IllegalArgumentException("no message '" + key + "' in messages_" + lang.code() + ".properties");
        }
        for (int i = 0; i < args.length; i++) {
            m = m.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return m;
    }

    /**
     * @param key a message key
     * @param args its arguments
     * @return the message
     */
    public String msg(String key, List<String> args) {
        return msg(key, args.toArray());
    }

    /**
     * @param passed how many rules passed
     * @param failed how many failed or could not run
     * @param skipped how many optional rules were not implemented
     * @return {@code N passed, N failed}, with {@code , N skipped} when some were
     */
    public String counts(long passed, long failed, long skipped) {
        return skipped > 0 ? msg("counts.skipped", passed, failed, skipped) : msg("counts", passed, failed);
    }

    /** @return every key of the rule texts, for checks */
    public Set<String> ruleKeys() {
        return rules.stringPropertyNames();
    }

    /** @return every message key, for checks */
    public Set<String> messageKeys() {
        return messages.stringPropertyNames();
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader's jar lacks " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
