/**
 * Python-grade multiprocessing for Java: run a function in a new operating-system process, wait for it, stop it,
 * and learn how it ended.
 *
 * <h2>Entry points</h2>
 * {@link io.multiproc4j.Multiprocessing} is the static facade (Python's {@code multiprocessing} module);
 * {@link io.multiproc4j.MpContext} is one implementation's view of it (Python's {@code get_context()});
 * {@link io.multiproc4j.MpProcess} is one process (Python's {@code Process}); {@link io.multiproc4j.ProcessTask}
 * is what a process runs.
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
 */
package io.multiproc4j;
