package io.multiproc4j.spi;

import io.multiproc4j.MpProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The live children of this JVM, and the exit rules applied to them when it ends normally: daemon children are
 * terminated, then every child is waited for (Python's {@code util._exit_function}).
 */
final class Children {

    /** How long a terminated daemon child may take to die at exit before it is killed. */
    private static final Duration DAEMON_GRACE = Duration.ofSeconds(2);

    private static final Set<StandardProcess> LIVE = new LinkedHashSet<>();

    private Children() {
    }

    static synchronized void add(StandardProcess p) {
        ExitSequence.install();
        LIVE.add(p);
    }

    static synchronized void remove(StandardProcess p) {
        LIVE.remove(p);
    }

    static synchronized List<MpProcess> alive() {
        List<MpProcess> result = new ArrayList<>();
        for (StandardProcess p : LIVE) {
            if (p.isAlive()) {
                result.add(p);
            }
        }
        return result;
    }

    /** Applies the exit rules; run by {@link ExitSequence}. */
    static void atExit() {
        List<StandardProcess> snapshot;
        synchronized (Children.class) {
            snapshot = new ArrayList<>(LIVE);
        }
        for (StandardProcess p : snapshot) {
            if (p.isDaemon()) {
                p.terminate();
            }
        }
        for (StandardProcess p : snapshot) {
            if (p.isDaemon() && !p.awaitEnd(DAEMON_GRACE)) {
                p.kill();
            }
            p.awaitEnd(null);
        }
    }
}
