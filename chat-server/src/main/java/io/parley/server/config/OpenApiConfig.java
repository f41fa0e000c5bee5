package io.parley.server.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
public class OpenApiConfig {

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parley API").version("1")
                        .description("Support chats as tickets: customers and guests open chats, agents work the "
                                + "inbox. Every answer is {success, data} or {success:false, error:{code, message}}. "
                                + "Realtime events are on Socket.IO (see docs/realtime.md). Rate limits (configurable): "
                                + "100 requests a minute per user or guest, 200 per staff member, 30 messages a "
                                + "minute per sender per chat; every /api answer carries X-RateLimit-Limit and "
                                + "X-RateLimit-Remaining, and a refused request is 429 RATE_LIMITED with Retry-After "
                                + "(seconds)."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
