package org.festivalledger.security;

import jakarta.servlet.FilterChain;
import org.festivalledger.identity.JurorIdentity;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A juror's page session lasts only as long as the access it was opened with: once that access is revoked or
 * replaced (on any node), the session ends at the juror's next request and the pages ask for a sign-in again.
 */
public class JurorSessionCheck extends OncePerRequestFilter {

    private final JurorSignIn signIn;

    public JurorSessionCheck(JurorSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof JurorIdentity juror
                && !signIn.isCurrent(juror)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
