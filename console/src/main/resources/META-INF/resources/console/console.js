import { AdminPage } from "./admin.js";
import { AuditTrail } from "./audit.js";
import { CannedReplies } from "./canned.js";
import { ChatDetails, tagLabels } from "./details.js";
import { EarlierHistory, PAGE } from "./history.js";
import { ApiError, createApi, query } from "./lib/api.js";
import { Conversation } from "./lib/conversation.js";
import { el, randomId, setText, show } from "./lib/dom.js";
import { connectLive, pollInterval, request, TypingIndicator, TypingSignal } from "./lib/live.js";
import { Poller } from "./lib/poller.js";
import { Notes } from "./notes.js";
import { CustomerPresence } from "./presence.js";
import { Transfer } from "./transfer.js";

/**
 * The agent console: log in, watch the inbox (filtered by status and holder, searched by ticket, subject or
 * customer, or by tag), open a chat, take it, reply (saved replies by "/shortcode"), mark it read, resolve or close
 * it with a summary, set its priority and tags, keep private notes, see its rating; admins transfer it. It speaks
 * the public REST API and, when the Socket.IO client is there, the socket events (live inbox, messages, typing,
 * read ticks, notes, edits, ratings, presence); without a live connection it polls. The token lives in
 * sessionStorage (this tab only).
 */

const SESSION_KEY = "parley.console.session";
const POLL_MS = pollInterval(2000);

const $ = (id) => document.getElementById(id);
let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
const api = createApi(() => session?.token);

const inboxPoller = new Poller(refreshInbox, POLL_MS);
const chatPoller = new Poller(refreshChat, POLL_MS);
const typingIndicator = new TypingIndicator($("typing"));
const typingSignal = new TypingSignal((isTyping) => {
  if (socket?.connected && openChat) {
    socket.emit("typing", { chatId: openChat, isTyping });
  }
});
const notes = new Notes($("notes-list"), $("notes-empty"));
const canned = new CannedReplies($("reply"), $("canned-list"), api);
const details = new ChatDetails({ form: $("details"), priority: $("chat-priority"), tags: $("chat-tags"),
  priorityShown: $("chat-priority-shown"), tagsShown: $("chat-tags-shown"), rating: $("chat-rating") }, api);
const earlier = new EarlierHistory($("messages"), $("older"), api, () => ({ chatId: openChat, conversation }));
const transfer = new Transfer({ box: $("transfer-box"), select: $("transfer-to"), button: $("transfer") }, api);
const presence = new CustomerPresence($("chat-presence"));
const adminPage = new AdminPage({ staff: $("staff-rows"), projections: $("projection-rows"),
  error: $("admin-error"), refresh: $("admin-refresh") }, api);
const audit = new AuditTrail({ section: $("audit"), form: $("audit-form"), chatId: $("audit-chat"),
  verdict: $("audit-verdict"), events: $("audit-events"), error: $("audit-error") }, api);
let openChat = null;
let joinedChat = null;
let conversation = null;
let lastReadSeq = 0;
let socket = null;
let connecting = false;
let shownChat = null;

function signedIn(data) {
  session = { token: data.token, user: data.user };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  render();
}

function signOut() {
  socket?.disconnect();
  socket = null;
  inboxPoller.stop();
  chatPoller.stop();
  session = null;
  openChat = null;
  sessionStorage.removeItem(SESSION_KEY);
  render();
}

function render() {
  const loggedIn = Boolean(session);
  show($("login"), !loggedIn);
  show($("who"), loggedIn);
  show($("nav-admin"), loggedIn && session.user.role === "admin");
  showAdmin(false);
  const auditor = loggedIn && session.user.role === "auditor";
  show($("audit"), auditor);
  if (auditor) {
    show($("desk"), false); // auditors read audit trails only: no inbox, no socket
    setText($("who-name"), `${session.user.name} (${session.user.role})`);
  } else if (loggedIn) {
    setText($("who-name"), `${session.user.name} (${session.user.role})`);
    inboxPoller.start();
    goLive();
    transfer.start(session.user).catch((e) => setText($("inbox-error"), e.message));
  } else {
    $("login-email").focus();
  }
}

/** Runs an API call; an expired or revoked token sends the agent back to the login form. */
async function guarded(call, errorNode) {
  try {
    const result = await call();
    if (errorNode) {
      setText(errorNode, "");
    }
    return result;
  } catch (e) {
    if (e instanceof ApiError && (e.code === "AUTH_FAILED" || e.code === "AUTH_REQUIRED")) {
      signOut();
      setText($("login-error"), "Your session ended; please log in again.");
    } else if (errorNode) {
      setText(errorNode, e.message);
    }
    throw e;
  }
}

