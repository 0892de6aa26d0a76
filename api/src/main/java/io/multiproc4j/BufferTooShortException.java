package io.multiproc4j;

/**
 * Thrown by {@link Connection#receiveBytesInto(byte[], int)} when the message does not fit in the buffer. The message
 * has been consumed and is carried by this exception: Python's {@code BufferTooShort}.
 */
public class BufferTooShortException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    private final byte[] message;

    /**
     * @param message the whole message that did not fit
     * @param room how many bytes the buffer had from the offset on
     */
    public BufferTooShortException(byte[] message, int room) {
        super("the message is " + message.length + " bytes long and the buffer has room for " + room
                + "; the message is attached to this exception");
        this.message = message.clone();
    }

    /**
     * @return a copy of the message that did not fit
     */
    public byte[] message() {
        return message.clone();
    }
}
