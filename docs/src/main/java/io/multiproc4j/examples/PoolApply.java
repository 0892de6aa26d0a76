// Port of seed 001 "进程池" (pool.apply): the program of PoolApplyAsync with the blocking apply instead.
package io.multiproc4j.examples;

import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;

/** The same ten tasks given to the pool with the blocking {@code apply}: they run one after another. */
public class PoolApply {

    // def worker(msg): sleep(...); print(msg, os.getpid()); return ...
    static String worker(String msg) throws InterruptedException {
        Thread.sleep(200);
        String me = Multiprocessing.currentProcess().name(); // SpawnPoolWorker-N
        System.out.println(msg + " from " + me + ", pid " + ProcessHandle.current().pid());
        return "done: " + msg;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("parent pid " + ProcessHandle.current().pid()); // not in the seed: to compare with

        // pool = Pool(processes=4)
        MpPool pool = Multiprocessing.newPool(4);

        // for i in range(10): r = pool.apply(func=worker, args=(msg,))
        for (int i = 0; i < 10; i++) {
            String msg = "hello " + i;
            // apply waits until the task has run in a worker and returns its result itself, not a handle: so the
            // next task is only submitted then, and the four workers never run two of these at once.
            String r = pool.apply(() -> worker(msg));
            System.out.println(r);
        }

        // pool.close(); pool.join()
        pool.shutdown();
        pool.join();
    }
}
