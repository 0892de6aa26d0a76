// Port of seed 000 "进程的注意点" (sub_process.terminate() before the main process exits)
// and seed 002 §5 (terminate, is_alive).
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;

/** Ending an endless child from the parent: {@code terminate()} (SIGTERM) and {@code kill()} (SIGKILL). */
public class TerminateChild {

    static void task() throws InterruptedException {
        while (true) {
            System.out.println("task running...");
            Thread.sleep(200);
        }
    }

    public static void main(String[] args) throws Exception {
        var child = Multiprocessing.newProcess(TerminateChild::task).start();
        Thread.sleep(1000);
        System.out.println("alive: " + child.isAlive());
        // Destroy the child before main exits; otherwise the program would wait for it forever.
        child.terminate();
        child.join();
        System.out.println("alive after terminate: " + child.isAlive());
        System.out.println("exit code after terminate: " + child.exitCode().orElseThrow());

        // kill() is the forceful variant: SIGKILL cannot be caught or ignored.
        var other = Multiprocessing.newProcess(TerminateChild::task).start();
        Thread.sleep(1000);
        other.kill();
        other.join();
        System.out.println("exit code after kill: " + other.exitCode().orElseThrow());
        System.out.println("Over");
    }
}
