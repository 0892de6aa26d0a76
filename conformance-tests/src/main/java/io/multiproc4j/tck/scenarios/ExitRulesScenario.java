package io.multiproc4j.tck.scenarios;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.TckEnvironment;

/**
 * A program that starts children and then ends in the way its first argument says; the second argument is an
 * {@link Exchange} directory. Output lines: {@code CHILD-PID <pid>}, {@code DAEMON-PID <pid>},
 * {@code PIDS <parent> <child>}, {@code CHILD-DONE}. The program never joins: each mode checks what happens without.
 */
public final class ExitRulesScenario {

    private ExitRulesScenario() {
    }

    /**
     * @param args {@code main-returns}, {@code system-exit}, {@code daemon-at-exit}, {@code parent-killed-daemon} or
     *     {@code parent-killed-orphan}, then the exchange directory
     * @throws Exception if the scenario fails
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String dir = args[1];
        long work = TckEnvironment.TICK.toMillis() * 4;
        switch (mode) {
            case "main-returns":
            case "system-exit": {
                MpProcess child = Multiprocessing.newProcess(() -> {
                    Exchange.awaitEntry(dir, "go");
                    Thread.sleep(work);
                    System.out.println("CHILD-DONE");
                }).start();
                System.out.println("CHILD-PID " + child.pid().getAsLong());
                Exchange.awaitEntry(dir, "go");
                if (mode.equals("system-exit")) {
                    System.exit(7);
                }
                return;
            }
            case "daemon-at-exit": {
                long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
                MpProcess daemon = Multiprocessing.newProcess(() -> {
                    Exchange.put(dir, "daemon-ready", "yes");
                    Thread.sleep(outlive);
                    System.out.println("DAEMON-FINISHED");
                }).setDaemon(true).start();
                System.out.println("DAEMON-PID " + daemon.pid().getAsLong());
                Exchange.awaitEntry(dir, "daemon-ready");
                return;
            }
            case "parent-killed-daemon": {
                long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
                MpProcess daemon = Multiprocessing.newProcess(() -> {
                    Exchange.put(dir, "daemon-ready", "yes");
                    Thread.sleep(outlive);
                }).setDaemon(true).start();
                Exchange.awaitEntry(dir, "daemon-ready");
                System.out.println("PIDS " + ProcessHandle.current().pid() + " " + daemon.pid().getAsLong());
                Thread.sleep(outlive);
                return;
            }
            case "parent-killed-orphan": {
                long outlive = TckEnvironment.OUTLIVES_TEST.toMillis();
                MpProcess orphan = Multiprocessing.newProcess(() -> {
                    Exchange.put(dir, "orphan-ready", "yes");
                    Exchange.awaitEntry(dir, "go");
                    long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                    Exchange.put(dir, "orphan-done", Long.toString(ppid));
                }).start();
                Exchange.awaitEntry(dir, "orphan-ready");
                System.out.println("PIDS " + ProcessHandle.current().pid() + " " + orphan.pid().getAsLong());
                Thread.sleep(outlive);
                return;
            }
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }
}
