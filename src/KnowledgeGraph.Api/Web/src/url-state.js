// The view in the URL hash, so a link restores it: focus, expanded nodes, selection, path ends, filters, dates.
// ids are "prefix:slug" (no commas), so lists are comma-joined.
const LISTS = ['expand', 'hideLabels', 'hideTypes'];

export function readUrlState(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {};
  for (const [key, value] of params) state[key] = LISTS.includes(key) ? value.split(',').filter(Boolean) : value;
  return state;
}

export function writeUrlState(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : value);
  }
  const hash = params.size ? `#${params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',')}` : '';
  if (hash !== location.hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
