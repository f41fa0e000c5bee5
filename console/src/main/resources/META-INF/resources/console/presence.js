import { setText } from "./lib/dom.js";

/**
 * Whether the open chat's customer is there: "online" while their widget (or app) is connected, "offline" (with
 * when they were last seen) after. The joinChat ack lists who is in the chat's room now; the presence pushes that
 * staff get in the agents room keep it current, for every person, so a chat opened later starts right too.
 */
export class CustomerPresence {
  /** node: where "online"/"offline" is shown. */
  constructor(node) {
    this.node = node;
    this.customerId = null;
    this.known = new Map();
  }

  /** A presence push {userId, online, lastSeen}. */
  update(presence) {
    this.known.set(presence.userId, presence);
    this.render();
  }

  /** The joinChat ack: the people in the room now; the customer is offline if not among them. */
  joined(chat, presence) {
    for (const person of presence || []) {
      this.known.set(person.userId, person);
    }
    const customerId = chat.customer?.id;
    if (customerId && !(presence || []).some((person) => person.userId === customerId)) {
      this.known.set(customerId, { userId: customerId, online: false, lastSeen: this.known.get(customerId)?.lastSeen });
    }
    this.show(chat);
  }

  show(chat) {
    this.customerId = chat.customer?.id ?? null;
    this.render();
  }

  render() {
    const presence = this.known.get(this.customerId);
    this.node.dataset.online = presence ? String(presence.online) : "";
    if (!presence) {
      setText(this.node, "");
    } else if (presence.online) {
      setText(this.node, "● online");
    } else {
      const seen = presence.lastSeen ? new Date(presence.lastSeen) : null;
      setText(this.node, seen && !Number.isNaN(seen.getTime())
        ? `offline, last seen ${seen.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : "offline");
    }
  }
}
