package io.multiproc4j.tck.scenarios;

import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A program that creates a pool of two workers, gives it more long tasks than it has workers, prints
 * {@code WORKER-PIDS <pid> <pid>} once two of them run, and returns from {@code main} without closing the pool.
 */
public final class PoolLeftOpenScenario {

    private PoolLeftOpenScenario() {
    }

    /**
     * @param args the exchange directory
     */
    public static void main(String[] args) {
        String dir = args[0];
        MpPool pool = Multiprocessing.newPool(2);
        for (int i = 0; i < 6; i++) {
            String started = "started-" + i;
            pool.applyAsync(() -> KitTasks.busyUntilStopped(dir, started));
        }
        Awaitility.await("two long tasks started").atMost(TckEnvironment.LONG).pollInterval(Duration.ofMillis(10))
                .until(() -> Exchange.entries(dir, "started-").size() >= 2);
        System.out.println("WORKER-PIDS " + String.join(" ", Exchange.entries(dir, "started-").values()));
    }
}
