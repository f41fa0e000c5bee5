/**
 * The pages' Socket.IO connection, with the official browser client that the build fetched from npm into
 * console/vendor/ (docs/console.md, "Live updates"). connectLive answers null when there is no live path (the
 * client file is missing, the server runs no socket server, the import fails): the page keeps polling then.
 * Also: how often a page polls (?poll=<ms>, 0 for never; the browser test uses 0 to prove the live path) and a
 * throttle for the typing indicator.
 */
const CLIENT = new URL("../vendor/socket.io.esm.min.js", import.meta.url).href;
const ACK_TIMEOUT_MS = 5000;

/** The polling interval: the page's ?poll= (milliseconds, 0 = no polling) or the given default. */
export function pollInterval(defaultMs) {
  const value = new URLSearchParams(location.search).get("poll");
  const ms = value === null ? NaN : Number(value);
  return Number.isInteger(ms) && ms >= 0 ? ms : defaultMs;
}

/**
 * Connects with the token to the socket server on this page's host; handlers maps event names to functions
 * (connect and disconnect included). Answers the socket, or null when the page must poll instead.
 */
export async function connectLive(api, token, handlers) {
  let io;
  let port;
  try {
    ({ io } = await import(CLIENT));
    ({ socketPort: port } = await api.get("/api/config/client"));
  } catch (e) {
    console.warn("live updates unavailable, polling instead:", e.message);
    return null;
  }
  if (!port) {
    return null;
  }
  const socket = io(`${location.protocol}//${location.hostname}:${port}`, { auth: { token }, transports: ["websocket"] });
  socket.on("connect_error", (e) => console.warn("live connection failed:", e.message));
  for (const [event, handler] of Object.entries(handlers)) {
    socket.on(event, handler);
  }
  return socket;
}

/**
 * Emits an event and waits for its acknowledgement: answers the ack's data, throws an Error with the ack's
 * code on {success:false}, and one with code "TIMEOUT" when no ack came in time (the caller may send again).
 */
export async function request(socket, event, payload) {
  let answer;
  try {
    answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
  } catch (e) {
    throw Object.assign(new Error("The server did not answer in time."), { code: "TIMEOUT" });
  }
  if (!answer || answer.success !== true) {
    const error = answer?.error || {};
    throw Object.assign(new Error(error.message || "Refused"), { code: error.code || "INTERNAL" });
  }
  return answer.data;
}

/**
 * Tells the other side while the viewer types: typing true at most every 2 s while keys come, false at once on
 * stop() (send, blur). The server clears a stale "typing" itself after 5 s.
 */
export class TypingSignal {
  constructor(emit) {
    this.emit = emit;
    this.lastSent = 0;
    this.typing = false;
  }

  keystroke() {
    const now = Date.now();
    if (!this.typing || now - this.lastSent > 2000) {
      this.typing = true;
      this.lastSent = now;
      this.emit(true);
    }
  }

  stop() {
    if (this.typing) {
      this.typing = false;
      this.emit(false);
    }
  }
}

/** Shows "<name> is typing…" in node while userTyping says so, and clears it after 6 s without news. */
export class TypingIndicator {
  constructor(node) {
    this.node = node;
    this.timer = null;
  }

  show(event) {
    clearTimeout(this.timer);
    this.node.textContent = event.isTyping ? `${event.userName || "Someone"} is typing…` : "";
    if (event.isTyping) {
      this.timer = setTimeout(() => this.clear(), 6000);
    }
  }

  clear() {
    clearTimeout(this.timer);
    this.node.textContent = "";
  }
}
