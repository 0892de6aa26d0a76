// Port of seed 001 "多进程消息队列示例" (fun1 puts {"a":1,"b":2} into Queue(3); fun2 gets it).
package io.multiproc4j.examples;

import io.multiproc4j.MpQueue;
import io.multiproc4j.Multiprocessing;
import java.util.Map;
import java.util.TreeMap;

/** One child puts a message into a queue, another child gets it. */
public class QueueTwoProcesses {

    // def fun1(): sleep(1); q.put({"a": 1, "b": 2})
    static void fun1(MpQueue<Map<String, Integer>> q) throws InterruptedException {
        Thread.sleep(1000);
        // Printed before the put, so that it comes before fun2's line whatever the two processes' timing.
        System.out.println("fun1 puts the message");
        q.put(new TreeMap<>(Map.of("a", 1, "b", 2))); // a TreeMap is serialisable and prints as {a=1, b=2}
    }

    // def fun2(): sleep(2); print("收到消息", q.get())
    static void fun2(MpQueue<Map<String, Integer>> q) throws InterruptedException {
        Thread.sleep(2000);
        System.out.println("fun2 received message " + q.get());
    }

    public static void main(String[] args) throws Exception {
        // q = Queue(3)
        MpQueue<Map<String, Integer>> q = Multiprocessing.newQueue(3);

        // Python's children use the global q; Java children get it by capture.
        var p1 = Multiprocessing.newProcess(() -> fun1(q));
        var p2 = Multiprocessing.newProcess(() -> fun2(q));
        p1.start();
        p2.start();
        p1.join();
        p2.join();
        System.out.println("queue empty at the end: " + q.isEmpty()); // not in the seed
    }
}
