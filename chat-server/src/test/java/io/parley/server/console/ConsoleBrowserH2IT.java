package io.parley.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent console and the customer widget in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), one browser with a window for each side: a guest opens the widget and writes, an
 * agent logs into the console, sees the chat arrive, takes it and replies, both see the read ticks, a message of
 * markup shows as text, the guest's reload keeps the conversation, a message written while the connection is down
 * is sent once it is back, exactly once, and the closed chat leaves the active inbox and is found by the filters.
 * Screenshots of each step go to {@code target/console-screenshots}. Without Chromium it skips loudly; with
 * {@code CI=true} it fails instead.
 */
@H2Database
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserH2IT {
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private static BrowserPages pages;
    private static ChromeDriver browser;

    @LocalServerPort
    int httpPort;

    @BeforeAll
    static void startBrowser() throws IOException {
        pages = BrowserPages.start("ConsoleBrowserH2IT");
        browser = pages.browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (pages != null) {
            pages.quit();
        }
    }

    @Test
    void aGuestAndAnAgentHoldAConversationInTheBrowser() throws IOException {
        String agentEmail = "alice-" + UUID.randomUUID() + "@parley.test";
        Api api = new Api(httpPort);
        String admin = api.post("/api/auth/login", null,
                Map.of("email", "admin@parley.test", "password", "admin-password-1")).data().path("token").asText();
        Response created = api.post("/api/admin/users", admin,
                Map.of("name", "Alice Agent", "email", agentEmail, "password", "agent-password-1", "role", "agent"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        // The agent logs in first, so the chat must arrive in an inbox that is already on screen.
        String agentWindow = browser.getWindowHandle();
        browser.get(url("/console/"));
        ready();
        visible(By.id("login-email")).sendKeys(agentEmail);
        browser.findElement(By.id("login-password")).sendKeys("agent-password-1", Keys.ENTER);
        visible(By.id("inbox-title"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), "Alice Agent"));
        screenshot("1-console-inbox");

        // The guest opens the widget, starts a chat, then sends markup.
        // The live test's guest may have left a chat in this origin's storage: cleared from the
        // console's window (same origin) before the widget loads, so the widget starts without a reload.
        js("localStorage.clear()");
        browser.switchTo().newWindow(WindowType.WINDOW);
        String guestWindow = browser.getWindowHandle();
        browser.get(url("/widget/"));
        ready();
        visible(By.id("bubble")).click();
        visible(By.id("guest-name")).sendKeys("Gus Guest");
        browser.findElement(By.id("first-message")).sendKeys("Hello, my parcel is late");
        browser.findElement(By.id("start-submit")).click();
        String ticket = wait(d -> {
            String text = d.findElement(By.id("ticket")).getText();
            return text.matches("TKT-\\d{4}-\\d{6}") ? text : null;
        });
        String chatId = (String) js("return JSON.parse(localStorage.getItem('parley.widget')).chatId");
        visible(By.id("message")).sendKeys(XSS, Keys.ENTER);
        waitForStored(XSS);
        screenshot("2-widget-started");

        // The chat arrives in the agent's inbox by itself; the agent opens it, takes it and replies.
        browser.switchTo().window(agentWindow);
        By item = By.cssSelector(".chat-item[data-chat-id='" + chatId + "']");
        visible(item);
        assertThat(browser.findElement(item).getText()).contains(ticket, "Gus Guest");
        browser.findElement(item).click();
        waitForStored(XSS);
        assertThat(texts()).containsSubsequence("Hello, my parcel is late", XSS);
        assertNoMarkupRendered();
        browser.findElement(By.id("take")).click();
        wait(ExpectedConditions.textToBe(By.id("take"), "Taken"));
        wait(ExpectedConditions.textToBe(By.id("chat-status"), "in_progress"));
        browser.findElement(By.id("reply")).sendKeys("Hi Gus, I am looking into it", Keys.ENTER);
        waitForStored("Hi Gus, I am looking into it");
        // The agent holds the chat and has it open: the guest's messages are read, and the guest sees it.
        screenshot("3-console-replied");

        browser.switchTo().window(guestWindow);
        waitForStored("Hi Gus, I am looking into it");
        wait(d -> {
            List<WebElement> ticks = d.findElements(By.cssSelector(".message.mine .tick"));
            return !ticks.isEmpty() && ticks.stream().allMatch(t -> t.getText().equals("✓✓ Read")) ? true : null;
        });
        assertNoMarkupRendered();
        screenshot("4-widget-reply-and-read-ticks");

        // The guest's panel is open on the reply, so the agent's reply shows as read in the console.
        browser.switchTo().window(agentWindow);
        wait(d -> d.findElements(By.cssSelector(".message.mine .tick")).stream()
                .anyMatch(t -> t.getText().equals("✓✓ Read")) ? true : null);

        // A reload keeps the conversation: the same chat, once each message, in order.
        browser.switchTo().window(guestWindow);
        browser.navigate().refresh();
        ready();
        waitForStored("Hi Gus, I am looking into it");
        assertThat(browser.findElement(By.id("ticket")).getText()).isEqualTo(ticket);
        List<String> afterReload = texts();
        assertThat(afterReload).containsSubsequence("Hello, my parcel is late", XSS, "Hi Gus, I am looking into it");
        assertThat(afterReload).doesNotHaveDuplicates();
        visible(By.id("message")).sendKeys("Thanks, still here after a reload", Keys.ENTER);
        waitForStored("Thanks, still here after a reload");
        screenshot("5-widget-after-reload");

        // The connection drops: a message waits in the outbox, then goes out once with its clientMessageId.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        browser.findElement(By.id("message")).sendKeys("Sent while offline", Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message.pending .tick"),
                "sending…"));
        assertThat(js("return JSON.parse(localStorage.getItem('parley.widget.outbox')).length")).isEqualTo(1L);
        screenshot("6-widget-offline");
        browser.deleteNetworkConditions();
        waitForStored("Sent while offline");
        wait(d -> d.findElements(By.cssSelector(".message.pending")).isEmpty() ? true : null);
        assertThat(js("return JSON.parse(localStorage.getItem('parley.widget.outbox')).length")).isEqualTo(0L);

        // The agent sees it live and closes the chat with a summary; the widget says so.
        browser.switchTo().window(agentWindow);
        waitForStored("Sent while offline");
        browser.findElement(By.id("summary")).sendKeys("Parcel traced");
        browser.findElement(By.id("close")).click();
        wait(ExpectedConditions.textToBe(By.id("chat-status"), "closed"));
        wait(ExpectedConditions.invisibilityOfElementLocated(item)); // the inbox shows active chats by default
        new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Closed");
        browser.findElement(By.id("filter-q")).sendKeys(ticket);
        visible(item);
        browser.findElement(By.id("filter-q")).sendKeys("-no-such-ticket");
        visible(By.id("inbox-empty"));
        screenshot("7-console-closed");
        browser.switchTo().window(guestWindow);
        wait(ExpectedConditions.textToBe(By.id("talk-notice"), "This chat is closed."));
        assertThat(browser.findElement(By.id("send")).isEnabled()).isFalse();
        screenshot("8-widget-closed");

        // On a phone-sized window the console stacks the chat under the inbox instead of beside it.
        browser.switchTo().window(agentWindow);
        browser.manage().window().setSize(new Dimension(390, 844));
        wait(d -> d.findElement(By.id("chat")).getRect().getX() == d.findElement(By.id("inbox")).getRect().getX()
                && d.findElement(By.id("chat")).getRect().getY() > d.findElement(By.id("inbox")).getRect().getY()
                ? true : null);
        screenshot("9-console-narrow");

        JsonNode history = api.get("/api/chats/" + chatId + "/messages", admin).data();
        assertThat(history.findValuesAsText("content")).containsSubsequence("Hello, my parcel is late", XSS,
                "Hi Gus, I am looking into it", "Thanks, still here after a reload", "Sent while offline");
        assertThat(history.findValuesAsText("content")).containsOnlyOnce("Sent while offline");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void withPollingOffTheSocketCarriesNewChatsTypingRepliesAndTicks() throws IOException {
        String agentEmail = "lena-" + UUID.randomUUID() + "@parley.test";
        Api api = new Api(httpPort);
        String admin = api.post("/api/auth/login", null,
                Map.of("email", "admin@parley.test", "password", "admin-password-1")).data().path("token").asText();
        assertThat(api.post("/api/admin/users", admin, Map.of("name", "Lena Live", "email", agentEmail,
                "password", "agent-password-1", "role", "agent")).status()).isEqualTo(201);

        String firstWindow = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.WINDOW);
        String agentWindow = browser.getWindowHandle();
        try {
            liveConversation(agentEmail, agentWindow);
        } finally {
            for (String window : browser.getWindowHandles()) {
                if (!window.equals(firstWindow)) {
                    browser.switchTo().window(window).close();
                }
            }
            browser.switchTo().window(firstWindow);
        }
    }

    private void liveConversation(String agentEmail, String agentWindow) throws IOException {
        browser.get(url("/console/?poll=0"));
        ready();
        visible(By.id("login-email")).sendKeys(agentEmail);
        browser.findElement(By.id("login-password")).sendKeys("agent-password-1", Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), "Lena Live"));
        wait(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));

        // The other test's guest may have left a chat in this origin's storage: cleared from the
        // console's window (same origin) before the widget loads, so the widget starts without a reload.
        js("localStorage.clear()");
        browser.switchTo().newWindow(WindowType.WINDOW);
        String guestWindow = browser.getWindowHandle();
        browser.get(url("/widget/?poll=0"));
        ready();
        visible(By.id("bubble")).click();
        visible(By.id("guest-name")).sendKeys("Carla Live");
        browser.findElement(By.id("first-message")).sendKeys("Is anyone there?");
        browser.findElement(By.id("start-submit")).click();
        waitForStored("Is anyone there?");
        wait(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));
        String chatId = (String) js("return JSON.parse(localStorage.getItem('parley.widget')).chatId");

        // No polling: the new chat reaches the inbox only through newChat.
        browser.switchTo().window(agentWindow);
        By item = By.cssSelector(".chat-item[data-chat-id='" + chatId + "']");
        visible(item).click();
        waitForStored("Is anyone there?");
        browser.findElement(By.id("take")).click();
        wait(ExpectedConditions.textToBe(By.id("take"), "Taken"));

        // The guest types without sending: the agent sees it through userTyping.
        browser.switchTo().window(guestWindow);
        visible(By.id("message")).sendKeys("My order");
        browser.switchTo().window(agentWindow);
        wait(ExpectedConditions.textToBe(By.id("typing"), "Carla Live is typing…"));
        screenshot("10-console-guest-typing");

        // The agent types (the guest sees it), then replies; the reply arrives through newMessage.
        browser.findElement(By.id("reply")).sendKeys("Yes, I am here");
        browser.switchTo().window(guestWindow);
        wait(ExpectedConditions.textToBe(By.id("typing"), "Lena Live is typing…"));
        browser.switchTo().window(agentWindow);
        browser.findElement(By.id("reply")).sendKeys(Keys.ENTER);
        waitForStored("Yes, I am here");
        browser.switchTo().window(guestWindow);
        waitForStored("Yes, I am here");
        wait(ExpectedConditions.textToBe(By.id("typing"), ""));
        // The guest's panel is open, so the reply is read: the agent's tick turns through messagesRead.
        browser.switchTo().window(agentWindow);
        wait(d -> d.findElements(By.cssSelector(".message.mine .tick")).stream()
                .anyMatch(t -> t.getText().equals("✓✓ Read")) ? true : null);
        // The guest sends; the agent sees it live, and the guest's tick turns as the agent holds the chat open.
        browser.switchTo().window(guestWindow);
        browser.findElement(By.id("message")).sendKeys(" 1234 is late", Keys.ENTER);
        browser.switchTo().window(agentWindow);
        waitForStored("My order 1234 is late");
        browser.switchTo().window(guestWindow);
        wait(d -> {
            List<WebElement> ticks = d.findElements(By.cssSelector(".message.mine .tick"));
            return !ticks.isEmpty() && ticks.stream().allMatch(t -> t.getText().equals("✓✓ Read")) ? true : null;
        });
        screenshot("11-widget-live");

        // Closing reaches the widget through chatClosed.
        browser.switchTo().window(agentWindow);
        browser.findElement(By.id("close")).click();
        browser.switchTo().window(guestWindow);
        wait(ExpectedConditions.textToBe(By.id("talk-notice"), "This chat is closed."));
        assertThat(texts()).containsExactly("Is anyone there?", "Yes, I am here", "My order 1234 is late");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void thePagesCarryAStrictContentSecurityPolicyAndTheApiIsUnchanged() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Response config = new Api(httpPort).get("/api/config/client", null);
        assertThat(config.status()).isEqualTo(200);
        int socketPort = config.data().path("socketPort").asInt();
        assertThat(socketPort).isPositive().isNotEqualTo(httpPort);
        for (String page : List.of("/console/", "/widget/")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(page))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self'", "default-src 'none'",
                            "connect-src 'self' http://localhost:" + socketPort + " ws://localhost:" + socketPort
                                    + " https://localhost:" + socketPort + " wss://localhost:" + socketPort + ";")
                            .doesNotContain("unsafe"));
            assertThat(response.body()).doesNotContain("<script>").contains("type=\"module\"");
        }
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));

        Response api = new Api(httpPort).get("/api/auth/me", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.errorCode()).isEqualTo("AUTH_REQUIRED");
        assertThat(api.raw().headers().firstValue("Content-Security-Policy")).isEmpty();
        Response write = new Api(httpPort).post("/console/", null, Map.of());
        assertThat(write.status()).isBetween(400, 499);
    }

    private String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    private void ready() {
        pages.ready();
    }

    private WebElement visible(By by) {
        return pages.visible(by);
    }

    private <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return pages.waitFor(condition);
    }

    private void waitForStored(String content) {
        pages.waitForStored(content);
    }

    private List<String> texts() {
        return browser.findElements(By.cssSelector(".message[data-seq]:not(.system) .content")).stream()
                .map(WebElement::getText).toList();
    }

    /** The markup message is shown as its characters: no element was made from it. */
    private void assertNoMarkupRendered() {
        assertThat(browser.findElements(By.cssSelector("#messages img"))).isEmpty();
    }

    private Object js(String script) {
        return pages.js(script);
    }

    private List<String> consoleErrors() {
        return pages.consoleErrors().stream()
                .filter(message -> !message.contains("ERR_INTERNET_DISCONNECTED")) // the offline step's polls
                .toList();
    }

    private void screenshot(String name) throws IOException {
        pages.screenshot(name);
    }
}
