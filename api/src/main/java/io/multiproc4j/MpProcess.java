package io.multiproc4j;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One operating-system process running a {@link ProcessTask}: Python's {@code multiprocessing.Process}.
 *
 * <p>Create one with {@link Multiprocessing#newProcess(ProcessTask)}, set its name, daemon flag or niceness, then
 * {@link #start()} it. The lifecycle is {@code new → started → ended}; the exit code is known once it has ended.
 * The same interface describes the {@linkplain Multiprocessing#currentProcess() current process} and the
 * {@linkplain Multiprocessing#parentProcess() parent process}, on which only the observing methods apply.
 *
 * <p>Waiting for the end comes in the three forms of {@code java.util.concurrent}:
 * <table class="striped">
 *   <caption>Waiting for a process to end</caption>
 *   <thead><tr><th></th><th>Blocks</th><th>Times out</th><th>Returns at once</th></tr></thead>
 *   <tbody><tr><th scope="row">wait for the end</th><td>{@link #join()}</td><td>{@link #join(Duration)}</td>
 *   <td>{@link #isAlive()}, {@link #exitCode()}</td></tr></tbody>
 * </table>
 *
 * <p>Misuse (starting twice, joining before start or joining oneself, changing the daemon flag after start) throws
 * {@link IllegalStateException} with a message that says what to do instead.
 *
 * <p><b>Thread safety.</b> Every method may be called from any thread of the process that created this object.
 * The object itself is not transferable to another process; see
 * <a href="package-summary.html#boundary">what crosses a process boundary</a>.
 */
public interface MpProcess {

    /**
     * The name: given with {@link #setName(String)}, or by default {@code Process-N}, where {@code N} counts the
     * process objects created in this process, and {@code Process-N:M} for a child's children. The main program's
     * process is {@code MainProcess}. The child sees the name it was started with. Rules PROC-01 to PROC-04.
     *
     * @return the name, never {@code null}
     */
    String name();

    /**
     * Renames this process; the child sees the name it had when it was started.
     *
     * @param name the new name, not empty
     * @return this process
     * @throws IllegalArgumentException if {@code name} is null or empty
     */
    MpProcess setName(String name);

    /**
     * Whether this is a daemon process. A new process takes the flag of the process that creates it, so it is
     * {@code false} unless set (a daemon may create process objects, but starting them fails). Daemon children are
     * terminated when their parent ends normally, die with it when it is killed, and may not start children of their
     * own. Rules PROC-07, SHUT-03, SHUT-04, SHUT-06.
     *
     * @return the daemon flag
     */
    boolean isDaemon();

    /**
     * Sets the daemon flag; only before {@link #start()}.
     *
     * @param daemon whether the process is a daemon
     * @return this process
     * @throws IllegalStateException if the process has already been started (rule BAD-05)
     */
    MpProcess setDaemon(boolean daemon);

    /**
     * The niceness the process is started with, if one was set.
     *
     * @return the niceness, or empty for the parent's own
     */
    OptionalInt niceness();

    /**
     * Starts the process at the given niceness (Unix {@code nice}: -20 is the highest priority, 19 the lowest);
     * only before {@link #start()}. Lowering it below the parent's own needs privileges the parent may not have.
     * Rule STATE-01.
     *
     * @param niceness a value from -20 to 19
     * @return this process
     * @throws IllegalArgumentException if the value is out of range
     * @throws IllegalStateException if the process has already been started
     */
    MpProcess setNiceness(int niceness);

    /**
     * Starts the process: serialises the task here, in the caller, then creates the child, which runs the task.
     * Returns without waiting for the task to begin; {@link #isAlive()} is {@code true} from then until the child
     * ends. Rules LIFE-01, BAD-01, BAD-03, SHUT-06.
     *
     * @return this process
     * @throws TaskNotSerializableException if the task cannot be serialised; no process is created
     * @throws IllegalStateException if it was started before, or the current process is a daemon
     * @throws MultiprocessingException if the operating system refuses to create the process
     */
    MpProcess start();

    /**
     * Waits until the process has ended. Returns at once if it already has; may be called any number of times.
     * Rules LIFE-02, LIFE-07, JOIN-01.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws IllegalStateException if the process was never started, or is the current process
     * @throws ChildStartException if the child ended before it could run its task
     */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the process to end. A zero or negative timeout does not wait.
     * Rules LIFE-03, LIFE-04.
     *
     * @param timeout the longest time to wait
     * @return {@code true} if the process has ended, {@code false} if the timeout elapsed first
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws IllegalStateException if the process was never started, or is the current process
     * @throws ChildStartException if the child ended before it could run its task
     */
    boolean join(Duration timeout) throws InterruptedException;

    /**
     * Whether the process has been started and has not yet ended. Never blocks. Rule LIFE-01.
     *
     * @return {@code true} while the process runs
     */
    boolean isAlive();

    /**
     * Asks the process to stop now with {@code SIGTERM}; it ends with exit code {@code -15} unless its task handles
     * the signal. As in Python, the child ends at once: its shutdown hooks do not run, so its own non-daemon
     * children are not waited for and live on as orphans. Does nothing if it has already ended. Rules LIFE-05,
     * LIFE-08, LIFE-09.
     *
     * @throws IllegalStateException if the process was never started, or is not a child of the caller
     */
    void terminate();

    /**
     * Kills the process with {@code SIGKILL}; it ends with exit code {@code -9}. Does nothing if it has already
     * ended. Rules LIFE-06, LIFE-08.
     *
     * @throws IllegalStateException if the process was never started, or is not a child of the caller
     */
    void kill();

    /**
     * The exit code, once the process has ended: {@code 0}, {@code 1} when the task threw, {@code n} for
     * {@code System.exit(n)}, {@code -N} when ended by signal {@code N} (see
     * <a href="package-summary.html#exit-codes">exit codes</a>). Rules EXIT-01 to EXIT-05.
     *
     * @return the exit code, or empty while the process has not been started or is still running
     */
    OptionalInt exitCode();

    /**
     * The operating-system process id. Rules IDENT-01, IDENT-02.
     *
     * @return the pid, or empty before {@link #start()}
     */
    OptionalLong pid();

    /**
     * A snapshot of the process's scheduling state. Rule STATE-02.
     *
     * @return {@link ProcessState#NEW} before start, {@link ProcessState#ENDED} once ended, otherwise what the
     *     operating system reports now
     */
    ProcessState state();

    /**
     * Stops the process with {@code SIGSTOP} until {@link #resume()}; a stopped process's state is
     * {@link ProcessState#STOPPED}. Does nothing if it has already ended. Rule STATE-03.
     *
     * @throws IllegalStateException if the process was never started, or is not a child of the caller
     */
    void suspend();

    /**
     * Continues a process stopped by {@link #suspend()}, with {@code SIGCONT}. Does nothing if it has already ended.
     * Rule STATE-03.
     *
     * @throws IllegalStateException if the process was never started, or is not a child of the caller
     */
    void resume();

    /**
     * Sends {@code signal} to the process. Unlike the other controlling methods, this works on the current process
     * too ({@code Multiprocessing.currentProcess().signal(...)}), as Python's {@code os.kill(os.getpid(), sig)}. What
     * the receiver does depends on {@link MpContext#handleSignal}; by default it ends with exit code
     * {@code -signal.number()}. Does nothing if the process has already ended.
     *
     * @param signal the signal
     * @throws IllegalStateException if the process was never started, or is neither a child of the caller nor the
     *     current process
     */
    void signal(ProcessSignal signal);
}
