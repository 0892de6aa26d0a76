package io.multiproc4j.spi;

import io.multiproc4j.MultiprocessingException;
import io.multiproc4j.ProcessSignal;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends any signal to any process of the user with the system's {@code kill} command, for the signals the JDK
 * cannot send ({@link Process#destroy()} and {@link Process#destroyForcibly()} cover only SIGTERM and SIGKILL).
 */
public final class KillCommand {

    private KillCommand() {
    }

    /**
     * Sends {@code signal} to {@code pid} and waits for the command to finish; a process that has already gone is
     * not an error.
     *
     * @param pid the process
     * @param signal the signal
     * @throws MultiprocessingException if the command cannot be run
     */
    public static void send(long pid, ProcessSignal signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal.name().substring(3), Long.toString(pid))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            throw new MultiprocessingException("could not send " + signal + " to process " + pid + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
