import { el, setText } from "./lib/dom.js";

/**
 * The open chat's triage facts: its priority and tags (shown, and edited with PATCH /api/chats/{id}) and the
 * customer's rating once given. The form is filled from the chat as it comes, but not while the agent is
 * changing it: a refresh (a poll, a chatUpdated push) must not throw away what is being typed.
 */
export class ChatDetails {
  /** nodes: {form, priority, tags, priorityShown, tagsShown, rating} */
  constructor(nodes, api) {
    this.nodes = nodes;
    this.api = api;
    this.chatId = null;
    this.dirty = false;
  }

  /** Wires the form; onSaved(chat) gets the chat the PATCH answered, onError(e) a refusal. */
  attach(onSaved, onError) {
    const { form, priority, tags } = this.nodes;
    for (const input of [priority, tags]) {
      for (const type of ["input", "change"]) {
        input.addEventListener(type, () => { this.dirty = true; });
      }
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chatId = this.chatId;
      try {
        const chat = await this.api.patch(`/api/chats/${encodeURIComponent(chatId)}`, {
          priority: priority.value,
          tags: tags.value.split(",").map((tag) => tag.trim()).filter(Boolean),
        });
        this.dirty = false;
        if (chatId === this.chatId) {
          this.show(chat);
        }
        onSaved(chat);
      } catch (e) {
        onError(e);
      }
    });
  }

  /** Shows a chat's facts; the form follows unless the agent has unsaved changes to this chat. */
  show(chat) {
    const { form, priority, tags, priorityShown, tagsShown, rating } = this.nodes;
    if (chat.id !== this.chatId) {
      this.chatId = chat.id;
      this.dirty = false;
    }
    setText(priorityShown, `Priority: ${chat.priority}`);
    tagsShown.replaceChildren(...(chat.tags || []).map((tag) => el("span", { class: "tag" }, tag)));
    if (!this.dirty) {
      priority.value = chat.priority;
      tags.value = (chat.tags || []).join(", ");
    }
    const closed = chat.status === "closed";
    for (const control of form.elements) {
      control.disabled = closed;
    }
    rating.hidden = !chat.rating;
    if (chat.rating) {
      const { score, comment } = chat.rating;
      setText(rating, `Customer rating: ${"★".repeat(score)}${"☆".repeat(5 - score)} ${score}/5`
        + (comment ? ` — “${comment}”` : ""));
    }
  }
}

/** The tags of an inbox row, as small labels. */
export function tagLabels(chat) {
  return (chat.tags || []).map((tag) => el("span", { class: "tag" }, tag));
}
