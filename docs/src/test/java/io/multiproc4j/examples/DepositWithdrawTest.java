package io.multiproc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepositWithdrawTest {

    /** Every amount the child writes into the shared int is seen by the parent, in order, and the last one stays. */
    @Test
    void theParentSeesEachValueTheChildWrites(@TempDir Path dir) throws Exception {
        var run = ExampleRun.run(dir, DepositWithdraw.class).assertSucceeded();
        assertThat(run.indexOf("withdraw starts at: 2000")).as("%s", run).isZero();
        int previous = 0;
        for (int amount : DepositWithdraw.AMOUNTS) {
            int deposited = run.indexOf("deposit: " + amount);
            int seen = run.indexOf("withdraw sees: " + amount);
            assertThat(deposited).as("%s", run).isLessThan(seen);
            assertThat(seen).as("%s", run).isGreaterThan(previous);
            previous = seen;
        }
        assertThat(run.count("withdraw sees: 2000")).as("%s", run).isZero();
        assertThat(run.indexOf("the child has ended; money = 3000")).as("%s", run)
                .isEqualTo(run.lines().size() - 1);
    }
}
