// Port of seed 000 "进程的注意点" (g_list: add_data / read_data) and seed 002 §3 (验证进程之间的空间隔离, lst).
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes do not share variables. A child is a fresh JVM: it starts with its own static fields, and works on its
 * own copy of whatever its task captured.
 */
public class IsolatedGlobals {

    /** Python's module-level {@code g_list}: a static field. */
    static final List<Integer> G_LIST = new ArrayList<>();

    static void addData() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            G_LIST.add(i);
            System.out.println("add: " + i);
            Thread.sleep(200);
        }
        System.out.println("added: " + G_LIST);
    }

    static void readData() {
        System.out.println("read: " + G_LIST);
    }

    public static void main(String[] args) throws Exception {
        // Seed 000: a child appends to the static list; the parent's stays empty.
        var add = Multiprocessing.newProcess(IsolatedGlobals::addData).start();
        add.join();
        System.out.println("main: " + G_LIST);

        // Unlike Python's fork, a child never copies its parent's statics: it starts from a fresh JVM.
        G_LIST.add(99);
        System.out.println("main after adding 99: " + G_LIST);
        Multiprocessing.newProcess(IsolatedGlobals::readData).start().join();

        // Seed 002: a captured list is copied into the child at start(); the child changes only its copy.
        var lst = new ArrayList<>(List.of(1, 2));
        var child = Multiprocessing.newProcess(() -> {
            lst.add(3);
            System.out.println("child's list: " + lst);
        }).start();
        child.join();
        System.out.println("main's list: " + lst);
    }
}
