package io.parley.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Adds request examples and the error envelope to the generated OpenAPI description, so that the API docs show
 * what to send and what comes back without annotating every controller.
 */
@Component
class OpenApiExamples implements OpenApiCustomizer {

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
            Map.entry("POST /api/chats/{chatId}/read", "{\"upToSeq\":4}"));

    private static final ObjectMapper JSON = new ObjectMapper();
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
            addError(operation);
        }));
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
        MediaType media = new MediaType().addExamples(name, new Example().value(parse(example)));
        return new Content().addMediaType("application/json", media);
    }

}
