package io.parley.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support tools of the console in a real headless Chromium, one flow each: a private note shows in the console
 * and never in the widget; "/shortcode" in the reply box offers saved replies and the chosen one reaches the guest;
 * edited tags find the chat through the inbox's tag filter; the guest rates a resolved chat and the console shows
 * the rating; scrolling up a long chat brings its earlier messages; an admin transfers a chat to another agent;
 * the console shows whether the customer is online; admins see staff and read models; auditors and admins read
 * a chat's audit trail. Both pages run with {@code ?poll=0}, so every change shown
 * after the first load came over the socket ({@code noteAdded}, {@code chatUpdated}, {@code chatRated},
 * {@code chatStatusChanged}, {@code presence}).
 */
@H2Database
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupportOpsBrowserH2IT {
    private static BrowserPages pages;
    private static ChromeDriver browser;

    @LocalServerPort
    int httpPort;

    private Api api;
    private String admin;
    private String homeWindow;
    private final String agentEmail = "sam-" + UUID.randomUUID() + "@parley.test";
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startBrowser() throws IOException {
        pages = BrowserPages.start("SupportOpsBrowserH2IT");
        browser = pages.browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (pages != null) {
            pages.quit();
        }
    }

    @BeforeEach
    void anAgent() {
        api = new Api(httpPort);
        admin = api.post("/api/auth/login", null,
                Map.of("email", "admin@parley.test", "password", "admin-password-1")).data().path("token").asText();
        assertThat(api.post("/api/admin/users", admin, Map.of("name", "Sam Support", "email", agentEmail,
                "password", "agent-password-1", "role", "agent")).status()).isEqualTo(201);
        homeWindow = browser.getWindowHandle();
    }

    @AfterEach
    void closeWindows() {
        for (String window : browser.getWindowHandles()) {
            if (!window.equals(homeWindow)) {
                browser.switchTo().window(window).close();
            }
        }
        browser.switchTo().window(homeWindow);
    }

    @Test
    void aPrivateNoteShowsInTheConsoleAndNeverInTheWidget() throws IOException {
        String agent = consoleLogin();
        Guest guest = guestStarts("Nora Note", "My invoice is wrong");
        browser.switchTo().window(agent);
        openAndTake(guest.chatId(), "My invoice is wrong");

        pages.visible(By.id("note-text")).sendKeys("Refund approved by finance, ref " + unique);
        browser.findElement(By.id("add-note")).click();
        WebElement note = pages.visible(By.cssSelector("#notes-list .note"));
        assertThat(note.findElement(By.cssSelector(".content")).getText())
                .isEqualTo("Refund approved by finance, ref " + unique);
        assertThat(note.findElement(By.cssSelector(".note-label")).getText()).isEqualToIgnoringCase("Note");
        assertThat(browser.findElement(By.id("note-text")).getAttribute("value")).isEmpty();
        // Another staff member's note arrives through the staff-only noteAdded push.
        assertThat(api.post("/api/chats/" + guest.chatId() + "/notes", admin,
                Map.of("content", "Admin: watch this one " + unique)).status()).isEqualTo(201);
        pages.waitFor(d -> noteTexts().contains("Admin: watch this one " + unique) ? true : null);
        browser.findElement(By.id("reply")).sendKeys("Hi Nora, your refund is on its way", Keys.ENTER);
        pages.waitForStored("Hi Nora, your refund is on its way");
        pages.screenshot("12-console-note");

        // The guest has the reply that came after both notes, and neither note; nor after a reload.
        browser.switchTo().window(guest.window());
        pages.waitForStored("Hi Nora, your refund is on its way");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(unique);
        assertThat(browser.findElements(By.cssSelector(".note"))).isEmpty();
        browser.navigate().refresh();
        pages.ready();
        pages.waitForStored("Hi Nora, your refund is on its way");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(unique);
        assertThat(browser.findElements(By.cssSelector(".note"))).isEmpty();
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void aSlashShortcodeOffersSavedRepliesAndTheChosenOneReachesTheGuest() throws IOException {
        String shortcode = "late" + unique;
        saveCannedReply(shortcode, "Late parcel", "Sorry for the wait: your parcel ships today.");
        saveCannedReply(shortcode + "-x", "Late parcel, refund", "Sorry for the wait: we refunded the shipping.");
        String agent = consoleLogin();
        Guest guest = guestStarts("Cody Canned", "Where is my parcel?");
        browser.switchTo().window(agent);
        openAndTake(guest.chatId(), "Where is my parcel?");

        WebElement reply = browser.findElement(By.id("reply"));
        reply.sendKeys("Hello! /" + shortcode);
        pages.waitFor(d -> options().size() == 2 ? true : null);
        assertThat(reply.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(options().get(0).getText()).contains("/" + shortcode, "Late parcel");
        assertThat(options().get(0).getAttribute("aria-selected")).isEqualTo("true");
        reply.sendKeys(Keys.ARROW_DOWN);
        assertThat(options().get(1).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(reply.getAttribute("aria-activedescendant")).isEqualTo(options().get(1).getAttribute("id"));
        pages.screenshot("13-console-canned");
        reply.sendKeys(Keys.ENTER); // picks the reply, does not send
        assertThat(reply.getAttribute("value")).isEqualTo("Hello! Sorry for the wait: we refunded the shipping.");
        pages.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("canned-list")));
        reply.sendKeys(Keys.ENTER); // now it sends
        pages.waitForStored("Hello! Sorry for the wait: we refunded the shipping.");

        browser.switchTo().window(guest.window());
        pages.waitForStored("Hello! Sorry for the wait: we refunded the shipping.");
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void editedTagsAndPriorityFindTheChatThroughTheInboxTagFilter() throws IOException {
        String agent = consoleLogin();
        Guest guest = guestStarts("Tia Tags", "Billing question");
        browser.switchTo().window(agent);
        openAndTake(guest.chatId(), "Billing question");

        new Select(browser.findElement(By.id("chat-priority"))).selectByVisibleText("High");
        WebElement tags = browser.findElement(By.id("chat-tags"));
        tags.clear();
        tags.sendKeys("VIP, billing-" + unique);
        browser.findElement(By.id("save-details")).click();
        pages.waitFor(d -> tagTexts().equals(List.of("vip", "billing-" + unique)) ? true : null);
        assertThat(browser.findElement(By.id("chat-priority-shown")).getText()).isEqualTo("Priority: high");

        // The tag filter shows this chat alone, with its tags and priority.
        pages.visible(By.id("filter-tag")).sendKeys("billing-" + unique);
        By item = By.cssSelector(".chat-item[data-chat-id='" + guest.chatId() + "']");
        pages.waitFor(d -> d.findElements(By.cssSelector("#inbox-list .chat-item")).size() == 1
                && !d.findElements(item).isEmpty() ? true : null);
        assertThat(browser.findElement(item).getText()).contains("billing-" + unique, "vip", "high");
        pages.screenshot("14-console-tag-filter");
        browser.findElement(By.id("filter-tag")).sendKeys("-none");
        pages.visible(By.id("inbox-empty"));

        // Someone else retags the chat: chatUpdated refreshes the open chat.
        assertThat(api.send("PATCH", "/api/chats/" + guest.chatId(), admin,
                "{\"tags\":[\"vip\",\"escalated\"]}").status()).isEqualTo(200);
        pages.waitFor(d -> tagTexts().equals(List.of("vip", "escalated")) ? true : null);
        assertThat(browser.findElement(By.id("chat-tags")).getAttribute("value")).isEqualTo("vip, escalated");
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void theGuestRatesTheResolvedChatAndTheConsoleShowsTheRating() throws IOException {
        String agent = consoleLogin();
        Guest guest = guestStarts("Rita Rates", "Can I change my address?");
        browser.switchTo().window(agent);
        openAndTake(guest.chatId(), "Can I change my address?");
        browser.findElement(By.id("reply")).sendKeys("Done, the new address is saved", Keys.ENTER);
        pages.waitForStored("Done, the new address is saved");
        assertThat(browser.findElement(By.id("chat-rating")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("transfer-box")).isDisplayed()).as("only admins transfer").isFalse();
        browser.findElement(By.id("resolve")).click();
        pages.waitFor(ExpectedConditions.textToBe(By.id("chat-status"), "resolved"));

        browser.switchTo().window(guest.window());
        pages.visible(By.id("rating"));
        browser.findElement(By.cssSelector("label[for='score-4']")).click();
        browser.findElement(By.id("rating-comment")).sendKeys("Quick and kind");
        pages.screenshot("15-widget-rating");
        browser.findElement(By.id("rate")).click();
        pages.waitFor(ExpectedConditions.textToBe(By.id("rating-thanks"), "Thanks for your rating!"));
        assertThat(browser.findElement(By.id("rating")).isDisplayed()).isFalse();

        browser.switchTo().window(agent);
        pages.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-rating"), "4/5"));
        assertThat(browser.findElement(By.id("chat-rating")).getText()).contains("Quick and kind");
        pages.screenshot("16-console-rating");
        assertThat(api.get("/api/chats/" + guest.chatId(), admin).data().path("rating").path("score").asInt())
                .isEqualTo(4);
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void scrollingToTheTopOfALongChatBringsItsEarlierMessages() {
        JsonNode started = api.post("/api/chats/guest", null,
                Map.of("name", "Hugo History", "message", "Message 1")).data();
        String chatId = started.path("chat").path("id").asText();
        String guestToken = started.path("guestToken").asText();
        for (int i = 2; i <= 90; i++) {
            assertThat(api.post("/api/chats/" + chatId + "/messages", guestToken,
                    Map.of("content", "Message " + i)).status()).isEqualTo(201);
        }
        consoleLogin();
        pages.visible(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
        pages.waitForStored("Message 90");
        // A chat opens on its latest 50 messages.
        assertThat(messageTexts()).hasSize(50).startsWith("Message 41").endsWith("Message 90");
        assertThat(browser.findElement(By.id("older")).isDisplayed()).isTrue();

        pages.js("document.getElementById('messages').scrollTop = 0");
        pages.waitForStored("Message 1");
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            all.add("Message " + i);
        }
        assertThat(messageTexts()).isEqualTo(all);
        // The agent stays where they were reading instead of jumping to the oldest message.
        assertThat(((Number) pages.js("return document.getElementById('messages').scrollTop")).doubleValue())
                .isPositive();
        pages.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("older")));
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void theConsoleShowsWhetherTheCustomerIsThere() {
        String agent = consoleLogin();
        Guest guest = guestStarts("Olga Online", "Are you there?");
        browser.switchTo().window(agent);
        pages.visible(By.cssSelector(".chat-item[data-chat-id='" + guest.chatId() + "']")).click();
        pages.waitForStored("Are you there?");
        pages.waitFor(ExpectedConditions.textToBe(By.id("chat-presence"), "● online"));

        // The guest closes the page: the socket goes, and the console says so.
        browser.switchTo().window(guest.window()).close();
        browser.switchTo().window(agent);
        pages.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-presence"), "offline"));
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void anAdminTransfersTheChatToAnotherAgent() {
        String tomEmail = "tom-" + UUID.randomUUID() + "@parley.test";
        String tom = api.post("/api/admin/users", admin, Map.of("name", "Tom Transfer " + unique, "email", tomEmail,
                "password", "agent-password-1", "role", "agent")).data().path("id").asText();
        JsonNode started = api.post("/api/chats/guest", null,
                Map.of("name", "Tara Transfer", "message", "Please pass me to billing")).data();
        String chatId = started.path("chat").path("id").asText();
        JsonNode sam = api.post("/api/auth/login", null, Map.of("email", agentEmail, "password", "agent-password-1"))
                .data();
        assertThat(api.post("/api/chats/" + chatId + "/assign", sam.path("token").asText(), Map.of()).status())
                .isEqualTo(200);

        consoleLogin("admin@parley.test", "admin-password-1", "Administrator");
        pages.visible(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
        pages.waitFor(ExpectedConditions.textToBe(By.id("chat-agent"), "Agent: Sam Support"));
        Select to = new Select(pages.visible(By.id("transfer-to")));
        pages.waitFor(d -> to.getOptions().stream().anyMatch(o -> o.getText().equals("Tom Transfer " + unique))
                ? true : null);
        assertThat(to.getOptions()).extracting(o -> o.getAttribute("value")) // the holder is not offered
                .doesNotContain(sam.path("user").path("id").asText());
        to.selectByVisibleText("Tom Transfer " + unique);
        browser.findElement(By.id("transfer")).click();
        pages.waitFor(ExpectedConditions.textToBe(By.id("chat-agent"), "Agent: Tom Transfer " + unique));
        assertThat(api.get("/api/chats/" + chatId, admin).data().path("assignedAgent").path("id").asText())
                .isEqualTo(tom);
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void anAdminSeesTheStaffAndTheReadModelsOnTheAdminPage() throws IOException {
        consoleLogin("admin@parley.test", "admin-password-1", "Administrator");
        WebElement nav = pages.visible(By.id("nav-admin"));
        nav.click();
        By sam = By.xpath("//tbody[@id='staff-rows']/tr[td[2]='" + agentEmail + "']");
        pages.visible(sam);
        assertThat(browser.findElement(sam).getText()).contains("Sam Support", "agent", "yes");
        pages.waitFor(d -> !d.findElements(By.cssSelector("#projection-rows tr")).isEmpty() ? true : null);
        for (WebElement row : browser.findElements(By.cssSelector("#projection-rows tr"))) {
            assertThat(row.findElement(By.cssSelector(".projection-status")).getText()).isIn("live", "replaying");
            assertThat(row.findElement(By.cssSelector("button[data-replay]")).getAttribute("aria-label"))
                    .isEqualTo("Replay " + row.getAttribute("data-projection"));
        }
        assertThat(browser.findElement(By.id("inbox")).isDisplayed()).isFalse();
        assertThat(nav.getAttribute("aria-pressed")).isEqualTo("true");
        pages.screenshot("17-console-admin");
        nav.click();
        pages.visible(By.id("inbox"));
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void anAuditorAndAnAdminReadAChatsAuditTrail() throws IOException {
        String auditorEmail = "audrey-" + UUID.randomUUID() + "@parley.test";
        assertThat(api.post("/api/admin/users", admin, Map.of("name", "Audrey Auditor", "email", auditorEmail,
                "password", "auditor-password-1", "role", "auditor")).status()).isEqualTo(201);
        String chatId = api.post("/api/chats/guest", null, Map.of("name", "Ada Audit", "message", "Trace me"))
                .data().path("chat").path("id").asText();
        assertThat(api.post("/api/chats/" + chatId + "/notes", admin, Map.of("content", "Audited note")).status())
                .isEqualTo(201);

        consoleLogin(auditorEmail, "auditor-password-1", "Audrey Auditor", false);
        assertThat(browser.findElement(By.id("desk")).isDisplayed()).isFalse();
        pages.visible(By.id("audit-chat")).sendKeys(chatId, Keys.ENTER);
        pages.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verdict"),
                "Hash chain intact"));
        List<String> types = browser.findElements(By.cssSelector("#audit-events .type")).stream()
                .map(WebElement::getText).toList();
        assertThat(types).containsExactly("ChatStarted", "MessageSent", "NoteAdded");
        assertThat(browser.findElement(By.id("audit-verdict")).getText())
                .isEqualTo("Hash chain intact: 3 events checked.");
        pages.screenshot("18-console-audit");

        consoleLogin("admin@parley.test", "admin-password-1", "Administrator");
        pages.visible(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
        pages.waitForStored("Trace me");
        pages.visible(By.id("open-audit")).click();
        pages.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verdict"),
                "Hash chain intact"));
        assertThat(browser.findElements(By.cssSelector("#audit-events .type"))).hasSize(types.size());
        assertThat(pages.consoleErrors()).isEmpty();
    }

    @Test
    void anAgentHasNoAdminPage() {
        consoleLogin();
        assertThat(browser.findElement(By.id("nav-admin")).isDisplayed()).isFalse();
    }

    private record Guest(String window, String chatId) {
    }

    /** A new window with the console, logged in as this test's agent and live; answers its handle. */
    private String consoleLogin() {
        return consoleLogin(agentEmail, "agent-password-1", "Sam Support");
    }

    private String consoleLogin(String email, String password, String name) {
        return consoleLogin(email, password, name, true);
    }

    /** live: wait for the socket (auditors open none). */
    private String consoleLogin(String email, String password, String name, boolean live) {
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.manage().window().setSize(new Dimension(1280, 1080));
        browser.get(url("/console/?poll=0"));
        pages.ready();
        pages.visible(By.id("login-email")).sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys(password, Keys.ENTER);
        pages.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), name));
        if (live) {
            pages.waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));
        }
        return browser.getWindowHandle();
    }

    /** A new window with the widget, where a guest starts a chat; the widget's storage is emptied first. */
    private Guest guestStarts(String name, String message) {
        pages.js("localStorage.clear()");
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(url("/widget/?poll=0"));
        pages.ready();
        pages.visible(By.id("bubble")).click();
        pages.visible(By.id("guest-name")).sendKeys(name);
        browser.findElement(By.id("first-message")).sendKeys(message);
        browser.findElement(By.id("start-submit")).click();
        pages.waitForStored(message);
        pages.waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "connected"));
        String chatId = (String) pages.js("return JSON.parse(localStorage.getItem('parley.widget')).chatId");
        return new Guest(browser.getWindowHandle(), chatId);
    }

    private void openAndTake(String chatId, String firstMessage) {
        pages.visible(By.cssSelector(".chat-item[data-chat-id='" + chatId + "']")).click();
        pages.waitForStored(firstMessage);
        browser.findElement(By.id("take")).click();
        pages.waitFor(ExpectedConditions.textToBe(By.id("take"), "Taken"));
    }

    private void saveCannedReply(String shortcode, String title, String content) {
        assertThat(api.post("/api/canned-responses", admin,
                Map.of("shortcode", shortcode, "title", title, "content", content)).status()).isEqualTo(201);
    }

    private List<WebElement> options() {
        return browser.findElements(By.cssSelector("#canned-list [role=option]"));
    }

    private List<String> messageTexts() {
        return browser.findElements(By.cssSelector("#messages .message[data-seq] .content")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> noteTexts() {
        return browser.findElements(By.cssSelector("#notes-list .note .content")).stream().map(WebElement::getText)
                .toList();
    }

    private List<String> tagTexts() {
        return browser.findElements(By.cssSelector("#chat-tags-shown .tag")).stream().map(WebElement::getText)
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + httpPort + path;
    }
}
