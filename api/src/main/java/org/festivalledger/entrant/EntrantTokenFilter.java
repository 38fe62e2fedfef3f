package org.festivalledger.entrant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProblemWriter;
import org.festivalledger.identity.EntrantIdentity;
import org.festivalledger.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Signs an entrant in to the API with their bearer token ({@code et_…}); any other bearer token is left to the
 * juror's filter. An unknown or expired entrant token is answered 401, and an erased entrant's tokens are gone.
 */
public class EntrantTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final EntrantTokens tokens;
    private final EntrantDirectory directory;
    private final ProblemWriter problems;

    public EntrantTokenFilter(EntrantTokens tokens, EntrantDirectory directory, ProblemWriter problems) {
        this.tokens = tokens;
        this.directory = directory;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !EntrantTokens.isEntrantToken(header.substring(PREFIX.length()))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> entrant = tokens.entrantOf(header.substring(PREFIX.length()).strip())
                .filter(id -> directory.find(id).filter(known -> !known.erased()).isPresent());
        if (entrant.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"festival-ledger\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "the bearer token is not a current entrant's token (it may have expired); sign in again by email");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new EntrantIdentity(entrant.get()), null, List.of(new SimpleGrantedAuthority(Role.ENTRANT.authority()))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
