package io.multiproc4j.grader.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.tck.support.RuleCatalog;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of the spec has a title and a hint in every language, and every message exists in every language. */
class TextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyRuleOfTheSpecHasATitleAndAHint(Lang lang) {
        Texts t = Texts.of(lang);
        for (String id : RuleCatalog.all().keySet()) {
            assertThat(t.title(id)).as("%s title of %s", lang, id).isNotBlank().isNotEqualTo(id);
            assertThat(t.hint(id)).as("%s hint of %s", lang, id).isNotBlank().isNotEqualTo(t.title(id));
            assertThat(t.title(id).length()).as("%s title of %s is short", lang, id).isLessThanOrEqualTo(80);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void noTextNamesARuleTheSpecDoesNotHave(Lang lang) {
        Set<String> unknown = Texts.of(lang).ruleKeys().stream()
                .map(k -> k.replaceFirst("\\.(title|hint)$", ""))
                .filter(id -> !RuleCatalog.all().containsKey(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown).isEmpty();
        assertThat(Texts.of(lang).ruleKeys()).allMatch(k -> k.endsWith(".title") || k.endsWith(".hint"));
    }

    @Test
    void theLanguagesHaveTheSameMessagesWithTheSamePlaceholders() {
        Texts en = Texts.of(Lang.EN);
        Texts zh = Texts.of(Lang.ZH);
        assertThat(zh.messageKeys()).isEqualTo(en.messageKeys());
        for (String key : en.messageKeys()) {
            assertThat(placeholders(zh.msg(key))).as("placeholders of %s", key).isEqualTo(placeholders(en.msg(key)));
        }
    }

    @Test
    void theChineseTextsAreInChinese() {
        Texts zh = Texts.of(Lang.ZH);
        for (String id : RuleCatalog.all().keySet()) {
            assertThat(HAN.matcher(zh.title(id)).find()).as("Chinese title of %s: %s", id, zh.title(id)).isTrue();
            assertThat(HAN.matcher(zh.hint(id)).find()).as("Chinese hint of %s", id).isTrue();
        }
        for (String key : zh.messageKeys()) {
            String m = zh.msg(key);
            assertThat(HAN.matcher(m).find() || m.equals(Texts.of(Lang.EN).msg(key)) || !m.matches(".*[A-Za-z]{3}.*"))
                    .as("Chinese message %s: %s", key, m).isTrue();
        }
    }

    @Test
    void messagesFillTheirPlaceholders() {
        assertThat(Texts.of(Lang.EN).counts(3, 1, 0)).isEqualTo("3 passed, 1 failed");
        assertThat(Texts.of(Lang.EN).counts(3, 1, 2)).isEqualTo("3 passed, 1 failed, 2 skipped");
        assertThat(Texts.of(Lang.ZH).counts(3, 1, 2)).isEqualTo("3 项通过，1 项失败，2 项跳过");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Texts.of(Lang.EN).msg("no.such.key"))
                .hasMessageContaining("no.such.key");
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheOnesThereAre() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lang.of("fr")).hasMessageContaining("en or zh");
        assertThat(Lang.of("ZH")).isEqualTo(Lang.ZH);
    }

    private static Set<String> placeholders(String s) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
