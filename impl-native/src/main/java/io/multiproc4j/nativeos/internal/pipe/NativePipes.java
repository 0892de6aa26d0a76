package io.multiproc4j.nativeos.internal.pipe;

import io.multiproc4j.Pipe;

/**
 * Pipes on Unix-domain stream socket pairs: each end is a descriptor, passed to a child at spawn, and messages are
 * framed on the stream as a length and the bytes ({@link FrameReader}, {@link FrameWriter}). A one-way pipe is a
 * socket pair too, whose ends refuse the direction they do not have.
 */
public final class NativePipes {

    private NativePipes() {
    }

    /**
     * @param duplex whether both ends send and receive; else {@code first} only receives and {@code second} only
     *     sends
     * @return a new pipe
     */
    public static Pipe newPipe(boolean duplex) {
        Descriptor[] pair = Descriptor.socketPair();
        return new Pipe(new PipeEnd(pair[0], true, duplex), new PipeEnd(pair[1], duplex, true));
    }
}
