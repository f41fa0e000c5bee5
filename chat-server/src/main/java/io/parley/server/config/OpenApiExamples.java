package io.parley.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Adds request and response examples, query parameter descriptions and the error envelope to the generated
 * OpenAPI description, so that the API docs show what to send and what comes back without annotating every
 * controller. Response examples live in {@code openapi/responses.json} (keys {@code "METHOD path"}; values may
 * name shared parts as {@code "$_chat"}), parameter descriptions in {@code openapi/parameters.json}.
 */
@Component
class OpenApiExamples implements OpenApiCustomizer {

    private static final String CANNED = "{\"shortcode\":\"refund\",\"title\":\"Refund policy\","
            + "\"content\":\"Refunds reach your card within 5 working days.\"}";

    private static final Map<String, String> REQUESTS = Map.ofEntries(
            Map.entry("POST /api/auth/register", "{\"name\":\"Carla\",\"email\":\"carla@example.com\",\"password\":\"carla-secret-1\"}"),
            Map.entry("POST /api/auth/login", "{\"email\":\"carla@example.com\",\"password\":\"carla-secret-1\"}"),
            Map.entry("POST /api/admin/users", "{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"password\":\"alice-secret-1\",\"role\":\"agent\"}"),
            Map.entry("POST /api/chats", "{\"message\":\"I cannot log in\",\"subject\":\"Login problem\",\"category\":\"account\",\"priority\":\"high\"}"),
            Map.entry("POST /api/chats/guest", "{\"name\":\"Gus\",\"email\":\"gus@example.com\",\"message\":\"Hello, is anyone there?\"}"),
            Map.entry("POST /api/chats/{chatId}/messages", "{\"content\":\"Hi Carla, I reset your password.\",\"clientMessageId\":\"5f0c2d1e-msg-1\"}"),
            Map.entry("POST /api/chats/{chatId}/assign", "{\"agentId\":\"8d7f1c52-4b1e-4c39-9a55-0d3f2f0e9a11\"}"),
            Map.entry("POST /api/chats/{chatId}/status", "{\"status\":\"resolved\",\"resolutionSummary\":\"Password reset\"}"),
            Map.entry("POST /api/chats/{chatId}/close", "{\"resolutionSummary\":\"Password reset, customer confirmed\"}"),
            Map.entry("POST /api/chats/{chatId}/read", "{\"upToSeq\":4}"),
            Map.entry("POST /api/chats/{chatId}/notes", "{\"content\":\"VIP customer, refund approved by finance\"}"),
            Map.entry("PATCH /api/chats/{chatId}", "{\"priority\":\"urgent\",\"tags\":[\"vip\",\"refund\"]}"),
            Map.entry("POST /api/chats/{chatId}/rating", "{\"score\":5,\"comment\":\"Quick and friendly, thanks!\"}"),
            Map.entry("POST /api/canned-responses", CANNED),
            Map.entry("PUT /api/canned-responses/{id}", CANNED));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode responses = load("openapi/responses.json");
    private final JsonNode parameters = load("openapi/parameters.json");
    private static final String ERROR = "{\"success\":false,\"error\":{\"code\":\"VALIDATION_FAILED\","
            + "\"message\":\"request is invalid\",\"details\":[{\"field\":\"message\",\"message\":\"message is required\"}]}}";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) return;
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String example = REQUESTS.get(method.name() + " " + path);
            if (example != null && operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null) {
                MediaType media = operation.getRequestBody().getContent().get("application/json");
                if (media != null) media.addExamples("request", new Example().value(parse(example)));
            }
            addSuccess(operation, method.name() + " " + path);
            describeParameters(operation);
            addError(operation);
        }));
    }

    private void addSuccess(Operation operation, String key) {
        JsonNode example = responses.get(key);
        if (example == null || example.isNull()) return;
        ApiResponses all = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(all);
        String status = all.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElse("200");
        ApiResponse success = all.computeIfAbsent(status, code -> new ApiResponse().description("OK"));
        Object value = JSON.convertValue(resolve(example), Object.class);
        if (success.getContent() == null || success.getContent().isEmpty()) {
            success.setContent(json(value, "success"));
        } else {
            // Keep the generated schema; add the example beside it.
            success.getContent().values().forEach(media -> media.addExamples("success", new Example().value(value)));
        }
    }

    private void describeParameters(Operation operation) {
        if (operation.getParameters() == null) return;
        for (Parameter parameter : operation.getParameters()) {
            JsonNode description = parameters.get(parameter.getName());
            if (description != null && parameter.getDescription() == null) {
                parameter.setDescription(description.asText());
            }
        }
    }

    /** A copy of the example with every {@code "$_name"} replaced by the shared part of that name. */
    private JsonNode resolve(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith("$_")) {
            return resolve(responses.get(node.asText().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), resolve(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(resolve(element)));
            return copy;
        }
        return node;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OpenApiExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addError(Operation operation) {
        if (operation.getResponses() == null) return;
        operation.getResponses().addApiResponse("4XX", new ApiResponse()
                .description("An error envelope: VALIDATION_FAILED 400, AUTH_REQUIRED/AUTH_FAILED 401, FORBIDDEN 403, "
                        + "NOT_FOUND 404, CONFLICT 409, PAYLOAD_TOO_LARGE 413, UNSUPPORTED_MEDIA_TYPE 415, RATE_LIMITED 429")
                .content(json(ERROR, "error")));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad example " + json, e);
        }
    }

    private static Content json(String example, String name) {
        return json(parse(example), name);
    }

    private static Content json(Object example, String name) {
        MediaType media = new MediaType().addExamples(name, new Example().value(example));
        return new Content().addMediaType("application/json", media);
    }

}
