package io.multiproc4j.launchmodes;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;

/** A main program for impl-processbuilder's launch-mode tests, in a package of its own so that it is not split from the
 * implementation's module when that is on the module path: starts one child that names itself, and reports its exit code. */
public final class LaunchModesMain {

    private LaunchModesMain() {
    }

    /**
     * @param args none
     * @throws Exception if the child cannot be run
     */
    public static void main(String[] args) throws Exception {
        MpProcess p = Multiprocessing.newProcess(() -> System.out.println("child " + Multiprocessing.currentProcess()
                .name() + " of " + Multiprocessing.parentProcess().orElseThrow().name())).start();
        p.join();
        System.out.println("exit " + p.exitCode().getAsInt());
    }
}
