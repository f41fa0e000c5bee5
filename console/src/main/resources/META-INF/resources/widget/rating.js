import { setText, show } from "../console/lib/dom.js";

/**
 * The satisfaction question the widget asks once the chat is resolved or closed: a score from 1 to 5 and an
 * optional comment (POST /api/chats/{id}/rating), then "thanks". A chat is rated once; the server says so (409)
 * when the guest rated it already, e.g. before a reload, and the widget then just thanks again.
 */
export class RatingPrompt {
  /** nodes: {form, thanks, error, comment}; api: the REST client of the guest. */
  constructor(nodes, api) {
    this.nodes = nodes;
    this.api = api;
    this.chatId = null;
    this.rated = false;
  }

  /** Wires the form; the page calls it once. */
  attach() {
    this.nodes.form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const picked = this.nodes.form.querySelector("input[name=score]:checked");
      if (!picked) {
        setText(this.nodes.error, "Pick a score from 1 to 5.");
        return;
      }
      const comment = this.nodes.comment.value.trim();
      try {
        await this.api.post(`/api/chats/${encodeURIComponent(this.chatId)}/rating`,
          comment ? { score: Number(picked.value), comment } : { score: Number(picked.value) });
        this.done();
      } catch (e) {
        if (e.status === 409) {
          this.done();
        } else {
          setText(this.nodes.error, e.message);
        }
      }
    });
  }

  /** Shows the question while the chat can be rated and is not yet; rating: the chat's, when known. */
  update(chatId, status, rating) {
    if (chatId !== this.chatId) {
      this.chatId = chatId;
      this.rated = false;
      this.nodes.form.reset();
      setText(this.nodes.error, "");
    }
    if (rating) {
      this.rated = true;
    }
    const ended = status === "resolved" || status === "closed";
    show(this.nodes.form, ended && !this.rated);
    show(this.nodes.thanks, ended && this.rated);
  }

  /** Hides both (no chat). */
  hide() {
    this.chatId = null;
    show(this.nodes.form, false);
    show(this.nodes.thanks, false);
  }

  done() {
    this.rated = true;
    setText(this.nodes.error, "");
    show(this.nodes.form, false);
    show(this.nodes.thanks, true);
    this.nodes.thanks.focus();
  }
}
