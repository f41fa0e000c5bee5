import { el } from "./lib/dom.js";

/**
 * Transfer, for admins: hands the open chat to another agent (POST /assign {agentId}). The contract lets only
 * admins assign someone else, so agents never see the control; the list of agents is the admin's user list.
 */
export class Transfer {
  /** nodes: {box, select, button}; api: the REST client. */
  constructor(nodes, api) {
    this.nodes = nodes;
    this.api = api;
    this.agents = [];
    this.chat = null;
  }

  /** Wires the button; assign(agentId) does the request (and shows its outcome). Called once by the page. */
  attach(assign) {
    this.nodes.button.addEventListener("click", () => {
      const agentId = this.nodes.select.value;
      if (agentId) {
        assign(agentId);
      }
    });
  }

  /** Shows the control to admins only, with the active agents read once per login. */
  async start(user) {
    this.nodes.box.hidden = user.role !== "admin";
    if (user.role !== "admin") {
      return;
    }
    const users = await this.api.get("/api/admin/users?role=agent&limit=100");
    this.agents = users.filter((agent) => agent.active !== false);
    this.fill();
  }

  /** Offers every agent but the chat's holder; nothing while the chat is closed. */
  show(chat) {
    this.chat = chat;
    this.fill();
  }

  fill() {
    const holder = this.chat?.assignedAgent?.id;
    const { select, button } = this.nodes;
    const chosen = select.value;
    select.replaceChildren(el("option", { value: "" }, "Choose an agent"),
      ...this.agents.filter((agent) => agent.id !== holder)
        .map((agent) => el("option", { value: agent.id }, agent.name)));
    select.value = [...select.options].some((option) => option.value === chosen) ? chosen : "";
    const closed = !this.chat || this.chat.status === "closed";
    select.disabled = closed;
    button.disabled = closed;
  }
}
