package org.festivalledger;

import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantSignInLinks;
import org.festivalledger.language.PageLanguage;

import java.util.Map;

/**
 * An entrant signed in to their pages without a mail server: the link a sign-in mail would carry is issued directly,
 * then its page's button is pressed as a browser would (with the page's CSRF token).
 */
public final class EntrantPageSignIn {

    private EntrantPageSignIn() {
    }

    /** A session of the entrant with this address (enrolled if new), on the node at {@code port}. */
    public static OrganiserSession signIn(int port, EntrantDirectory directory, EntrantSignInLinks links, String email) {
        String link = links.issue(directory.enrol(email, PageLanguage.ENGLISH).id());
        OrganiserSession session = OrganiserSession.visitor(port);
        int status = session.submit("/entrant/sign-in?link=" + link, "/entrant/sign-in", Map.of("link", link)).statusCode();
        if (status != 302) {
            throw new AssertionError("the entrant's sign-in answered " + status);
        }
        return session;
    }
}
