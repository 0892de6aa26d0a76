// Port of seed 000 "获取进程编号" (os.kill(dance_process_id, 9)) and seed 003 §2.2 (获取当前进程编号并杀死).
package io.multiproc4j.examples;

import io.multiproc4j.Multiprocessing;

/** A child kills itself with signal 9; the parent sees exit code -9. */
public class KillSelf {

    static void dance() throws Exception {
        long pid = ProcessHandle.current().pid();
        System.out.println("dance: pid " + pid + ", current process " + Multiprocessing.currentProcess().name());
        for (int i = 0; i < 5; i++) {
            System.out.println("dancing..." + i);
            // Python: os.kill(os.getpid(), 9). The JDK cannot signal its own process, so ask kill(1) to.
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        }
        System.out.println("never printed");
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main: pid " + ProcessHandle.current().pid() + ", current process "
                + Multiprocessing.currentProcess().name());
        var dance = Multiprocessing.newProcess(KillSelf::dance).setName("myprocess1").start();
        dance.join();
        System.out.println("myprocess1 exit code: " + dance.exitCode().orElseThrow());
    }
}
