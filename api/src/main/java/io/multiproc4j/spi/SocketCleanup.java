package io.multiproc4j.spi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the sockets still open when the JVM exits, in one shutdown hook. A listener's socket file and private
 * directory would otherwise be left behind; and a thread still waiting in a socket (in native code) makes HotSpot's
 * exit wait up to 300 ms for it.
 */
final class SocketCleanup {

    private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private SocketCleanup() {
    }

    static void track(AutoCloseable socket) {
        installHook();
        OPEN.add(socket);
    }

    static void forget(AutoCloseable socket) {
        OPEN.remove(socket);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (SocketCleanup.class) {
            if (hookInstalled) {
                return;
            }
            // After the exit rules, so that children this JVM waits for can still connect; if the JVM is already
            // exiting, the caller's socket is closed by its own code or the exit itself.
            ExitSequence.afterChildren(SocketCleanup::closeAll);
            hookInstalled = true;
        }
    }

    private static void closeAll() {
        for (AutoCloseable socket : OPEN.toArray(new AutoCloseable[0])) {
            try {
                socket.close();
            } catch (Exception ignored) {
                // best effort: the JVM is ending
            }
        }
    }
}
