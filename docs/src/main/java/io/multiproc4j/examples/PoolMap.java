// Port of seed 001 "进程池" (pool.map(func, iter)): the squares of range(10), computed by a pool of four workers.
package io.multiproc4j.examples;

import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;
import java.util.List;
import java.util.stream.IntStream;

/** {@code map} applies a function to every item in the workers and returns the results in the items' order. */
public class PoolMap {

    // def square(x): return x * x
    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        // pool = Pool(4); r = pool.map(square, range(10)); pool.close(); pool.join(); print(r)
        //
        // A try-with-resources block calls pool.close() at its end, which is Python's close() followed by join():
        // the submitted work is finished and the workers have ended when the block is left. Python's
        // "with Pool(4) as pool:" differs: it calls terminate(), which kills the workers and whatever they still run.
        List<Integer> r;
        try (MpPool pool = Multiprocessing.newPool(4)) {
            r = pool.map(PoolMap::square, IntStream.range(0, 10).boxed().toList());
        }
        System.out.println(r);
    }
}
