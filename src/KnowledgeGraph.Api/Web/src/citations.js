import { h } from './dom.js';
import { humanise, legalStatusText, LEGAL_STATUS } from './vocab.js';

/** The legal status as words on a badge; the tone only adds colour to words that already say it all. */
export function legalBadge(status) {
  if (!status) return null;
  const tone = LEGAL_STATUS[status]?.tone ?? 'open';
  return h('span', { class: `badge badge-${tone}`, dataset: { legalStatus: status }, text: legalStatusText(status) });
}

/** Citations: title (linked when the source has a url), where in it (page, row), publisher, date and kind. */
export function renderCitations(sources, { heading = 'Sources' } = {}) {
  if (!sources?.length) return h('p', { class: 'no-sources', text: 'No source cited.' });
  return h('div', { class: 'citations' },
    heading ? h('h4', { text: heading }) : null,
    h('ol', {}, sources.map((source) => citation(source))));
}

function citation(source) {
  if (typeof source === 'string') return h('li', { class: 'citation', text: source });
  const title = source.title || source.id;
  const details = [source.publisher, source.published, source.kind && humanise(source.kind)].filter(Boolean).join(' · ');
  return h('li', { class: 'citation' },
    isWebUrl(source.url)
      ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', text: title })
      : h('span', { class: 'citation-title', text: title }),
    source.locator ? h('span', { class: 'citation-locator', text: `, ${source.locator}` }) : null,
    details ? h('span', { class: 'citation-meta', text: ` — ${details}` }) : null);
}

// Only http(s) links are followed: a url from data must never become a javascript: link.
function isWebUrl(url) {
  try {
    return !!url && ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
