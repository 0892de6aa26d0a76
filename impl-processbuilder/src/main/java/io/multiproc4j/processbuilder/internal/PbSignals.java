package io.multiproc4j.processbuilder.internal;

import io.multiproc4j.ProcessSignal;
import io.multiproc4j.SignalHandler;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import sun.misc.Signal;

/**
 * Signal handlers of the current process, with {@code sun.misc.Signal}: the JDK's only way to catch a signal.
 * Restoring the default reinstates, in a child, the report to the parent and the halt that {@link ChildMain}
 * installed (so the parent sees exit code -N), and elsewhere the handler the JVM had before the first
 * {@link #handle}.
 */
final class PbSignals {

    /** The handler each signal had before multiproc4j first replaced it, guarded by the class lock. */
    private static final Map<ProcessSignal, sun.misc.SignalHandler> ORIGINAL = new EnumMap<>(ProcessSignal.class);

    private PbSignals() {
    }

    static synchronized void handle(ProcessSignal signal, SignalHandler handler) {
        Objects.requireNonNull(handler, "handler");
        sun.misc.SignalHandler previous = install(signal, s -> handler.handle(signal));
        ORIGINAL.putIfAbsent(signal, previous);
    }

    static synchronized void restoreDefault(ProcessSignal signal) {
        sun.misc.SignalHandler childDefault = ChildMain.deathHandler(checked(signal));
        sun.misc.SignalHandler original = childDefault != null ? childDefault : ORIGINAL.get(signal);
        if (original != null) {
            install(signal, original);
        }
    }

    private static sun.misc.SignalHandler install(ProcessSignal signal, sun.misc.SignalHandler handler) {
        try {
            return Signal.handle(new Signal(checked(signal).name().substring(3)), handler);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("this JVM does not let " + signal + " be handled (" + e.getMessage()
                    + "); it may be ignored by the process's parent, as under nohup, or reserved by a JVM option"
                    + " such as -Xrs", e);
        }
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
