// Port of seed 000 "进程执行带有参数的任务" (showInfo with args and kwargs), seed 003 §2.3 (子进程传参)
// and the worker(sec, name) program of seed 001's Process section.
package io.multiproc4j.examples;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Passing arguments to a child. A task's arguments are the values its lambda captures: they are serialised when
 * the process starts and reach the child unchanged. They must be {@link Serializable}.
 */
public class TaskArguments {

    /** Named arguments travel well as a record; like every captured value it must be Serializable. */
    record Person(String name, int age) implements Serializable {
    }

    static void showInfo(String name, int age) {
        System.out.println(Multiprocessing.currentProcess().name() + ": " + name + " " + age);
    }

    static void task(int count) {
        for (int i = 0; i < count; i++) {
            System.out.println("task running...");
        }
        System.out.println("task done");
    }

    static void worker(Duration pause, String name) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Thread.sleep(pause);
            System.out.println("I'm " + name + ", working...");
        }
    }

    public static void main(String[] args) throws Exception {
        // Python: Process(target=showInfo, args=("Li Si", 20)). Positional arguments: write the call.
        var byPosition = Multiprocessing.newProcess(() -> showInfo("Li Si", 20));

        // Python: kwargs={"age": 20, "name": "Wang Wu"}. Java has no keyword arguments; captured variables
        // (here a record, whose components are named) play their part.
        var wangWu = new Person("Wang Wu", 20);
        var byRecord = Multiprocessing.newProcess(() -> showInfo(wangWu.name(), wangWu.age()));

        // Python: args=("Feng Qi",), kwargs={"age": 20}. Mix literals and captured variables freely.
        int age = 20;
        var mixed = Multiprocessing.newProcess(() -> showInfo("Feng Qi", age));

        var children = List.of(byPosition, byRecord, mixed);
        children.forEach(MpProcess::start);
        for (var p : children) {
            p.join();
        }

        // Python: Process(target=task, args=(5,))
        int count = 5;
        Multiprocessing.newProcess(() -> task(count)).start().join();

        // Python: Process(target=worker, args=(2,), kwargs={"name": "Daivl"}, name="Worker"), then observe it.
        var pause = Duration.ofMillis(200);
        var worker = Multiprocessing.newProcess(() -> worker(pause, "Daivl")).setName("Worker").start();
        System.out.println("Process name: " + worker.name());
        System.out.println("Process pid: " + worker.pid().orElseThrow());
        System.out.println("Process is alive: " + worker.isAlive());
        // join(timeout) returns false if the child is still running when the timeout elapses
        boolean ended = worker.join(Duration.ofMillis(100));
        System.out.println("join(100 ms) returned " + ended);
        worker.join();
        System.out.println("Process is alive: " + worker.isAlive() + ", exit code " + worker.exitCode().orElseThrow());
    }
}
