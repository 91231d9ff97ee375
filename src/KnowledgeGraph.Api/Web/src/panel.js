import { api } from './api.js';
import { legalBadge, renderCitations } from './citations.js';
import { fill, h } from './dom.js';
import { shapeIcon } from './legend.js';
import { noteBadges, noteHistory } from './notes.js';
import { humanise, labelStyle, propertyText, typeText } from './vocab.js';

// Properties shown elsewhere in the panel (heading, badge, summary paragraph) or that only repeat the id.
const SHOWN_ELSEWHERE = new Set(['name', 'legalStatus', 'summary', 'title', 'id', 'label', 'aliases', 'sources']);
// A victim role is shown as its role and nothing else: the name the API builds from role and descriptor, and
// whether the person is protected. No other property of it is ever rendered.
const VICTIM_FIELDS = ['anonymity'];

export class Panel {
  constructor(container, actions) {
    this.container = container;
    this.actions = actions;
    this.request = null;
  }

  showEmpty() {
    fill(this.container,
      h('h2', { text: 'Details' }),
      h('p', { class: 'hint', text: 'Search for a name, then select a node or a relationship to see what the sources say.' }));
  }

  async showNode(id) {
    const detail = await this.#load(id);
    if (!detail) return;
    const node = detail.node;
    const isVictim = node.label === 'VictimRole';
    const properties = node.properties ?? {};
    fill(this.container,
      h('h2', { id: 'details-title', tabindex: '-1', text: node.name }),
      h('p', { class: 'label-chip' }, shapeIcon(node.label), h('span', { text: labelStyle(node.label).title })),
      legalBadge(properties.legalStatus),
      noteBadges(detail.notes),
      isVictim
        ? h('p', { class: 'notice', text: 'Shown only as a role. Victims and complainants are never named here unless they chose to be.' })
        : null,
      !isVictim && properties.summary ? h('p', { class: 'summary', text: properties.summary }) : null,
      this.#actions(node),
      propertyList(isVictim ? pick(properties, VICTIM_FIELDS) : omit(properties, SHOWN_ELSEWHERE)),
      !isVictim && node.aliases?.length ? h('p', { class: 'aliases' }, h('strong', { text: 'Also known as: ' }), node.aliases.join('; ')) : null,
      this.#relationships(detail),
      noteHistory(detail.notes),
      node.label === 'Case' ? this.#connections(node.id) : null,
      node.label === 'Source' ? this.#evidence(node.id) : null,
      renderCitations(detail.sources ?? [], { heading: 'Sources' }),
    );
  }

