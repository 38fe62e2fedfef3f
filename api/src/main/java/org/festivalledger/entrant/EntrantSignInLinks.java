package org.festivalledger.entrant;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Entrants' one-time sign-in links: a random 256-bit secret is emailed, only its SHA-256 hash is kept (with the
 * entrant's id and the expiry), and taking a link deletes it in the same step, so it signs in once, on any node.
 */
@Component
public class EntrantSignInLinks {

    static final String COLLECTION = "entrant_sign_in_links";
    private static final String PREFIX = "el_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> links;
    private final Clock clock;
    private final EntrantProperties properties;

    EntrantSignInLinks(MongoDatabase database, Clock clock, EntrantProperties properties) {
        this.links = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.clock = clock;
        this.properties = properties;
    }

    /** A new link's secret for the entrant (mailed by EntrantSignInRequests); their expired links are forgotten. */
    public String issue(String entrantId) {
        Instant now = clock.instant();
        links.deleteMany(Filters.and(Filters.eq("entrantId", entrantId), Filters.lt("expiresAt", Date.from(now))));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        links.insertOne(new Document("_id", hash(secret)).append("entrantId", entrantId)
                .append("expiresAt", Date.from(now.plus(properties.linkLifetime()))));
        return secret;
    }

    /** The entrant a link was issued to, if it is one, unused and unexpired; it cannot be used again. */
    public Optional<String> take(String secret) {
        if (secret == null || !secret.strip().startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Document taken = links.findOneAndDelete(Filters.eq("_id", hash(secret.strip())));
        if (taken == null || !taken.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(taken.getString("entrantId"));
    }

    /** Forgets every link of an entrant (at erasure). */
    public void forget(String entrantId) {
        links.deleteMany(Filters.eq("entrantId", entrantId));
    }

    /** The SHA-256 of a secret (a link's, a token's), as stored instead of it. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
