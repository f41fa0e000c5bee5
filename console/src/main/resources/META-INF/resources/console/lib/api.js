/**
 * A small client of Parley's public REST API for the console and the widget: JSON in and out, the
 * {success, data | error} envelope unwrapped, failures thrown as {@link ApiError} carrying the contract's code.
 */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** An API whose calls carry the bearer token that getToken() answers (none when it answers nothing). */
export function createApi(getToken) {
  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
    } catch (e) {
      throw new ApiError(0, "NETWORK", "The server cannot be reached; retrying.");
    }
    if (response.status === 204) {
      return null;
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      // Not JSON: reported below with the status.
    }
    if (!response.ok || !json || json.success !== true) {
      const error = (json && json.error) || {};
      throw new ApiError(response.status, error.code || "INTERNAL", error.message || response.statusText,
        error.details);
    }
    return json.data;
  }

  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body ?? {}),
    patch: (path, body) => call("PATCH", path, body ?? {}),
  };
}

/** The query string of a path: only the parameters that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
