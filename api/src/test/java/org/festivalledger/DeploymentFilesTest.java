package org.festivalledger;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where we build, so docker-compose.yml cannot be started here. This keeps it
 * honest in what can be checked: it parses, MongoDB runs as a replica set, and the app is pointed at
 * it with the demo and waits for it to be healthy.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsAMongoReplicaSetAndTheAppAgainstIt() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        Map<String, Object> mongo = services.get("mongo");
        assertThat((List<String>) mongo.get("command")).containsSequence("--replSet", "rs0");
        assertThat(((Map<String, Object>) mongo.get("healthcheck")).get("test").toString())
                .contains("rs.initiate").contains("isWritablePrimary");

        Map<String, Object> app = services.get("app");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(((Map<String, String>) app.get("environment")).get("MONGODB_URI"))
                .isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
        Map<String, Object> second = services.get("app-2");
        assertThat(second.get("build")).as("a second app node on the same ledger").isEqualTo(".");
        assertThat(((Map<String, String>) second.get("environment")).get("MONGODB_URI"))
                .isEqualTo(((Map<String, String>) app.get("environment")).get("MONGODB_URI"));
        assertThat((List<String>) second.get("command")).as("only one node loads the demo")
                .doesNotContain("--ledger.demo.enabled=true").contains("--ledger.node-id=app-2");
        assertThat((List<String>) app.get("command")).contains("--ledger.node-id=app-1");
        assertThat((List<String>) app.get("command")).contains("--ledger.demo.enabled=true");
        assertThat(((Map<String, Map<String, String>>) app.get("depends_on")).get("mongo"))
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void theDockerfileBuildsEveryModuleTheRootPomListsAndRunsTheJar() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        for (String module : List.of("ledger", "domain", "projections", "api", "bench")) {
            if (pom.contains("<module>" + module + "</module>")) {
                assertThat(dockerfile).contains("COPY " + module + "/pom.xml");
            }
        }
        assertThat(dockerfile).contains("api/target/festival-ledger.jar").contains("USER ledger");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAppNodeReadsItsPasswordsFromSecretsAndNoPasswordIsWrittenInTheFiles() throws IOException {
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(composeText);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String node : List.of("app", "app-2")) {
            Map<String, Object> app = services.get(node);
            assertThat(((Map<String, String>) app.get("environment")).get("SPRING_CONFIG_IMPORT"))
                    .as(node).isEqualTo("configtree:/run/secrets/");
            assertThat((List<Map<String, String>>) app.get("secrets")).as(node)
                    .extracting(secret -> secret.get("target"))
                    .containsExactlyInAnyOrder("LEDGER_ORGANISER_PASSWORD", "LEDGER_AUDITOR_PASSWORD");
        }
        Map<String, Map<String, String>> secrets = (Map<String, Map<String, String>>) compose.get("secrets");
        assertThat(secrets.values()).allSatisfy(secret -> assertThat(secret).containsKey("file"));
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ENV SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/");
        for (String text : List.of(composeText, dockerfile, Files.readString(
                ROOT.resolve("api/src/main/resources/application.yml")))) {
            assertThat(text).doesNotContain("organiser-demo").doesNotContain("auditor-demo")
                    .doesNotContainPattern("_PASSWORD\\s*[:=]\\s*[^\\s}]");
        }
    }
}
