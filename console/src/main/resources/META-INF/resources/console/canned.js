import { query } from "./lib/api.js";
import { el } from "./lib/dom.js";

/**
 * Saved replies in the composer: a word "/shortcode" at the caret offers the canned responses whose shortcode or
 * title holds it (GET /api/canned-responses?q=), as a listbox under the reply box. Arrow keys move, Enter or Tab
 * insert the chosen reply in place of the word, Escape closes; a click inserts too. The reply box keeps the
 * keyboard focus throughout (aria-activedescendant names the chosen option), so typing simply goes on.
 */
export class CannedReplies {
  /** box: the reply textarea; list: the listbox under it; api: the REST client. */
  constructor(box, list, api) {
    this.box = box;
    this.list = list;
    this.api = api;
    this.options = [];
    this.active = -1;
    this.asked = 0;
  }

  /** Wires the box and the list; the page calls it once. */
  attach() {
    this.box.addEventListener("input", () => this.lookUp());
    this.box.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    // mousedown, not click: a click would first take the focus from the box and close the list.
    this.list.addEventListener("mousedown", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) {
        event.preventDefault();
        this.insert(Number(option.dataset.index));
      }
    });
  }

  /** Handles a key of the reply box while the list is open; answers true when the key was the list's. */
  handleKey(event) {
    if (this.list.hidden || this.options.length === 0) {
      return false;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.choose((this.active + step + this.options.length) % this.options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      this.insert(this.active);
    } else if (event.key === "Escape") {
      this.close();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  /** The "/word" that ends at the caret, if any. */
  word() {
    const before = this.box.value.slice(0, this.box.selectionStart);
    const match = /(^|\s)\/([^\s/]{1,64})$/.exec(before);
    return match ? { shortcode: match[2], start: before.length - match[2].length - 1 } : null;
  }

  async lookUp() {
    const word = this.word();
    if (!word) {
      this.close();
      return;
    }
    const asked = ++this.asked;
    let found;
    try {
      found = await this.api.get(`/api/canned-responses${query({ q: word.shortcode, limit: 8 })}`);
    } catch (e) {
      found = [];
    }
    if (asked === this.asked) {
      this.show(found);
    }
  }

  show(found) {
    this.options = found;
    this.list.replaceChildren(...found.map((canned, index) => el("li", {
      id: `canned-${index}`, role: "option", "aria-selected": "false", "data-index": index, class: "canned",
    }, el("span", { class: "shortcode" }, `/${canned.shortcode}`), " ", el("span", { class: "title" }, canned.title),
    el("span", { class: "preview muted" }, canned.content))));
    if (found.length === 0) {
      this.close();
      return;
    }
    this.list.hidden = false;
    this.box.setAttribute("aria-expanded", "true");
    this.choose(0);
  }

  choose(index) {
    this.active = index;
    for (const option of this.list.children) {
      option.setAttribute("aria-selected", String(Number(option.dataset.index) === index));
    }
    this.box.setAttribute("aria-activedescendant", `canned-${index}`);
    this.list.children[index]?.scrollIntoView({ block: "nearest" });
  }

  /** Puts the chosen reply in place of the "/word" and leaves the caret after it. */
  insert(index) {
    const canned = this.options[index];
    const word = this.word();
    if (canned && word) {
      const end = this.box.selectionStart;
      this.box.value = this.box.value.slice(0, word.start) + canned.content + this.box.value.slice(end);
      const caret = word.start + canned.content.length;
      this.box.setSelectionRange(caret, caret);
      this.box.dispatchEvent(new Event("input"));
    }
    this.close();
  }

  close() {
    this.asked++;
    this.options = [];
    this.active = -1;
    this.list.hidden = true;
    this.list.replaceChildren();
    this.box.setAttribute("aria-expanded", "false");
    this.box.removeAttribute("aria-activedescendant");
  }
}
