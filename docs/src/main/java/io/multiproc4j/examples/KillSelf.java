// Port of seed 000 "获取进程编号" (os.kill(dance_process_id, 9)) and seed 003 §2.2 (获取当前进程编号并杀死).
package io.multiproc4j.examples;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.ProcessSignal;

/** A child kills itself with signal 9; the parent sees exit code -9. */
public class KillSelf {

    static void dance() throws Exception {
        MpProcess self = Multiprocessing.currentProcess();
        System.out.println("dance: pid " + self.pid().orElseThrow() + ", current process " + self.name());
        for (int i = 0; i < 5; i++) {
            System.out.println("dancing..." + i);
            // Python: os.kill(os.getpid(), 9)
            self.signal(ProcessSignal.SIGKILL);
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
