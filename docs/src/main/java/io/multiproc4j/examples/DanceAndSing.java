// Port of seed 000 "多进程使用" (dance and sing) and seed 003 §2.1 (创建子进程).
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;

/** A child process dances while the main process sings. */
public class DanceAndSing {

    static void dance() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.out.println("dancing...");
            Thread.sleep(200);
        }
    }

    static void sing() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.out.println("singing...");
            Thread.sleep(200);
        }
    }

    public static void main(String[] args) throws Exception {
        // Python: Process(target=dance). The task is any serialisable lambda or method reference.
        var dancer = Multiprocessing.newProcess(DanceAndSing::dance);
        // A new JVM starts and runs dance(); start() returns at once.
        dancer.start();
        // Meanwhile the main process sings.
        sing();
        // Wait for the dancer (the program would also wait for it at exit, as Python does).
        dancer.join();
    }
}
