import { api } from './api.js';
import { $, announce } from './dom.js';
import { exportJson, exportPng, fileBaseName } from './export.js';
import { Filters } from './filters.js';
import { Graph } from './graph.js';
import { renderLegend } from './legend.js';
import { Lists } from './lists.js';
import { renderNodeList } from './node-list.js';
import { Panel } from './panel.js';
import { PathFinder } from './path.js';
import { Search } from './search.js';
import { readUrlState, writeUrlState } from './url-state.js';
import { LABELS, TYPES } from './vocab.js';

// Wires the parts together and keeps the URL in step with the view.
let restoring = false;
let pending = 0;

const report = (error) => {
  if (error?.name === 'AbortError') return;
  announce(error?.message ?? String(error), 'error');
};

/** Runs an action, counting it as pending (tests and the busy indicator wait on this) and reporting failures. */
async function busy(action) {
  pending += 1;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (error) {
    report(error);
    return undefined;
  } finally {
    pending -= 1;
    if (!pending) document.body.removeAttribute('aria-busy');
  }
}

const graph = new Graph($('#cy'), { onSelect: (element) => showSelection(element), onChange: () => refresh() });
const cy = graph.cy;

const filters = new Filters({
  labelsBox: $('#filter-labels'),
  typesBox: $('#filter-types'),
  fromInput: $('#date-from'),
  toInput: $('#date-to'),
  onChange: () => refresh(),
});

const actions = {
  isExpanded: (id) => graph.expanded.has(id),
  isFocus: (id) => graph.focus === id,
  expand: (id) => busy(async () => { await graph.expand(id); await panel.showNode(id); }),
  collapse: (id) => busy(async () => { graph.collapse(id); await panel.showNode(id); }),
  pathFrom: (node) => busy(() => path.setFrom(node)),
  pathTo: (node) => busy(() => path.setTo(node)),
  servedTogether: (id, scope) => busy(async () => { await lists.servedTogether(id, scope); focusHeading('#lists-title'); refresh(); }),
  timeline: (id) => busy(async () => { await lists.timeline(id); focusHeading('#lists-title'); refresh(); }),
  show: (id) => show(id),
};

const panel = new Panel($('#details'), actions);
const path = new PathFinder({ container: $('#path'), graph, onFound: () => refresh(), onShow: (id) => show(id), onError: report });
const lists = new Lists({ container: $('#lists'), onShow: (id) => show(id), onError: report });
new Search({ input: $('#search-input'), listbox: $('#search-listbox'), onOpen: (hit) => openFocus(hit.id), onError: report });

/** Opens a node as the new focus of the graph. */
function openFocus(id) {
  return busy(async () => {
    // The path's ends stay chosen, so "path from" one search and "path to" the next works.
    await graph.open(id);
    graph.select(id);
    announce(`Opened ${cy.getElementById(id).data('name')} with ${cy.nodes().length - 1} neighbours.`);
  });
}

/** Selects a node, bringing it into the graph first when a list or a link points outside it. */
function show(id) {
  return busy(async () => {
    if (!graph.focus) await graph.open(id);
    else await graph.reveal(id);
    graph.select(id);
  });
}

function showSelection(element) {
  refresh();
  if (!element) return;
  busy(() => (element.isNode() ? panel.showNode(element.id()) : panel.showEdge(element)));
}

function focusHeading(selector) {
  $(selector)?.focus({ preventScroll: false });
}

cy.on('tap', 'node', (event) => {
  const node = event.target;
  if (event.originalEvent?.shiftKey) {
    busy(() => path.pick({ id: node.id(), name: node.data('name'), label: node.data('label') }));
    return;
  }
  if (!graph.expanded.has(node.id())) actions.expand(node.id());
});

function refresh() {
  filters.apply(cy);
  renderNodeList($('#node-list'), cy, (id) => { graph.select(id); });
  $('#graph-empty').hidden = cy.nodes().nonempty();
  if (!restoring) writeUrlState(viewState());
}

function viewState() {
  const { focus, expanded } = graph.snapshot();
  const { hiddenLabels, hiddenTypes, from, to } = filters.state();
  const selected = cy.$(':selected')[0];
  const list = lists.current;
  return {
    focus,
    expand: expanded,
    select: selected?.isNode() ? selected.id() : undefined,
    pathFrom: path.from?.id,
    pathTo: path.to?.id,
    hideLabels: hiddenLabels,
    hideTypes: hiddenTypes,
    from,
    to,
    list: list ? [list.kind, list.id, list.scope].filter(Boolean).join('|') : undefined,
  };
}

/** Rebuilds a view from a deep link: focus, then each expansion in order, then filters, selection, path, list. */
async function restore(state) {
  restoring = true;
  try {
    filters.set({ hiddenLabels: state.hideLabels, hiddenTypes: state.hideTypes, from: state.from, to: state.to });
    if (state.focus) {
      await graph.open(state.focus);
      for (const id of state.expand ?? []) await graph.expand(id).catch(report);
    }
    if (state.pathFrom && state.pathTo) {
      const [from, to] = await Promise.all([state.pathFrom, state.pathTo].map((id) => api.node(id).then((d) => d.node)));
      path.from = { id: from.id, name: from.name, label: from.label };
      await path.setTo(to);
    }
    const [kind, id, scope] = (state.list ?? '').split('|');
    if (kind === 'served' && id) await lists.servedTogether(id, scope);
    if (kind === 'timeline' && id) await lists.timeline(id);
    const selected = state.select ?? state.focus;
    if (selected && graph.has(selected)) graph.select(selected);
  } finally {
    restoring = false;
    refresh();
  }
}

async function loadVocabularies() {
  try {
    const v = await api.vocabularies();
    const names = (list) => (list ?? []).map((x) => (typeof x === 'string' ? x : x.label ?? x.type ?? x.name)).filter(Boolean);
    const labels = names(v.labels);
    const types = names(v.relationshipTypes ?? v.types ?? v.relationships);
    return { labels: labels.length ? labels : LABELS, types: types.length ? types : TYPES };
  } catch {
    return { labels: LABELS, types: TYPES };
  }
}

$('#layout-button').addEventListener('click', () => graph.layout({ randomize: false }));
$('#fit-button').addEventListener('click', () => cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 40 }, duration: 250 }));
$('#export-png').addEventListener('click', () => exportPng(cy, fileBaseName(graph.focus)));
$('#export-json').addEventListener('click', () => exportJson(cy, fileBaseName(graph.focus)));
$('#share-button').addEventListener('click', async () => {
  writeUrlState(viewState());
  try {
    await navigator.clipboard.writeText(location.href);
    announce('Link to this view copied.');
  } catch {
    announce(`Link to this view: ${location.href}`);
  }
});
window.addEventListener('hashchange', () => busy(() => restore(readUrlState())));

renderLegend($('#legend'));
panel.showEmpty();

// Hooks for the browser tests: the Cytoscape instance and whether the page has settled.
window.kg = { cy, graph, idle: () => pending === 0 && !graph.layoutRunning, ready: false };

busy(async () => {
  const vocabularies = await loadVocabularies();
  filters.render(vocabularies.labels, vocabularies.types);
  const state = readUrlState();
  filters.set({ hiddenLabels: state.hideLabels, hiddenTypes: state.hideTypes, from: state.from, to: state.to });
  if (state.focus) await restore(state);
  window.kg.ready = true;
});
