package io.multiproc4j.tck.scenarios;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;

/**
 * Starts a child named {@code Thrower} whose task throws {@code IllegalStateException("kit-boom")}, joins it and
 * prints {@code EXIT <code>}; the kit reads the child's standard error, which is this program's.
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
        child.join();
        System.out.println("EXIT " + child.exitCode().getAsInt());
    }
}
