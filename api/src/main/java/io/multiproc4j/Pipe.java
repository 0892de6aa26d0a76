package io.multiproc4j;

import java.util.Objects;

/**
 * The two ends of a pipe, as Python's {@code Pipe()} returns them. For a two-way pipe both ends send and receive;
 * for a {@linkplain MpContext#newPipe(boolean) one-way} pipe, {@code first} only receives and {@code second} only
 * sends (Python's {@code reader, writer = Pipe(duplex=False)}).
 *
 * @param first the first end (the receiving end of a one-way pipe)
 * @param second the second end (the sending end of a one-way pipe)
 */
public record Pipe(Connection first, Connection second) {

    /**
     * @param first the first end
     * @param second the second end
     */
    public Pipe {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
