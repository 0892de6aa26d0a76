package io.multiproc4j.grader.internal.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.grader.internal.result.Outcome;
import io.multiproc4j.grader.internal.result.RuleResult;
import io.multiproc4j.tck.support.Rule;
import io.multiproc4j.tck.support.RuleCatalog;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricTest {

    private static Rubric parse(String text) {
        return Rubric.parse(Arrays.asList(text.split("\n")), "rubric.txt");
    }

    private static RuleResult result(String id, Outcome o) {
        return new RuleResult(RuleCatalog.rule(id), o, Duration.ZERO, "", "", "", "");
    }

    @Test
    void byDefaultEveryRuleIsWorthOneVisiblePoint() {
        Rubric r = Rubric.defaults();
        for (Rule rule : RuleCatalog.all().values()) {
            assertThat(r.entry(rule)).isEqualTo(new Rubric.Entry(1, false));
        }
        assertThat(r.published()).isFalse();
    }

    @Test
    void aRubricSetsPointsAndVisibilityPerRulePrefixAndLevel() {
        Rubric r = parse("""
                # a comment
                points.SHOULD = 0.5     # optional rules count half
                visibility = hidden
                POOL-* = 2
                POOL-03 = 3 visible
                LIFE-05 = 4
                published = true
                """);
        assertThat(r.entry(RuleCatalog.rule("STATE-01"))).isEqualTo(new Rubric.Entry(0.5, true));
        assertThat(r.entry(RuleCatalog.rule("POOL-01"))).isEqualTo(new Rubric.Entry(2, true));
        assertThat(r.entry(RuleCatalog.rule("POOL-03"))).isEqualTo(new Rubric.Entry(3, false));
        assertThat(r.entry(RuleCatalog.rule("LIFE-05"))).isEqualTo(new Rubric.Entry(4, true));
        assertThat(r.entry(RuleCatalog.rule("PROC-01"))).isEqualTo(new Rubric.Entry(1, true));
        assertThat(r.published()).isTrue();
        assertThat(r.shownToStudents(RuleCatalog.rule("PROC-01"))).isTrue();
        assertThat(r.withPublished(false).shownToStudents(RuleCatalog.rule("PROC-01"))).isFalse();
        assertThat(r.withPublished(false).shownToStudents(RuleCatalog.rule("POOL-03"))).isTrue();
    }

    @Test
    void mistakesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> parse("PROC-01 = 1\nQ-99 = 2")).hasMessage(
                "rubric.txt, line 2: the spec has no rule Q-99; rule ids look like PROC-01, and 'POOL-*' names every "
                        + "rule of an area");
        assertThatThrownBy(() -> parse("PROC-01 = lots")).hasMessageContaining("line 1").hasMessageContaining(
                "'lots' is not a number");
        assertThatThrownBy(() -> parse("PROC-01 = -1")).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> parse("PROC-01 = 1 secret")).hasMessageContaining("'visible' or 'hidden'");
        assertThatThrownBy(() -> parse("points.COULD = 1")).hasMessageContaining("unknown level 'COULD'");
        assertThatThrownBy(() -> parse("colour = blue")).hasMessageContaining("unknown setting 'colour'");
        assertThatThrownBy(() -> parse("PROC-01")).hasMessageContaining("expected 'key = value'");
        assertThatThrownBy(() -> parse("XYZ-* = 1")).hasMessageContaining("no rule XYZ-*");
        assertThatThrownBy(() -> parse("published = maybe")).hasMessageContaining("true or false");
    }

    @Test
    void theDefaultTextListsEveryRuleAndReadsBackAsTheDefaults() {
        String text = Rubric.defaultText();
        for (String id : RuleCatalog.all().keySet()) {
            assertThat(text).containsPattern("(?m)^" + id + " = 1 ");
        }
        Rubric back = parse(text);
        for (Rule rule : RuleCatalog.all().values()) {
            assertThat(back.entry(rule)).isEqualTo(Rubric.defaults().entry(rule));
        }
    }

    @Test
    void aScoreCountsPassedRulesOnlyInAllAndPerArea() {
        Rubric r = parse("LIFE-05 = 3\nPOOL-01 = 2");
        Score s = r.score(List.of(result("LIFE-05", Outcome.PASSED), result("PROC-01", Outcome.FAILED),
                result("POOL-01", Outcome.PASSED), result("STATE-01", Outcome.SKIPPED),
                result("Q-01", Outcome.NOT_RUN)));
        assertThat(s.total()).isEqualTo(new Score.Part(5, 8));
        assertThat(s.byArea().get("processes")).isEqualTo(new Score.Part(3, 5));
        assertThat(s.byArea().get("pools")).isEqualTo(new Score.Part(2, 2));
        assertThat(s.byArea().get("queues")).isEqualTo(new Score.Part(0, 1));
        assertThat(s.byArea().get("signals")).isEqualTo(new Score.Part(0, 0));
        assertThat(s.byArea().keySet()).containsExactly("processes", "synchronization", "shared-memory", "pipes",
                "queues", "signals", "pools");
        assertThat(s.total().percent()).isEqualTo(62.5);
    }

    @Test
    void pointsAreShownWithoutNeedlessDecimals() {
        assertThat(Score.format(3)).isEqualTo("3");
        assertThat(Score.format(2.5)).isEqualTo("2.5");
        assertThat(Score.format(0.25)).isEqualTo("0.25");
        assertThat(Score.format(1.0 / 3)).isEqualTo("0.33");
    }
}
