// Port of seed 000 "进程的注意点" (sub_process.daemon = True, endless task), seed 002 §7 (守护进程)
// and seed 003 §2.4 (主进程退出子进程直接销毁).
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;

/**
 * A daemon child dies with its parent. The child would run for a minute, but it is a daemon: when {@code main}
 * returns, the program terminates it instead of waiting for it.
 */
public class DaemonChild {

    static void task() throws InterruptedException {
        for (int i = 0; i < 300; i++) { // 60 s: "endless" for this demonstration
            System.out.println("daemon still running...");
            Thread.sleep(200);
        }
        System.out.println("daemon finished"); // never printed
    }

    public static void main(String[] args) throws Exception {
        var child = Multiprocessing.newProcess(DaemonChild::task);
        // Python: sub_process.daemon = True, before start()
        child.setDaemon(true);
        child.start();
        System.out.println("daemon pid: " + child.pid().orElseThrow());
        Thread.sleep(1500);
        System.out.println("Over");
        // main returns: the daemon child is terminated and the program ends.
    }
}
