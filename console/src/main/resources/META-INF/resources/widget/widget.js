import { ApiError, createApi, query } from "../console/lib/api.js";
import { Conversation } from "../console/lib/conversation.js";
import { randomId, setText, show } from "../console/lib/dom.js";
import { connectLive, pollInterval, request, TypingIndicator, TypingSignal } from "../console/lib/live.js";
import { Poller } from "../console/lib/poller.js";
import { RatingPrompt } from "./rating.js";

/**
 * The customer widget: a bubble that opens a chat panel. A guest gives a name and a first message and gets a
 * chat; the guest token, the chat and the messages still being sent are kept in localStorage, so a reload or a
 * dropped connection loses nothing: history comes back from REST, unsent messages are sent again with the same
 * clientMessageId (stored once however often they are sent). New messages, the agent's typing, read ticks and
 * status changes arrive over Socket.IO when the client is there (joinChat with the last seq held, after every
 * reconnect), by polling otherwise. Messages go out over REST from the outbox, so they survive a reload.
 */

const STATE_KEY = "parley.widget";
const OUTBOX_KEY = "parley.widget.outbox";
const POLL_MS = pollInterval(2000);
const RETRY_MS = 2000;
const CHAT_EVERY = 3;

const $ = (id) => document.getElementById(id);
let state = JSON.parse(localStorage.getItem(STATE_KEY) || "null");
let outbox = JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]");
const api = createApi(() => state?.guestToken);
const conversation = new Conversation($("messages"), (m) => state && m.senderId === state.guestId);
const poller = new Poller(poll, POLL_MS);
let ticks = 0;
let lastReadSeq = 0;
let chatStatus = null;
let socket = null;
let connecting = false;
let retryTimer = null;
const typingIndicator = new TypingIndicator($("typing"));
const ratingPrompt = new RatingPrompt({ form: $("rating"), thanks: $("rating-thanks"), error: $("rating-error"),
  comment: $("rating-comment") }, api);
const typingSignal = new TypingSignal((isTyping) => {
  if (socket?.connected && state) {
    socket.emit("typing", { chatId: state.chatId, isTyping });
  }
});

function save() {
  if (state) {
    localStorage.setItem(STATE_KEY, JSON.stringify(state));
  } else {
    localStorage.removeItem(STATE_KEY);
  }
  localStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
}

function setPanel(open) {
  show($("panel"), open);
  $("bubble").setAttribute("aria-expanded", String(open));
  if (state) {
    state.panelOpen = open;
    save();
  }
  if (open) {
    (state ? $("message") : $("guest-name")).focus();
  }
}

$("bubble").addEventListener("click", () => setPanel($("panel").hidden));
$("minimise").addEventListener("click", () => {
  setPanel(false);
  $("bubble").focus();
});
$("panel").addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    setPanel(false);
    $("bubble").focus();
  }
});

function render() {
  const started = Boolean(state);
  show($("start"), !started);
  show($("talk"), started);
  setText($("ticket"), started ? state.ticketNumber : "");
  if (started) {
    poller.start();
    goLive();
  }
}

/** Opens the socket with the guest token (once per chat); while it is connected the widget does not poll. */
async function goLive() {
  if (socket || connecting) {
    return;
  }
  connecting = true;
  const token = state.guestToken;
  const live = await connectLive(api, token, {
    connect: () => {
      document.body.dataset.live = "connected";
      poller.setInterval(0);
      join();
    },
    disconnect: () => {
      document.body.dataset.live = "disconnected";
      poller.setInterval(POLL_MS);
      typingIndicator.clear();
    },
    newMessage: (message) => {
      if (state && message.chatId === state.chatId) {
        typingIndicator.clear();
        received([message]);
      }
    },
    userTyping: (e) => {
      if (state && e.chatId === state.chatId && e.userId !== state.guestId) {
        typingIndicator.show(e);
      }
    },
    messagesRead: (e) => {
      if (state && e.chatId === state.chatId && e.readerId !== state.guestId) {
        conversation.markReadUpTo(e.upToSeq, e.readAt);
      }
    },
    chatStatusChanged: (e) => {
      if (state && e.chatId === state.chatId) {
        showStatus(e.status);
      }
    },
    chatClosed: (e) => {
      if (state && e.chatId === state.chatId) {
        showStatus("closed");
      }
    },
  });
  connecting = false;
  if (state?.guestToken === token) {
    socket = live;
  } else {
    live?.disconnect();
  }
}

/** Joins the chat's room with what was missed since the last seq held (after every reconnect too). */
async function join() {
  if (!state) {
    return;
  }
  const chatId = state.chatId;
  const afterSeq = conversation.messages.size ? conversation.pollAfterSeq() : state.lastSeq || undefined;
  try {
    const data = await request(socket, "joinChat", afterSeq === undefined ? { chatId } : { chatId, afterSeq });
    if (state?.chatId === chatId) {
      showStatus(data.chat.status, data.chat.rating);
      await received(data.missed);
      await flushOutbox();
    }
  } catch (e) {
    if (e.code === "AUTH_FAILED" || e.code === "NOT_FOUND") {
      forget("This chat is no longer available. You can start a new one.");
    } else {
      setText($("talk-error"), e.message);
    }
  }
}

