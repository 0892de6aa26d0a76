package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules IDENT and ISO: who a process is, and what it does not share. */
abstract class ProcessIdentityChecks extends ProcessLifecycleChecks {

    ProcessIdentityChecks(String providerId) {
        super(providerId);
    }

    /** IDENT-01: the pid is the child's own. */
    @Test
    void required_ident01_pidIsTheOneTheChildReports() {
        String dir = ex.path();
        MpProcess p = mp.newProcess(() -> Exchange.put(dir, "pid", Long.toString(ownPid())));
        assertThat(p.pid()).as("pid before start").isEmpty();
        p.start();
        assertThat(ex.await("pid")).isEqualTo(Long.toString(p.pid().getAsLong()));
        assertThat(awaitExitCode(p)).isZero();
    }

    /** IDENT-02: the child's current process describes the child. */
    @Test
    void required_ident02_childsCurrentProcessDescribesTheChild() {
        String dir = ex.path();
        MpProcess p = start(() -> {
            MpProcess me = Multiprocessing.currentProcess();
            Exchange.put(dir, "me", me.name() + "|" + me.pid().getAsLong() + "|" + me.isDaemon());
        });
        assertThat(ex.await("me")).isEqualTo(p.name() + "|" + p.pid().getAsLong() + "|false");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** IDENT-03: the child's parent process is this one. */
    @Test
    void required_ident03_childsParentProcessIsTheParent() {
        String dir = ex.path();
        MpProcess p = start(() -> {
            String parent = Multiprocessing.parentProcess()
                    .map(pp -> pp.name() + "|" + pp.pid().getAsLong() + "|" + pp.isAlive())
                    .orElse("absent");
            Exchange.put(dir, "parent", parent + "|" + osParentPid());
        });
        MpProcess self = mp.currentProcess();
        assertThat(ex.await("parent")).isEqualTo(self.name() + "|" + ownPid() + "|true|" + ownPid());
        assertThat(awaitExitCode(p)).isZero();
    }

    /** IDENT-04: activeChildren lists exactly the live children. */
    @Test
    void required_ident04_activeChildrenListsTheLiveChildrenOnly() {
        String dir = ex.path();
        MpProcess unstarted = mp.newProcess(() -> { });
        MpProcess ended = start(() -> { });
        MpProcess live = start(() -> Exchange.awaitEntry(dir, "go"));
        awaitExitCode(ended);
        List<Long> active = pids(mp.activeChildren());
        assertThat(active).contains(live.pid().getAsLong()).doesNotContain(ended.pid().getAsLong());
        assertThat(mp.activeChildren()).doesNotContain(unstarted);
        ex.put("go", "now");
        awaitExitCode(live);
        assertThat(pids(mp.activeChildren())).doesNotContain(live.pid().getAsLong());
    }

    /** IDENT-05: cpuCount. */
    @Test
    void required_ident05_cpuCountIsTheProcessorsAvailable() {
        assertThat(mp.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    /** ISO-01: statics are per process (seed 000's g_list). */
    @Test
    void required_iso01_childsStaticChangesAreInvisibleToTheParent() {
        String dir = ex.path();
        List<String> before = new ArrayList<>(KitTasks.STATIC_LIST);
        MpProcess p = start(() -> {
            for (int i = 0; i < 3; i++) {
                KitTasks.STATIC_LIST.add("added-" + i);
            }
            Exchange.put(dir, "child", KitTasks.STATIC_LIST.toString());
        });
        assertThat(ex.await("child")).isEqualTo("[added-0, added-1, added-2]");
        assertThat(awaitExitCode(p)).isZero();
        assertThat(KitTasks.STATIC_LIST).isEqualTo(before);
    }

    /** ISO-02: captured objects are copies (seed 002's lst). */
    @Test
    void required_iso02_childsChangesToCapturedObjectsAreInvisibleToTheParent() {
        String dir = ex.path();
        List<Integer> lst = new ArrayList<>(List.of(1, 2));
        MpProcess p = start(() -> {
            lst.add(3);
            Exchange.put(dir, "child", lst.toString());
        });
        assertThat(ex.await("child")).isEqualTo("[1, 2, 3]");
        assertThat(awaitExitCode(p)).isZero();
        assertThat(lst).containsExactly(1, 2);
    }

    /** ISO-03: a child starts from a fresh JVM's statics, and the parent's later changes do not reach it. */
    @Test
    void required_iso03_childStartsFromFreshStaticState() {
        String dir = ex.path();
        String saved = KitTasks.staticValue;
        KitTasks.staticValue = "changed-by-parent-before-start";
        try {
            MpProcess p = start(() -> {
                Exchange.put(dir, "before", KitTasks.staticValue);
                Exchange.awaitEntry(dir, "go");
                Exchange.put(dir, "after", KitTasks.staticValue);
            });
            assertThat(ex.await("before")).as("the static as the child first sees it").isEqualTo("initial");
            KitTasks.staticValue = "changed-by-parent-after-start";
            ex.put("go", "now");
            assertThat(ex.await("after")).as("the static after the parent changed it again").isEqualTo("initial");
            assertThat(awaitExitCode(p)).isZero();
        } finally {
            KitTasks.staticValue = saved;
        }
    }

    /** ISO-04: the task is copied at start. */
    @Test
    void required_iso04_parentsChangesAfterStartAreInvisibleToTheChild() {
        String dir = ex.path();
        List<String> shared = new ArrayList<>(List.of("before-start"));
        MpProcess p = start(() -> {
            Exchange.awaitEntry(dir, "go");
            Exchange.put(dir, "child", shared.toString());
        });
        shared.add("after-start");
        ex.put("go", "now");
        assertThat(ex.await("child")).isEqualTo("[before-start]");
        assertThat(awaitExitCode(p)).isZero();
    }

    /** ISO-05: standard input is empty. */
    @Test
    void required_iso05_childsStandardInputIsEmpty() throws Exception {
        String dir = ex.path();
        MpProcess p = start(() -> Exchange.put(dir, "read", Integer.toString(System.in.read())));
        assertThat(awaitExitCode(p, TckEnvironment.PROMPT.plus(TckEnvironment.PROMPT)))
                .as("exit code of a child that reads its standard input").isZero();
        assertThat(ex.peek("read")).hasValue("-1");
    }

    private static List<Long> pids(List<MpProcess> ps) {
        return ps.stream().map(p -> p.pid().getAsLong()).collect(Collectors.toList());
    }
}
