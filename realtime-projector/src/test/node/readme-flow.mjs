// Seed 000's flow (a user, a guest and two agents) written from the README and the API contract only, with the
// official socket.io-client 4.x. Usage: PARLEY_API=http://127.0.0.1:8080 PARLEY_SOCKET=http://127.0.0.1:9092 \
//   PARLEY_ADMIN_EMAIL=… PARLEY_ADMIN_PASSWORD=… node readme-flow.mjs      (exits 0 when every check passed)
import { io } from "socket.io-client";

const API = (process.env.PARLEY_API ?? "http://127.0.0.1:8080") + "/api";
const SOCKET_URL = process.env.PARLEY_SOCKET ?? "http://127.0.0.1:9092";
const deadline = setTimeout(() => fail("the flow did not finish within 90 s"), 90_000);
const sockets = [];
let checks = 0;

function fail(why) {
  console.error(`readme flow FAILED: ${why}`);
  process.exit(1);
}
function check(condition, what) {
  if (!condition) fail(what);
  checks++;
}
async function call(method, path, token, body) {
  const response = await fetch(API + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  check(json.success === true, `${method} ${path} answered ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}
const unique = (name) => `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Connects like the README's snippet; every received event is kept for later checks. */
function connect(label, token, transports) {
  const socket = io(SOCKET_URL, { auth: { token }, transports, forceNew: true, reconnection: false });
  socket.received = [];
  socket.label = label;
  socket.onAny((event, data) => socket.received.push({ event, data }));
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", (err) => reject(Object.assign(err, { socket, label })));
  });
}
function waitFor(socket, event, match = () => true, ms = 15_000) {
  const found = socket.received.find((r) => r.event === event && match(r.data));
  if (found) return Promise.resolve(found.data);
  return new Promise((resolve) => {
    const timer = setTimeout(() => fail(`no ${event} within ${ms} ms`), ms);
    const listener = (name, data) => {
      if (name === event && match(data)) {
        clearTimeout(timer);
        socket.offAny(listener);
        resolve(data);
      }
    };
    socket.onAny(listener);
  });
}
async function ack(socket, event, payload) {
  const answer = await socket.timeout(15_000).emitWithAck(event, payload)
    .catch((err) => fail(`${event} of ${socket.label}: ${err.message}`));
  check(answer.success === true, `${event} acknowledged ${JSON.stringify(answer)}`);
  return answer.data;
}

// People: the admin creates two agents; a user registers; a guest needs no account.
const admin = await call("POST", "/auth/login", null,
  { email: process.env.PARLEY_ADMIN_EMAIL, password: process.env.PARLEY_ADMIN_PASSWORD });
async function agent(name) {
  const email = `${unique(name)}@parley.test`;
  await call("POST", "/admin/users", admin.token, { name, email, password: "agent-password-1", role: "agent" });
  return call("POST", "/auth/login", null, { email, password: "agent-password-1" });
}
const alice = await agent("Alice");
const bob = await agent("Bob");
const carla = await call("POST", "/auth/register", null,
  { name: "Carla", email: `${unique("carla")}@example.com`, password: "carla-password-1" });

// A bad token fails the connection with connect_error carrying {code, message}.
const refused = await connect("intruder", "not-a-token").then(() => null, (err) => err);
check(refused && refused.data?.code === "AUTH_FAILED" && refused.data?.message, "a bad token gets AUTH_FAILED");

const aliceSocket = await connect("alice", alice.token, ["websocket"]);   // as the README recommends
const bobSocket = await connect("bob", bob.token, ["polling"]);
const carlaSocket = await connect("carla", carla.token, ["websocket"]);

// Carla opens a ticket over REST: agents hear newChat.
const started = await call("POST", "/chats", carla.token, { message: "I cannot log in", subject: "Login" });
const chatId = started.chat.id;
const newChat = await waitFor(bobSocket, "newChat", (c) => c.id === chatId);
check(/^TKT-\d{4}-\d{6}$/.test(newChat.ticketNumber) && newChat.status === "open", "newChat is the chat");

// A guest opens one too and connects with the guest token.
const guest = await call("POST", "/chats/guest", null, { name: "Gus", message: "Hello from a guest" });
const gusSocket = await connect("gus", guest.guestToken, ["websocket"]);

// Both sides join; joinChat answers with what they missed.
const carlaJoined = await ack(carlaSocket, "joinChat", { chatId });
check(carlaJoined.missed.length === 1 && carlaJoined.missed[0].content === "I cannot log in", "missed = first message");
await ack(aliceSocket, "joinChat", { chatId });
await ack(gusSocket, "joinChat", { chatId: guest.chat.id });
const denied = await carlaSocket.emitWithAck("joinChat", { chatId: guest.chat.id });
check(denied.success === false && denied.error.code === "NOT_FOUND", "Carla cannot join the guest's chat");

// Alice takes the chat (REST) and answers (socket).
await call("POST", `/chats/${chatId}/assign`, alice.token);
const assigned = await waitFor(carlaSocket, "chatAssigned", (a) => a.chatId === chatId);
check(assigned.agentId === alice.user.id && assigned.agentName === "Alice", "chatAssigned names Alice");
const reply = await ack(aliceSocket, "sendMessage", { chatId, content: "Hi Carla, try now", clientMessageId: "a-1" });
const delivered = await waitFor(carlaSocket, "newMessage", (m) => m.id === reply.id);
check(delivered.seq === reply.seq && delivered.senderType === "agent", "Carla gets Alice's reply");
check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(delivered.createdAt), "times have milliseconds");

