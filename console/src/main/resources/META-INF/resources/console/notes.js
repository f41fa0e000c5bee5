import { el, time } from "./lib/dom.js";

/**
 * The open chat's private notes: staff-only remarks kept apart from the conversation, so nobody mistakes one for
 * a message the customer saw. They come from GET /notes when a chat opens and from the staff-only noteAdded push;
 * each is shown once (by id), oldest first. The widget never loads this module and the API never gives it notes.
 */
export class Notes {
  /** list: the <ol> of notes; empty: the line shown while there are none. */
  constructor(list, empty) {
    this.list = list;
    this.empty = empty;
    this.chatId = null;
    this.ids = new Set();
  }

  /** Starts over for another chat. */
  reset(chatId) {
    this.chatId = chatId;
    this.ids.clear();
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  /** Adds the notes of this chat not shown yet (notes of another chat, e.g. a late answer, are ignored). */
  merge(chatId, notes) {
    if (chatId !== this.chatId) {
      return;
    }
    const fresh = notes.filter((note) => !this.ids.has(note.id));
    for (const note of fresh.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      this.ids.add(note.id);
      this.list.append(el("li", { class: "note", "data-note-id": note.id },
        el("div", { class: "meta" }, el("span", { class: "note-label" }, "Note"), " ",
          el("span", { class: "sender" }, note.authorName || "staff"), " ", time(note.createdAt)),
        el("p", { class: "content" }, note.content ?? "")));
    }
    this.empty.hidden = this.ids.size > 0;
    if (fresh.length) {
      this.list.scrollTop = this.list.scrollHeight;
    }
  }
}
