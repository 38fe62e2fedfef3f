package org.festivalledger.storage;

import org.axonframework.config.EventProcessingConfiguration;
import org.festivalledger.FestivalLedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness and {@code Projection-Position} count every processor but the listed {@link Policies}: a processor that
 * shares its token (a policy) and is not listed would keep a node that joins later from ever being ready. So every
 * processor of the application is either a view following the log with a node-local token, or a listed policy.
 */
class PoliciesTest {

    @TempDir
    Path directory;

    @Test
    void everyProcessorIsEitherAViewWithANodeLocalTokenOrAListedPolicy() {
        FestivalLedgerApplication.quietAxon();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FestivalLedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + directory, "--ledger.demo.enabled=true")) {
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors()).containsKeys(Policies.ENTRY_DROPS, Policies.ENTRANT_NOTIFICATIONS,
                    "judging", "competitions", "submissions", "programme");
            processing.eventProcessors().keySet().forEach(name ->
                    assertThat(processing.tokenStore(name) instanceof NodeLocalTokenStore)
                            .as("%s: a view keeps its token on the node, a listed policy shares it", name)
                            .isNotEqualTo(Policies.isPolicy(name)));
        }
    }
}
