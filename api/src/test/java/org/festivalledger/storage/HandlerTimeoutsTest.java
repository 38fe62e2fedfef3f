package org.festivalledger.storage;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon never interrupts a handler that runs long: its timeouts would, at 30 s, interrupt a thread that may be inside
 * a store write (the event recorded, the command reported failed) or inside the embedded store's commit, where an
 * interrupt closes the file for everyone (application.yml, {@code axon.timeout.enabled}).
 */
class HandlerTimeoutsTest extends LedgerTestApplication {

    @Autowired
    private ApplicationContext context;

    @Test
    void axonNeverInterruptsAHandlerThatRunsLong() {
        assertThat(context.getBeansOfType(AxonTimeoutAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.getBeansOfType(ConfigurerModule.class).values())
                .noneMatch(module -> module.getClass().getName().contains("AxonTimeout"));
    }
}
