package io.multiproc4j.grader.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.grader.internal.text.Lang;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void optionsAndSubmissionsAreReadInAnyOrder() throws UsageException {
        Options o = Options.parse("a.jar", "--areas", "queues,pools", "--rules=PROC-01", "--lang", "zh", "b",
                "--jvm-option", "-Xmx2g", "--jvm-option=-Dx=y", "--rule-timeout", "90s", "--time-scale", "2",
                "--publish", "--provider", "mine", "--lib", "dep.jar", "--out", "reports");
        assertThat(o.submissions).containsExactly(Path.of("a.jar"), Path.of("b"));
        assertThat(o.areas).containsExactly("queues", "pools");
        assertThat(o.rules).containsExactly("PROC-01");
        assertThat(o.lang).isEqualTo(Lang.ZH);
        assertThat(o.jvmOptions).containsExactly("-Xmx2g", "-Dx=y");
        assertThat(o.ruleTimeout).contains(Duration.ofSeconds(90));
        assertThat(o.timeScale).contains(2.0);
        assertThat(o.publish).isTrue();
        assertThat(o.provider).isEqualTo("mine");
        assertThat(o.libs).containsExactly(Path.of("dep.jar"));
        assertThat(o.out).isEqualTo(Path.of("reports"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Options.parse("--bogus")).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> Options.parse("--out")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> Options.parse("--lang", "fr")).hasMessageContaining("--lang: no language 'fr'");
        assertThatThrownBy(() -> Options.parse("--time-scale", "1000")).hasMessageContaining("from 0.1 to 100");
        assertThatThrownBy(() -> Options.parse("--rule-timeout", "soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Options.parse("--publish=yes")).hasMessage("--publish takes no value");
        assertThatThrownBy(() -> Options.parse("--submissions", "dir", "a.jar")).hasMessageContaining("not both");
    }

    @Test
    void everyRuleIsGradedUnlessAreasOrRulesAreGiven() {
        assertThat(RuleSelection.of(List.of(), List.of()).rules()).hasSize(RuleCatalog.all().size());
        RuleSelection s = RuleSelection.of(List.of("signals"), List.of("LIFE-*", "proc-01"));
        assertThat(s.rules()).extracting(Rule::id).startsWith("PROC-01", "LIFE-01").contains("SIG-07")
                .doesNotContain("PROC-02");
        assertThat(s.description()).isEqualTo("--areas signals --rules LIFE-*,proc-01");
        assertThatThrownBy(() -> RuleSelection.of(List.of("threads"), List.of())).hasMessageContaining(
                "no area 'threads'").hasMessageContaining("shared-memory");
        assertThatThrownBy(() -> RuleSelection.of(List.of(), List.of("PROC-99"))).hasMessageContaining(
                "no rule 'PROC-99'");
    }
}
