import { api } from './api.js';
import { legalBadge, renderCitations } from './citations.js';
import { noteBadges } from './notes.js';
import { fill, h } from './dom.js';

// Path between two picked nodes: the API's hop-by-hop sentences with their citations, highlighted in the graph.
export class PathFinder {
  constructor({ container, graph, onFound, onShow, onError }) {
    this.container = container;
    this.graph = graph;
    this.onFound = onFound;
    this.onShow = onShow;
    this.onError = onError;
    this.from = null;
    this.to = null;
    this.result = null;
    this.index = 0;
    this.render();
  }

  /** Shift-click picks "from" first, then "to", then starts over. */
  pick(node) {
    if (!this.from || (this.from && this.to)) { this.to = null; return this.setFrom(node); }
    return this.setTo(node);
  }

  setFrom(node) {
    this.from = ref(node);
    return this.#changed();
  }

  setTo(node) {
    this.to = ref(node);
    return this.#changed();
  }

  clear() {
    this.from = this.to = this.result = null;
    this.graph.releasePath();
    this.render();
    this.onFound?.();
  }

  #changed() {
    this.result = null;
    this.render();
    if (this.from && this.to) return this.find();
    return Promise.resolve();
  }

  async find() {
    if (!this.from || !this.to) return;
    const excludeForces = this.container.querySelector('#path-avoid-forces')?.checked;
    fill(this.container.querySelector('.path-result'), h('p', { class: 'loading', text: 'Finding a path…' }));
    try {
      this.result = await api.paths(this.from.id, this.to.id, { maxHops: 6, exclude: excludeForces ? 'Force' : undefined });
      this.index = 0;
      this.render();
      this.#highlight();
      // The hop list sits under the details; bring it into view so the explanation is seen with the highlight.
      this.container.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      this.onFound?.();
    } catch (error) {
      this.result = null;
      this.render();
      this.onError(error);
    }
  }

  #highlight() {
    const cy = this.graph.cy;
    this.graph.releasePath();
    const path = this.result?.paths?.[this.index];
    if (!path) return;
    this.graph.addPath(path);
    const ids = [...path.nodes.map((n) => n.id), ...path.hops.map((hop) => hop.relationshipId)];
    const onPath = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()));
    cy.elements().addClass('path-dim');
    onPath.removeClass('path-dim').addClass('path');
    this.graph.layout({ randomize: false }).then(() => cy.animate({ fit: { eles: onPath, padding: 60 }, duration: 300 }));
  }

  render() {
    const picked = (role, node) => h('p', { class: 'path-end' }, h('strong', { text: `${role}: ` }),
      node ? h('button', { type: 'button', class: 'link', onclick: () => this.onShow(node.id), text: node.name }) : h('span', { class: 'hint', text: 'not chosen' }));
    fill(this.container,
      h('h2', { text: 'Path' }),
      h('p', { class: 'hint', text: 'Choose "Path from here" and "Path to here" on two nodes, or shift-click two nodes in the graph.' }),
      picked('From', this.from),
      picked('To', this.to),
      h('p', {}, h('input', { type: 'checkbox', id: 'path-avoid-forces' }),
        h('label', { for: 'path-avoid-forces', text: ' Avoid whole forces (large hubs)' })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'path-find', disabled: !(this.from && this.to), onclick: () => this.find(), text: 'Find path' }),
        h('button', { type: 'button', id: 'path-clear', disabled: !(this.from || this.to), onclick: () => this.clear(), text: 'Clear path' })),
      h('div', { class: 'path-result', 'aria-live': 'polite' }, this.#renderResult()));
  }

  #renderResult() {
    if (!this.result) return null;
    const paths = this.result.paths ?? [];
    if (!paths.length) return h('p', { class: 'no-path', text: 'No path within 6 steps.' });
    const path = paths[this.index];
    const names = new Map(path.nodes.map((n) => [n.id, n.name]));
    return [
      paths.length > 1 ? this.#chooser(paths.length) : null,
      h('p', { class: 'path-summary', text: `${path.hops.length} step${path.hops.length === 1 ? '' : 's'}: ${path.nodes.map((n) => n.name).join(' → ')}` }),
      h('ol', { class: 'hops' }, path.hops.map((hop) => h('li', { class: 'hop', dataset: { relationshipId: hop.relationshipId } },
        h('p', { class: 'hop-sentence', text: sentenceWithoutCitation(hop.sentence, names, hop) }),
        legalBadge(hop.legalStatus), noteBadges(hop.notes),
        renderCitations(hop.sources, { heading: '' })))),
      this.#hubs(),
    ];
  }

  #chooser(count) {
    return h('div', { class: 'actions', role: 'group', 'aria-label': 'Shortest paths' },
      h('span', { text: `Shortest path ${this.index + 1} of ${count}` }),
      h('button', { type: 'button', disabled: this.index === 0, onclick: () => this.#go(-1), text: 'Previous' }),
      h('button', { type: 'button', disabled: this.index === count - 1, onclick: () => this.#go(1), text: 'Next' }));
  }

  #go(step) {
    this.index += step;
    this.render();
    this.#highlight();
  }

  #hubs() {
    const hubs = this.result?.hubs ?? [];
    if (!hubs.length) return null;
    return h('p', { class: 'notice' },
      `Goes through ${hubs.map((hub) => `${hub.name} (${hub.degree} relationships)`).join(', ')}: a large hub says little about a real connection. `,
      'Tick "Avoid whole forces" to look for a closer link.');
  }
}

const ref = (node) => ({ id: node.id, name: node.name ?? node.id, label: node.label });

// The API's sentence ends with "(source: …)"; the citations are listed under it with links, so that tail is dropped.
function sentenceWithoutCitation(sentence, names, hop) {
  if (!sentence) return `${names.get(hop.from) ?? hop.from} — ${hop.type} — ${names.get(hop.to) ?? hop.to}`;
  const cut = sentence.lastIndexOf(' (source:');
  return cut > 0 ? `${sentence.slice(0, cut)}.` : sentence;
}
