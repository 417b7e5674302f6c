package dev.audioviz.core.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks the :8765 {@code auth} token in constant time. The secret is configured either in plain text or,
 * better, as a salted hash {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} made by
 * {@link #hash} (run {@code java -cp audioviz-core.jar dev.audioviz.core.net.TokenVerifier <token>}).
 */
public final class TokenVerifier {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final int KEY_BITS = 256;

    private final byte[] expected;
    private final byte[] salt;
    private final int iterations;

    private TokenVerifier(byte[] expected, byte[] salt, int iterations) {
        this.expected = expected;
        this.salt = salt;
        this.iterations = iterations;
    }

    /** A verifier for a plain token (compared through SHA-256 digests, so lengths leak nothing either). */
    public static TokenVerifier ofPlain(String token) {
        return new TokenVerifier(sha256(token), null, 0);
    }

    /**
     * A verifier for a stored hash.
     *
     * @throws IllegalArgumentException when {@code stored} is not in the format {@link #hash} writes
     */
    public static TokenVerifier ofHash(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException(
                    "socket.token_hash must look like " + SCHEME + "$<iterations>$<salt>$<hash>; make one with "
                            + "`java -cp audioviz-core.jar " + TokenVerifier.class.getName() + " <token>`");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            return new TokenVerifier(b64.decode(parts[3]), b64.decode(parts[2]), iterations);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("socket.token_hash is damaged: " + e.getMessage(), e);
        }
    }

    /** Hashes {@code token} with a fresh random salt, in the format {@link #ofHash} reads. */
    public static String hash(String token) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(token, salt, ITERATIONS));
    }

    /** True when {@code candidate} is the configured secret; the comparison takes the same time either way. */
    public boolean matches(String candidate) {
        byte[] actual = salt == null ? sha256(candidate) : pbkdf2(candidate, salt, iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] pbkdf2(String token, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(token.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    /** Prints the hash of the token given as the only argument, for {@code socket.token_hash}. */
    public static void main(String[] args) {
        if (args.length != 1 || args[0].isEmpty() || args[0].equals("--help")) {
            System.err.println("Usage: java -cp audioviz-core.jar " + TokenVerifier.class.getName() + " <token>");
            System.err.println("Prints a salted hash to paste into socket.token_hash.");
            System.exit(args.length == 1 && args[0].equals("--help") ? 0 : 2);
        }
        System.out.println(hash(args[0]));
    }
}
