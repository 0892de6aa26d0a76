package io.multiproc4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.ProcessTask;
import io.multiproc4j.TaskNotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskCodecTest {

    static final class Connection {
    }

    static final class Repository implements Serializable {
        private static final long serialVersionUID = 1L;
        final Connection connection = new Connection();
    }

    @Test
    void aCapturedUnserialisableValueIsNamedWithItsField() {
        Repository repo = new Repository();
        ProcessTask task = () -> System.out.println(repo);
        assertThatThrownBy(() -> TaskCodec.encode(task, "Process-7"))
                .isInstanceOf(TaskNotSerializableException.class)
                .hasMessageContaining("Process-7")
                .hasMessageContaining(Connection.class.getName())
                .hasMessageContaining("field connection")
                .hasMessageContaining("lambda in " + TaskCodecTest.class.getName())
                .satisfies(e -> assertThat(((TaskNotSerializableException) e).offendingClass())
                        .isEqualTo(Connection.class.getName()));
    }

    @Test
    void anUnserialisableElementOfACollectionIsFound() {
        List<Object> items = new ArrayList<>(List.of("fine", new Connection()));
        ProcessTask task = () -> System.out.println(items);
        assertThatThrownBy(() -> TaskCodec.encode(task, "Process-1"))
                .hasMessageContaining("<element 1>")
                .hasMessageContaining(Connection.class.getName());
    }

    @Test
    void aSerialisableTaskRoundTrips() throws Exception {
        String greeting = "hello";
        List<Integer> numbers = new ArrayList<>(List.of(1, 2, 3));
        ProcessTask task = () -> numbers.add(greeting.length());
        ProcessTask copy = (ProcessTask) TaskCodec.decode(TaskCodec.encode(task, "Process-1"));
        copy.run();
        assertThat(numbers).as("the original is untouched by the copy").containsExactly(1, 2, 3);
    }
}
