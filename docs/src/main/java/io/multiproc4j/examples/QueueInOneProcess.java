// Port of seed 001 "消息队列" / "单进程消息队列示例" (q = Queue(3); put, empty, full, qsize, get, close).
package io.multiproc4j.examples;

import io.multiproc4j.MpQueue;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.QueueEmptyException;
import io.multiproc4j.QueueFullException;
import java.time.Duration;

/** A queue of three places used by one process: what {@code isEmpty}, {@code isFull} and {@code size} say. */
public class QueueInOneProcess {

    public static void main(String[] args) throws Exception {
        // q = Queue(3): it holds at most three messages
        MpQueue<Integer> q = Multiprocessing.newQueue(3);
        q.put(1);
        Thread.sleep(500);                  // sleep(0.5): in Python the item needs time to reach the queue; not here
        System.out.println(q.isEmpty());    // print(q.empty())  -> false
        q.put(2);
        System.out.println(q.isFull());     // print(q.full())   -> false: two of three places are taken
        q.put(3);
        System.out.println(q.size());       // print(q.qsize())  -> 3
        System.out.println(q.get());        // print(q.get())    -> 1: first in, first out

        // Not in the seed: put and get with block=False and with a timeout, on a full and on an empty queue.
        q.put(4);
        System.out.println("full: " + q.isFull());
        try {
            q.putNow(5);                                     // q.put(5, block=False), or q.put_nowait(5)
        } catch (QueueFullException e) {
            System.out.println("putNow(5): queue full");
        }
        try {
            q.put(5, Duration.ofMillis(200));                // q.put(5, timeout=0.2)
        } catch (QueueFullException e) {
            System.out.println("put(5, 200 ms): queue full");
        }
        System.out.println("got " + q.get() + " " + q.get() + " " + q.get());
        System.out.println("empty: " + q.isEmpty());
        try {
            q.getNow();                                      // q.get(block=False), or q.get_nowait()
        } catch (QueueEmptyException e) {
            System.out.println("getNow(): queue empty");
        }
        try {
            q.get(Duration.ofMillis(200));                  // q.get(timeout=0.2)
        } catch (QueueEmptyException e) {
            System.out.println("get(200 ms): queue empty");
        }

        q.close();                                           // q.close()
    }
}
