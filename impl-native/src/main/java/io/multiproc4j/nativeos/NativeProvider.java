package io.multiproc4j.nativeos;

import io.multiproc4j.MpContext;
import io.multiproc4j.nativeos.internal.NativeIpc;
import io.multiproc4j.nativeos.internal.launch.NativeLauncher;
import io.multiproc4j.spi.MultiprocessingProvider;
import io.multiproc4j.spi.StandardContext;

/**
 * multiproc4j on Linux system calls, made through the Foreign Function &amp; Memory API. Children are JVMs started
 * with {@code posix_spawn}; their exit status comes from {@code waitpid}, exact; daemon children die with their
 * parent through {@code PR_SET_PDEATHSIG}. Shared memory is {@code shm_open} and {@code mmap}; queues are rings in
 * shared memory, and locks and the other primitives are futexes in it; pipes are socket pairs whose descriptors a
 * child receives when it is spawned.
 *
 * <p>Needs Linux on x86-64 with glibc 2.34 or newer, and native access for the unnamed module
 * ({@code --enable-native-access=ALL-UNNAMED}); the launcher gives child JVMs that option itself.
 */
public final class NativeProvider implements MultiprocessingProvider {

    /** The id of this provider. */
    public static final String ID = "native";

    /** Creates the provider; the context is built when first asked for. */
    public NativeProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MpContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final MpContext CONTEXT = new StandardContext(ID, new NativeLauncher(), new NativeIpc());
    }
}
