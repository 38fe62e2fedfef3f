package org.festivalledger.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.festivalledger.http.PublicReadTurns;
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
    private static final String COMMAND_ANSWER = "CommandAnswer";

    /** The problems any operation may answer with, by the layer that refuses (README, "The HTTP API"). */
    private static final Map<String, String> ALWAYS = Map.of(
            "400", "invalid-request: malformed or invalid (the `errors` array names each field)",
            "413", "too-large: a body over ledger.http.max-body-bytes, or more than one commit can hold",
            "429", "rate-limited: too many requests, failed sign-ins, waits or public reads in progress from this "
                    + "client (see Retry-After)");

    @Bean
    OpenAPI festivalLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Festival ledger API").version("1")
                        .description("An event-sourced programme and awards ledger for film-festival competitions. "
                                + "Every operation names who may call it in `x-roles` (`anyone`, `signed-in`, "
                                + "`organiser`, `auditor`, `juror`: a juror of that competition; `entrant`: an entrant, on their own entries only; `actor`: whoever caused the event asked for). Errors are RFC 9457 "
                                + "problems whose `type` is " + PROBLEMS + "<kind>. Commands accept "
                                + "`Idempotency-Key` and `X-Reason`, answer `Ledger-Position`; queries accept "
                                + "`minPosition` and answer `Projection-Position`."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the organiser's and the auditor's accounts"))
                        .addSecuritySchemes("jurorToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("a juror's token, shown once when appointed"))
                        .addSecuritySchemes("entrantToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("an entrant's token (et_…), from POST /api/entrants/sessions"
                                        + " with the link of a sign-in mail"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema())
                        .addSchemas(COMMAND_ANSWER, new Schema<>().type("object")
                                .description("a command's answer: the id of what it recorded")
                                .addProperty("id", new Schema<>().type("string"))
                                .addProperty("alreadyRecorded", new Schema<>().type("boolean").description(
                                        "true when a retry found the first attempt on the ledger"))));
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
            if (roles.stream().anyMatch(role -> !role.equals(EndpointRoles.JUROR) && !role.equals(EndpointRoles.ENTRANT))) {
                security.add(new SecurityRequirement().addList("basic"));
            }
            if (roles.contains(EndpointRoles.ENTRANT) || roles.contains(EndpointRoles.SIGNED_IN)
                    || roles.contains(EndpointRoles.ACTOR)) {
                security.add(new SecurityRequirement().addList("entrantToken"));
            }
            if (roles.contains(EndpointRoles.JUROR) || roles.contains(EndpointRoles.SIGNED_IN)
                    || roles.contains(EndpointRoles.ACTOR)) {
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
        if (PublicReadTurns.takesTurn(method, path)) {
            problems.put("503", "busy: more readers of the public results than this node serves at once are waiting "
                    + "(ledger.http.public-reads.*); retry after Retry-After");
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
        conventions(method, operation, responses);
        operation.setResponses(responses);
    }

    /**
     * The API's conventions (README, "The HTTP API"), which no controller method states: commands take
     * {@code Idempotency-Key} and {@code X-Reason} and answer {@code Ledger-Position}; queries take
     * {@code minPosition} and answer {@code Projection-Position}.
     */
    private static void conventions(String method, Operation operation, ApiResponses responses) {
        if ("GET".equals(method)) {
            addParameter(operation, new Parameter().in("query").name("minPosition").required(false)
                    .schema(new Schema<>().type("integer").format("int64").minimum(java.math.BigDecimal.ZERO))
                    .description("wait (at most 5 s, a few waits per client) until the views have handled this ledger "
                            + "position (a command's Ledger-Position); beyond the head: 400"));
            ApiResponse ok = responses.get("200");
            if (ok != null) {
                ok.addHeaderObject("Projection-Position", new Header().description(
                        "the ledger position every view had handled when the answer was made")
                        .schema(new Schema<>().type("integer").format("int64")));
            }
            return;
        }
        if (!"POST".equals(method) && !"PUT".equals(method)) {
            return;
        }
        addParameter(operation, new Parameter().in("header").name("Idempotency-Key").required(false)
                .schema(new Schema<>().type("string").maxLength(200))
                .description("a repeat with the same key and body gets the first answer (Idempotent-Replayed: true); "
                        + "the same key with another body is 422; while the first is running, 409"));
        addParameter(operation, new Parameter().in("header").name("X-Reason").required(false)
                .schema(new Schema<>().type("string"))
                .description("the reason recorded with the event, where the body has none"));
        ApiResponse ok = responses.get("200");
        if (ok != null && isGeneric(ok)) {
            // The controller answers a ResponseEntity springdoc cannot see into: {id} for a new entity (201, with
            // Location), the same when recorded already (a retry after a crash: alreadyRecorded).
            Content answer = new Content().addMediaType("application/json", new MediaType().schema(new Schema<>()
                    .$ref("#/components/schemas/" + COMMAND_ANSWER)));
            ok.setDescription("recorded (or answered from the ledger for a retried Idempotency-Key)");
            ok.setContent(answer);
            responses.addApiResponse("201", new ApiResponse().description("created: the new entity's id, with Location")
                    .content(answer));
        }
        for (String status : new String[]{"200", "201", "202"}) {
            ApiResponse success = responses.get(status);
            if (success != null) {
                success.addHeaderObject("Ledger-Position", new Header().description(
                        "the global position of the last event this command recorded")
                        .schema(new Schema<>().type("integer").format("int64")));
            }
        }
    }

    private static boolean isGeneric(ApiResponse response) {
        if (response.getContent() == null) {
            return true;
        }
        return response.getContent().values().stream().allMatch(media -> media.getSchema() == null
                || (media.getSchema().get$ref() == null && "object".equals(media.getSchema().getType())));
    }

    private static void addParameter(Operation operation, Parameter parameter) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(existing -> parameter.getName().equals(existing.getName()))) {
            operation.addParametersItem(parameter);
        }
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
