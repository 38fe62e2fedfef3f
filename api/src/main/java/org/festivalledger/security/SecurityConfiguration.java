package org.festivalledger.security;

import org.festivalledger.entrant.EntrantDirectory;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.festivalledger.entrant.EntrantSessionCheck;
import org.festivalledger.entrant.EntrantTokenFilter;
import org.festivalledger.entrant.EntrantTokens;
import org.festivalledger.identity.Role;

import org.festivalledger.http.FormOnce;
import org.festivalledger.http.IdempotencyFilter;
import org.festivalledger.http.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.List;

/**
 * Who may call what, in one place. Every API path is listed with the roles it admits; anything not
 * listed is denied, so a new endpoint is closed until someone opens it here on purpose.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** What every page may load and where its forms may go: our own scripts and styles, forms to ourselves. */
    static final String PAGES_CONTENT_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private static final String ORGANISER = Role.ORGANISER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String JUROR = Role.JUROR.name();
    private static final String ENTRANT = Role.ENTRANT.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, IdempotencyFilter idempotency,
                            JurorSignIn jurorSignIn, EntrantTokens entrantTokens, EntrantDirectory entrants)
            throws Exception {
        http.securityMatcher("/api/**")
                // A stateless JSON API authenticated on every request: no session and no token to forge. What a
                // browser could still be made to send (cached credentials, a cross-site form) is refused by
                // CrossSiteRequestGuard, and no answer ever invites a browser to cache Basic credentials.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("festival-ledger")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", BasicChallenge.forRequest(request));
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "sign in with HTTP Basic sent with the request (organiser, auditor) or a juror's"
                                            + " bearer token");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                                "your role may not " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/public/**").permitAll()
                        // Anyone may ask for an entrant's sign-in link; the answer never says whether the address is known.
                        .requestMatchers(HttpMethod.POST, "/api/entrants/sign-in-links", "/api/entrants/sessions")
                        .permitAll()
                        // An entrant's own entries; the domain lets an entrant reach only their own.
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/entries",
                                "/api/competitions/*/entries/*/amendment", "/api/competitions/*/entries/*/withdrawal")
                        .hasRole(ENTRANT)
                        .requestMatchers(HttpMethod.GET, "/api/entrants/me/entries").hasRole(ENTRANT)
                        .requestMatchers(HttpMethod.POST, "/api/entrants/me/erasure").hasRole(ENTRANT)
                        // What entrants were told about an entry, and a resend: the organiser's.
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/submissions/*/notifications")
                        .hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.POST, "/api/notifications/*/resend").hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.GET, "/api/audit/head").permitAll()
                        // The programme: venues, screenings, forum sessions and the organiser's schedule.
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/venues",
                                "/api/competitions/*/screenings", "/api/competitions/*/screenings/*/reschedule",
                                "/api/competitions/*/screenings/*/cancellation", "/api/competitions/*/forum-sessions",
                                "/api/competitions/*/forum-sessions/*/reschedule",
                                "/api/competitions/*/forum-sessions/*/cancellation")
                        .hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/venues", "/api/competitions/*/venues/*",
                                "/api/competitions/*/screenings/*", "/api/competitions/*/forum-sessions/*",
                                "/api/competitions/*/schedule")
                        .hasAnyRole(ORGANISER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/competitions", "/api/competitions/*")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/submissions",
                                "/api/competitions/*/submissions/*")
                        .hasAnyRole(ORGANISER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/competitions", "/api/competitions/*/submissions",
                                "/api/competitions/*/submissions/import",
                                "/api/competitions/*/submissions/*/withdrawal",
                                "/api/competitions/*/submissions/*/ineligibility")
                        .hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/jurors",
                                "/api/competitions/*/jurors/*/access", "/api/competitions/*/jurors/*/access/revocation",
                                "/api/competitions/*/rounds", "/api/competitions/*/rounds/*/assignments",
                                "/api/competitions/*/rounds/*/close")
                        .hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/jurors",
                                "/api/competitions/*/rounds", "/api/competitions/*/rounds/*",
                                "/api/competitions/*/rounds/*/assignments",
                                "/api/competitions/*/rounds/*/standings")
                        .hasAnyRole(ORGANISER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/rounds/*/standings/stream")
                        .hasRole(ORGANISER)
                        // Jurors act only as themselves, in their own competition: checked in the controllers.
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/jurors/*/conflicts")
                        .hasAnyRole(ORGANISER, JUROR)
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/rounds/*/assignments/mine")
                        .hasRole(JUROR)
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/rounds/*/scores")
                        .hasRole(JUROR)
                        .requestMatchers(HttpMethod.POST, "/api/competitions/*/rounds/*/shortlist",
                                "/api/competitions/*/awards", "/api/competitions/*/awards/*/revocation",
                                "/api/competitions/*/publication")
                        .hasRole(ORGANISER)
                        .requestMatchers(HttpMethod.GET, "/api/competitions/*/rounds/*/shortlist",
                                "/api/competitions/*/awards")
                        .hasAnyRole(ORGANISER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/audit/rebuild-check").hasAnyRole(ORGANISER, AUDITOR)
                        // Any signed-in caller; ReceiptController admits the event's own actor or an auditor.
                        .requestMatchers(HttpMethod.GET, "/api/receipts/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/audit/competitions/*/rounds/*/standings.csv")
                        .hasAnyRole(ORGANISER, AUDITOR)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .anyRequest().denyAll())
                // An entrant's bearer token (et_…) first; any other bearer token is a juror's.
                .addFilterBefore(new EntrantTokenFilter(entrantTokens, entrants, problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new JurorTokenFilter(jurorSignIn, problems),
                        BasicAuthenticationFilter.class)
                // In this order (same anchor, kept in the order added): a forged request is refused before the
                // idempotency records see it.
                .addFilterAfter(new CrossSiteRequestGuard(problems), AuthorizationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")));
        return http.build();
    }

    /**
     * The pages. The public results are open to anyone. Jurors sign in with the link the organiser hands out
     * (its own credential, not the API token: the page it opens posts it, and gets a session); organisers with
     * the login form. A juror's session ends once their access is revoked or replaced (JurorSessionCheck). Pages
     * keep a session, so every form carries a CSRF token. Anything else is closed until opened here on purpose.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, ProblemWriter problems, JurorSignIn jurorSignIn, FormOnce formOnce,
                              EntrantDirectory entrants) throws Exception {
        http.addFilterBefore(new JurorSessionCheck(jurorSignIn), AuthorizationFilter.class)
                .addFilterBefore(new EntrantSessionCheck(entrants), AuthorizationFilter.class)
                // After the CSRF check and the role check: a form's key is its account's, like an API key.
                .addFilterAfter(formOnce, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/", "/competitions/*", "/css/**", "/js/**", "/favicon.ico",
                                "/language")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        // GET shows the sign-in page; only its POST (CSRF-protected) signs in.
                        .requestMatchers(HttpMethod.GET, "/juror/sign-in").permitAll()
                        .requestMatchers(HttpMethod.POST, "/juror/sign-in").permitAll()
                        .requestMatchers("/juror/**").hasRole(JUROR)
                        // Entrants: /entrant is the form asking for a link (or, signed in, their own page); the link's
                        // page shows a button whose POST (CSRF-protected) signs in. The mailbox exists in demo mode only.
                        .requestMatchers(HttpMethod.GET, "/entrant", "/entrant/sign-in", "/demo/mailbox").permitAll()
                        .requestMatchers(HttpMethod.POST, "/entrant/sign-in", "/entrant/sign-in-links").permitAll()
                        .requestMatchers("/entrant/**").hasRole(ENTRANT)
                        .requestMatchers("/organiser/login").permitAll()
                        .requestMatchers("/organiser/**").hasRole(ORGANISER)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/organiser/login").defaultSuccessUrl("/organiser", false)
                        .failureUrl("/organiser/login?failed"))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/juror/sign-in"),
                                PathPatternRequestMatcher.withDefaults().matcher("/juror/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/entrant"),
                                PathPatternRequestMatcher.withDefaults().matcher("/entrant/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/organiser/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/organiser/**"))
                        // Anything else is no page at all: say so, rather than ask for a sign-in (through the
                        // error page: a browser reads "page not found" in its language, a program a problem).
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                        response.sendError(HttpStatus.NOT_FOUND.value()),
                                PathPatternRequestMatcher.withDefaults().matcher("/**")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_POLICY)));
        return http.build();
    }

    /**
     * Every pattern here is matched as Spring MVC's own mappings parse paths ({@code PathPatternRequestMatcher}, Spring
     * Security 7's default), not by asking Spring MVC which handler the request goes to ({@code MvcRequestMatcher}): that
     * lookup ran once more per request before the dispatcher's own, a few percent of a score's CPU in a profile of the
     * scoring load (docs/benchmarks.md). The patterns mean the same: the handlers' own syntax, no trailing-slash match.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Without the handler lookup Spring Security adds before every request (see the class for why). */
    @Bean
    static WithoutHandlerLookupCache withoutHandlerLookupCache() {
        return new WithoutHandlerLookupCache();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorisation: with Actuator on
     * the class path Spring Security wraps every filter of every request in one, which a profile of the scoring load
     * found in a tenth of the request threads' time. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall refuses URLs that could mean different paths to different layers (encoded
     * slashes or dots, {@code ..} segments, {@code ;} parameters, {@code //}, control characters) and methods
     * it does not know ({@code TRACE}, invented ones): a 400 problem like every other, where Spring would
     * forward to its error page.
     */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "Request rejected",
                "the request's method or URL is not one this server accepts (encoded or relative path segments, "
                        + "';', '//' and control characters never are)");
    }

    /** The idempotency filter runs inside the security chain (keys are per account), not on its own. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyOutsideTheChain(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** So is the pages' form filter (a form's key is per account too). */
    @Bean
    FilterRegistrationBean<FormOnce> formOnceOutsideTheChain(FormOnce filter) {
        FilterRegistrationBean<FormOnce> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService accounts(AccountProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = properties.accounts().stream()
                .map(account -> User.withUsername(account.username())
                        // A password configured already hashed is used as it is: no plain text in the settings.
                        .password(account.password().startsWith("{bcrypt}") ? account.password()
                                : encoder.encode(account.password()))
                        .roles(account.role().name())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
