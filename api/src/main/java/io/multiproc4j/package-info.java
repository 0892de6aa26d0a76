/**
 * Python-grade multiprocessing for Java: run a function in a new operating-system process, wait for it, stop it,
 * learn how it ended, and let processes talk through pipes, queues, shared memory, locks, signals and sockets.
 *
 * <h2>Entry points</h2>
 * {@link io.multiproc4j.Multiprocessing} is the static facade (Python's {@code multiprocessing} module);
 * {@link io.multiproc4j.MpContext} is one implementation's view of it (Python's {@code get_context()});
 * {@link io.multiproc4j.MpProcess} is one process (Python's {@code Process}); {@link io.multiproc4j.ProcessTask}
 * is what a process runs; {@link io.multiproc4j.MpPool} is a pool of worker processes that runs
 * {@link io.multiproc4j.PoolTask}s and maps {@link io.multiproc4j.PoolFunction}s over items (Python's
 * {@code Pool}).
 *
 * <h2 id="boundary">What crosses a process boundary, and when</h2>
 * This guarantee holds for every type in this package and is referred to from each of them.
 * <ul>
 *   <li><b>Spawn semantics.</b> A child is a fresh JVM with the parent's class path and module path. Its static
 *       state is initialised anew: no static field, singleton or cache is shared with the parent, whatever the parent
 *       changed before or after {@link io.multiproc4j.MpProcess#start()}.</li>
 *   <li><b>The task is copied once, at {@code start()}.</b> The task object and everything it captures are
 *       serialised in the parent when {@code start()} is called and deserialised in the child. Changes either side
 *       makes to its copy afterwards are invisible to the other. A task that cannot be serialised makes
 *       {@code start()} throw {@link io.multiproc4j.TaskNotSerializableException}, naming the offending class and
 *       field, and no process is created.</li>
 *   <li><b>Nothing else is shared.</b> A child tells its parent how it ended through its exit code only; to exchange
 *       data, use the IPC objects of this API. A child inherits its parent's environment variables and
 *       {@code java.io.tmpdir}, but not its other system properties or JVM options: pass values by capturing them,
 *       and give children JVM options with the system property {@code multiproc4j.child.jvmOptions}.</li>
 *   <li><b>Standard streams.</b> A child writes to the parent's standard output and error; its standard input is
 *       empty.</li>
 * </ul>
 *
 * <h2 id="exit-codes">Exit codes</h2>
 * As in Python: {@code 0} when the task returns; {@code 1} when it throws (the stack trace goes to the child's
 * standard error, headed {@code Process <name>:}); {@code n & 0xFF} for {@code System.exit(n)}; {@code -N} when the
 * child was ended by signal {@code N}, so {@link io.multiproc4j.MpProcess#terminate()} gives {@code -15} and
 * {@link io.multiproc4j.MpProcess#kill()} gives {@code -9}. Rules EXIT-01 to EXIT-05 of the
 * specification ({@code docs/spec/processes.md}).
 *
 * <h2 id="exit-rules">Exit rules</h2>
 * When a program that started processes ends normally (its {@code main} returns, or it calls
 * {@code System.exit}), it first terminates its daemon children and then waits for every other child, as Python
 * does. A daemon child also dies, within a second, when its parent is killed outright; a non-daemon child then
 * lives on as an orphan. A daemon process may not start children. Every child is reaped whether or not anyone joins
 * it.
 *
 * <h2 id="ipc">IPC objects: how they reach other processes, and how long they live</h2>
 * {@link io.multiproc4j.Pipe pipes}, {@link io.multiproc4j.MpQueue queues}, {@link io.multiproc4j.Shared shared
 * values and arrays}, {@link io.multiproc4j.SharedMemory shared-memory blocks}, {@link io.multiproc4j.MpLock locks},
 * {@link io.multiproc4j.MpSemaphore semaphores}, {@link io.multiproc4j.MpEvent events},
 * {@link io.multiproc4j.MpCondition conditions} and {@link io.multiproc4j.MpBarrier barriers} are created by a
 * {@link io.multiproc4j.MpContext} and work between any processes that have them: parent and child, siblings, or
 * grandchildren.
 * <ul>
 *   <li><b>By capture.</b> An IPC object reaches another process by being captured in the task given to
 *       {@link io.multiproc4j.MpProcess#start()} (directly or through the task's fields). The child's copy is a
 *       handle to the same operating-system object, not a copy of the data. An IPC object cannot be sent through a
 *       queue or a pipe, nor serialised in any other way: that throws {@link java.io.NotSerializableException}
 *       (wrapped in {@link io.multiproc4j.MessageNotSerializableException} by a send or put). A shared-memory block
 *       can also be attached by name.</li>
 *   <li><b>Visibility.</b> A message sent or an item put is available to the receiver when the call returns; a
 *       write to shared memory is seen by the other processes' next read; a lock released by one process can be
 *       acquired by another at once.</li>
 *   <li><b>Lifetime.</b> Nothing an IPC object uses outlives the processes that have it: no shared-memory entry,
 *       socket file or temporary file remains once they have all closed it or ended, even by {@code SIGKILL}. An
 *       object that can no longer be reached because the operating-system resource behind it has gone throws
 *       {@link io.multiproc4j.IpcObjectLostException} instead of waiting forever.</li>
 *   <li><b>When a process dies.</b> A message is delivered whole or not at all: a process that dies while sending
 *       never leaves half a message, and a reader never waits forever for the rest. Each type states what happens
 *       to locks, permits and waits a dead process held.</li>
 *   <li><b>Blocking.</b> Blocking operations come in the forms of {@code java.util.concurrent}: one that blocks,
 *       one that waits at most a {@link java.time.Duration} (zero or negative means "do not wait", never
 *       "forever"), and one that returns at once.</li>
 *   <li><b>What is deserialised.</b> Objects sent through pipes and queues are Java-serialised by the sender and
 *       deserialised only by the process that receives them, with the receiving process's class path. Channels are
 *       private to the user that created them: their files have mode 0600 in directories of mode 0700, with random
 *       names. A socket {@link io.multiproc4j.Listener} authenticates its peer with an HMAC challenge before any
 *       object is read. Deserialisation runs code of the classes involved: receive only from processes you
 *       trust, as with any Java serialisation.</li>
 * </ul>
 */
package io.multiproc4j;
