package org.festivalledger.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BCrypt for the configured accounts, remembering passwords it has already accepted. HTTP Basic sends
 * the password with every request, and a BCrypt check costs tens of milliseconds of CPU: 64 readers of
 * the standings would spend seconds hashing. A password once accepted is recognised again by its
 * SHA-256 (compared in constant time); a wrong one always pays the full BCrypt price.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final int MAX_REMEMBERED = 1_000;

    private final PasswordEncoder slow;
    private final Map<String, byte[]> accepted = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder slow) {
        this.slow = slow;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        byte[] digest = sha256(rawPassword);
        byte[] known = accepted.get(encodedPassword);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        boolean matches = slow.matches(rawPassword, encodedPassword);
        if (matches && accepted.size() < MAX_REMEMBERED) {
            accepted.put(encodedPassword, digest);
        }
        return matches;
    }

    private static byte[] sha256(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
