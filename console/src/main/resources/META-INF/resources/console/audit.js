import { el, setText, time } from "./lib/dom.js";

/**
 * A chat's audit trail for auditors and admins: every stored event of the chat in order (sequence, type, actor,
 * time) and whether its hash chain is intact, as the server re-checks it (GET /api/audit/chats/{id}/events and
 * /verify). Auditors reach it by a chat's id; admins by "Audit trail" on the open chat.
 */
export class AuditTrail {
  /** nodes: {section, form, chatId, verdict, events, error}; api: the REST client. */
  constructor(nodes, api) {
    this.nodes = nodes;
    this.api = api;
  }

  /** Wires the chat id form; the page calls it once. */
  attach() {
    this.nodes.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chatId = this.nodes.chatId.value.trim();
      if (chatId) {
        this.load(chatId);
      }
    });
  }

  async load(chatId) {
    const { section, chatId: input, verdict, events, error } = this.nodes;
    section.hidden = false;
    input.value = chatId;
    const path = `/api/audit/chats/${encodeURIComponent(chatId)}`;
    try {
      const [trail, check] = await Promise.all([this.api.get(`${path}/events?limit=1000`),
        this.api.get(`${path}/verify`)]);
      events.replaceChildren(...trail.map((event) => el("li", { class: "audit-event" },
        el("span", { class: "sequence" }, `#${event.sequence}`), " ", el("span", { class: "type" }, event.type),
        " ", el("span", { class: "muted" }, `by ${event.actor?.name || event.actor?.role || "system"}`), " ",
        time(event.occurredAt))));
      setText(verdict, check.valid ? `Hash chain intact: ${check.events} events checked.`
        : `Hash chain broken at sequence ${check.firstInvalidSequence}.`);
      verdict.classList.toggle("error", !check.valid);
      setText(error, "");
    } catch (e) {
      events.replaceChildren();
      setText(verdict, "");
      setText(error, e.message);
    }
  }
}
