package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.Connection;
import io.multiproc4j.MessageTooLargeException;

/** The messages of pipes and queues: serialised and deserialised by {@link io.multiproc4j.spi.MessageCodec}. */
final class Messages {

    private Messages() {
    }

    static MessageTooLargeException tooLarge(String what) {
        return new MessageTooLargeException(what + " " + Connection.MAX_MESSAGE_SIZE + " bytes, the largest message;"
                + " nothing was sent");
    }
}
