package io.parley.server.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.security.ApiClient;
import io.parley.server.security.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static io.parley.server.security.ApiClient.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff management under /api/admin/users: admins only, paged, validated. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuthAdminUsersTests {
    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anAdminCreatesAnAgentWhoCanThenLogIn() {
        String admin = api.adminToken();
        String email = randomEmail();
        Response created = api.post("/api/admin/users",
                Map.of("name", "Agent Smith", "email", email, "password", "agent-password", "role", "agent"), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("role").asText()).isEqualTo("agent");

        Response login = api.login(email, "agent-password");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.data().at("/user/role").asText()).isEqualTo("agent");
        assertThat(api.get("/api/auth/me", login.token()).data().get("id")).isEqualTo(created.data().get("id"));
    }

    @Test
    void theAdminListIsPagedAndFiltersByRole() {
        String admin = api.adminToken();
        for (int i = 0; i < 3; i++) {
            api.post("/api/admin/users", Map.of("name", "Auditor " + i, "email", randomEmail(),
                    "password", "auditor-password", "role", "auditor"), admin);
        }
        Response page = api.get("/api/admin/users?role=auditor&page=1&limit=2", admin);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.data()).hasSize(2);
        page.data().forEach(user -> assertThat(user.get("role").asText()).isEqualTo("auditor"));
        JsonNode pagination = page.body().get("pagination");
        assertThat(pagination.get("page").asInt()).isEqualTo(1);
        assertThat(pagination.get("limit").asInt()).isEqualTo(2);
        assertThat(pagination.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(pagination.get("hasNext").asBoolean()).isTrue();
        assertThat(pagination.get("hasPrev").asBoolean()).isFalse();
        assertThat(page.data().get(0).has("passwordHash")).isFalse();
    }

    @Test
    void anAdminCannotCreateAnUnknownRole() {
        Response response = api.post("/api/admin/users", Map.of("name", "X", "email", randomEmail(),
                "password", "password-123", "role", "superuser"), api.adminToken());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/error/details/0/field").asText()).isEqualTo("role");
    }

    @Test
    void badPagingParametersAreValidationErrors() {
        String admin = api.adminToken();
        Response notANumber = api.get("/api/admin/users?page=abc", admin);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().at("/error/details/0/field").asText()).isEqualTo("page");
        Response zero = api.get("/api/admin/users?page=0", admin);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().at("/error/details/0/field").asText()).isEqualTo("page");
        Response unknownRole = api.get("/api/admin/users?role=guest", admin);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void customersAndAgentsAreForbiddenFromAdminEndpoints() {
        String customer = api.register(randomEmail(), "password-123").token();
        Response list = api.get("/api/admin/users", customer);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.errorCode()).isEqualTo("FORBIDDEN");
        Response create = api.post("/api/admin/users", Map.of("name", "Sneaky", "email", randomEmail(),
                "password", "password-123", "role", "admin"), customer);
        assertThat(create.status()).isEqualTo(403);
    }
}
