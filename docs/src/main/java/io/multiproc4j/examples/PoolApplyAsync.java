// Port of seed 001 "进程池" (Pool(processes), apply_async, close, join). The notes list the calls without a program;
// this is the course's classic program that goes with them: ten messages handed to a pool of four workers.
package io.multiproc4j.examples;

import io.multiproc4j.AsyncResult;
import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;
import java.util.ArrayList;
import java.util.List;

/** Ten tasks submitted without waiting to a pool of four worker processes, which reuse themselves for them all. */
public class PoolApplyAsync {

    // def worker(msg): sleep(...); print(msg, os.getpid()); return ...
    static String worker(String msg) throws InterruptedException {
        Thread.sleep(200); // a task that takes a while, as in the course, so that the workers share the tasks
        // One println per line: the workers share standard output.
        String me = Multiprocessing.currentProcess().name(); // SpawnPoolWorker-N
        System.out.println(msg + " from " + me + ", pid " + ProcessHandle.current().pid());
        return "done: " + msg; // the course returns ctime(); a fixed value keeps the output reproducible
    }

    public static void main(String[] args) throws Exception {
        System.out.println("parent pid " + ProcessHandle.current().pid()); // not in the seed: to compare with

        // pool = Pool(processes=4)
        MpPool pool = Multiprocessing.newPool(4);

        // for i in range(10): r = pool.apply_async(func=worker, args=(msg,)); result.append(r)
        List<AsyncResult<String>> result = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String msg = "hello " + i;
            AsyncResult<String> r = pool.applyAsync(() -> worker(msg)); // returns at once; the task is queued
            result.add(r);
        }

        // pool.close(): no more tasks; the workers finish the queued ones, then exit. Java calls it shutdown().
        pool.shutdown();
        // pool.join(): wait for the workers to end. (shutdown() + join() is also what pool.close() does, and so
        // what a try-with-resources block does at its end: see PoolMap.)
        pool.join();

        // for i in result: print(i.get())
        for (AsyncResult<String> r : result) {
            System.out.println(r.get()); // ready: every task has run
        }
    }
}
