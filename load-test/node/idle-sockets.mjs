// Holds N idle Socket.IO v4 connections with the official client, for ./bench.sh connections.
// Node's event loop holds tens of thousands of sockets in one process; the Java client keeps threads per socket.
// usage: node idle-sockets.mjs <socketUrl> <tokensFile> <count> <perSecond> <maxInFlight> <timeoutMs>
// stdout, one JSON object a line: {t:"c",us} a socket connected after us microseconds; {t:"f",reason} one failed;
// {t:"ramped",opened,failed} every attempt is settled; {t:"count",open,dropped} answers "count" on stdin;
// {t:"closed"} answers "close" on stdin, then the process exits. It also exits when stdin closes.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { io } from "socket.io-client";

const [url, tokensFile, countArg, rateArg, inFlightArg, timeoutArg] = process.argv.slice(2);
const tokens = readFileSync(tokensFile, "utf8").split("\n").filter((t) => t.length > 0);
const count = Number(countArg), perSecond = Number(rateArg);
const maxInFlight = Number(inFlightArg), timeoutMs = Number(timeoutArg);
const giveUpAfter = Math.max(100, Math.floor(count / 100));

const sockets = [];
let started = 0, opened = 0, failed = 0, inFlight = 0, dropped = 0;
const say = (o) => process.stdout.write(JSON.stringify(o) + "\n");

function open(i) {
  inFlight++;
  const begin = process.hrtime.bigint();
  const socket = io(url, {
    auth: { token: tokens[i % tokens.length] }, transports: ["websocket"], forceNew: true,
    reconnection: false, timeout: timeoutMs,
  });
  let settled = false;
  const settle = (ok, reason) => {
    if (settled) return;
    settled = true;
    inFlight--;
    if (ok) {
      opened++;
      sockets.push(socket);
      say({ t: "c", us: Number((process.hrtime.bigint() - begin) / 1000n) });
    } else {
      failed++;
      socket.close();
      say({ t: "f", reason: String(reason) });
    }
    if (opened + failed === started && (started === count || failed > giveUpAfter)) {
      say({ t: "ramped", opened, failed });
    }
  };
  socket.once("connect", () => settle(true));
  socket.once("connect_error", (err) => settle(false, err?.data?.code ?? err?.message ?? err));
  socket.on("disconnect", (reason) => {
    if (settled && reason !== "io client disconnect") dropped++;
  });
}

// Open loop at perSecond, never more than maxInFlight handshakes at once, stopping early on many failures.
const begin = Date.now();
const timer = setInterval(() => {
  const due = Math.min(count, Math.floor(((Date.now() - begin) / 1000) * perSecond) + 1);
  while (started < due && inFlight < maxInFlight && failed <= giveUpAfter) open(started++);
  if (started === count || failed > giveUpAfter) clearInterval(timer);
}, 5);
if (count === 0) say({ t: "ramped", opened: 0, failed: 0 });

const stdin = createInterface({ input: process.stdin });
stdin.on("line", (line) => {
  if (line === "count") say({ t: "count", open: sockets.filter((s) => s.connected).length, dropped });
  if (line === "close") shutdown();
});
stdin.on("close", shutdown);

function shutdown() {
  clearInterval(timer);
  for (const s of sockets) s.close();
  say({ t: "closed" });
  setTimeout(() => process.exit(0), 200);
}
