package io.multiproc4j.processbuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multiproc4j.AuthenticationException;
import io.multiproc4j.Connection;
import io.multiproc4j.Listener;
import io.multiproc4j.MpContext;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Multiprocessing;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.LeakCheck;
import io.multiproc4j.tck.support.TckEnvironment;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Socket listeners and connections between a parent and its child. */
@ExtendWith(LeakCheck.class)
class ProcessBuilderSocketsIT {

    private static final String ID = ProcessBuilderProvider.ID;
    private static final byte[] KEY = "shared secret".getBytes(StandardCharsets.UTF_8);

    private final MpContext mp = Multiprocessing.context(ID);

    /** Accepts on another thread, so that a child that never connects fails the test instead of hanging it. */
    private static Connection accept(Listener listener, MpProcess child) throws Exception {
        FutureTask<Connection> accepting = new FutureTask<>(listener::accept);
        Thread acceptor = new Thread(accepting, "test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            return accepting.get(TckEnvironment.LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the child never connected; its exit code: " + child.exitCode(), e);
        }
    }

    /** A child connects to its parent's private listener by path, with the key, and they exchange objects. */
    @Test
    void aChildConnectsToItsParentsListenerAndTheyExchangeObjects() throws Exception {
        byte[] key = KEY;
        Path file;
        try (Listener listener = mp.listen(key)) {
            file = ((UnixDomainSocketAddress) listener.address()).getPath();
            String path = file.toString();
            MpProcess p = mp.newProcess(() -> {
                try (Connection c = Multiprocessing.context(ID).connect(UnixDomainSocketAddress.of(path), key)) {
                    Object got = c.receive();
                    c.send(List.of("echo", got));
                }
            }).start();
            try (Connection c = accept(listener, p)) {
                c.send(42);
                assertThat(c.receive()).isEqualTo(List.of("echo", 42));
            }
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    /** Over TCP on the loopback interface too. */
    @Test
    void aChildConnectsOverTcp() throws Exception {
        byte[] key = KEY;
        try (Listener listener = mp.listen(new InetSocketAddress("127.0.0.1", 0), key)) {
            int port = ((InetSocketAddress) listener.address()).getPort();
            MpProcess p = mp.newProcess(() -> {
                try (Connection c = Multiprocessing.context(ID).connect(new InetSocketAddress("127.0.0.1", port),
                        key)) {
                    c.sendBytes(c.receiveBytes());
                }
            }).start();
            try (Connection c = accept(listener, p)) {
                c.sendBytes(new byte[] {1, 2, 3});
                assertThat(c.receiveBytes()).containsExactly(1, 2, 3);
            }
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    /** With a wrong key, the parent's accept and the child's connect both fail with AuthenticationException. */
    @Test
    void aWrongKeyFailsOnBothSides() throws Exception {
        try (Exchange ex = new Exchange(); Listener listener = mp.listen(KEY)) {
            String dir = ex.path();
            String path = ((UnixDomainSocketAddress) listener.address()).getPath().toString();
            MpProcess p = mp.newProcess(() -> {
                try {
                    Multiprocessing.context(ID).connect(UnixDomainSocketAddress.of(path),
                            "wrong".getBytes(StandardCharsets.UTF_8)).close();
                    Exchange.put(dir, "outcome", "connected");
                } catch (AuthenticationException e) {
                    Exchange.put(dir, "outcome", e.getClass().getSimpleName());
                }
            }).start();
            assertThatThrownBy(() -> accept(listener, p)).isInstanceOf(AuthenticationException.class);
            assertThat(ex.await("outcome")).isEqualTo("AuthenticationException");
            p.join();
            assertThat(p.exitCode()).hasValue(0);
        }
    }
}
