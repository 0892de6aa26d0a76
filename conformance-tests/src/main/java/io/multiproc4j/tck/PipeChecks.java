package io.multiproc4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.BufferTooShortException;
import io.multiproc4j.Connection;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageNotSerializableException;
import io.multiproc4j.MessageTooLargeException;
import io.multiproc4j.MpProcess;
import io.multiproc4j.Pipe;
import io.multiproc4j.tck.support.Bounded;
import io.multiproc4j.tck.support.Exchange;
import io.multiproc4j.tck.support.IpcKitTypes;
import io.multiproc4j.tck.support.KitTasks;
import io.multiproc4j.tck.support.TckEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rules PIPE: pipes and the connections they give. */
abstract class PipeChecks extends IpcChecksBase {

    PipeChecks(String providerId) {
        super(providerId);
    }

    /** A child that sends back every object it receives on {@code end}, until it receives "stop". */
    final MpProcess startObjectEcho(Connection end) {
        return child(() -> {
            for (Object o = end.receive(); !"stop".equals(o); o = end.receive()) {
                end.send(o);
            }
        });
    }

    /** A child that sends back every byte message it receives on {@code end}, until an empty one. */
    final MpProcess startBytesEcho(Connection end) {
        return child(() -> {
            for (byte[] m = end.receiveBytes(); m.length > 0; m = end.receiveBytes()) {
                end.sendBytes(m);
            }
        });
    }

    /**
     * A child that reports "ready", then waits for the test's "go" and sends {@code message} on {@code end}; the
     * test's own copy of {@code end} is closed, and the child is ready when this returns.
     */
    final MpProcess startSenderOnGo(Connection end, String message) {
        String dir = ex.path();
        MpProcess p = child(() -> {
            Exchange.put(dir, "ready", "yes");
            Exchange.awaitEntry(dir, "go");
            end.send(message);
        });
        end.close();
        ex.await("ready");
        return p;
    }

    /** Receives with the PROMPT bound, so that a hanging implementation fails the test instead of stalling it. */
    static Object receivePromptly(Connection c) throws Exception {
        return Bounded.within(TckEnvironment.PROMPT, "receive()", c::receive);
    }

    static byte[] receiveBytesPromptly(Connection c) throws Exception {
        return Bounded.within(TckEnvironment.PROMPT, "receiveBytes()", c::receiveBytes);
    }

    /** Receives what a child just started sends: bounded by LONG, since the child's JVM must start first. */
    static Object receiveFromNewChild(Connection c) throws Exception {
        return Bounded.within(TckEnvironment.LONG, "receive() of a new child's message", c::receive);
    }

    static byte[] receiveBytesFromNewChild(Connection c) throws Exception {
        return Bounded.within(TckEnvironment.LONG, "receiveBytes() of a new child's message", c::receiveBytes);
    }