/** Opens the socket (once per login); while it is connected the pages do not poll. */
async function goLive() {
  if (socket || connecting) {
    return;
  }
  connecting = true;
  const token = session.token;
  const live = await connectLive(api, token, {
    connect: () => {
      document.body.dataset.live = "connected";
      inboxPoller.setInterval(0);
      chatPoller.setInterval(0);
      inboxPoller.now();
      joinedChat = null;
      chatPoller.now(); // and joins the open chat's room once its messages are read
    },
    disconnect: () => {
      document.body.dataset.live = "disconnected";
      inboxPoller.setInterval(POLL_MS);
      chatPoller.setInterval(POLL_MS);
      typingIndicator.clear();
    },
    newChat: () => inboxChanged(),
    inboxUpdate: () => inboxChanged(),
    chatAssigned: (e) => changed(e.chatId),
    chatStatusChanged: (e) => changed(e.chatId),
    chatClosed: (e) => changed(e.chatId),
    chatUpdated: (e) => changed(e.chatId),
    chatRated: (e) => changed(e.chatId),
    noteAdded: (e) => notes.merge(e.chatId, [e.note]),
    presence: (e) => presence.update(e),
    newMessage: (message) => {
      if (message.chatId === openChat) {
        conversation.merge([message]);
        typingIndicator.clear();
        if (shownChat?.id === openChat) {
          markRead(shownChat).catch(() => {}); // if the agent holds the chat
        }
      }
    },
    userTyping: (e) => {
      if (e.chatId === openChat && e.userId !== session?.user.id) {
        typingIndicator.show(e);
      }
    },
    messagesRead: (e) => {
      if (e.chatId === openChat && e.readerId !== session?.user.id) {
        conversation.markReadUpTo(e.upToSeq, e.readAt);
      }
    },
    forceLogout: () => {
      signOut();
      setText($("login-error"), "Your session ended; please log in again.");
    },
  });
  connecting = false;
  if (session?.token === token) {
    socket = live;
  } else {
    live?.disconnect();
  }
}

/**
 * The inbox changed: read it again now, and once more a little later, as the inbox read model the REST list
 * comes from may apply the change a moment after the socket told of it.
 */
let inboxFollowUp = null;
function inboxChanged() {
  inboxPoller.now();
  clearTimeout(inboxFollowUp);
  inboxFollowUp = setTimeout(() => inboxPoller.now(), 1500);
}

/** A socket event about a chat: refresh the inbox, and the open chat if it is this one. */
function changed(chatId) {
  inboxChanged();
  if (chatId === openChat) {
    chatPoller.now();
  }
}

/**
 * Joins the open chat's room, with what was missed since the last seq held (after every reconnect too). It runs
 * after the chat's latest page came over REST: joining with nothing held would bring the whole history at once.
 */
async function join(chatId) {
  joinedChat = chatId;
  const afterSeq = conversation.messages.size ? conversation.pollAfterSeq() : undefined;
  try {
    const data = await request(socket, "joinChat", afterSeq === undefined ? { chatId } : { chatId, afterSeq });
    if (chatId === openChat) {
      showChat(data.chat);
      presence.joined(data.chat, data.presence);
      conversation.merge(data.missed);
      await Promise.all([markRead(data.chat), loadNotes(chatId)]);
    }
  } catch (e) {
    if (chatId === openChat) {
      joinedChat = null; // the next refresh tries again
      setText($("chat-error"), e.message);
    }
  }
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const email = $("login-email").value.trim();
  const password = $("login-password").value;
  if (!email || !password) {
    setText($("login-error"), "Enter your email and password.");
    return;
  }
  $("login-submit").disabled = true;
  try {
    const data = await api.post("/api/auth/login", { email, password });
    if (!["agent", "admin", "auditor"].includes(data.user.role)) {
      setText($("login-error"), "The console is for agents, admins and auditors.");
      return;
    }
    setText($("login-error"), "");
    $("login-password").value = "";
    signedIn(data);
  } catch (e) {
    setText($("login-error"), e.message);
  } finally {
    $("login-submit").disabled = false;
  }
});

/** The admin's page in place of the desk (inbox and chat), or the desk again. */
function showAdmin(open) {
  const admin = open && session?.user.role === "admin";
  show($("admin"), admin);
  show($("desk"), Boolean(session) && !admin);
  $("nav-admin").setAttribute("aria-pressed", String(admin));
  setText($("nav-admin"), admin ? "Back to the inbox" : "Admin");
  if (admin) {
    adminPage.load();
  }
}

$("nav-admin").addEventListener("click", () => showAdmin($("admin").hidden));
adminPage.attach();

$("logout").addEventListener("click", async () => {
  try {
    await api.post("/api/auth/logout");
  } catch (e) {
    // The token may be gone already; the console forgets it either way.
  }
  signOut();
});

