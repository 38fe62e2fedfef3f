package org.festivalledger.security;

import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * Spring Security's chain runs without the handler lookup it would put in front of it, and still enforces its rules
 * on paths with variables (the role matrix checks every endpoint).
 */
class WithoutHandlerLookupCacheTest extends LedgerTestApplication {

    @Autowired
    ApplicationContext context;

    @Test
    void theSecurityChainIsSpringSecuritysOwnWithNothingInFront() {
        // By name: the wrapper that would be there is a FilterChainProxy too, and so is the chain itself (Spring
        // Security's own composite of its chains, WebSecurityConfiguration's).
        Object chain = context.getBean(WithoutHandlerLookupCache.CHAIN);
        assertThat(chain).isInstanceOf(FilterChainProxy.class);
        assertThat(chain.getClass().getName()).as("not the Spring MVC wrapper with the handler lookup in front")
                .doesNotStartWith("org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration");
    }

    @Test
    void aPathWithVariablesIsStillGuardedAndServed() {
        assertThat(api.get("/api/competitions/none/rounds/none/standings").send().status()).isEqualTo(401);
        assertThat(api.get("/api/competitions/none/rounds/none/standings").as(ORGANISER).send().status())
                .isEqualTo(404);
    }
}