// Typing, read receipt and Carla's reply.
await ack(carlaSocket, "typing", { chatId, isTyping: true });
const typing = await waitFor(aliceSocket, "userTyping", (t) => t.isTyping && t.userId === carla.user.id);
check(typing.userName === "Carla", "Alice sees Carla typing");
const read = await ack(carlaSocket, "markRead", { chatId });
await waitFor(aliceSocket, "messagesRead", (r) => r.readerId === carla.user.id && r.upToSeq === read.upToSeq);
const thanks = await ack(carlaSocket, "sendMessage", { chatId, content: "It works, thanks!" });
await waitFor(aliceSocket, "newMessage", (m) => m.id === thanks.id);
await waitFor(aliceSocket, "inboxUpdate", (u) => u.chatId === chatId && u.lastMessage?.id === thanks.id);

// Bob takes the guest's chat; they talk over sockets.
await ack(bobSocket, "joinChat", { chatId: guest.chat.id });
await call("POST", `/chats/${guest.chat.id}/assign`, bob.token);
const hello = await ack(bobSocket, "sendMessage", { chatId: guest.chat.id, content: "Hello Gus" });
await waitFor(gusSocket, "newMessage", (m) => m.id === hello.id);
const gusReply = await ack(gusSocket, "sendMessage", { chatId: guest.chat.id, content: "Thanks Bob" });
await waitFor(bobSocket, "newMessage", (m) => m.id === gusReply.id && m.senderType === "guest");

// Alice closes Carla's chat with a summary.
await call("POST", `/chats/${chatId}/close`, alice.token, { resolutionSummary: "Password reset" });
const closed = await waitFor(carlaSocket, "chatClosed", (c) => c.chatId === chatId);
check(closed.closedBy === alice.user.id && closed.resolutionSummary === "Password reset", "chatClosed");

// Nobody got what was not theirs.
const concerns = (socket, id) => socket.received.filter((r) => r.data?.chatId === id || r.data?.id === id);
check(concerns(carlaSocket, guest.chat.id).length === 0, "Carla never hears of the guest's chat");
check(concerns(gusSocket, chatId).length === 0, "the guest never hears of Carla's chat");
check(!gusSocket.received.some((r) => r.event === "newChat"), "a guest gets no agents events");
check(refused.socket.received.length === 0, "a refused socket receives nothing");

clearTimeout(deadline);
sockets.forEach((socket) => socket.close());
console.log(`readme flow: ${checks} passed, 0 failed`);
process.exit(0); // idle keep-alive connections of fetch must not hold the process open