  /** Other cases and how each connects, strongest first, a page at a time; hubs are named with their counts. */
  #connections(caseId) {
    return this.#paged('connections', 'Connected cases', (cursor) => api.connections(caseId, { cursor }), (page) => page.connections.map((c) =>
      h('li', { class: 'connection' }, this.#nodeLink(c.case), ' ', legalBadge(c.legalStatus), ' ',
        h('span', { class: `strength strength-${c.strength}`, text: c.strength }), noteBadges(c.notes),
        h('ul', {}, c.links.map((l) => h('li', { text: l.explanation }))))),
    (page) => page.hubs?.length
      ? h('p', { class: 'hint', text: `Shared widely: ${page.hubs.map((hub) => `${hub.node.name} (${hub.cases.toLocaleString()} other cases)`).join('; ')}.` })
      : null);
  }

  /** Everything citing a source: its nodes, then its relationships, a page at a time. */
  #evidence(sourceId) {
    return this.#paged('evidence', 'What this source evidences', (cursor) => api.sourceEvidence(sourceId, { cursor }), (page) => [
      ...page.nodes.map((n) => h('li', {}, this.#nodeLink(n), noteBadges(n.notes))),
      ...page.relationships.map((r) => h('li', {}, this.#nodeLink(r.from), ` ${typeText(r.type)} `, this.#nodeLink(r.to), ' ', legalBadge(r.legalStatus), noteBadges(r.notes))),
    ]);
  }

  /** A list section that loads its first page, then one more page per click, always saying how many there are. */
  #paged(name, title, load, items, header = () => null) {
    const heading = h('h3', { text: `${title} (loading…)` });
    const list = h('ul', {});
    const more = h('button', { type: 'button', class: 'more', 'data-action': `more-${name}`, hidden: true, text: 'Show more' });
    const section = h('section', { class: name }, heading, list, more);
    let cursor = null;
    let shown = 0;
    const next = async () => {
      more.disabled = true;
      try {
        const page = await load(cursor);
        if (shown === 0) { const intro = header(page); if (intro) section.insertBefore(intro, list); }
        const added = items(page);
        list.append(...added);
        shown += added.length;
        cursor = page.next;
        heading.textContent = `${title} (${page.total.toLocaleString()}${cursor ? `, ${shown.toLocaleString()} shown` : ''})`;
        more.hidden = !cursor;
      } catch (error) {
        section.append(h('p', { class: 'error', role: 'alert', text: error.message }));
      } finally {
        more.disabled = false;
      }
    };
    more.addEventListener('click', next);
    next();
    return section;
  }

  /** An edge is shown from its start node's detail, which carries the relationship's properties and citations. */
  async showEdge(edge) {
    const data = edge.data();
    const detail = await this.#load(data.source);
    if (!detail) return;
    const relationship = detail.relationships.find((r) => r.id === data.id);
    const from = detail.node;
    const other = relationship?.other ?? { id: data.target, name: edge.target().data('name') };
    fill(this.container,
      h('h2', { id: 'details-title', tabindex: '-1', text: typeText(data.type) }),
      h('p', { class: 'edge-ends' },
        this.#nodeLink(from), h('span', { 'aria-hidden': 'true', text: ' → ' }), h('span', { class: 'sr-only', text: ' to ' }),
        this.#nodeLink(other)),
      legalBadge(relationship?.legalStatus ?? data.legalStatus),
      noteBadges(relationship?.notes),
      propertyList(omit(relationship?.properties ?? data.properties ?? {}, SHOWN_ELSEWHERE)),
      noteHistory(relationship?.notes),
      renderCitations(relationship?.sources ?? data.sources ?? [], { heading: 'Sources' }),
      relationship ? null : h('p', { class: 'hint', text: 'This relationship was not in the node\'s first relationships; citations above are as the graph gave them.' }),
    );
  }

  async #load(id) {
    this.request?.abort();
    this.request = new AbortController();
    fill(this.container, h('p', { class: 'loading', text: 'Loading…' }));
    try {
      return await api.node(id, this.request.signal);
    } catch (error) {
      if (error.name === 'AbortError') return null;
      fill(this.container, h('p', { class: 'error', role: 'alert', text: error.message }));
      return null;
    }
  }

  #actions(node) {
    const a = this.actions;
    const button = (text, onclick, extra = {}) => h('button', { type: 'button', onclick, ...extra, text });
    return h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions for this node' },
      a.isExpanded(node.id)
        ? button('Collapse', () => a.collapse(node.id), { disabled: a.isFocus(node.id), 'data-action': 'collapse' })
        : button('Expand', () => a.expand(node.id), { 'data-action': 'expand' }),
      button('Path from here', () => a.pathFrom(node), { 'data-action': 'path-from' }),
      button('Path to here', () => a.pathTo(node), { 'data-action': 'path-to' }),
      node.label === 'Officer' ? button('Served together', () => a.servedTogether(node.id, 'unit'), { 'data-action': 'served-together' }) : null,
      node.label === 'Case' ? button('Timeline', () => a.timeline(node.id), { 'data-action': 'timeline' }) : null,
    );
  }

  #relationships(detail) {
    if (!detail.relationships?.length) return null;
    const items = detail.relationships.map((r) => h('li', { class: 'relationship' },
      h('span', { class: 'rel-type', text: r.direction === 'In' || r.direction === 'in' ? `← ${typeText(r.type)}` : `${typeText(r.type)} →` }),
      ' ', this.#nodeLink(r.other), ' ', legalBadge(r.legalStatus), noteBadges(r.notes),
      h('details', {}, h('summary', { text: `${r.sources?.length ?? 0} source${r.sources?.length === 1 ? '' : 's'}` }),
        propertyList(omit(r.properties ?? {}, SHOWN_ELSEWHERE)), noteHistory(r.notes), renderCitations(r.sources, { heading: '' }))));
    return h('section', { class: 'relationships' },
      h('h3', { text: `Relationships (${detail.relationships.length}${detail.relationshipsTruncated ? '+, more not shown' : ''})` }),
      h('ul', {}, items));
  }

  #nodeLink(ref) {
    return h('button', { type: 'button', class: 'link', onclick: () => this.actions.show(ref.id), text: ref.name ?? ref.id });
  }
}

function propertyList(properties) {
  const entries = Object.entries(properties).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return h('dl', { class: 'properties' }, entries.flatMap(([key, value]) => [
    h('dt', { text: propertyText(key) }),
    h('dd', { text: formatValue(value) }),
  ]));
}

function formatValue(value) {
  if (Array.isArray(value)) return value.map(humanise).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return /^[a-z]+(_[a-z]+)*$/.test(text) ? humanise(text) : text;
}

const pick = (object, keys) => Object.fromEntries(Object.entries(object).filter(([k]) => keys.includes(k)));
const omit = (object, keys) => Object.fromEntries(Object.entries(object).filter(([k]) => !keys.has(k)));
