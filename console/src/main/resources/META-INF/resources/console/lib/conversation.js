import { el, setText, time } from "./dom.js";

/**
 * One chat's messages on screen, in seq order, shared by the console and the widget. It holds the messages
 * it was given (by seq, so a message seen twice is shown once), marks the viewer's own messages with a tick
 * (✓ stored, ✓✓ read by the other side), and shows messages still being sent until their stored copy arrives.
 */
export class Conversation {
  /** list: the <ol> to fill; isMine(message): whether the viewer's side sent it. */
  constructor(list, isMine) {
    this.list = list;
    this.isMine = isMine;
    this.messages = new Map();
    this.rows = new Map();
    this.pending = new Map();
    this.holdScroll = false;
  }

  /** The lowest seq held (0 if none): where loading earlier history goes on from. */
  firstSeq() {
    return this.messages.size ? Math.min(...this.messages.keys()) : 0;
  }

  /** Adds earlier messages above those shown, leaving the reader's view where it was; answers how many were new. */
  prepend(messages) {
    const fromBottom = this.list.scrollHeight - this.list.scrollTop;
    this.holdScroll = true;
    try {
      return this.merge(messages);
    } finally {
      this.holdScroll = false;
      this.list.scrollTop = this.list.scrollHeight - fromBottom;
    }
  }

  /** The highest seq held (0 if none). */
  lastSeq() {
    let last = 0;
    for (const seq of this.messages.keys()) {
      last = Math.max(last, seq);
    }
    return last;
  }

  /** Where the next poll should start: before the oldest own message not yet read, so its tick can turn. */
  pollAfterSeq() {
    let after = this.lastSeq();
    for (const message of this.messages.values()) {
      if (this.isMine(message) && !message.readAt && message.senderType !== "system") {
        after = Math.min(after, message.seq - 1);
      }
    }
    return after;
  }

  /** The highest seq of the other side's messages (what reading everything marks). */
  lastOtherSeq() {
    let last = 0;
    for (const message of this.messages.values()) {
      if (!this.isMine(message) && message.senderType !== "system") {
        last = Math.max(last, message.seq);
      }
    }
    return last;
  }

  /** Adds or refreshes messages; answers how many were new. */
  merge(messages) {
    let added = 0;
    for (const message of messages) {
      const known = this.messages.get(message.seq);
      this.messages.set(message.seq, message);
      if (message.clientMessageId && this.pending.has(message.clientMessageId)) {
        this.pending.get(message.clientMessageId).remove();
        this.pending.delete(message.clientMessageId);
      }
      if (!known) {
        added++;
        this.insert(message);
      } else if (known.readAt !== message.readAt) {
        this.updateTick(message);
      }
    }
    return added;
  }

  /** A messagesRead event of the other side: the viewer's messages up to upToSeq are read. */
  markReadUpTo(upToSeq, readAt) {
    for (const message of this.messages.values()) {
      if (message.seq <= upToSeq && !message.readAt && this.isMine(message) && message.senderType !== "system") {
        message.readAt = readAt;
        this.updateTick(message);
      }
    }
  }

  /** Shows a message that is being sent (no seq yet), until merge() brings its stored copy. */
  addPending(clientMessageId, content, senderName) {
    if (this.pending.has(clientMessageId)) {
      return;
    }
    const row = el("li", { class: "message mine pending", "data-client-message-id": clientMessageId },
      el("div", { class: "meta" }, el("span", { class: "sender" }, senderName)),
      el("p", { class: "content" }, content),
      el("span", { class: "tick" }, "sending…"));
    this.pending.set(clientMessageId, row);
    this.list.append(row);
    this.scroll();
  }

  /** Marks a message that could not be sent, with the reason. */
  failPending(clientMessageId, reason) {
    const row = this.pending.get(clientMessageId);
    if (row) {
      row.classList.add("failed");
      setText(row.querySelector(".tick"), `not sent: ${reason}`);
      this.pending.delete(clientMessageId);
    }
  }

  clear() {
    this.messages.clear();
    this.rows.clear();
    this.pending.clear();
    this.list.replaceChildren();
  }

  insert(message) {
    const mine = this.isMine(message);
    const classes = ["message", message.senderType === "system" ? "system" : mine ? "mine" : "theirs"];
    const row = el("li", { class: classes.join(" "), "data-seq": message.seq },
      el("div", { class: "meta" }, el("span", { class: "sender" }, message.senderName || message.senderType),
        " ", time(message.createdAt)),
      el("p", { class: "content" }, message.content ?? ""),
      mine && message.senderType !== "system" ? el("span", { class: "tick" }) : null);
    this.rows.set(message.seq, row);
    const next = [...this.rows.keys()].filter((seq) => seq > message.seq).sort((a, b) => a - b)[0];
    if (next === undefined) {
      const firstPending = this.list.querySelector(".pending");
      this.list.insertBefore(row, firstPending);
    } else {
      this.list.insertBefore(row, this.rows.get(next));
    }
    this.updateTick(message);
    this.scroll();
  }

  updateTick(message) {
    const tick = this.rows.get(message.seq)?.querySelector(".tick");
    if (tick) {
      tick.classList.toggle("read", Boolean(message.readAt));
      setText(tick, message.readAt ? "✓✓ Read" : "✓ Sent");
    }
  }

  scroll() {
    if (this.holdScroll) {
      return;
    }
    this.list.scrollTop = this.list.scrollHeight;
  }
}
