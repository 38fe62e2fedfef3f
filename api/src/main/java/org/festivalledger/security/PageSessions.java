package org.festivalledger.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Opens a page session for someone who signed in with an emailed or handed-out link (a juror, an entrant). */
public final class PageSessions {

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private PageSessions() {
    }

    /** Signs {@code authentication} in for the pages, under a new session id (no fixation). */
    public static void open(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }
}