/** Messages that came over the socket: shown, the last seq kept, and read if the panel is open. */
async function received(messages) {
  if (!state) {
    return;
  }
  conversation.merge(messages);
  state.lastSeq = conversation.lastSeq();
  save();
  try {
    await markRead();
  } catch (e) {
    // Marked on the next message or poll.
  }
}

$("start").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("guest-name").value.trim();
  const message = $("first-message").value;
  if (!name || !message.trim()) {
    setText($("start-error"), "Please give your name and a message.");
    return;
  }
  $("start-submit").disabled = true;
  try {
    const data = await api.post("/api/chats/guest", { name, message });
    state = {
      guestToken: data.guestToken,
      guestId: data.guestId,
      chatId: data.chat.id,
      ticketNumber: data.chat.ticketNumber,
      name,
      lastSeq: 0,
      panelOpen: true,
    };
    outbox = [];
    save();
    setText($("start-error"), "");
    conversation.clear();
    conversation.merge(data.messages || []);
    showStatus(data.chat.status, data.chat.rating);
    render();
    $("message").focus();
  } catch (e) {
    setText($("start-error"), e.message);
  } finally {
    $("start-submit").disabled = false;
  }
});

async function poll() {
  if (!state) {
    return;
  }
  try {
    const chatPath = `/api/chats/${encodeURIComponent(state.chatId)}`;
    const first = conversation.messages.size === 0;
    const messages = await api.get(`${chatPath}/messages${query({
      afterSeq: first ? undefined : conversation.pollAfterSeq(),
      limit: first ? 50 : 200,
    })}`);
    conversation.merge(messages);
    state.lastSeq = conversation.lastSeq();
    save();
    if (first || ticks++ % CHAT_EVERY === 0 || messages.some((m) => m.senderType === "system")) {
      const chat = await api.get(chatPath);
      showStatus(chat.status, chat.rating);
    }
    setText($("talk-error"), "");
    await flushOutbox();
    await markRead();
  } catch (e) {
    if (e instanceof ApiError && (e.code === "AUTH_FAILED" || e.code === "NOT_FOUND")) {
      forget("This chat is no longer available. You can start a new one.");
    } else {
      setText($("talk-error"), e.message);
    }
  }
}

/** Shows the chat's status; rating: the chat's rating when the caller read the chat (undefined from a push). */
function showStatus(status, rating) {
  chatStatus = status;
  ratingPrompt.update(state?.chatId, status, rating);
  const label = { open: "waiting for an agent", in_progress: "in progress", pending: "waiting for you",
    resolved: "resolved", closed: "closed" }[status] || status;
  setText($("chat-status"), label);
  show($("chat-status"), true);
  const closed = status === "closed";
  $("send").disabled = closed;
  $("message").disabled = closed;
  show($("new-chat"), closed);
  setText($("talk-notice"), closed ? "This chat is closed." : status === "resolved"
    ? "This chat is resolved. Write again if you still need help." : "");
}

/** Tells the agent their messages were seen, while the panel is open and the page visible. */
async function markRead() {
  const upToSeq = conversation.lastOtherSeq();
  if (upToSeq <= lastReadSeq || $("panel").hidden || document.hidden || chatStatus === "closed") {
    return;
  }
  await api.post(`/api/chats/${encodeURIComponent(state.chatId)}/read`, { upToSeq });
  lastReadSeq = upToSeq;
}

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const content = $("message").value;
  if (!content.trim() || !state) {
    return;
  }
  const item = { clientMessageId: randomId(), content };
  outbox.push(item);
  save();
  $("message").value = "";
  typingSignal.stop();
  conversation.addPending(item.clientMessageId, content, state.name);
  await flushOutbox();
});

$("message").addEventListener("input", () => typingSignal.keystroke());
$("message").addEventListener("blur", () => typingSignal.stop());
$("message").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

let flushing = false;

/** Sends what is waiting, in order, each with its own clientMessageId; what fails for want of a network stays. */
async function flushOutbox() {
  if (flushing || !state) {
    return;
  }
  flushing = true;
  try {
    while (outbox.length > 0) {
      const item = outbox[0];
      conversation.addPending(item.clientMessageId, item.content, state.name);
      try {
        const message = await api.post(`/api/chats/${encodeURIComponent(state.chatId)}/messages`,
          { content: item.content, clientMessageId: item.clientMessageId });
        conversation.merge([message]);
      } catch (e) {
        const retry = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.code === "RATE_LIMITED");
        if (retry) {
          setText($("talk-error"), e.message);
          clearTimeout(retryTimer);
          retryTimer = setTimeout(flushOutbox, RETRY_MS); // without polling nothing else would try again
          return;
        }
        conversation.failPending(item.clientMessageId, e.message);
      }
      outbox.shift();
      save();
    }
  } finally {
    flushing = false;
  }
}

function forget(notice) {
  poller.stop();
  socket?.disconnect();
  socket = null;
  typingIndicator.clear();
  state = null;
  outbox = [];
  save();
  conversation.clear();
  lastReadSeq = 0;
  show($("chat-status"), false);
  ratingPrompt.hide();
  render();
  setText($("start-error"), notice || "");
}

$("new-chat").addEventListener("click", () => forget(""));
ratingPrompt.attach();

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    poller.now();
  }
});

render();
if (state?.panelOpen) {
  setPanel(true);
}

// Every control is wired: tests (and anyone watching) may act on the page now.
document.body.dataset.ready = "true";
