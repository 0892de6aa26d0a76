package io.multiproc4j.grader.internal.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void anyTextSurvivesTheTripOnOneLine() {
        String nasty = "tab\there\nnew line\r\\n literal backslash-n \\ and \u4e2d\u6587 and \u0000";
        Event e = Event.of(Event.Kind.FINISHED, "LIFE-02", "FAILED", "java.lang.AssertionError", nasty, "  at x\n");
        String line = e.encode();
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(Event.decode(line)).isEqualTo(e);
    }

    @Test
    void emptyFieldsAreKept() {
        Event e = Event.of(Event.Kind.FINISHED, "PROC-01", "PASSED", "", "", "");
        assertThat(Event.decode(e.encode())).isEqualTo(e);
        assertThat(Event.decode(Event.of(Event.Kind.DONE).encode())).isEqualTo(Event.of(Event.Kind.DONE));
    }

    @Test
    void whatIsNotAnEventIsRefused() {
        assertThatThrownBy(() -> Event.decode("hello world")).hasMessageContaining("not a grading event");
        assertThatThrownBy(() -> Event.decode("STARTED")).hasMessageContaining("STARTED takes 1 fields, not 0");
        assertThatThrownBy(() -> Event.decode("STARTED\tA\\")).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> Event.decode("STARTED\t\\x")).hasMessageContaining("unknown escape");
        assertThatThrownBy(() -> Event.of(Event.Kind.PROVIDER, "only-one")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
