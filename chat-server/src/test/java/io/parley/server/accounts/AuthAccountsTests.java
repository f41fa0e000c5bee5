package io.parley.server.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.security.ApiClient;
import io.parley.server.security.ApiClient.Response;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.FetchAccountQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.Optional;

import static io.parley.server.security.ApiClient.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Register, login, me and logout over real HTTP, and account lookups for other modules; on H2 and PostgreSQL. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuthAccountsTests {
    @LocalServerPort
    int port;
    @Autowired
    QueryGateway queries;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aCustomerRegistersLogsInSeesHimselfAndLogsOut() {
        String email = randomEmail();
        Response registered = api.post("/api/auth/register",
                Map.of("name", "  Ada Lovelace ", "email", email.toUpperCase(), "password", "correct horse"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.body().get("success").asBoolean()).isTrue();
        JsonNode user = registered.data().get("user");
        assertThat(user.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(user.get("role").asText()).isEqualTo("user");
        assertThat(registered.token()).isNotBlank();

        Response login = api.login(email, "correct horse");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.data().get("user")).isEqualTo(user);
        String token = login.token();

        Response me = api.get("/api/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data()).isEqualTo(user);

        assertThat(api.post("/api/auth/logout", null, token).status()).isEqualTo(204);
        Response afterLogout = api.get("/api/auth/me", token);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.errorCode()).isEqualTo("AUTH_FAILED");
        // The other token of the same user is untouched by this logout.
        assertThat(api.get("/api/auth/me", registered.token()).status()).isEqualTo(200);
    }

    @Test
    void registeringATakenEmailInAnyCaseIsAConflict() {
        String email = randomEmail();
        assertThat(api.register(email, "password-123").status()).isEqualTo(201);
        Response again = api.register(email.toUpperCase(), "password-456");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(again.body().at("/error/details/reason").asText()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void aShortPasswordIsRejectedWithTheFieldInTheDetails() {
        Response response = api.register(randomEmail(), "short");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().at("/error/details/0/field").asText()).isEqualTo("password");
        assertThat(response.body().at("/error/details/0/message").asText()).isNotBlank();
    }

    @Test
    void anInvalidEmailAndAMissingNameAreBothListed() {
        Response response = api.post("/api/auth/register",
                Map.of("email", "not-an-email", "password", "password-123"), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/error/details").findValuesAsText("field")).contains("email", "name");
    }

    @Test
    void wrongCredentialsFailWithoutSayingWhichHalfWasWrong() {
        String email = randomEmail();
        api.register(email, "password-123");
        Response wrongPassword = api.login(email, "password-124");
        Response unknownEmail = api.login(randomEmail(), "password-123");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body().get("error")).isEqualTo(wrongPassword.body().get("error"));
    }

    @Test
    void otherModulesFindAccountsThroughTheQueryGateway() {
        String id = api.register(randomEmail(), "password-123").data().at("/user/id").asText();
        AccountView found = queries.query(new FetchAccountQuery(id), AccountView.class).join();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.role()).isEqualTo("user");
        Optional<AccountView> missing = queries.query(new FetchAccountQuery("no-such-id"),
                ResponseTypes.optionalInstanceOf(AccountView.class)).join();
        assertThat(missing).isEmpty();
    }
}
