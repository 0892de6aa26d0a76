// Port of seed 001 "管道通讯" / "多进程管道传输数据示例" (fd1, fd2 = Pipe(); five children send os.getppid()).
package io.multiproc4j.examples;

import io.multiproc4j.Connection;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.Pipe;
import java.util.ArrayList;
import java.util.List;

/** Five children write into one end of a pipe; the parent reads their five messages from the other end. */
public class PipeFiveChildren {

    // def fun(name): time.sleep(1); fd2.send(os.getppid())
    static void fun(Connection fd2, int name) throws InterruptedException {
        Thread.sleep(1000);
        fd2.send(ProcessHandle.current().parent().orElseThrow().pid()); // any serialisable object can be sent
    }

    public static void main(String[] args) throws Exception {
        System.out.println("parent pid: " + ProcessHandle.current().pid()); // not in the seed: to compare with

        // fd1, fd2 = Pipe()   (two-way, as Pipe(duplex=True))
        Pipe pipe = Multiprocessing.newPipe();
        Connection fd1 = pipe.first();
        Connection fd2 = pipe.second();

        // for i in range(5): p = Process(target=fun, args=(i,)); jobs.append(p); p.start()
        List<MpProcess> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int name = i;
            // Python's child inherits the global fd2 by fork; a Java child gets it by capture.
            var p = Multiprocessing.newProcess(() -> fun(fd2, name));
            jobs.add(p);
            p.start();
        }

        // for i in range(5): data = fd1.recv(); print(data)
        for (int i = 0; i < 5; i++) {
            Object data = fd1.receive(); // blocks while the pipe is empty
            System.out.println(data);
        }

        // for i in jobs: i.join()
        for (MpProcess p : jobs) {
            p.join();
        }
    }
}
