// Port of seed 000 "进程的注意点" (主进程会等待所有的子进程执行结束再结束: task, sleep 0.5 s, print "Over").
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;

/**
 * The main process waits for its children. {@code main} prints "Over" and returns while the child still works;
 * the program ends only when the child has finished, with no {@code join()} needed.
 */
public class MainWaitsForChildren {

    static void task() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            System.out.println("task running...");
            Thread.sleep(200);
        }
        System.out.println("task done");
    }

    public static void main(String[] args) throws Exception {
        Multiprocessing.newProcess(MainWaitsForChildren::task).start();
        Thread.sleep(500);
        System.out.println("Over");
        // main returns here; the program still waits for the (non-daemon) child, as Python does.
    }
}
