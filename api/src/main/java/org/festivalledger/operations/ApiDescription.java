package org.festivalledger.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 description ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}) of the JSON API under
 * {@code /api}: springdoc reads the controllers for paths, parameters and schemas; this adds what it cannot see —
 * who may call each operation ({@code x-roles}, the security schemes), and the problems every layer may answer
 * with (RFC 9457 {@code application/problem+json}, their {@code type} URIs listed per status).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String PROBLEMS = "https://festival-ledger.org/problems/";
    private static final String PROBLEM_SCHEMA = "Problem";

    /** The problems any operation may answer with, by the layer that refuses (README, "The HTTP API"). */
    private static final Map<String, String> ALWAYS = Map.of(
            "400", "invalid-request: malformed or invalid (the `errors` array names each field)",
            "413", "too-large: a body over ledger.http.max-body-bytes, or more than one commit can hold",
            "429", "rate-limited: too many requests, failed sign-ins or waits from this client (see Retry-After)");

    @Bean
    OpenAPI festivalLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Festival ledger API").version("1")
                        .description("An event-sourced programme and awards ledger for film-festival competitions. "
                                + "Every operation names who may call it in `x-roles` (`anyone`, `signed-in`, "
                                + "`organiser`, `auditor`, `juror`: a juror of that competition). Errors are RFC 9457 "
                                + "problems whose `type` is " + PROBLEMS + "<kind>. Commands accept "
                                + "`Idempotency-Key` and `X-Reason`, answer `Ledger-Position`; queries accept "
                                + "`minPosition` and answer `Projection-Position`."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the organiser's and the auditor's accounts"))
                        .addSecuritySchemes("jurorToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("a juror's token, shown once when appointed"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    OpenApiCustomizer rolesAndProblems() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(method.name(), path, operation)));
        };
    }

    private static void describe(String method, String path, Operation operation) {
        List<String> roles = EndpointRoles.of(method, path).orElse(List.of());
        operation.addExtension("x-roles", roles);
        String who = roles.isEmpty() ? "nobody (not opened in SecurityConfiguration)" : String.join(", ", roles);
        operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                + "Who: " + who + ".");
        List<SecurityRequirement> security = new ArrayList<>();
        if (!roles.contains(EndpointRoles.ANYONE)) {
            if (roles.stream().anyMatch(role -> !role.equals(EndpointRoles.JUROR))) {
                security.add(new SecurityRequirement().addList("basic"));
            }
            if (roles.contains(EndpointRoles.JUROR) || roles.contains(EndpointRoles.SIGNED_IN)) {
                security.add(new SecurityRequirement().addList("jurorToken"));
            }
        }
        operation.setSecurity(security);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> problems = new LinkedHashMap<>(ALWAYS);
        if (!roles.contains(EndpointRoles.ANYONE)) {
            problems.put("401", "unauthenticated: no, malformed or forged credentials");
            problems.put("403", "forbidden: a role this operation does not admit");
        }
        if (path.contains("{")) {
            problems.put("404", "not-found: an unknown id (also an id of another competition)");
        }
        if ("POST".equals(method) || "PUT".equals(method)) {
            problems.put("409", "conflict: wrong state, a concurrent change, or the same Idempotency-Key in flight");
            problems.put("415", "unsupported-media-type: a body type the operation does not take");
            problems.put("422", "rule-violated: a festival rule broken, or an Idempotency-Key reused with another body");
            problems.put("503", "catching-up: the views needed are still catching up with the ledger (Retry-After)");
        }
        problems.forEach((status, description) -> {
            ApiResponse existing = responses.get(status);
            ApiResponse response = existing == null ? new ApiResponse() : existing;
            response.setDescription(PROBLEMS + description);
            response.setContent(new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            responses.addApiResponse(status, response);
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema error = new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string"))
                .addProperty("message", new Schema<>().type("string"))
                .addProperty("line", new Schema<>().type("integer").description("a CSV import's line"));
        Schema problem = new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string").format("uri").example(PROBLEMS + "invalid-request"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(error));
        return problem;
    }

}