async function refreshInbox() {
  if (!session) {
    return;
  }
  const chats = await guarded(() => api.get(`/api/chats${query({
    status: $("filter-status").value,
    assignee: $("filter-assignee").value,
    q: $("filter-q").value.trim(),
    tag: $("filter-tag").value.trim().toLowerCase(),
    limit: 100,
  })}`), $("inbox-error"));
  const list = $("inbox-list");
  const focusedId = document.activeElement?.dataset?.chatId;
  list.replaceChildren(...chats.map(inboxItem));
  show($("inbox-empty"), chats.length === 0);
  if (focusedId) {
    list.querySelector(`[data-chat-id="${CSS.escape(focusedId)}"]`)?.focus();
  }
}

function inboxItem(chat) {
  const customer = chat.customer ? `${chat.customer.name}${chat.customer.type === "guest" ? " (guest)" : ""}` : "";
  const button = el("button", {
    type: "button",
    class: "chat-item",
    "data-chat-id": chat.id,
    "aria-current": openChat === chat.id ? "true" : "false",
  },
  el("span", { class: "line" }, el("span", { class: "ticket" }, chat.ticketNumber),
    el("span", { class: "status" }, chat.status),
    chat.priority && chat.priority !== "medium" ? el("span", { class: `priority ${chat.priority}` }, chat.priority)
      : null,
    chat.unreadCount > 0 ? el("span", { class: "badge", "aria-label": `${chat.unreadCount} unread` },
      String(chat.unreadCount)) : null),
  el("span", { class: "subject" }, chat.subject || "(no subject)"),
  el("span", { class: "customer muted" }, customer),
  chat.tags?.length ? el("span", { class: "tags" }, tagLabels(chat)) : null,
  el("span", { class: "agent muted" }, chat.assignedAgent ? `with ${chat.assignedAgent.name}` : "unassigned"));
  button.addEventListener("click", () => open(chat.id));
  return el("li", {}, button);
}

function open(chatId) {
  if (openChat && openChat !== chatId && socket?.connected) {
    typingSignal.stop();
    socket.emit("leaveChat", { chatId: openChat });
  }
  typingIndicator.clear();
  openChat = chatId;
  lastReadSeq = 0;
  conversation = new Conversation($("messages"), (m) => m.senderId === session.user.id);
  conversation.clear();
  notes.reset(chatId);
  canned.close();
  setText($("chat-error"), "");
  $("summary").value = "";
  show($("chat"), true);
  for (const item of document.querySelectorAll(".chat-item")) {
    item.setAttribute("aria-current", item.dataset.chatId === chatId ? "true" : "false");
  }
  joinedChat = null;
  earlier.update();
  chatPoller.stop();
  chatPoller.start();
}

async function refreshChat() {
  const chatId = openChat;
  if (!session || !chatId) {
    return;
  }
  const first = conversation.messages.size === 0;
  const [chat, messages] = await Promise.all([
    guarded(() => api.get(`/api/chats/${encodeURIComponent(chatId)}`), $("chat-error")),
    guarded(() => api.get(`/api/chats/${encodeURIComponent(chatId)}/messages${query({
      afterSeq: first ? undefined : conversation.pollAfterSeq(),
      limit: first ? PAGE : 200,
    })}`), $("chat-error")),
  ]);
  if (chatId !== openChat) {
    return;
  }
  showChat(chat);
  conversation.merge(messages);
  earlier.update();
  if (socket?.connected && joinedChat !== chatId) {
    join(chatId);
  }
  await Promise.all([markRead(chat), loadNotes(chatId)]);
}

/** Reads the chat's notes (the noteAdded push brings new ones while live; this covers the rest). */
async function loadNotes(chatId) {
  const list = await guarded(() => api.get(`/api/chats/${encodeURIComponent(chatId)}/notes`), $("chat-error"));
  notes.merge(chatId, list);
}

function showChat(chat) {
  shownChat = chat;
  setText($("chat-title"), `${chat.ticketNumber} · ${chat.subject || "(no subject)"}`);
  setText($("chat-status"), chat.status);
  setText($("chat-customer"), chat.customer ? `Customer: ${chat.customer.name}` : "");
  setText($("chat-agent"), chat.assignedAgent ? `Agent: ${chat.assignedAgent.name}` : "Unassigned");
  const mine = chat.assignedAgent?.id === session.user.id;
  const closed = chat.status === "closed";
  $("take").disabled = mine || closed;
  setText($("take"), mine ? "Taken" : "Take");
  $("resolve").disabled = closed || chat.status === "resolved";
  $("close").disabled = closed;
  $("send").disabled = closed;
  $("reply").disabled = closed;
  details.show(chat);
  transfer.show(chat);
  presence.show(chat);
}

