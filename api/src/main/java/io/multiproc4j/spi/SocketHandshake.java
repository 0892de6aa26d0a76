package io.multiproc4j.spi;

import io.multiproc4j.AuthenticationException;
import io.multiproc4j.MultiprocessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mutual authentication of a socket connection, before any object passes (as in Python's
 * {@code multiprocessing.connection}). Every handshake message is an ordinary frame of at most
 * {@value #MAX_HANDSHAKE_MESSAGE} bytes:
 * <ol>
 *   <li>the server sends {@code #MP4J-SERVER-CHALLENGE#} and {@value #RANDOM_BYTES} random bytes;</li>
 *   <li>the client answers HMAC-SHA256(key, that whole message);</li>
 *   <li>the server replies {@code #WELCOME#} if the answer is right, else {@code #FAILURE#} and closes;</li>
 *   <li>steps 1 to 3 again with the roles swapped and {@code #MP4J-CLIENT-CHALLENGE#}.</li>
 * </ol>
 * Each side answers only a challenge bearing the other side's prefix, so a peer cannot reflect a challenge back to
 * learn its answer. The whole handshake must finish within {@link #TIMEOUT}, so a silent or foreign peer fails rather
 * than hangs. As HMAC pads short keys with zeros, an empty key is the same key as a single zero byte.
 */
final class SocketHandshake {

    /** The longest the whole handshake may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The longest handshake message accepted. */
    static final int MAX_HANDSHAKE_MESSAGE = 256;
    /** How many random bytes a challenge carries. */
    static final int RANDOM_BYTES = 32;

    private static final byte[] SERVER_CHALLENGE = ascii("#MP4J-SERVER-CHALLENGE#");
    private static final byte[] CLIENT_CHALLENGE = ascii("#MP4J-CLIENT-CHALLENGE#");
    private static final byte[] WELCOME = ascii("#WELCOME#");
    private static final byte[] FAILURE = ascii("#FAILURE#");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocketHandshake() {
    }

    /** Authenticates the client that {@code connection} leads to, then proves the key to it. */
    static void asServer(SocketConnection connection, byte[] key) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        challenge(connection, key, SERVER_CHALLENGE, deadline, "client");
        answer(connection, key, CLIENT_CHALLENGE, deadline, "client");
    }

    /** Proves the key to the listener that {@code connection} leads to, then authenticates it. */
    static void asClient(SocketConnection connection, byte[] key) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        answer(connection, key, SERVER_CHALLENGE, deadline, "listener");
        challenge(connection, key, CLIENT_CHALLENGE, deadline, "listener");
    }

    private static void challenge(SocketConnection c, byte[] key, byte[] prefix, long deadline, String peerRole) {
        byte[] challenge = Arrays.copyOf(prefix, prefix.length + RANDOM_BYTES);
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, challenge, prefix.length, RANDOM_BYTES);
        send(c, challenge, peerRole);
        byte[] response = receive(c, deadline, peerRole);
        boolean right = MessageDigest.isEqual(response, hmac(key, challenge));
        try {
            c.sendBytes(right ? WELCOME : FAILURE);
        } catch (MultiprocessingException peerGone) {
            if (right) {
                throw failed(c, peerRole, "it closed the connection during the handshake", peerGone);
            }
        }
        if (!right) {
            throw new AuthenticationException("the " + peerRole + " at " + c.peer() + " does not know the"
                    + " authentication key (its answer to the challenge is wrong); give both sides the same key");
        }
    }

    private static void answer(SocketConnection c, byte[] key, byte[] prefix, long deadline, String peerRole) {
        byte[] challenge = receive(c, deadline, peerRole);
        if (challenge.length < prefix.length + RANDOM_BYTES
                || !Arrays.equals(challenge, 0, prefix.length, prefix, 0, prefix.length)) {
            throw failed(c, peerRole, "it did not send a multiproc4j challenge; is it a multiproc4j " + peerRole
                    + "?", null);
        }
        send(c, hmac(key, challenge), peerRole);
        byte[] verdict = receive(c, deadline, peerRole);
        if (Arrays.equals(verdict, FAILURE)) {
            throw new AuthenticationException("the " + peerRole + " at " + c.peer() + " refused this side's"
                    + " authentication key; give both sides the same key");
        }
        if (!Arrays.equals(verdict, WELCOME)) {
            throw failed(c, peerRole, "it replied neither WELCOME nor FAILURE", null);
        }
    }

    private static void send(SocketConnection c, byte[] message, String peerRole) {
        try {
            c.sendBytes(message);
        } catch (MultiprocessingException e) {
            throw failed(c, peerRole, "it closed the connection during the handshake", e);
        }
    }

    private static byte[] receive(SocketConnection c, long deadline, String peerRole) {
        try {
            return c.receiveBytes(MAX_HANDSHAKE_MESSAGE, Duration.ofNanos(deadline - System.nanoTime()));
        } catch (TimeoutException e) {
            throw failed(c, peerRole, "it did not complete the handshake within " + TIMEOUT.toSeconds() + " s", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (MultiprocessingException e) {
            throw failed(c, peerRole, "it broke the handshake (" + e.getMessage() + ")", e);
        }
    }

    private static AuthenticationException failed(SocketConnection c, String peerRole, String why, Throwable cause) {
        return new AuthenticationException("could not authenticate the " + peerRole + " at " + c.peer() + ": " + why,
                cause);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC zero-pads keys, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new MultiprocessingException("this JVM cannot compute HMAC-SHA256, which every Java SE platform"
                    + " provides: " + e, e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
