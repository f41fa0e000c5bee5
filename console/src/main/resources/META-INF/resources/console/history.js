import { query } from "./lib/api.js";

/** How many messages a chat opens with, and how many more each step back brings. */
export const PAGE = 50;

/**
 * Earlier history of the open chat, a page at a time (GET /messages?beforeSeq=): a chat opens on its latest
 * messages only, and scrolling to the top of the list, or the "Earlier messages" button for the keyboard, brings
 * the page before the oldest one shown, without moving what the agent is reading.
 */
export class EarlierHistory {
  /** list: the messages list; button: "Earlier messages"; api: the REST client; open(): {chatId, conversation}. */
  constructor(list, button, api, open) {
    this.list = list;
    this.button = button;
    this.api = api;
    this.open = open;
    this.loading = false;
  }

  /** Wires the list's scrolling and the button; the page calls it once. */
  attach() {
    this.list.addEventListener("scroll", () => {
      if (this.list.scrollTop < 40) {
        this.load();
      }
    });
    this.button.addEventListener("click", () => this.load());
  }

  /** Shows the button while there is history before the oldest message held. */
  update() {
    const { conversation } = this.open();
    this.button.hidden = !conversation || conversation.firstSeq() <= 1;
  }

  async load() {
    const { chatId, conversation } = this.open();
    const first = conversation?.firstSeq() ?? 0;
    if (this.loading || !chatId || first <= 1) {
      return;
    }
    this.loading = true;
    try {
      const older = await this.api.get(`/api/chats/${encodeURIComponent(chatId)}/messages${query({
        beforeSeq: first, limit: PAGE })}`);
      if (this.open().chatId === chatId) {
        conversation.prepend(older);
      }
    } catch (e) {
      console.warn("earlier messages could not be read", e);
    } finally {
      this.loading = false;
      this.update();
    }
  }
}
