package org.festivalledger.jury;

import org.festivalledger.security.JurorTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New credentials for a juror: an API bearer token and a sign-in link, two secrets, with the link's expiry
 * ({@code ledger.juror-access.link-validity}). The secrets leave here once, in the organiser's answer; the ledger
 * gets their hashes.
 */
@Component
class JurorCredentials {

    private final Clock clock;
    private final Duration linkValidity;

    JurorCredentials(Clock clock, @Value("${ledger.juror-access.link-validity:P14D}") Duration linkValidity) {
        this.clock = clock;
        this.linkValidity = linkValidity;
    }

    /** Secrets for one juror, as issued. */
    record Issued(String token, String link, Instant linkExpiresAt) {

        String tokenHash() {
            return JurorTokens.hash(token);
        }

        String linkHash() {
            return JurorTokens.hash(link);
        }

        /** The address that opens the sign-in page with this link, on the server the organiser called. */
        String signInLink() {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path("/juror/sign-in")
                    .queryParam("link", link).build().toUriString();
        }

        /** The answer that shows the secrets, once. */
        Map<String, Object> shown(String idField, String jurorId) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put(idField, jurorId);
            answer.put("token", token);
            answer.put("signInLink", signInLink());
            answer.put("expiresAt", linkExpiresAt.toString());
            return answer;
        }
    }

    Issued issue() {
        return new Issued(JurorTokens.newToken(), JurorTokens.newLink(), clock.instant().plus(linkValidity));
    }

    /** What a replay of a request that showed a juror's secrets answers instead: the ids, and how to get new ones. */
    static Map<String, Object> shownOnce(String idField, String competitionId, String jurorId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(idField, jurorId);
        answer.put("secretShownOnce", true);
        answer.put("detail", "the juror's token and sign-in link were shown once, in the first answer, and are not"
                + " kept; to hand out new ones (the old ones stop working), POST /api/competitions/" + competitionId
                + "/jurors/" + jurorId + "/access");
        return answer;
    }
}
