package io.multiproc4j.nativeos.internal.launch;

import io.multiproc4j.ProcessSignal;
import io.multiproc4j.SignalHandler;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import sun.misc.Signal;

/**
 * Signal handlers of the current process. Handlers are installed with {@code sun.misc.Signal}, the JDK's only way
 * to run Java code on a signal. In a child, the default of a signal that ends a process is the operating system's
 * own ({@code SIG_DFL}): the child then really dies of the signal, and its parent's {@code waitpid} reports it
 * exactly. In a main program, the default is what the JVM had before the first handler was installed (for
 * {@code SIGTERM}, an orderly exit).
 */
public final class NativeSignals {

    /** The JVM's handler of each signal before multiproc4j first replaced it, guarded by the class lock. */
    private static final Map<ProcessSignal, sun.misc.SignalHandler> ORIGINAL = new EnumMap<>(ProcessSignal.class);

    private NativeSignals() {
    }

    /**
     * Runs {@code handler} each time {@code signal} arrives.
     *
     * @param signal a signal that can be handled
     * @param handler what to run, on a thread of the JVM's
     */
    public static synchronized void handle(ProcessSignal signal, SignalHandler handler) {
        Objects.requireNonNull(handler, "handler");
        checked(signal);
        try {
            sun.misc.SignalHandler previous = Signal.handle(new Signal(signal.name().substring(3)),
                    s -> handler.handle(signal));
            ORIGINAL.putIfAbsent(signal, previous);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("this JVM does not let " + signal + " be handled (" + e.getMessage()
                    + "); it may be ignored by the process's parent, as under nohup, or reserved by a JVM option"
                    + " such as -Xrs", e);
        }
    }

    /**
     * Gives {@code signal} its default action back.
     *
     * @param signal a signal that can be handled
     */
    public static synchronized void restoreDefault(ProcessSignal signal) {
        checked(signal);
        if (NativeChildMain.isChild() && isDeadly(signal.number())) {
            setDefault(signal.number());
            return;
        }
        sun.misc.SignalHandler original = ORIGINAL.get(signal);
        if (original != null) {
            Signal.handle(new Signal(signal.name().substring(3)), original);
        }
    }

    /** In a child: the signals that end a process do so, instead of the JVM's orderly exit or nothing. */
    static void dieOnDeadlySignals() {
        for (int s : NativeChildMain.DEADLY) {
            setDefault(s);
        }
    }

    private static boolean isDeadly(int number) {
        for (int s : NativeChildMain.DEADLY) {
            if (s == number) {
                return true;
            }
        }
        return false;
    }

    private static void setDefault(int number) {
        // The JVM installs SIG_DFL itself when asked for sun.misc.SignalHandler.SIG_DFL: no native call of ours, so a
        // child does not pay for binding one before its task starts.
        Signal.handle(new Signal(nameOf(number)), sun.misc.SignalHandler.SIG_DFL);
    }

    private static String nameOf(int number) {
        for (ProcessSignal s : ProcessSignal.values()) {
            if (s.number() == number) {
                return s.name().substring(3);
            }
        }
        throw new IllegalArgumentException("no signal numbered " + number);
    }

    private static ProcessSignal checked(ProcessSignal signal) {
        switch (Objects.requireNonNull(signal, "signal")) {
            case SIGKILL, SIGSTOP -> throw new IllegalArgumentException(signal + " cannot be caught, handled or"
                    + " ignored by any process; handle SIGTERM (sent by terminate()) or SIGHUP, SIGINT, SIGUSR1, SIGUSR2"
                    + " or SIGCONT instead");
            default -> {
                return signal;
            }
        }
    }
}
