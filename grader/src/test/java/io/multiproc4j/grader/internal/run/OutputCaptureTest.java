package io.multiproc4j.grader.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.grader.internal.result.CapturedOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private static CapturedOutput capture(byte[] bytes, List<String> lines) throws InterruptedException {
        OutputCapture c = new OutputCapture(new ByteArrayInputStream(bytes), "test", lines::add);
        assertThat(c.awaitEnd(Duration.ofMinutes(1))).isTrue();
        return c.captured();
    }

    @Test
    void smallOutputIsKeptWhole() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        CapturedOutput out = capture("one\ntwo\nthree".getBytes(StandardCharsets.UTF_8), lines);
        assertThat(lines).containsExactly("one", "two", "three");
        assertThat(out).isEqualTo(new CapturedOutput(13, 3, "one\ntwo\nthree\n", false));
    }

    @Test
    void megabytesAreCountedButOnlyTheBeginningAndTheEndAreKept() throws InterruptedException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            raw.writeBytes(("line " + i + " " + "x".repeat(80) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        CapturedOutput out = capture(raw.toByteArray(), lines);
        assertThat(lines).hasSize(100_000);
        assertThat(out.bytes()).isEqualTo(raw.size());
        assertThat(out.lines()).isEqualTo(100_000);
        assertThat(out.truncated()).isTrue();
        assertThat(out.kept().length()).isLessThan(3 * OutputCapture.KEEP);
        assertThat(out.kept()).startsWith("line 0 ").contains("output left out here").endsWith("line 99999 "
                + "x".repeat(80) + "\n");
    }

    @Test
    void aHugeLineIsCut() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        CapturedOutput out = capture("y".repeat(1_000_000).getBytes(StandardCharsets.UTF_8), lines);
        assertThat(out.bytes()).isEqualTo(1_000_000);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).hasSize(OutputCapture.MAX_LINE
                + " …(line cut)".length()).endsWith("(line cut)"));
    }
}
