package org.festivalledger.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a 401 from the API asks for. A {@code Basic} challenge makes a browser show its password dialog and then
 * cache what was typed, sending it with every later request to the origin, cross-site forms included. So only a
 * client that says it is not a browser page (the {@value CrossSiteRequestGuard#HEADER} header, which a cross-site
 * page cannot send) is challenged with {@code Basic}; everyone else is told to send a bearer token, and tools
 * that use Basic send it with the request anyway (curl -u, every HTTP library's basic auth).
 */
public final class BasicChallenge {

    private static final String REALM = "realm=\"festival-ledger\"";

    private BasicChallenge() {
    }

    public static String forRequest(HttpServletRequest request) {
        String marker = request.getHeader(CrossSiteRequestGuard.HEADER);
        return marker != null && !marker.isBlank() ? "Basic " + REALM : "Bearer " + REALM;
    }
}
