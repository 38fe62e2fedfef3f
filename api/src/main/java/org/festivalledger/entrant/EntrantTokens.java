package org.festivalledger.entrant;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * An entrant's API tokens ({@code et_…}, bearer): given in exchange for an emailed sign-in link
 * ({@code POST /api/entrants/sessions}), valid for {@value #HOURS} hours, kept only as their SHA-256 hash.
 */
@Component
public class EntrantTokens {

    static final String COLLECTION = "entrant_tokens";
    static final String PREFIX = "et_";
    private static final long HOURS = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> tokens;
    private final Clock clock;

    EntrantTokens(MongoDatabase database, Clock clock) {
        this.tokens = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.clock = clock;
    }

    /** A new token and when it expires. */
    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(String entrantId) {
        Instant now = clock.instant();
        tokens.deleteMany(Filters.and(Filters.eq("entrantId", entrantId), Filters.lt("expiresAt", Date.from(now))));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(Duration.ofHours(HOURS));
        tokens.insertOne(new Document("_id", EntrantSignInLinks.hash(token)).append("entrantId", entrantId)
                .append("expiresAt", Date.from(expiresAt)));
        return new Issued(token, expiresAt);
    }

    /** The entrant a token belongs to, while it has not expired. */
    public Optional<String> entrantOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Document found = tokens.find(Filters.eq("_id", EntrantSignInLinks.hash(token.strip()))).first();
        if (found == null || !found.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(found.getString("entrantId"));
    }

    /** Whether {@code token} claims to be an entrant's (and not, say, a juror's). */
    public static boolean isEntrantToken(String token) {
        return token != null && token.strip().startsWith(PREFIX);
    }

    /** Ends every token of an entrant (at erasure). */
    public void forget(String entrantId) {
        tokens.deleteMany(Filters.eq("entrantId", entrantId));
    }
}
