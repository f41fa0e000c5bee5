import { el, setText } from "./lib/dom.js";

/**
 * The admin's page: the staff (name, email, role, active, capacity) and the read models' state (live or
 * replaying, position, lag, progress), with a replay per read model. It reads on opening and on "Refresh";
 * a replay keeps serving from the current copy, so the table shows "replaying" until the new copy took over.
 */
export class AdminPage {
  /** nodes: {staff, projections, error, refresh}: two <tbody>, the error line and the refresh button. */
  constructor(nodes, api) {
    this.nodes = nodes;
    this.api = api;
  }

  /** Wires the refresh button and the replay buttons (one listener on the table); the page calls it once. */
  attach() {
    this.nodes.refresh.addEventListener("click", () => this.load());
    this.nodes.projections.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-replay]");
      if (button) {
        this.replay(button.dataset.replay);
      }
    });
  }

  async load() {
    try {
      const [staff, projections] = await Promise.all([
        this.api.get("/api/admin/users?limit=100"),
        this.api.get("/api/admin/projections"),
      ]);
      this.nodes.staff.replaceChildren(...staff.filter((user) => user.role !== "user").map(staffRow));
      this.nodes.projections.replaceChildren(...projections.map(projectionRow));
      setText(this.nodes.error, "");
    } catch (e) {
      setText(this.nodes.error, e.message);
    }
  }

  async replay(name) {
    try {
      await this.api.post(`/api/admin/projections/${encodeURIComponent(name)}/replay`);
    } catch (e) {
      setText(this.nodes.error, e.message);
      return;
    }
    await this.load();
  }
}

function staffRow(user) {
  return el("tr", { "data-user-id": user.id },
    el("td", {}, user.name), el("td", {}, user.email), el("td", {}, user.role),
    el("td", {}, user.active === false ? "no" : "yes"), el("td", {}, user.capacity ?? ""));
}

function projectionRow(projection) {
  const progress = projection.progress === null || projection.progress === undefined ? ""
    : `${Math.round(projection.progress * 100)} %`;
  return el("tr", { "data-projection": projection.name },
    el("td", {}, projection.name), el("td", { class: "projection-status" }, projection.status),
    el("td", {}, projection.position ?? ""), el("td", {}, projection.lag ?? ""), el("td", {}, progress),
    el("td", {}, el("button", { type: "button", class: "secondary", "data-replay": projection.name,
      "aria-label": `Replay ${projection.name}` }, "Replay")));
}
