import { api } from './api.js';
import { legalBadge, renderCitations } from './citations.js';
import { fill, h } from './dom.js';
import { noteBadges, noteHistory } from './notes.js';
import { humanise } from './vocab.js';

// "Served together" for an officer and a case's timeline, as lists beside the graph. Entries are buttons that
// focus their node in the graph (bringing it in if it is not there yet).
export class Lists {
  constructor({ container, onShow, onError }) {
    this.container = container;
    this.onShow = onShow;
    this.onError = onError;
    this.current = null;
    this.showEmpty();
  }

  showEmpty() {
    this.current = null;
    fill(this.container, h('h2', { text: 'Lists' }),
      h('p', { class: 'hint', text: 'Open "Served together" on an officer or "Timeline" on a case.' }));
  }

  // One entry per officer, with what they shared (places, or a source's direct statement); "Show more" follows the
  // page's `next` cursor and appends, so every co-worker can be listed.
  async servedTogether(id, scope = 'unit') {
    this.current = { kind: 'served', id, scope };
    this.#loading('Served together');
    try {
      const result = await api.servedTogether(id, scope);
      const list = h('ul', { class: 'entries served-together' }, (result.entries ?? []).map((entry) => this.#servedEntry(entry)));
      const count = h('p', { class: 'hint served-count' });
      const more = h('button', { type: 'button', class: 'more', 'data-action': 'more' , text: 'Show more' });
      let next = result.next;
      const update = () => {
        count.textContent = `Showing ${list.children.length} of ${result.total} officer${result.total === 1 ? '' : 's'}.`;
        more.hidden = !next;
      };
      more.addEventListener('click', async () => {
        more.disabled = true;
        try {
          const page = await api.servedTogether(id, scope, { cursor: next });
          for (const entry of page.entries ?? []) list.append(this.#servedEntry(entry));
          next = page.next;
          update();
        } catch (error) {
          this.onError(error);
        } finally {
          more.disabled = false;
        }
      });
      update();
      fill(this.container,
        h('h2', { id: 'lists-title', tabindex: '-1', text: `Served together with ${result.officer?.name ?? id}` }),
        h('div', { class: 'actions', role: 'group', 'aria-label': 'Scope' },
          ['unit', 'force'].map((s) => h('button', {
            type: 'button', 'aria-pressed': s === (result.scope ?? scope).toString().toLowerCase() ? 'true' : 'false',
            onclick: () => this.servedTogether(id, s), text: s === 'unit' ? 'Same unit' : 'Same force',
          }))),
        h('p', { class: 'hint', text: '"Possible" means a date is unknown or open, so the overlap cannot be confirmed. Strongest first.' }),
        result.total ? [count, list, more] : h('p', { text: 'No officer found who served with them at this scope.' }));
    } catch (error) {
      this.#failed(error);
    }
  }

  #servedEntry(entry) {
    return h('li', { class: 'entry', dataset: { officerId: entry.officer.id, basis: entry.basis } },
      h('button', { type: 'button', class: 'link entry-name', onclick: () => this.onShow(entry.officer.id), text: entry.officer.name }),
      noteBadges(entry.notes),
      h('p', { class: 'entry-meta' },
        h('span', { class: 'basis', text: `Basis: ${humanise(entry.basis)}` }),
        ' · ', h('span', { class: `certainty certainty-${entry.certainty}`, text: humanise(entry.certainty) })),
      h('ul', { class: 'shared' }, (entry.shared ?? []).map((shared) => h('li', { class: 'shared-item', dataset: { basis: shared.basis } },
        h('p', { class: 'entry-meta' },
          shared.organisation
            ? h('button', { type: 'button', class: 'link', onclick: () => this.onShow(shared.organisation.id), text: shared.organisation.name })
            : h('span', { text: 'A source says they worked together' }),
          ' · ', h('span', { class: 'shared-basis', text: humanise(shared.basis) }),
          ' · ', h('span', { class: `certainty certainty-${shared.certainty}`, text: humanise(shared.certainty) }),
          shared.organisation ? [' · ', periodText(shared.from, shared.to)] : null),
        h('details', {}, h('summary', { text: sourceCount(shared.sources) }), noteHistory(shared.notes), renderCitations(shared.sources, { heading: '' }))))));
  }

  async timeline(id) {
    this.current = { kind: 'timeline', id };
    this.#loading('Timeline');
    try {
      const result = await api.timeline(id);
      fill(this.container,
        h('h2', { id: 'lists-title', tabindex: '-1', text: `Timeline: ${result.case?.name ?? id}` }),
        h('p', {}, 'Case status: ', legalBadge(result.legalStatus), noteBadges(result.notes)),
        h('ol', { class: 'entries timeline' }, (result.events ?? []).map((event) => h('li', { class: 'entry', dataset: { eventId: event.id } },
          h('p', { class: 'entry-head' },
            h('time', { text: event.date }), ' ',
            h('button', { type: 'button', class: 'link entry-name', onclick: () => this.onShow(event.id), text: humanise(event.kind) })),
          h('p', { text: event.summary }),
          event.outcome ? h('p', { class: 'entry-meta', text: `Outcome: ${event.outcome}` }) : null,
          legalBadge(event.legalStatus), noteBadges(event.notes),
          event.misconductLevel || event.sanction
            ? h('p', { class: 'entry-meta', text: [event.misconductLevel && humanise(event.misconductLevel), event.sanction && `Sanction: ${humanise(event.sanction)}`].filter(Boolean).join(' · ') })
            : null,
          event.by?.length
            ? h('p', { class: 'entry-meta' }, 'By: ', event.by.map((actor, i) => [i ? ', ' : '',
              h('button', { type: 'button', class: 'link', onclick: () => this.onShow(actor.node.id), text: actor.node.name }),
              actor.role ? ` (${actor.role})` : '']))
            : null,
          h('details', {}, h('summary', { text: sourceCount(event.sources) }), noteHistory(event.notes), renderCitations(event.sources, { heading: '' }))))));
    } catch (error) {
      this.#failed(error);
    }
  }

  #loading(title) {
    fill(this.container, h('h2', { text: title }), h('p', { class: 'loading', text: 'Loading…' }));
  }

  #failed(error) {
    fill(this.container, h('h2', { text: 'Lists' }), h('p', { class: 'error', role: 'alert', text: error.message }));
    this.onError(error);
  }
}

function periodText(from, to) {
  const end = to === 'present' ? 'present' : to ?? 'unknown';
  return `${from ?? 'unknown'} – ${end}`;
}

const sourceCount = (sources) => `${sources?.length ?? 0} source${sources?.length === 1 ? '' : 's'}`;
