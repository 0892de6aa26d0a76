// Port of seed 000 "获取进程编号" (dance_process / sing_process with names, os.getpid, os.getppid,
// current_process) and seed 003 §2.2 (获取进程编号).
package io.multiproc4j.examples;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;

/** Who is who: the pids, parent pids and names of the main process and of two named children. */
public class PidAndParentPid {

    /** The task of both children; each finds out who it is at run time. */
    static void work(String activity) throws InterruptedException {
        var me = Multiprocessing.currentProcess();
        // os.getpid() and os.getppid(): the JDK's own view of this JVM
        long pid = ProcessHandle.current().pid();
        long ppid = ProcessHandle.current().parent().orElseThrow().pid();
        // parent_process(): multiproc4j's view of the process that started this one
        MpProcess parent = Multiprocessing.parentProcess().orElseThrow();
        // One println per line: the processes share standard output, and a line printed at once stays whole.
        System.out.println("%s: pid=%d ppid=%d currentProcess().pid()=%d parentProcess()=%s pid=%d".formatted(
                me.name(), pid, ppid, me.pid().orElseThrow(), parent.name(), parent.pid().orElseThrow()));
        for (int i = 0; i < 3; i++) {
            System.out.println(me.name() + ": " + activity + "...");
            Thread.sleep(200);
        }
    }

    /** Python prints a process as {@code <Process name='dance_process' parent=1308 initial>}. */
    static String describe(MpProcess p) {
        return "%s[alive=%b, pid=%s, exitCode=%s]".formatted(p.name(), p.isAlive(),
                p.pid().isPresent() ? p.pid().getAsLong() : "none",
                p.exitCode().isPresent() ? p.exitCode().getAsInt() : "none");
    }

    public static void main(String[] args) throws Exception {
        var main = Multiprocessing.currentProcess();
        System.out.println("main: pid=%d currentProcess()=%s currentProcess().pid()=%d parentProcess()=%s".formatted(
                ProcessHandle.current().pid(), main.name(), main.pid().orElseThrow(),
                Multiprocessing.parentProcess().map(MpProcess::name).orElse("none")));

        // Python: Process(target=dance, name="dance_process")
        var dance = Multiprocessing.newProcess(() -> work("dancing")).setName("dance_process");
        var sing = Multiprocessing.newProcess(() -> work("singing")).setName("sing_process");
        System.out.println("before start: " + describe(dance) + " " + describe(sing));

        dance.start();
        sing.start();
        System.out.println("active children: "
                + Multiprocessing.activeChildren().stream().map(MpProcess::name).toList());
        System.out.println("dance_process has pid " + dance.pid().orElseThrow()
                + ", sing_process has pid " + sing.pid().orElseThrow());

        dance.join();
        sing.join();
        System.out.println("after join: " + describe(dance) + " " + describe(sing));
    }
}
