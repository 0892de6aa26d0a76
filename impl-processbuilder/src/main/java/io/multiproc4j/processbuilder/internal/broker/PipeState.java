package io.multiproc4j.processbuilder.internal.broker;

import io.multiproc4j.BrokenPipeException;
import io.multiproc4j.EndOfStreamException;
import io.multiproc4j.MessageTooLargeException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Both ends of a pipe, in the process that created it. Each operation names the end it is called on
 * ({@code args[0]}, 0 or 1); a message sent on one end goes to the other end's mailbox.
 *
 * <p>An end is open while it has a reference: the creator's own end until closed, each process that received it
 * until that process closes it or ends, and each ticket, a reference counted for a receiver while the end crosses
 * to it ({@code ticket}, then {@code claim} by the receiver or {@code unticket} once the receiver has ended without
 * claiming it). When an end has none left, the other end reads what is in its mailbox and then end-of-stream, and
 * sends to it fail.
 */
final class PipeState implements Hosted {

    private static final int PURGE_THRESHOLD = 32;

    private final End[] ends = {new End(), new End()};
    private long nextTicket = 1;

    /** One end: the messages waiting to be received on it, its receivers and pollers, and its references. */
    private static final class End {
        final ArrayDeque<byte[]> mailbox = new ArrayDeque<>();
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
        final Map<Long, Integer> references = new HashMap<>();
        final Set<Long> tickets = new HashSet<>();

        boolean isOpen() {
            return !references.isEmpty() || !tickets.isEmpty();
        }
    }

    /** A receive (limited to {@code maxLength} bytes) or a poll, waiting for a message or end-of-stream. */
    private record Waiter(CompletableFuture<Object> future, boolean poll, int maxLength) {
    }

    /** @param creator the process whose two ends are open to begin with */
    PipeState(long creator) {
        ends[0].references.put(creator, 1);
        ends[1].references.put(creator, 1);
    }

    @Override
    public CompletableFuture<Object> invoke(Caller caller, String operation, Object[] args) {
        int index = (Integer) args[0];
        End self = ends[index];
        End peer = ends[1 - index];
        switch (operation) {
            case "send" -> {
                if (!peer.isOpen()) {
                    return CompletableFuture.failedFuture(new BrokenPipeException("the other end of the pipe is"
                            + " closed in every process that had it; nothing was sent"));
                }
                deliver(peer, (byte[]) args[1]);
                return CompletableFuture.completedFuture(null);
            }
            case "recv" -> {
                int maxLength = (Integer) args[1];
                if (!self.mailbox.isEmpty()) {
                    byte[] m = self.mailbox.poll();
                    return m.length > maxLength ? CompletableFuture.failedFuture(tooLong(m, maxLength))
                            : CompletableFuture.completedFuture(m);
                }
                if (!peer.isOpen()) {
                    return CompletableFuture.failedFuture(endOfStream());
                }
                return await(self, false, maxLength);
            }
            case "poll" -> {
                if (!self.mailbox.isEmpty() || !peer.isOpen()) {
                    return CompletableFuture.completedFuture(true);
                }
                return await(self, true, 0);
            }
            case "close" -> {
                Integer n = self.references.get(caller.process());
                if (n != null) {
                    if (n > 1) {
                        self.references.put(caller.process(), n - 1);
                    } else {
                        self.references.remove(caller.process());
                        closedIfUnreferenced(index);
                    }
                }
                return CompletableFuture.completedFuture(null);
            }
            case "ticket" -> {
                long ticket = nextTicket++;
                self.tickets.add(ticket);
                return CompletableFuture.completedFuture(ticket);
            }
            case "claim" -> {
                boolean claimed = self.tickets.remove((Long) args[1]);
                if (claimed) {
                    self.references.merge(caller.process(), 1, Integer::sum);
                }
                return CompletableFuture.completedFuture(claimed);
            }
            case "unticket" -> {
                if (self.tickets.remove((Long) args[1])) {
                    closedIfUnreferenced(index);
                }
                return CompletableFuture.completedFuture(null);
            }
            default -> throw new IllegalArgumentException("a pipe has no operation '" + operation + "'");
        }
    }

    @Override
    public void processEnded(long processKey) {
        for (int i = 0; i < 2; i++) {
            if (ends[i].references.remove(processKey) != null) {
                closedIfUnreferenced(i);
            }
        }
    }

    private static void deliver(End to, byte[] message) {
        Waiter w;
        while ((w = to.waiters.poll()) != null) {
            if (w.poll()) {
                w.future().complete(true);
            } else if (message.length > w.maxLength()) {
                if (w.future().completeExceptionally(tooLong(message, w.maxLength()))) {
                    return;
                }
            } else if (w.future().complete(message)) {
                return;
            }
        }
        to.mailbox.add(message);
    }

    /** End {@code index} has no reference left: whoever waits on the other end sees end-of-stream. */
    private void closedIfUnreferenced(int index) {
        End closed = ends[index];
        if (closed.isOpen()) {
            return;
        }
        closed.mailbox.clear();
        End peer = ends[1 - index];
        Waiter w;
        while ((w = peer.waiters.poll()) != null) {
            if (w.poll()) {
                w.future().complete(true);
            } else {
                w.future().completeExceptionally(endOfStream());
            }
        }
    }

    private static CompletableFuture<Object> await(End end, boolean poll, int maxLength) {
        if (end.waiters.size() >= PURGE_THRESHOLD && Integer.bitCount(end.waiters.size()) == 1) {
            end.waiters.removeIf(w -> w.future().isDone());
        }
        CompletableFuture<Object> f = new CompletableFuture<>();
        end.waiters.add(new Waiter(f, poll, maxLength));
        return f;
    }

    private static EndOfStreamException endOfStream() {
        return new EndOfStreamException("the other end of the pipe is closed in every process that had it, and"
                + " every message has been read");
    }

    private static MessageTooLargeException tooLong(byte[] message, int maxLength) {
        return new MessageTooLargeException("the message is " + message.length + " bytes long, more than the "
                + maxLength + " allowed; it was discarded");
    }
}
