package org.festivalledger.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description covers every API mapping the application has (so a new endpoint cannot go undocumented),
 * and every operation says who may call it and which problems it answers with.
 */
class ApiDescriptionTest extends LedgerTestApplication {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDescriptionHasEveryApiMappingOfTheApplication() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s names its HTTP methods", pattern).isNotEmpty();
                    methods.forEach(verb -> mapped.add(verb + " " + pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}")));
                }));
        assertThat(mapped).hasSizeGreaterThan(40);

        Set<String> described = new TreeSet<>();
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> described.add(verb.toUpperCase() + " " + path.getKey())));

        assertThat(described).as("the description's operations").containsAll(mapped);
        assertThat(mapped).as("the application's mappings").containsAll(described);
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWhichProblemsItAnswers() {
        List<String> incomplete = new ArrayList<>();
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.path("x-roles").isArray() || operation.path("x-roles").isEmpty()) {
                incomplete.add(name + ": no x-roles");
            }
            if (!operation.path("description").asText().contains("Who: ")) {
                incomplete.add(name + ": no 'Who:' in its description");
            }
            JsonNode invalid = operation.path("responses").path("400").path("content").path("application/problem+json");
            if (invalid.isMissingNode()) {
                incomplete.add(name + ": no 400 problem");
            }
            boolean open = operation.path("x-roles").toString().contains("anyone");
            if (!open && operation.path("responses").path("401").isMissingNode()) {
                incomplete.add(name + ": no 401 problem");
            }
            if (!open && operation.path("security").isEmpty()) {
                incomplete.add(name + ": no security requirement");
            }
            if (operation.path("responses").fields().hasNext()
                    && operation.path("responses").path("200").isMissingNode()
                    && operation.path("responses").path("201").isMissingNode()
                    && operation.path("responses").path("202").isMissingNode()) {
                incomplete.add(name + ": no success response");
            }
        }));
        assertThat(incomplete).isEmpty();

        JsonNode docs = description();
        assertThat(docs.at("/components/schemas/Problem/properties/type").isObject()).isTrue();
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/components/securitySchemes/jurorToken/scheme").asText()).isEqualTo("bearer");
        JsonNode announce = docs.at("/paths/~1api~1competitions/post");
        assertThat(announce.at("/x-roles/0").asText()).isEqualTo("organiser");
        assertThat(announce.at("/requestBody/content/application~1json/schema/$ref").asText()).isNotBlank();
        assertThat(docs.at("/paths/~1api~1audit~1head/get/x-roles/0").asText()).isEqualTo("anyone");
        assertThat(announce.at("/responses/201/content/application~1json/schema/$ref").asText())
                .endsWith("/CommandAnswer");
        assertThat(announce.at("/responses/201/headers/Ledger-Position").isObject()).isTrue();
        assertThat(announce.findValuesAsText("name")).contains("Idempotency-Key", "X-Reason");
        JsonNode list = docs.at("/paths/~1api~1competitions/get");
        assertThat(list.findValuesAsText("name")).contains("minPosition");
        assertThat(list.at("/responses/200/headers/Projection-Position").isObject()).isTrue();
        JsonNode results = docs.at("/paths/~1api~1public~1competitions~1{competitionId}~1results/get");
        assertThat(results.at("/responses/503/description").asText())
                .as("a public read may wait for a turn and be told to come back").contains("problems/busy");
        assertThat(docs.at("/paths/~1api~1public~1log~1checkpoint/get/responses/503").isMissingNode())
                .as("the transparency log's resources take no turn").isTrue();
    }

    @Test
    void theDescriptionAndItsBrowsableUiAreOpenToAnyone() {
        assertThat(api.get("/v3/api-docs.yaml").send().status()).isEqualTo(200);
        Reply ui = api.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Type")).startsWith("text/html");
        assertThat(api.post("/v3/api-docs").send().status()).isIn(401, 403, 405);
    }

    private JsonNode description() {
        Reply reply = api.get("/v3/api-docs").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
