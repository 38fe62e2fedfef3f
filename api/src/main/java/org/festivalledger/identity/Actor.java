package org.festivalledger.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Arrays;

/** The signed-in person behind a request, as recorded in every event's metadata. */
public record Actor(String name, Role role) {

    /** The actor of an authenticated request. */
    public static Actor of(Authentication authentication) {
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no festival role for " + authentication.getName()));
        return new Actor(authentication.getName(), role);
    }
}
