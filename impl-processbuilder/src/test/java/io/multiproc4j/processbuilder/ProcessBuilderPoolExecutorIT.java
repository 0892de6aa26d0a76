package io.multiproc4j.processbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.MpContext;
import io.multiproc4j.MpPool;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.PoolTask;
import io.multiproc4j.tck.support.LeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool's executor view on Java 19 and later, where {@link ExecutorService#close()} exists: the kit, compiled for
 * Java 17, cannot call it (rule POOL-33 covers the rest of the view).
 */
@ExtendWith(LeakCheck.class)
class ProcessBuilderPoolExecutorIT {

    private final MpContext mp = Multiprocessing.context(ProcessBuilderProvider.ID);

    static long pidOfWorker() {
        return ProcessHandle.current().pid();
    }

    @Test
    void closingTheExecutorViewWaitsForTheSubmittedWorkAndEndsThePool() throws Exception {
        MpPool pool = mp.newPool(2);
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService executor = pool.asExecutorService()) {
            for (int i = 0; i < 20; i++) {
                results.add(executor.submit((PoolTask<Long>) ProcessBuilderPoolExecutorIT::pidOfWorker));
            }
        }
        assertThat(results).allSatisfy(f -> assertThat(f.isDone()).isTrue());
        assertThat(results).allSatisfy(f -> assertThat(f.resultNow()).isNotEqualTo(ProcessHandle.current().pid()));
        assertThat(pool.isTerminated()).as("the pool after the executor view's close()").isTrue();
    }
}
