import { renderCitations } from './citations.js';
import { h } from './dom.js';
import { humanise } from './vocab.js';

// Right of reply: badges ("Disputed by the officer", "Corrected 10 Jan 2025") where a fact appears, and the reply and
// correction history in the details panel. The API attaches `notes` to every fact it shows; a withheld fact never
// reaches the page, so there is nothing to hide here.

const DISPUTING = new Set(['denies', 'disputes', 'appealed']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PARTY_BY_LABEL = { Officer: 'the officer', Force: 'the force', Unit: 'the force' };
const LABEL_BY_PREFIX = { officer: 'Officer', force: 'Force', unit: 'Unit', org: 'Organisation', person: 'Person' };

/** "2025-01-10" → "10 Jan 2025", "2025-01" → "Jan 2025", "2025" → "2025". */
export function dateText(date) {
  const [y, m, d] = String(date ?? '').split('-');
  if (!m) return y ?? '';
  return [d ? String(Number(d)) : null, MONTHS[Number(m) - 1], y].filter(Boolean).join(' ');
}

// `by` is a node reference in API answers and a plain id in graph elements (which carry the dataset's form).
const party = (by) => {
  const label = typeof by === 'string' ? LABEL_BY_PREFIX[by.split(':')[0]] : by?.label;
  return PARTY_BY_LABEL[label] ?? (typeof by === 'string' ? 'a party' : by?.name ?? 'a party');
};

/** The badge texts of a fact's notes, disputes first. */
export function badgeTexts(notes) {
  if (!notes) return [];
  const texts = [];
  const disputing = (notes.replies ?? []).filter((r) => DISPUTING.has(r.position));
  for (const who of [...new Set(disputing.map((r) => party(r.by)))]) texts.push(`Disputed by ${who}`);
  const corrections = notes.corrections ?? [];
  if (corrections.length) texts.push(`Corrected ${dateText(corrections.map((c) => c.date).sort().at(-1))}`);
  if (!disputing.length && (notes.replies ?? []).length) texts.push(`Reply from ${party(notes.replies[0].by)}`);
  return texts;
}

export function noteBadges(notes) {
  const texts = badgeTexts(notes);
  if (!texts.length) return null;
  return h('span', { class: 'note-badges' }, texts.map((text) => [' ', h('span', {
    class: `badge ${text.startsWith('Disputed') ? 'badge-disputed' : text.startsWith('Corrected') ? 'badge-corrected' : 'badge-reply'}`,
    dataset: { note: text.split(' ')[0].toLowerCase() }, text,
  })]));
}

/** The reply and correction history of a fact, oldest first, each with its sources. */
export function noteHistory(notes) {
  const replies = notes?.replies ?? [];
  const corrections = notes?.corrections ?? [];
  if (!replies.length && !corrections.length) return null;
  return h('section', { class: 'note-history' },
    replies.length ? [h('h3', { text: 'Right of reply' }), h('ol', { class: 'replies' }, replies.map((r) => h('li', { class: 'reply' },
      h('p', { class: 'entry-meta' }, h('time', { text: dateText(r.date) }), ' · ', h('strong', { text: r.by?.name ?? r.by }), ` ${humanise(r.position)}`),
      h('p', { text: r.summary }),
      renderCitations(r.sources, { heading: '' }))))] : null,
    corrections.length ? [h('h3', { text: 'Corrections' }), h('ol', { class: 'corrections' }, corrections.map((c) => h('li', { class: 'correction' },
      h('p', { class: 'entry-meta' }, h('time', { text: dateText(c.date) }), ' · ', `${humanise(c.field)}: was "${c.was}", now "${c.now}"`),
      h('p', { text: c.reason }),
      renderCitations(c.sources, { heading: '' }))))] : null);
}
