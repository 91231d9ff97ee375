// The API client. Errors come back as RFC 9457 problem+json; they are turned into an ApiError whose message is the
// problem's own title and detail so the user reads what the server said.

export class ApiError extends Error {
  constructor(status, problem) {
    super([problem?.title, problem?.detail].filter(Boolean).join(': ') || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

async function get(path, params = {}, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

const node = (id) => `/api/nodes/${encodeURIComponent(id)}`;

export const api = {
  search: (q, { label, limit = 10 } = {}, signal) => get('/api/search', { q, label, limit }, signal),
  node: (id, signal) => get(node(id), {}, signal),
  neighbourhood: (id, { depth = 1, limit = 80, labels, types } = {}, signal) =>
    get(`${node(id)}/neighbourhood`, { depth, limit, labels, types }, signal),
  paths: (from, to, { maxHops = 6, exclude } = {}, signal) => get('/api/paths', { from, to, maxHops, exclude }, signal),
  servedTogether: (id, scope = 'unit', { limit = 100, cursor } = {}, signal) =>
    get(`/api/officers/${encodeURIComponent(id)}/served-together`, { scope, limit, cursor }, signal),
  // Paged lists: each answer says total and next (the cursor of the following page, null on the last).
  connections: (id, { limit = 20, cursor } = {}, signal) =>
    get(`/api/cases/${encodeURIComponent(id)}/connections`, { limit, cursor }, signal),
  sourceEvidence: (id, { limit = 20, cursor } = {}, signal) =>
    get(`/api/sources/${encodeURIComponent(id)}`, { limit, cursor }, signal),
  timeline: (id, signal) => get(`/api/cases/${encodeURIComponent(id)}/timeline`, {}, signal),
  vocabularies: (signal) => get('/api/vocabularies', {}, signal),
};
