package org.festivalledger.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Jurors' secrets, 256 random bits each, shown once; only their SHA-256 is ever recorded: the API bearer token
 * ({@code jt_…}) and the sign-in link's credential ({@code jl_…}), two different secrets.
 */
public final class JurorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JurorTokens() {
    }

    public static String newToken() {
        return "jt_" + randomText();
    }

    public static String newLink() {
        return "jl_" + randomText();
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
