package org.festivalledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.submission.SubmissionRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events, read models and tracking tokens live in the store's file: after a clean restart on it the log
 * and views are as they were, and every processor resumes after the last event it handled instead of
 * replaying the log.
 */
class RestartTest {

    /** Counts what a processor hands it, across restarts of the application in this JVM. */
    @ProcessingGroup("restart-witness")
    static class Witness {
        static final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(EventMessage<?> event) {
            handled.add(event.getIdentifier());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithWitness {
        @Bean
        Witness witness() {
            return new Witness();
        }
    }

    @TempDir
    Path directory;

    @Test
    void theLogTheViewsAndTheTokensSurviveARestartAndTrackingResumesWhereItWas() {
        FestivalLedgerApplication.quietAxon();
        String[] arguments = {"--server.port=0", "--ledger.data-dir=" + directory, "--ledger.demo.enabled=true"};
        long headBefore;
        int demoEntries;
        try (ConfigurableApplicationContext first = start(arguments)) {
            headBefore = first.getBean(LedgerLog.class).head().position();
            assertThat(first.getBean(ProjectionProgress.class).awaitPosition(headBefore, Duration.ofSeconds(30)))
                    .isTrue();
            demoEntries = first.getBean(SubmissionRegister.class).of("bjiff-aigc-2026").size();
            awaitWitness(headBefore);
        }
        assertThat(demoEntries).isEqualTo(430);
        assertThat(Witness.handled).hasSize((int) headBefore);
        Witness.handled.clear();

        try (ConfigurableApplicationContext second = start(arguments)) {
            LedgerLog ledger = second.getBean(LedgerLog.class);
            assertThat(ledger.head().position()).as("the demo is not loaded twice").isEqualTo(headBefore);
            assertThat(second.getBean(SubmissionRegister.class).of("bjiff-aigc-2026")).hasSize(430);
            assertThat(second.getBean(ProjectionProgress.class).awaitPosition(headBefore, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(Witness.handled).as("nothing is handled twice after a restart").isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String[] arguments) {
        return new SpringApplicationBuilder(FestivalLedgerApplication.class, WithWitness.class).run(arguments);
    }

    private static void awaitWitness(long events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Witness.handled.size() < events && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
