// Port of seed 001 "共享内存" (shm = Array('c', 100); shm.value = "哈哈哈"; fun1 reads and writes, fun2 reads).
package io.multiproc4j.examples;

import io.multiproc4j.MpEvent;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.SharedCharArray;

/** Text in a shared char array: the first child reads it and overwrites it; the second reads what the first wrote. */
public class SharedArrayText {

    // def fun1(): print(os.getpid(), "子进程1：", shm.value.decode()); shm.value = "夜夜夜".encode()
    static void fun1(SharedCharArray shm, MpEvent written) {
        System.out.println(ProcessHandle.current().pid() + " child 1: " + shm.getString());
        shm.setString("yeyeye");
        written.set();                                     // not in the seed: tell child 2 the text is there
    }

    // def fun2(): sleep(1); print(os.getpid(), "子进程2：", shm.value.decode())
    static void fun2(SharedCharArray shm, MpEvent written) throws InterruptedException {
        // The seed sleeps 1 s and hopes child 1 has written by then; on a busy machine it may not have. Waiting
        // for child 1's event is what the sleep stands for.
        written.await();
        System.out.println(ProcessHandle.current().pid() + " child 2: " + shm.getString());
    }

    public static void main(String[] args) throws Exception {
        // shm = Array('c', 100): room for 100 characters. Java chars are UTF-16, so no encode()/decode() is needed
        // even for "哈哈哈"; the example writes ASCII so that its output reads the same in any terminal.
        SharedCharArray shm = Multiprocessing.newSharedCharArray(100);
        shm.setString("hahaha");                           // shm.value = "哈哈哈".encode()

        MpEvent written = Multiprocessing.newEvent();
        var p1 = Multiprocessing.newProcess(() -> fun1(shm, written));
        var p2 = Multiprocessing.newProcess(() -> fun2(shm, written));
        p1.start();
        p2.start();
        p1.join();
        p2.join();
        System.out.println("main: " + shm.getString());   // not in the seed: the parent sees the child's write too
    }
}
