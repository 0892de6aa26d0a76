package io.multiproc4j.tck.scenarios;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.TckEnvironment;
import org.awaitility.Awaitility;

/**
 * Starts a child named {@code Thrower} whose task throws {@code IllegalStateException("kit-boom")}, waits for its end
 * and prints {@code EXIT <code>}; the kit reads the child's standard error, which is this program's.
 */
public final class ThrowingChildScenario {

    private ThrowingChildScenario() {
    }

    /**
     * @param args none
     * @throws Exception if the scenario fails
     */
    public static void main(String[] args) throws Exception {
        MpProcess child = Multiprocessing.newProcess(() -> {
            throw new IllegalStateException("kit-boom");
        }).setName("Thrower").start();
        // Waits by watching the exit code rather than with join(), so that this rule does not depend on join's.
        Awaitility.await().atMost(TckEnvironment.LONG).until(() -> child.exitCode().isPresent());
        System.out.println("EXIT " + child.exitCode().getAsInt());
    }
}
