import { LABEL_STYLE } from './vocab.js';

// Cytoscape's stylesheet. Node captions sit on a white text background so they keep AA contrast over edges;
// edges that record only an allegation are dashed, decided findings solid and thicker: the line itself never
// upgrades an allegation.
export function graphStyle() {
  const byLabel = Object.entries(LABEL_STYLE).map(([label, style]) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': style.colour, shape: style.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#555',
        width: 30,
        height: 30,
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(caption)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#111111',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 6,
      },
    },
    ...byLabel,
    { selector: 'node.expanded', style: { 'border-color': '#111111', 'border-width': 2 } },
    { selector: 'node.focus', style: { width: 44, height: 44, 'border-color': '#111111', 'border-width': 4, 'font-weight': 'bold' } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#0b57d0', 'overlay-opacity': 0.25, 'overlay-padding': 8, 'border-color': '#0b57d0', 'border-width': 4 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#6b7780',
        'target-arrow-color': '#6b7780',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(caption)',
        'font-size': 8,
        color: '#333333',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'min-zoomed-font-size': 9,
      },
    },
    // Right of reply: a disputed fact gets an amber dashed outline (node) or a double line (edge), a corrected one a
    // teal double border (node) or a teal dot at its start (edge); the words ("Disputed by the officer", "Corrected 10 Jan 2025") are in the details panel and lists.
    { selector: 'node[?disputed]', style: { 'border-color': '#b45309', 'border-width': 4, 'border-style': 'dashed' } },
    { selector: 'node[?corrected]', style: { 'border-color': '#0f766e', 'border-width': 5, 'border-style': 'double' } },
    { selector: 'edge[?disputed]', style: { 'line-style': 'double', width: 4, 'line-color': '#b45309', 'target-arrow-color': '#b45309' } },
    { selector: 'edge[?corrected]', style: { 'source-arrow-shape': 'circle', 'source-arrow-color': '#0f766e' } },
    { selector: 'edge[legalTone = "open"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[legalTone = "found"]', style: { width: 3, 'line-color': '#7a1b14', 'target-arrow-color': '#7a1b14' } },
    { selector: 'edge:selected', style: { 'line-color': '#0b57d0', 'target-arrow-color': '#0b57d0', width: 4 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.path-dim', style: { opacity: 0.2 } },
    {
      selector: 'node.path',
      style: { 'underlay-color': '#f2a900', 'underlay-opacity': 0.9, 'underlay-padding': 8, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'edge.path',
      style: { width: 5, 'line-color': '#c77700', 'target-arrow-color': '#c77700', 'z-index': 10 },
    },
  ];
}
