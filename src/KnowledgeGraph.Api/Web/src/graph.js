import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { api } from './api.js';
import { graphStyle } from './graph-style.js';
import { LEGAL_STATUS, typeText } from './vocab.js';

cytoscape.use(fcose);

// Who keeps a node in the graph: the focus ("root"), each expanded node that brought it in, a found path ("path")
// or a list entry the user opened ("pinned"). Collapsing an expansion removes only the nodes nobody else keeps.
const ROOT = 'root';
export const PATH_OWNER = 'path';
export const PINNED = 'pinned';

export class Graph {
  constructor(container, { onSelect, onChange, neighbourhoodLimit = 80 }) {
    this.cy = cytoscape({
      container,
      style: graphStyle(),
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.owners = new Map();
    this.expanded = new Set();
    this.focus = null;
    this.layoutRunning = false;
    this.onChange = onChange ?? (() => {});
    this.limit = neighbourhoodLimit;
    this.cy.on('select unselect', (event) => onSelect?.(this.cy.$(':selected')[0] ?? null, event));
  }

  has(id) {
    return this.cy.getElementById(id).nonempty();
  }

  /** Clears the graph and opens <id> with its neighbourhood as the focus. */
  async open(id) {
    const subgraph = await api.neighbourhood(id, { depth: 1, limit: this.limit });
    this.cy.elements().remove();
    this.owners.clear();
    this.expanded.clear();
    this.focus = id;
    this.#merge(subgraph, id, null);
    this.#own(id, ROOT);
    this.expanded.add(id);
    this.#markClasses();
    await this.layout({ randomize: true });
    this.onChange();
    return subgraph;
  }

  /** Merges <id>'s neighbourhood into the graph; the new nodes start where <id> is so the layout grows from it. */
  async expand(id) {
    if (this.expanded.has(id)) return null;
    const subgraph = await api.neighbourhood(id, { depth: 1, limit: this.limit });
    const origin = this.has(id) ? { ...this.cy.getElementById(id).position() } : null;
    if (!this.has(id)) this.#own(id, PINNED);
    this.#merge(subgraph, id, origin);
    this.expanded.add(id);
    this.#markClasses();
    await this.layout({ randomize: false });
    this.onChange();
    return subgraph;
  }

  /** Undoes an expansion: removes the nodes only it brought in, and collapses in turn expansions they carried. */
  collapse(id) {
    if (id === this.focus || !this.expanded.delete(id)) return;
    this.#release(id);
    this.#markClasses();
    this.onChange();
  }

  #release(firstOwner) {
    const queue = [firstOwner];
    while (queue.length) {
      const owner = queue.shift();
      for (const [nodeId, keepers] of this.owners) {
        if (!keepers.delete(owner) || keepers.size || nodeId === firstOwner) continue;
        this.owners.delete(nodeId);
        this.cy.getElementById(nodeId).remove();
        if (this.expanded.delete(nodeId)) queue.push(nodeId);
      }
    }
  }

  /** Adds a node the user asked to see (from a list or a path) without clearing anything. */
  async reveal(id) {
    if (!this.has(id)) await this.expand(id);
    return this.cy.getElementById(id);
  }

  /** Adds path nodes and hops as elements kept by the path owner. */
  addPath(path) {
    const origin = this.cy.nodes().nonempty() ? { ...this.cy.nodes()[0].position() } : null;
    const nodes = path.nodes.map((n) => ({ data: { id: n.id, label: n.label, name: n.name } }));
    const edges = path.hops.map((hop) => ({
      data: { id: hop.relationshipId, source: hop.from, target: hop.to, type: hop.type, legalStatus: hop.legalStatus, sources: hop.sources },
    }));
    const added = this.#merge({ nodes, edges }, PATH_OWNER, origin, { ownExisting: false });
    this.#markClasses();
    this.onChange();
    return added;
  }

  releasePath() {
    this.cy.elements().removeClass('path path-dim');
    this.#release(PATH_OWNER);
    this.#markClasses();
    this.onChange();
  }

  select(id) {
    const element = this.cy.getElementById(id);
    if (element.empty()) return null;
    this.cy.$(':selected').unselect();
    element.select();
    if (!this.#inView(element)) this.cy.animate({ center: { eles: element }, duration: 250 });
    return element;
  }

  layout({ randomize = false } = {}) {
    const visible = this.cy.elements().not('.hidden');
    if (visible.empty()) return Promise.resolve();
    this.layoutRunning = true;
    const layout = visible.layout({
      name: 'fcose',
      quality: 'default',
      randomize,
      animate: !randomize,
      animationDuration: 350,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 90,
      nodeRepulsion: 6000,
      packComponents: true,
    });
    const done = layout.promiseOn('layoutstop').then(() => {
      this.fit(visible);
      this.layoutRunning = false;
    });
    layout.run();
    return done;
  }

  /** Fits the elements in view without zooming a small graph in so far that it looks like a close-up. */
  fit(elements = this.cy.elements().not('.hidden')) {
    const cy = this.cy;
    cy.fit(elements, 40);
    if (cy.zoom() > 1.8) {
      cy.zoom(1.8);
      cy.center(elements);
    }
  }

  /** The state a deep link needs to rebuild this view. */
  snapshot() {
    return { focus: this.focus, expanded: [...this.expanded].filter((id) => id !== this.focus && !this.#isOwnerOnly(id)) };
  }

  #inView(element) {
    const box = element.renderedBoundingBox();
    return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= this.cy.width() && box.y2 <= this.cy.height();
  }

  #isOwnerOnly(id) {
    return id === PATH_OWNER || id === PINNED;
  }

  #own(id, owner) {
    if (!this.owners.has(id)) this.owners.set(id, new Set());
    this.owners.get(id).add(owner);
  }

  #merge(subgraph, owner, origin, { ownExisting = true } = {}) {
    const fresh = [];
    for (const element of subgraph.nodes ?? []) {
      const data = normaliseNode(element.data ?? element);
      if (!this.has(data.id)) {
        fresh.push({ group: 'nodes', data, position: origin ? jitter(origin) : undefined });
        this.#own(data.id, owner);
      } else if (ownExisting && data.id !== owner) {
        this.#own(data.id, owner);
      }
    }
    const added = this.cy.add(fresh);
    const edges = [];
    for (const element of subgraph.edges ?? []) {
      const data = normaliseEdge(element.data ?? element);
      if (!this.has(data.id) && this.has(data.source) && this.has(data.target)) edges.push({ group: 'edges', data });
    }
    return added.union(this.cy.add(edges));
  }

  #markClasses() {
    this.cy.nodes().forEach((node) => {
      node.toggleClass('focus', node.id() === this.focus);
      node.toggleClass('expanded', this.expanded.has(node.id()));
    });
  }
}

function jitter({ x, y }) {
  return { x: x + (Math.random() - 0.5) * 60, y: y + (Math.random() - 0.5) * 60 };
}

// The neighbourhood endpoint gives Cytoscape data; properties may be nested or flat, so both are read.
function normaliseNode(data) {
  const properties = data.properties ?? {};
  return { ...properties, ...data, properties, caption: data.name ?? data.id };
}

function normaliseEdge(data) {
  const properties = data.properties ?? {};
  const legalStatus = data.legalStatus ?? properties.legalStatus ?? null;
  return {
    ...data,
    properties,
    legalStatus,
    legalTone: legalStatus ? LEGAL_STATUS[legalStatus]?.tone ?? 'open' : 'none',
    caption: typeText(data.type ?? ''),
  };
}
