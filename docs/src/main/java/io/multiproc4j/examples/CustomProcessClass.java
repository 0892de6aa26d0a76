// Port of seed 002 §1, second way (class MyProcess(Process) with __init__(self, name) and run(self));
// seed 001's ClockProcess is the same pattern.
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessTask;

/**
 * Python subclasses {@code Process} and overrides {@code run}. In Java the process object comes from
 * {@code newProcess}; what you write is the task: a class implementing {@link ProcessTask}, whose fields are its
 * arguments (set in the constructor, Python's {@code __init__}).
 */
public class CustomProcessClass {

    static final class MyProcess implements ProcessTask {
        private final String name;

        MyProcess(String name) {
            this.name = name;
        }

        @Override
        public void run() throws InterruptedException {
            System.out.println(name + " is running in " + Multiprocessing.currentProcess().name());
            Thread.sleep(500);
            System.out.println(name + " is gone");
        }
    }

    public static void main(String[] args) throws Exception {
        // Python: p = MyProcess("meet"); p.start(). The seed also names the process after its argument.
        var p = Multiprocessing.newProcess(new MyProcess("meet")).setName("meet").start();
        System.out.println("=== main process");
        p.join();
        System.out.println("exit code: " + p.exitCode().orElseThrow());
    }
}
