package io.multiproc4j.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The order in which this JVM's multiproc4j state is torn down when it ends normally, in one shutdown hook: first
 * the actions registered with {@link #beforeChildren(Runnable)} (a pool stops replacing its workers), then the exit
 * rules (daemon children are terminated, then every child is waited for), then the actions registered with
 * {@link #afterChildren(Runnable)}, each list in registration order.
 *
 * <p>JVM shutdown hooks run concurrently, so an IPC resource that cleaned up in a hook of its own could vanish
 * while a child still uses it: a queue's host would close while the parent waits for the child that reads it. Code
 * that releases a resource at exit registers with {@link #afterChildren(Runnable)} instead.
 */
public final class ExitSequence {

    private static final List<Runnable> BEFORE_CHILDREN = new CopyOnWriteArrayList<>();
    private static final List<Runnable> AFTER_CHILDREN = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private ExitSequence() {
    }

    /**
     * Runs {@code action} at normal JVM exit, after every child of this JVM has ended. If the JVM is already
     * exiting, the action is not registered.
     *
     * @param action what to release; it must not block for long and should not throw
     * @return whether the action was registered ({@code false} once the JVM has begun to exit)
     */
    public static boolean afterChildren(Runnable action) {
        if (!install()) {
            return false;
        }
        AFTER_CHILDREN.add(action);
        return true;
    }

    /**
     * Runs {@code action} at normal JVM exit, before the exit rules end this JVM's children. If the JVM is already
     * exiting, the action is not registered.
     *
     * @param action what to stop; it must not block for long and should not throw
     * @return whether the action was registered ({@code false} once the JVM has begun to exit)
     */
    public static boolean beforeChildren(Runnable action) {
        if (!install()) {
            return false;
        }
        BEFORE_CHILDREN.add(action);
        return true;
    }

    /**
     * Forgets an action registered with {@link #beforeChildren(Runnable)} or {@link #afterChildren(Runnable)}, once
     * there is nothing left for it to do.
     *
     * @param action the action, as registered
     */
    public static void forget(Runnable action) {
        BEFORE_CHILDREN.remove(action);
        AFTER_CHILDREN.remove(action);
    }

    /** Installs the hook once; returns false if the JVM is already exiting. */
    static synchronized boolean install() {
        if (!installed) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitSequence::run, "multiproc4j-exit"));
            } catch (IllegalStateException exiting) {
                return false;
            }
            installed = true;
        }
        return true;
    }

    private static void run() {
        runAll(BEFORE_CHILDREN, "stopping");
        Children.atExit();
        runAll(AFTER_CHILDREN, "releasing a resource");
    }

    private static void runAll(List<Runnable> actions, String doing) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("multiproc4j: " + doing + " at exit failed: " + e);
            }
        }
    }
}
