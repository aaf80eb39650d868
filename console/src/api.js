// The HTTP API, with the token the user signed in with (kept for this browser tab only: session storage).
const TOKEN = 'flowline.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: (value) => sessionStorage.setItem(TOKEN, value),
  clear: () => sessionStorage.removeItem(TOKEN),
};

/** An answer that is not 2xx: the API's message, and its problems with their JSON Pointers. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `the API answered ${status}`);
    this.status = status;
    this.errors = body?.errors || [];
  }
}

export async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${token.get()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => api('GET', path);

/** Every page of a HubSpot-style listing ({results, paging.next.after}). */
export async function all(path) {
  const results = [];
  let after = null;
  do {
    const page = await get(path + (path.includes('?') ? '&' : '?') + (after ? `after=${encodeURIComponent(after)}` : ''));
    results.push(...page.results);
    after = page.paging?.next?.after;
  } while (after);
  return results;
}