/** Marks the customer's messages read once the agent holding the chat has them on screen. */
async function markRead(chat) {
  const upToSeq = conversation.lastOtherSeq();
  if (upToSeq <= lastReadSeq || chat.assignedAgent?.id !== session.user.id || document.hidden) {
    return;
  }
  await api.post(`/api/chats/${encodeURIComponent(chat.id)}/read`, { upToSeq });
  lastReadSeq = upToSeq;
  inboxPoller.now();
}

async function chatAction(path, body) {
  const chatId = openChat;
  try {
    const chat = await guarded(() => api.post(`/api/chats/${encodeURIComponent(chatId)}/${path}`, body),
      $("chat-error"));
    if (chatId === openChat) {
      showChat(chat);
    }
    chatPoller.now();
    inboxPoller.now();
  } catch (e) {
    // Shown in the chat's error line.
  }
}

function summaryBody(extra) {
  const summary = $("summary").value.trim();
  return summary ? { ...extra, resolutionSummary: summary } : extra;
}

let searchTimer = null;
$("inbox-filters").addEventListener("submit", (event) => {
  event.preventDefault();
  inboxPoller.now();
});
$("filter-status").addEventListener("change", () => inboxPoller.now());
$("filter-assignee").addEventListener("change", () => inboxPoller.now());
$("filter-tag").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => inboxPoller.now(), 300);
});
$("filter-q").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => inboxPoller.now(), 300);
});

$("take").addEventListener("click", () => chatAction("assign", {}));
$("resolve").addEventListener("click", () => chatAction("status", summaryBody({ status: "resolved" })));
$("close").addEventListener("click", () => chatAction("close", summaryBody({})));
details.attach(() => inboxPoller.now(), (e) => setText($("chat-error"), e.message));
earlier.attach();
transfer.attach((agentId) => chatAction("assign", { agentId }));
audit.attach();
$("open-audit").addEventListener("click", () => {
  audit.load(openChat);
  $("audit").scrollIntoView();
});
canned.attach();

$("note-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("note-text").value;
  const chatId = openChat;
  if (!content.trim() || !chatId) {
    return;
  }
  try {
    const note = await guarded(() => api.post(`/api/chats/${encodeURIComponent(chatId)}/notes`, { content }),
      $("chat-error"));
    $("note-text").value = "";
    notes.merge(chatId, [note]);
  } catch (e) {
    // Shown in the chat's error line; the note stays in the box.
  }
});

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("reply").value;
  if (!content.trim() || !openChat) {
    return;
  }
  const chatId = openChat;
  const clientMessageId = randomId();
  conversation.addPending(clientMessageId, content, session.user.name);
  $("reply").value = "";
  typingSignal.stop();
  if (socket?.connected && await sendLive(chatId, content, clientMessageId)) {
    return;
  }
  await send(chatId, content, clientMessageId, 0);
});

/**
 * Sends a reply over the socket; answers false when no ack came (then it goes over REST with the same
 * clientMessageId, so it is stored once whichever copy arrives).
 */
async function sendLive(chatId, content, clientMessageId) {
  try {
    const message = await request(socket, "sendMessage", { chatId, content, clientMessageId });
    if (chatId === openChat) {
      conversation.merge([message]);
    }
    return true;
  } catch (e) {
    if (e.code === "TIMEOUT" || e.code === "RATE_LIMITED" || e.code === "INTERNAL") {
      return false;
    }
    if (chatId === openChat) {
      conversation.failPending(clientMessageId, e.message);
    }
    return true;
  }
}

/** Sends a reply; a network failure retries with the same clientMessageId, so it is stored once. */
async function send(chatId, content, clientMessageId, attempt) {
  try {
    const message = await guarded(() => api.post(`/api/chats/${encodeURIComponent(chatId)}/messages`,
      { content, clientMessageId }), $("chat-error"));
    if (chatId === openChat) {
      conversation.merge([message]);
    }
    inboxPoller.now();
  } catch (e) {
    const retry = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.code === "RATE_LIMITED");
    if (retry && attempt < 5) {
      setTimeout(() => send(chatId, content, clientMessageId, attempt + 1), 1000 * (attempt + 1));
    } else if (chatId === openChat) {
      conversation.failPending(clientMessageId, e.message);
    }
  }
}

$("reply").addEventListener("input", () => typingSignal.keystroke());
$("reply").addEventListener("blur", () => typingSignal.stop());
$("reply").addEventListener("keydown", (event) => {
  if (canned.handleKey(event)) {
    return;
  }
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    chatPoller.now();
  }
});

render();

// Every control is wired: tests (and anyone watching) may act on the page now.
document.body.dataset.ready = "true";
