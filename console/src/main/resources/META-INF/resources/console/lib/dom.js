/**
 * DOM helpers shared by the console and the widget. Every piece of text goes in as a text node, never as markup:
 * content is stored as sent, so a message "<img src=x onerror=alert(1)>" must show as those characters.
 */

/** An element with attributes (set one by one, never as markup) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** Sets a node's text (textContent: no markup is ever parsed). */
export function setText(node, text) {
  node.textContent = text ?? "";
}

/** Shows or hides a node (the hidden attribute, so it leaves the accessibility tree too). */
export function show(node, visible) {
  node.hidden = !visible;
}

/** A short local time for a message, with the full ISO time as its machine-readable value. */
export function time(iso) {
  const date = new Date(iso);
  const label = Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return el("time", { datetime: iso }, label);
}

/** A random id for a message's clientMessageId (crypto.randomUUID needs a secure context; this does not). */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
