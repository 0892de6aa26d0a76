package io.multiproc4j;

import java.time.Duration;

/**
 * One end of a message channel between processes: an end of a {@linkplain MpContext#newPipe() pipe}, or a socket
 * connection from a {@link Listener} or {@link MpContext#connect}. Python's {@code multiprocessing.connection.Connection}.
 *
 * <p><b>Messages.</b> A message is either an object ({@link #send}, {@link #receive}) or an array of bytes
 * ({@link #sendBytes}, {@link #receiveBytes}); an object is sent as its Java serialisation, so an object sent can be
 * read as bytes. Boundaries are kept: every send is received by exactly one receive, whole, never merged with
 * another or split, and an empty message is a message. Messages from one end arrive at the other in the order they
 * were sent. A message may be at most {@link #MAX_MESSAGE_SIZE} bytes.
 *
 * <p><b>Blocking.</b> {@code receive} blocks until a message arrives or the other end is closed;
 * {@link #poll()} returns at once and {@link #poll(Duration)} waits at most its timeout (a negative timeout means
 * zero). A send may block while the channel's buffer is full.
 *
 * <p><b>End of stream.</b> An end counts as closed once {@link #close()} has been called on it in every process
 * that had it, or those processes have ended. When the other end is closed and every message has been read,
 * receiving throws {@link EndOfStreamException} and {@code poll} returns {@code true}; sending throws
 * {@link BrokenPipeException}. As in Python, a parent that hands one end to a child and keeps no use for it should
 * close its own copy, or the other end never sees end-of-stream.
 *
 * <p><b>Crossing processes.</b> A pipe's ends reach another process by being captured in the task given to
 * {@link MpProcess#start()}; see the <a href="package-summary.html#ipc">package documentation</a>. Socket
 * connections cannot be transferred.
 *
 * <p><b>Thread safety.</b> An end may be used from several threads; concurrent sends are not interleaved, and each
 * message goes to one receiver.
 *
 * <p>Rules PIPE-01 to PIPE-20 and SOCK-01 to SOCK-06 of the specification ({@code docs/spec/pipes.md}).
 */
public interface Connection extends AutoCloseable {

    /** The largest message, in bytes (64 MiB), after serialisation for an object. */
    int MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

    /**
     * Sends an object.
     *
     * @param message the object; it and everything it refers to must be serialisable ({@code null} is allowed)
     * @throws MessageNotSerializableException if it cannot be serialised; nothing is sent
     * @throws MessageTooLargeException if it serialises to more than {@link #MAX_MESSAGE_SIZE} bytes
     * @throws BrokenPipeException if the other end is closed
     * @throws IllegalStateException if this end is closed or can only receive
     */
    void send(Object message);

    /**
     * Receives an object, blocking until one arrives.
     *
     * @return the object, deserialised in this process
     * @throws EndOfStreamException if the other end is closed and nothing is left to read
     * @throws IllegalStateException if this end is closed or can only send
     * @throws MultiprocessingException if the message is not a serialised object or its class is not on this
     *     process's class path
     */
    Object receive();

    /**
     * Sends all of {@code message} as one message.
     *
     * @param message the bytes
     * @throws MessageTooLargeException if it is longer than {@link #MAX_MESSAGE_SIZE}
     * @throws BrokenPipeException if the other end is closed
     * @throws IllegalStateException if this end is closed or can only receive
     */
    void sendBytes(byte[] message);

    /**
     * Sends {@code length} bytes of {@code buffer} from {@code offset} on as one message.
     *
     * @param buffer the bytes
     * @param offset where the message starts
     * @param length how many bytes it has
     * @throws IndexOutOfBoundsException if the range does not lie within {@code buffer}; nothing is sent
     * @throws MessageTooLargeException if {@code length} is over {@link #MAX_MESSAGE_SIZE}
     * @throws BrokenPipeException if the other end is closed
     * @throws IllegalStateException if this end is closed or can only receive
     */
    void sendBytes(byte[] buffer, int offset, int length);

    /**
     * Receives one message as bytes, blocking until one arrives.
     *
     * @return the message
     * @throws EndOfStreamException if the other end is closed and nothing is left to read
     * @throws IllegalStateException if this end is closed or can only send
     */
    byte[] receiveBytes();

    /**
     * Receives one message as bytes, refusing one longer than {@code maxLength}.
     *
     * @param maxLength the longest message accepted
     * @return the message
     * @throws MessageTooLargeException if the message is longer; it is discarded
     * @throws IllegalArgumentException if {@code maxLength} is negative
     * @throws EndOfStreamException if the other end is closed and nothing is left to read
     * @throws IllegalStateException if this end is closed or can only send
     */
    byte[] receiveBytes(int maxLength);

    /**
     * Receives one message into {@code buffer} from {@code offset} on; the rest of the buffer is untouched.
     *
     * @param buffer where to put the message
     * @param offset where in {@code buffer} it starts
     * @return the length of the message
     * @throws BufferTooShortException if it does not fit; the exception carries the message, which is consumed
     * @throws IndexOutOfBoundsException if {@code offset} is negative or past the end of {@code buffer}
     * @throws EndOfStreamException if the other end is closed and nothing is left to read
     * @throws IllegalStateException if this end is closed or can only send
     */
    int receiveBytesInto(byte[] buffer, int offset);

    /**
     * Tells at once whether a receive would not block: a message is waiting, or the stream has ended.
     *
     * @return {@code true} if a message or the end of the stream can be read now
     * @throws IllegalStateException if this end is closed or can only send
     */
    boolean poll();

    /**
     * Waits at most {@code timeout} until a receive would not block. Never consumes any part of a message.
     *
     * @param timeout the longest wait; zero or negative means do not wait
     * @return {@code true} if a message or the end of the stream can be read now
     * @throws IllegalStateException if this end is closed or can only send
     */
    boolean poll(Duration timeout);

    /**
     * @return whether this end can receive ({@code false} for the sending end of a one-way pipe)
     */
    boolean isReadable();

    /**
     * @return whether this end can send ({@code false} for the receiving end of a one-way pipe)
     */
    boolean isWritable();

    /**
     * @return whether {@link #close()} was called on this end in this process
     */
    boolean isClosed();

    /**
     * Closes this end in this process; later calls here throw {@link IllegalStateException}. Closing twice is
     * harmless.
     */
    @Override
    void close();
}
