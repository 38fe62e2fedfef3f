package org.festivalledger.security;

import org.festivalledger.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The auditor's workspace under {@code /auditor}: its own sign-in form (an auditor is not sent to the organiser's),
 * and nothing but GETs once signed in, so no page there can record anything — the workspace is read-only by
 * construction, not by the absence of buttons. The session (and its CSRF token) is the one the other pages use,
 * so signing out is the common {@code POST /sign-out}.
 */
@Configuration(proxyBeanMethods = false)
class AuditorSignIn {

    private static final String AUDITOR = Role.AUDITOR.name();

    /** The pages' policy (SecurityConfiguration): no inline script or style, nothing from elsewhere. */

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain auditorWorkspace(HttpSecurity http) throws Exception {
        http.securityMatcher("/auditor/**", "/auditor")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/auditor/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/auditor", "/auditor/**").hasRole(AUDITOR)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/auditor/login").defaultSuccessUrl("/auditor", false)
                        .failureUrl("/auditor/login?failed"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.PAGES_CONTENT_POLICY)));
        return http.build();
    }
}
