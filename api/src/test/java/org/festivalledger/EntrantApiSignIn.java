package org.festivalledger;

import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantSignInLinks;
import org.festivalledger.language.PageLanguage;

import java.util.Map;

/**
 * An entrant signed in to the API without a mail server: the link a sign-in mail would carry is issued directly,
 * then exchanged for a bearer token as a client would ({@code POST /api/entrants/sessions}).
 */
public final class EntrantApiSignIn {

    private EntrantApiSignIn() {
    }

    /** The entrant's id and bearer token. */
    public record SignedIn(String entrantId, String token) {

        public Api.Call as(Api.Call call) {
            return call.header("Authorization", "Bearer " + token);
        }
    }

    public static SignedIn signIn(Api api, EntrantDirectory directory, EntrantSignInLinks links, String email) {
        String entrantId = directory.enrol(email, PageLanguage.ENGLISH).id();
        Api.Reply session = api.post("/api/entrants/sessions").json(Map.of("link", links.issue(entrantId))).send();
        if (session.status() != 201) {
            throw new AssertionError("the entrant's sign-in answered " + session);
        }
        return new SignedIn(entrantId, session.json().get("token").asText());
    }
}