    /** PIPE-01: a pipe is two-way by default. */
    @Test
    void required_pipe01_defaultPipeIsTwoWay() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        assertThat(mine.isReadable() && mine.isWritable()).as("first end reads and writes").isTrue();
        assertThat(theirs.isReadable() && theirs.isWritable()).as("second end reads and writes").isTrue();
        MpProcess child = child(() -> {
            theirs.send("hello from the child");
            Object got = theirs.receive();
            theirs.send("child got " + got);
        });
        theirs.close();
        assertThat(receiveFromNewChild(mine)).isEqualTo("hello from the child");
        mine.send("hello from the parent");
        assertThat(receivePromptly(mine)).isEqualTo("child got hello from the parent");
        assertThat(awaitExitCode(child)).isZero();
        mine.close();
    }

    /** PIPE-02: a one-way pipe receives on first and sends on second. */
    @Test
    void required_pipe02_oneWayPipeReceivesOnFirstAndSendsOnSecond() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection reader = pipe.first();
        Connection writer = pipe.second();
        assertThat(reader.isReadable()).as("first().isReadable()").isTrue();
        assertThat(reader.isWritable()).as("first().isWritable()").isFalse();
        assertThat(writer.isReadable()).as("second().isReadable()").isFalse();
        assertThat(writer.isWritable()).as("second().isWritable()").isTrue();
        MpProcess child = child(() -> {
            writer.send("one");
            writer.sendBytes(new byte[] {2});
        });
        writer.close();
        assertThat(receiveFromNewChild(reader)).isEqualTo("one");
        assertThat(receiveBytesPromptly(reader)).containsExactly(2);
        assertThat(awaitExitCode(child)).isZero();
        reader.close();
    }

    /** PIPE-03: the wrong end of a one-way pipe refuses, and nothing passes. */
    @Test
    void required_pipe03_wrongEndOfOneWayPipeIsRefused() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection reader = pipe.first();
        Connection writer = pipe.second();
        assertThatThrownBy(() -> reader.send("x")).as("send on the receiving end")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reader.sendBytes(new byte[] {1})).as("sendBytes on the receiving end")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reader.sendBytes(new byte[] {1}, 0, 1)).as("sendBytes slice on the receiving end")
                .isInstanceOf(IllegalStateException.class);
        assertThat(reader.poll()).as("poll() on the receiving end after the refused sends").isFalse();
        writer.send("first");
        assertThatThrownBy(writer::receive).as("receive on the sending end")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::receiveBytes).as("receiveBytes on the sending end")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.receiveBytesInto(new byte[16], 0)).as("receiveBytesInto on the sending end")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::poll).as("poll() on the sending end").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.poll(Duration.ZERO)).as("poll(0) on the sending end")
                .isInstanceOf(IllegalStateException.class);
        assertThat(receivePromptly(reader)).as("the message sent before the refused receives").isEqualTo("first");
        assertThat(reader.poll()).as("nothing else was sent").isFalse();
        reader.close();
        writer.close();
    }

    /** PIPE-04: objects arrive equal, and an object can be read as its serialisation. */
    @Test
    void required_pipe04_objectsArriveEqualAndReadableAsBytes() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        MpProcess echo = startObjectEcho(theirs);
        theirs.close();
        mine.send("warm-up");
        assertThat(receiveFromNewChild(mine)).as("echo of the first message").isEqualTo("warm-up");
        List<Object> messages = Arrays.asList("text", 42, 2.25, List.of(1, 2.25, "three"),
                new IpcKitTypes.Point(7, "seven"), new int[] {1, 2, 3}, null, "");
        for (Object m : messages) {
            mine.send(m);
            Object back = receivePromptly(mine);
            if (m instanceof int[] ints) {
                assertThat(back).as("echo of an int[]").isInstanceOf(int[].class);
                assertThat((int[]) back).containsExactly(ints);
            } else {
                assertThat(back).as("echo of %s", m).isEqualTo(m);
            }
        }
        IpcKitTypes.Point point = new IpcKitTypes.Point(3, "as bytes");
        mine.send(point);
        byte[] raw = receiveBytesPromptly(mine);
        assertThat(IpcKitTypes.deserialise(raw)).as("an object received as bytes, deserialised").isEqualTo(point);
        mine.send("stop");
        assertThat(awaitExitCode(echo)).isZero();
        mine.close();
    }

    /** PIPE-05: byte slices are sent exactly, and received into a buffer at an offset. */
    @Test
    void required_pipe05_byteSlicesAndReceiveIntoOffset() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        MpProcess echo = startBytesEcho(theirs);
        theirs.close();
        byte[] msg = "abcdefghijklmnopqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mine.sendBytes(msg, 5, 8);
        assertThat(new String(receiveBytesFromNewChild(mine), java.nio.charset.StandardCharsets.US_ASCII))
                .as("echo of sendBytes(msg, 5, 8)").isEqualTo("fghijklm");
        mine.sendBytes(msg, 20, 6);
        byte[] buffer = new byte[32];
        Arrays.fill(buffer, (byte) 0x7F);
        int n = Bounded.within(TckEnvironment.PROMPT, "receiveBytesInto", () -> mine.receiveBytesInto(buffer, 10));
        assertThat(n).as("length returned by receiveBytesInto").isEqualTo(6);
        assertThat(Arrays.copyOfRange(buffer, 10, 16)).as("the message at offset 10")
                .isEqualTo(Arrays.copyOfRange(msg, 20, 26));
        for (int i = 0; i < buffer.length; i++) {
            if (i < 10 || i >= 16) {
                assertThat(buffer[i]).as("buffer[%d], outside the message", i).isEqualTo((byte) 0x7F);
            }
        }
        mine.sendBytes(new byte[0]);
        assertThat(awaitExitCode(echo)).as("the echo ends on the empty slice it received").isZero();
        mine.close();
    }

    /** PIPE-06: invalid slices and offsets are refused before anything passes. */
    @Test
    void required_pipe06_invalidRangesAreRefusedAndPassNothing() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        Connection b = pipe.second();
        byte[] buf = new byte[26];
        int[][] badSlices = {{-1, 2}, {0, -1}, {27, 0}, {22, 5}, {26, 1}};
        for (int[] s : badSlices) {
            assertThatThrownBy(() -> a.sendBytes(buf, s[0], s[1])).as("sendBytes(buf[26], %d, %d)", s[0], s[1])
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(b.poll()).as("a message arrived after refused slices").isFalse();
        a.sendBytes(new byte[] {9, 9});
        assertThatThrownBy(() -> b.receiveBytesInto(new byte[8], -1)).as("receiveBytesInto(buf[8], -1)")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.receiveBytesInto(new byte[8], 9)).as("receiveBytesInto(buf[8], 9)")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.receiveBytes(-1)).as("receiveBytes(-1)")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(receiveBytesPromptly(b)).as("the message, still there after the refused receives")
                .containsExactly(9, 9);
        a.close();
        b.close();
    }

    /** PIPE-07: too-short buffers and over-long messages consume that message only. */
    @Test
    void required_pipe07_tooShortBufferAndMaxLengthConsumeOnlyThatMessage() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        Connection b = pipe.second();
        byte[] longMsg = IpcKitTypes.pattern(110, 1);
        a.sendBytes(longMsg);
        a.sendBytes(IpcKitTypes.pattern(3, 2));
        Throwable t = catchThrowable(() -> b.receiveBytesInto(new byte[40], 0));
        assertThat(t).as("receiveBytesInto a 40-byte buffer of a 110-byte message")
                .isInstanceOf(BufferTooShortException.class);
        assertThat(((BufferTooShortException) t).message()).as("the message the exception carries")
                .isEqualTo(longMsg);
        assertThat(receiveBytesPromptly(b)).as("the next message").isEqualTo(IpcKitTypes.pattern(3, 2));
        a.sendBytes(longMsg);
        a.sendBytes(IpcKitTypes.pattern(4, 3));
        assertThatThrownBy(() -> b.receiveBytes(100)).as("receiveBytes(100) of a 110-byte message")
                .isInstanceOf(MessageTooLargeException.class);
        assertThat(receiveBytesPromptly(b)).as("the message after the refused one")
                .isEqualTo(IpcKitTypes.pattern(4, 3));
        a.sendBytes(IpcKitTypes.pattern(100, 4));
        assertThat(b.receiveBytes(100)).as("a message of exactly maxLength").isEqualTo(IpcKitTypes.pattern(100, 4));
        assertThat(b.poll()).as("anything left").isFalse();
        a.close();
        b.close();
    }

    /** PIPE-08: boundaries and order are kept. */
    @Test
    void required_pipe08_boundariesAndOrderAreKept() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection reader = pipe.first();
        Connection writer = pipe.second();
        String dir = ex.path();
        int burst = 10;
        int stream = 2_000;
        MpProcess child = child(() -> {
            for (int i = 0; i < burst; i++) {
                writer.sendBytes(IpcKitTypes.pattern(i % 3, i));
            }
            Exchange.put(dir, "burst-sent", "yes");
            for (int i = burst; i < burst + stream; i++) {
                writer.sendBytes(IpcKitTypes.pattern(i % 97, i));
            }
        });
        writer.close();
        ex.await("burst-sent");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < burst + stream; i++) {
            int length = i < burst ? i % 3 : i % 97;
            byte[] m = receiveBytesPromptly(reader);
            if (!IpcKitTypes.isPattern(m, length, i)) {
                wrong.add("message " + i + ": " + m.length + " bytes instead of " + length
                        + (m.length == length ? " (other content)" : ""));
                if (wrong.size() > 5) {
                    break;
                }
            }
        }
        assertThat(wrong).as("messages received not as sent, in order (the first of a burst of %d were all "
                + "waiting at once)", burst).isEmpty();
        assertThat(awaitExitCode(child)).isZero();
        assertThatThrownBy(() -> receiveBytesPromptly(reader)).as("after the last message")
                .isInstanceOf(EndOfStreamException.class);
        reader.close();
    }

    /** PIPE-09: an empty message is a message. */
    @Test
    void required_pipe09_emptyMessageIsAMessage() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        Connection b = pipe.second();
        a.sendBytes(new byte[0]);
        a.sendBytes(new byte[0]);
        a.sendBytes(new byte[] {'x'});
        for (int i = 0; i < 3; i++) {
            assertThat(b.poll()).as("poll() number %d while an empty message waits", i + 1).isTrue();
        }
        assertThat(receiveBytesPromptly(b)).as("first receive").isEmpty();
        assertThat(b.poll()).as("poll() while the second empty message waits").isTrue();
        assertThat(receiveBytesPromptly(b)).as("second receive").isEmpty();
        assertThat(receiveBytesPromptly(b)).as("third receive").containsExactly('x');
        assertThat(b.poll()).as("poll() once all are read").isFalse();
        a.close();
        b.close();
    }

    /** PIPE-10: polls that do not wait return false at once on an empty pipe. */
    @Test
    void required_pipe10_nonWaitingPollsReturnFalseAtOnce() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-30)}) {
            long t0 = System.nanoTime();
            boolean ready = Bounded.within(TckEnvironment.PROMPT, "poll(" + d + ")",
                    () -> d == null ? a.poll() : a.poll(d));
            assertThat(ready).as("poll(%s) on an empty pipe", d == null ? "" : d).isFalse();
            assertThat(millisSince(t0)).as("milliseconds poll(%s) took", d == null ? "" : d)
                    .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        }
        a.close();
        pipe.second().close();
    }

    /** PIPE-11: a timed poll waits its timeout, and wakes for a message without consuming it. */
    @Test
    void required_pipe11_timedPollWaitsAndWakesWithoutConsuming() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        MpProcess child = startSenderOnGo(pipe.second(), "wake up");
        Duration timeout = TckEnvironment.TICK.multipliedBy(2);
        long t0 = System.nanoTime();
        boolean ready = Bounded.within(timeout.plus(TckEnvironment.PROMPT), "poll(timeout)", () -> mine.poll(timeout));
        assertThat(ready).as("poll(%s) on an empty pipe", timeout).isFalse();
        assertThat(millisSince(t0)).as("milliseconds poll(%s) waited", timeout)
                .isGreaterThanOrEqualTo(timeout.toMillis());
        Future<Boolean> waiting = Bounded.inBackground("poll(LONG)", () -> mine.poll(TckEnvironment.LONG));
        ex.put("go", "now");
        assertThat(Bounded.await(waiting, TckEnvironment.PROMPT, "poll(LONG) when a message is sent"))
                .as("poll(LONG) once a message was sent").isTrue();
        assertThat(mine.poll()).as("poll() after a successful poll: the message is still there").isTrue();
        assertThat(receivePromptly(mine)).isEqualTo("wake up");
        assertThat(awaitExitCode(child)).isZero();
        mine.close();
    }

    /** PIPE-12: receive blocks until a message arrives. */
    @Test
    void required_pipe12_receiveBlocksUntilAMessageArrives() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        MpProcess child = startSenderOnGo(pipe.second(), "late");
        Future<Object> receiving = Bounded.inBackground("receive()", mine::receive);
        Bounded.assertStillBlocked(receiving, TckEnvironment.TICK.multipliedBy(2), "receive() before any send");
        ex.put("go", "now");
        assertThat(Bounded.await(receiving, TckEnvironment.PROMPT, "receive() once a message was sent"))
                .isEqualTo("late");
        assertThat(awaitExitCode(child)).isZero();
        mine.close();
    }

    /** PIPE-13: end of stream comes after the last message, and stays. */
    @Test
    void required_pipe13_endOfStreamAfterTheLastMessage() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        MpProcess child = child(() -> {
            theirs.send("a");
            theirs.send("b");
        });
        theirs.close();
        assertThat(awaitExitCode(child)).isZero();
        assertThat(receivePromptly(mine)).as("first message, sent before the child ended").isEqualTo("a");
        assertThat(receivePromptly(mine)).as("second message").isEqualTo("b");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> receivePromptly(mine)).as("receive() after the last message")
                    .isInstanceOf(EndOfStreamException.class);
            assertThatThrownBy(() -> receiveBytesPromptly(mine)).as("receiveBytes() after the last message")
                    .isInstanceOf(EndOfStreamException.class);
        }
        long t0 = System.nanoTime();
        assertThat(mine.poll()).as("poll() at end of stream").isTrue();
        assertThat(Bounded.within(TckEnvironment.PROMPT, "poll(LONG)", () -> mine.poll(TckEnvironment.LONG)))
                .as("poll(LONG) at end of stream").isTrue();
        assertThat(millisSince(t0)).as("milliseconds the polls at end of stream took")
                .isLessThan(TckEnvironment.AT_ONCE.toMillis());
        mine.close();
    }

    /** PIPE-14: sending to an end closed everywhere fails. */
    @Test
    void required_pipe14_sendingToAClosedEndIsABrokenPipe() throws Exception {
        Pipe local = mp.newPipe();
        local.second().close();
        assertThatThrownBy(() -> local.first().send("x")).as("send after the other end was closed")
                .isInstanceOf(BrokenPipeException.class);
        local.first().close();

        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        MpProcess child = child(() -> theirs.close());
        theirs.close();
        assertThat(awaitExitCode(child)).isZero();
        assertThatThrownBy(() -> Bounded.within(TckEnvironment.PROMPT, "send", () -> {
            mine.sendBytes(new byte[] {1});
            return null;
        })).as("sendBytes after the child, the last holder of the other end, closed it and ended")
                .isInstanceOf(BrokenPipeException.class);
        mine.close();
    }

    /** PIPE-15: a closed end refuses everything. */
    @Test
    void required_pipe15_closedEndRefusesEverything() {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        a.close();
        assertThat(a.isClosed()).as("isClosed() after close()").isTrue();
        assertThat(pipe.second().isClosed()).as("the other end's isClosed()").isFalse();
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> a.send("x"), () -> a.sendBytes(new byte[1]), () -> a.sendBytes(new byte[1], 0, 1),
                a::receive, a::receiveBytes, () -> a.receiveBytes(10), () -> a.receiveBytesInto(new byte[4], 0),
                a::poll, () -> a.poll(Duration.ofMillis(10)));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)).as("call %d of send, sendBytes, sendBytes(slice), receive, receiveBytes,"
                    + " receiveBytes(max), receiveBytesInto, poll(), poll(timeout) on a closed end", i + 1)
                    .isInstanceOf(IllegalStateException.class);
        }
        a.close();
        assertThat(a.isClosed()).isTrue();
        pipe.second().close();
    }

    /** PIPE-16: unserialisable objects fail in the sender and send nothing. */
    @Test
    void required_pipe16_unserialisableObjectsFailInTheSender() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection a = pipe.first();
        Connection b = pipe.second();
        assertThatThrownBy(() -> a.send(new KitTasks.Holder())).as("send of an object holding an unserialisable one")
                .isInstanceOf(MessageNotSerializableException.class)
                .hasMessageContaining(KitTasks.NotSerializableThing.class.getName());
        Pipe other = mp.newPipe();
        assertThatThrownBy(() -> a.send(other.first())).as("send of a pipe end")
                .isInstanceOf(MessageNotSerializableException.class);
        assertThatThrownBy(() -> a.send(List.of("wrapped", other.second()))).as("send of a list holding a pipe end")
                .isInstanceOf(MessageNotSerializableException.class);
        assertThat(b.poll()).as("anything arrived after the refused sends").isFalse();
        a.send("next");
        assertThat(receivePromptly(b)).isEqualTo("next");
        other.first().close();
        other.second().close();
        a.close();
        b.close();
    }

    /** PIPE-17: large messages cross intact; too large ones fail in the sender. */
    @Test
    void required_pipe17_largeMessagesCrossAndTooLargeOnesFail() throws Exception {
        Pipe pipe = mp.newPipe();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        MpProcess echo = startBytesEcho(theirs);
        theirs.close();
        byte[] big = IpcKitTypes.pattern(8 * 1024 * 1024 + 3, 17);
        mine.sendBytes(big);
        byte[] back = Bounded.within(TckEnvironment.LONG, "receiveBytes() of 8 MiB, from a new child",
                mine::receiveBytes);
        assertThat(back.length).as("length of the 8 MiB message echoed").isEqualTo(big.length);
        assertThat(Arrays.equals(back, big)).as("the 8 MiB message echoed is intact").isTrue();
        back = null;
        big = null;

        Pipe local = mp.newPipe();
        Connection a = local.first();
        Connection b = local.second();
        byte[] tooLarge = new byte[Connection.MAX_MESSAGE_SIZE + 1];
        assertThatThrownBy(() -> a.sendBytes(tooLarge)).as("sendBytes of MAX_MESSAGE_SIZE + 1 bytes")
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> a.sendBytes(tooLarge, 0, tooLarge.length))
                .as("sendBytes of a slice of MAX_MESSAGE_SIZE + 1 bytes").isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> a.send(tooLarge)).as("send of a byte[] that serialises to more than the maximum")
                .isInstanceOf(MessageTooLargeException.class);
        assertThat(b.poll()).as("anything arrived after the refused sends").isFalse();
        a.close();
        b.close();
        mine.sendBytes(new byte[0]);
        assertThat(awaitExitCode(echo)).isZero();
        mine.close();
    }

    /** PIPE-18: siblings talk through a pipe. */
    @Test
    void required_pipe18_siblingsTalkThroughAPipe() {
        Pipe pipe = mp.newPipe();
        Connection left = pipe.first();
        Connection right = pipe.second();
        String dir = ex.path();
        int rounds = 100;
        MpProcess pinger = child(() -> {
            for (int i = 0; i < rounds; i++) {
                left.send("ping " + i);
                Object reply = left.receive();
                if (!("pong " + i).equals(reply)) {
                    Exchange.put(dir, "pinger", "round " + i + " got " + reply);
                    return;
                }
            }
            Exchange.put(dir, "pinger", "ok");
        });
        MpProcess ponger = child(() -> {
            for (int i = 0; i < rounds; i++) {
                Object ping = right.receive();
                right.send(String.valueOf(ping).replace("ping", "pong"));
            }
            Exchange.put(dir, "ponger", "ok");
        });
        left.close();
        right.close();
        assertThat(awaitExitCode(pinger)).as("exit code of the pinging sibling").isZero();
        assertThat(awaitExitCode(ponger)).as("exit code of the ponging sibling").isZero();
        assertThat(ex.await("pinger")).isEqualTo("ok");
        assertThat(ex.await("ponger")).isEqualTo("ok");
    }

    /** PIPE-19: concurrent sends are not interleaved. */
    @Test
    void required_pipe19_concurrentSendsAreNotInterleaved() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection reader = pipe.first();
        Connection writer = pipe.second();
        int threads = 4;
        int perThread = 300;
        MpProcess child = child(() -> {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread s = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int seed = id * 100_000 + i;
                        byte[] m = IpcKitTypes.pattern(4 + (i * 7919) % 70_000, seed);
                        m[0] = (byte) id;
                        m[1] = (byte) (i >> 16);
                        m[2] = (byte) (i >> 8);
                        m[3] = (byte) i;
                        writer.sendBytes(m);
                    }
                });
                s.start();
                senders.add(s);
            }
            for (Thread s : senders) {
                s.join();
            }
        });
        writer.close();
        int[] next = new int[threads];
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < threads * perThread && wrong.size() < 5; k++) {
            byte[] m = Bounded.within(k == 0 ? TckEnvironment.LONG : TckEnvironment.PROMPT, "receiveBytes(maxLength)",
                    () -> reader.receiveBytes(Connection.MAX_MESSAGE_SIZE));
            if (m.length < 4 || m[0] < 0 || m[0] >= threads) {
                wrong.add("message " + k + " of " + m.length + " bytes has no valid header");
                continue;
            }
            int id = m[0];
            int i = ((m[1] & 0xFF) << 16) | ((m[2] & 0xFF) << 8) | (m[3] & 0xFF);
            byte[] expected = IpcKitTypes.pattern(4 + (i * 7919) % 70_000, id * 100_000 + i);
            System.arraycopy(m, 0, expected, 0, Math.min(4, expected.length));
            if (i != next[id]) {
                wrong.add("thread " + id + " message " + i + " arrived when " + next[id] + " was due");
            } else if (!Arrays.equals(m, expected)) {
                wrong.add("thread " + id + " message " + i + " is not whole (" + m.length + " bytes instead of "
                        + expected.length + ")");
            }
            next[id] = i + 1;
        }
        assertThat(wrong).as("messages from %d sending threads", threads).isEmpty();
        assertThat(awaitExitCode(child)).isZero();
        reader.close();
    }

    /** PIPE-20: a sender killed mid-message never hangs the reader. */
    @Test
    void required_pipe20_senderKilledMidMessageNeverHangsTheReader() throws Exception {
        Pipe pipe = mp.newPipe(false);
        Connection reader = pipe.first();
        Connection writer = pipe.second();
        int size = 8 * 1024 * 1024;
        MpProcess child = child(() -> {
            for (int i = 0; ; i++) {
                writer.sendBytes(IpcKitTypes.pattern(size, i));
            }
        });
        writer.close();
        byte[] first = Bounded.within(TckEnvironment.LONG, "receiveBytes(maxLength) of the first message",
                () -> reader.receiveBytes(Connection.MAX_MESSAGE_SIZE));
        assertThat(IpcKitTypes.isPattern(first, size, 0)).as("the first message is whole").isTrue();
        first = null;
        child.kill();
        assertThat(awaitExitCode(child)).isEqualTo(-9);
        int whole = 1;
        while (true) {
            byte[] m;
            try {
                m = Bounded.within(TckEnvironment.PROMPT, "receiveBytes(maxLength) after the sender was killed",
                        () -> reader.receiveBytes(Connection.MAX_MESSAGE_SIZE));
            } catch (EndOfStreamException expected) {
                break;
            }
            assertThat(m.length).as("length of message %d, received after the sender was killed", whole)
                    .isEqualTo(size);
            assertThat(IpcKitTypes.isPattern(m, size, whole)).as("message %d is whole", whole).isTrue();
            whole++;
            assertThat(whole).as("messages received from a killed sender").isLessThan(100);
        }
        reader.close();
    }
}
