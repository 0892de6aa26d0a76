package io.multiproc4j;

import java.nio.ByteBuffer;

/**
 * A named block of memory shared by processes: Python's {@code multiprocessing.shared_memory.SharedMemory}. Create
 * one with {@link MpContext#createSharedMemory(int)} or {@link MpContext#createSharedMemory(String, int)}; another
 * process attaches by name with {@link MpContext#attachSharedMemory(String)}, or receives the block captured in its
 * task. The block starts zero-filled.
 *
 * <p><b>Lifetime.</b> A block exists while some process has it open. It is removed when the last process that has
 * it {@linkplain #close() closes} it or ends, even by {@code SIGKILL}, so nothing is left behind. {@link #unlink()}
 * removes the name at once, so that no one else can attach, while the processes that have it open keep using it.
 * Attaching never changes the block's lifetime (unlike Python, where an attaching process can remove it on exit).
 *
 * <p><b>Privacy.</b> Only the user who created the block can attach to it; generated names are random.
 *
 * <p><b>Thread and process safety.</b> Reads and writes are not synchronised: coordinate with a lock or another
 * primitive. A byte written is seen by the other processes' next read of it.
 *
 * <p>Rules SHM-01 to SHM-12 ({@code docs/spec/shared-memory.md}).
 */
public interface SharedMemory extends AutoCloseable {

    /**
     * @return the name another process attaches with
     */
    String name();

    /**
     * @return the size in bytes, as given at creation
     */
    int size();

    /**
     * @param index the byte
     * @return its value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     * @throws IllegalStateException if this block was closed in this process
     */
    byte get(int index);

    /**
     * @param index the byte
     * @param value its new value
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     * @throws IllegalStateException if this block was closed in this process
     */
    void put(int index, byte value);

    /**
     * Copies {@code length} bytes from the block at {@code index} into {@code destination} at {@code offset}.
     *
     * @param index where in the block to start
     * @param destination where to copy to
     * @param offset where in {@code destination} to start
     * @param length how many bytes
     * @throws IndexOutOfBoundsException if either range is out of bounds; nothing is copied
     * @throws IllegalStateException if this block was closed in this process
     */
    void read(int index, byte[] destination, int offset, int length);

    /**
     * Copies {@code length} bytes from {@code source} at {@code offset} into the block at {@code index}.
     *
     * @param index where in the block to start
     * @param source what to copy
     * @param offset where in {@code source} to start
     * @param length how many bytes
     * @throws IndexOutOfBoundsException if either range is out of bounds; nothing is copied
     * @throws IllegalStateException if this block was closed in this process
     */
    void write(int index, byte[] source, int offset, int length);

    /**
     * A buffer over the whole block, for bulk and typed access: Python's {@code buf}. Using it after
     * {@link #close()} is undefined and may crash the JVM; prefer the methods above unless speed matters.
     *
     * @return a new direct buffer of capacity {@link #size()}, position 0, big-endian
     * @throws IllegalStateException if this block was closed in this process
     */
    ByteBuffer buffer();

    /**
     * Closes this process's view; the block goes on for the other processes that have it. Closing twice is harmless.
     */
    @Override
    void close();

    /**
     * Removes the name: no process can attach any more, and the block disappears as soon as no process has it
     * open.
     *
     * @throws NoSuchSharedMemoryException if the name was already removed
     */
    void unlink();
}
