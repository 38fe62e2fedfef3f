package org.festivalledger.operations;

import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantTokenFilter;
import org.festivalledger.entrant.EntrantTokens;
import org.festivalledger.http.ProblemWriter;
import org.festivalledger.security.BasicChallenge;
import org.festivalledger.security.JurorSignIn;
import org.festivalledger.security.JurorTokenFilter;
import org.festivalledger.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call the operations endpoints. Health (and its liveness and readiness probes) is open to anyone, for load
 * balancers; the API description and its UI are open, like the API's own documentation; metrics (Prometheus) tell
 * how busy the festival is and are the auditor's (HTTP Basic), the read-only role that already sees the whole log.
 * Anything else under these paths is closed.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    static final String[] PATHS = {"/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain operations(HttpSecurity http, ProblemWriter problems, JurorSignIn jurorSignIn,
                                   EntrantTokens entrantTokens, EntrantDirectory entrants) throws Exception {
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable()) // read-only and stateless: nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("festival-ledger")
                        .authenticationEntryPoint((request, response, e) -> {
                            // As on the API: no Basic challenge a browser would answer by caching credentials.
                            response.setHeader("WWW-Authenticate", BasicChallenge.forRequest(request));
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "sign in with HTTP Basic as the auditor");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                                "your role may not " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().denyAll())
                // A juror's or an entrant's token is recognised here too, so they are told 403 (not their role), not 401.
                .addFilterBefore(new EntrantTokenFilter(entrantTokens, entrants, problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new JurorTokenFilter(jurorSignIn, problems), BasicAuthenticationFilter.class);
        return http.build();
    }
}
