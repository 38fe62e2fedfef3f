package org.festivalledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application ({@code java -jar}, as it ships) has no password of its own: outside demo mode it
 * refuses to start until every account has one, and says which variables to set; in demo mode it starts and
 * says loudly that it is a demo, without printing a password. Run by Failsafe in {@code verify}.
 */
class StartupCredentialsIT {

    @TempDir
    Path directory;

    @Test
    void withoutDemoModeAndWithoutPasswordsTheJarRefusesToStartAndSaysWhatToSet() throws Exception {
        AppProcess.Exited exited = AppProcess.runPackagedToExit(packagedJar(), directory.resolve("data"),
                Duration.ofSeconds(90));

        assertThat(exited.status()).as(exited.output()).isNotZero()
                .isEqualTo(FestivalLedgerApplication.EXIT_CONFIGURATION);
        assertThat(exited.output()).contains("APPLICATION FAILED TO START")
                .contains("No password is configured for the account(s) organiser, auditor")
                .contains("LEDGER_ORGANISER_PASSWORD").contains("LEDGER_AUDITOR_PASSWORD")
                .contains("configtree:/run/secrets/");
        assertThat(directory.resolve("data").resolve("ledger.mv.db")).as("nothing was started").doesNotExist();
    }

    @Test
    void withOnePasswordMissingTheJarNamesOnlyThatAccount() throws Exception {
        Path secrets = Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(secrets.resolve("LEDGER_ORGANISER_PASSWORD"), "a long organiser secret\n");
        AppProcess.Exited exited = AppProcess.runPackagedToExit(packagedJar(), directory.resolve("data"),
                Duration.ofSeconds(90), "--spring.config.import=configtree:" + secrets + "/");

        assertThat(exited.status()).as(exited.output()).isEqualTo(FestivalLedgerApplication.EXIT_CONFIGURATION);
        assertThat(exited.output()).contains("for the account(s) auditor,")
                .doesNotContain("a long organiser secret");
    }

    @Test
    void inDemoModeTheJarStartsAndSaysItIsADemoWithoutPrintingAPassword() throws Exception {
        try (AppProcess app = AppProcess.startPackaged(packagedJar(), directory.resolve("data"),
                "--ledger.demo.enabled=true")) {
            assertThat(app.api().get("/api/competitions").as(Api.ORGANISER).send().status()).isEqualTo(200);
            String log = awaitInLog(app, "DEMO MODE", Duration.ofSeconds(180));
            assertThat(log).contains("Never use demo mode for a real festival")
                    .doesNotContain("organiser-demo").doesNotContain("auditor-demo");
        }
    }

    private static String awaitInLog(AppProcess app, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.readString(app.log());
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(250); // polling for a line to appear, not proof of an absence
        }
        throw new AssertionError("'" + text + "' never appeared in " + app.log() + ":\n" + log);
    }

    private static Path packagedJar() {
        Path jar = Path.of(System.getProperty("festival-ledger.jar", "target/festival-ledger.jar"));
        assertThat(jar).as("the packaged application (mvn package builds it before verify)").exists();
        return jar;
    }
}
