package io.multiproc4j.nativeos.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The file descriptors a process being started receives besides its standard streams and control channel: an
 * attachment of the {@link io.multiproc4j.spi.Transfer} in which its task is serialised. A handle being serialised
 * for the new process (a pipe end) {@linkplain #pass passes} its descriptor and writes down the number it will have
 * in the child; the launcher places each at that number when it spawns the child, then closes this process's
 * duplicates.
 */
public final class PassedDescriptors {

    /**
     * The number of the first passed descriptor in the child: 0 to 2 are its standard streams, 3 its control channel
     * and 4 its parent's standard error, which becomes its own once its task starts.
     */
    public static final int FIRST = 5;
    /** Duplicates are made at or above this number, clear of the numbers they take in the child. */
    private static final int DUPLICATE_FLOOR = 256;

    private final List<Integer> duplicates = new ArrayList<>();

    /** Creates an empty set, for {@code transfer.attachment(PassedDescriptors.class, PassedDescriptors::new)}. */
    public PassedDescriptors() {
    }

    /**
     * Passes a descriptor to the child: a duplicate is taken now, so that the descriptor may be closed meanwhile.
     *
     * @param fd the descriptor in this process
     * @return the number it will have in the child
     */
    public synchronized int pass(int fd) {
        int dup = Libc.fcntl(fd, Libc.F_DUPFD_CLOEXEC, DUPLICATE_FLOOR);
        if (dup < 0) {
            throw Libc.failure("fcntl(" + fd + ", F_DUPFD_CLOEXEC)");
        }
        duplicates.add(dup);
        return FIRST + duplicates.size() - 1;
    }

    /** @return this process's duplicates, in the order of their numbers in the child from {@link #FIRST} */
    public synchronized List<Integer> descriptors() {
        return List.copyOf(duplicates);
    }

    /** Closes this process's duplicates, once the child has been spawned (or could not be). Idempotent. */
    public synchronized void closeAll() {
        for (int fd : duplicates) {
            Libc.close(fd);
        }
        duplicates.clear();
    }
}
