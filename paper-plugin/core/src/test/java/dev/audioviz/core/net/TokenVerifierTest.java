package dev.audioviz.core.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    @Test
    void matchesOnlyThePlainToken() {
        TokenVerifier v = TokenVerifier.ofPlain("s3cret");
        assertTrue(v.matches("s3cret"));
        assertFalse(v.matches("s3cre"));
        assertFalse(v.matches(""));
    }

    @Test
    void hashesWithAFreshSaltAndVerifiesTheHash() {
        String a = TokenVerifier.hash("s3cret");
        assertNotEquals(a, TokenVerifier.hash("s3cret"), "salted");
        assertTrue(a.startsWith("pbkdf2-sha256$"));
        assertTrue(TokenVerifier.ofHash(a).matches("s3cret"));
        assertFalse(TokenVerifier.ofHash(a).matches("S3cret"));
    }

    @Test
    void explainsAHashInTheWrongFormat() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenVerifier.ofHash("md5:abc"));
        assertTrue(e.getMessage().contains("socket.token_hash must look like"));
    }
}
