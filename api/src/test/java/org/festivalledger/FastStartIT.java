package org.festivalledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prepare-fast-start.sh} lays the packaged jar out for fast starts (extracted, with a class-data-sharing
 * archive of a training start), and the application starts from that layout with the archive in use. Run by
 * Failsafe in {@code verify}.
 */
class FastStartIT {

    @TempDir
    Path directory;

    @Test
    void thePreparedLayoutStartsWithItsClassArchiveInUse() throws Exception {
        Path prepared = directory.resolve("fast-start");
        Process prepare = new ProcessBuilder("bash", Path.of("..", "prepare-fast-start.sh").toString(),
                packagedJar().toString(), prepared.toString()).redirectErrorStream(true).start();
        String output = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(prepare.waitFor()).as(output).isZero();
        assertThat(output).contains("-XX:SharedArchiveFile=" + prepared.resolve("festival-ledger.jsa"));
        assertThat(prepared.resolve("festival-ledger.jsa")).isNotEmptyFile();
        // -Xshare:on: a JVM that cannot map the archive refuses to start, and the start below fails.
        try (AppProcess app = AppProcess.startPrepared(prepared, directory.resolve("data"),
                "--ledger.demo.enabled=true")) {
            assertThat(app.api().get("/api/competitions").as(Api.ORGANISER).send().status()).isEqualTo(200);
        }
    }

    @Test
    void aDirectoryThatIsNotALayoutIsRefusedAndKept() throws Exception {
        Path someone = Files.createDirectories(directory.resolve("someone's"));
        Files.writeString(someone.resolve("notes.txt"), "keep me");
        Process prepare = new ProcessBuilder("bash", Path.of("..", "prepare-fast-start.sh").toString(),
                packagedJar().toString(), someone.toString()).redirectErrorStream(true).start();
        String output = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(prepare.waitFor()).as(output).isEqualTo(2);
        assertThat(output).contains("is not a fast-start layout");
        assertThat(someone.resolve("notes.txt")).hasContent("keep me");
    }

    private static Path packagedJar() {
        Path jar = Path.of(System.getProperty("festival-ledger.jar", "target/festival-ledger.jar"));
        assertThat(jar).as("the packaged application (mvn package builds it before verify)").exists();
        return jar;
    }
}
