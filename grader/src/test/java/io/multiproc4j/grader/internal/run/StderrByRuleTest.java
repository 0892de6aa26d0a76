package io.multiproc4j.grader.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StderrByRuleTest {

    @Test
    void linesBelongToTheRuleRunningWhenTheyArriveOrTheOneBefore() {
        StderrByRule s = new StderrByRule();
        s.line("before any rule");
        s.started("PROC-01");
        s.line("during PROC-01");
        s.line("late, after PROC-01 ended");
        s.started("PROC-02");
        s.line("during PROC-02");
        assertThat(s.excerpt("PROC-01")).isEqualTo("during PROC-01\nlate, after PROC-01 ended\n");
        assertThat(s.excerpt("PROC-02")).isEqualTo("during PROC-02\n");
        assertThat(s.excerpt("PROC-03")).isEmpty();
    }

    @Test
    void onlyTheLastLinesOfARuleAreKeptAndLongLinesAreCut() {
        StderrByRule s = new StderrByRule();
        s.started("LIFE-02");
        for (int i = 0; i < StderrByRule.LINES + 10; i++) {
            s.line("line " + i);
        }
        s.line("z".repeat(1_000));
        String excerpt = s.excerpt("LIFE-02");
        assertThat(excerpt).startsWith("… (11 earlier lines left out)\nline 11\n").doesNotContain("line 10\n");
        assertThat(excerpt.lines().reduce((a, b) -> b).orElseThrow()).hasSize(StderrByRule.LINE_CHARS + 2);
    }
}
