import { h } from './dom.js';
import { LABELS, labelStyle } from './vocab.js';

const SVG = 'http://www.w3.org/2000/svg';

// Polygons on a 20×20 box that match Cytoscape's node shapes, so the legend and the graph look alike.
const POINTS = {
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  diamond: '10,1 19,10 10,19 1,10',
  triangle: '10,2 19,18 1,18',
  octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
  pentagon: '10,1 19,8 15,19 5,19 1,8',
  rectangle: '2,3 18,3 18,17 2,17',
  tag: '1,3 13,3 19,10 13,17 1,17',
};

/** A small SVG of a label's shape in its colour; decorative, since the label's name is always written beside it. */
export function shapeIcon(label) {
  const { colour, shape } = labelStyle(label);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'shape-icon');
  let el;
  if (shape === 'ellipse') {
    el = document.createElementNS(SVG, 'circle');
    el.setAttribute('cx', '10'); el.setAttribute('cy', '10'); el.setAttribute('r', '8.5');
  } else if (shape === 'round-rectangle') {
    el = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ x: 2, y: 3, width: 16, height: 14, rx: 4 })) el.setAttribute(k, String(v));
  } else {
    el = document.createElementNS(SVG, 'polygon');
    el.setAttribute('points', POINTS[shape] ?? POINTS.rectangle);
  }
  el.setAttribute('fill', colour);
  el.setAttribute('stroke', '#111');
  el.setAttribute('stroke-width', '1');
  svg.append(el);
  return svg;
}

export function renderLegend(container) {
  container.replaceChildren(
    h('ul', { class: 'legend-list' },
      LABELS.map((label) => h('li', {}, shapeIcon(label), h('span', { text: labelStyle(label).title })))),
    h('ul', { class: 'legend-list legend-lines' },
      h('li', {}, lineIcon('dashed'), h('span', { text: 'Alleged or undecided (not a finding)' })),
      h('li', {}, lineIcon('found'), h('span', { text: 'Proven, admitted or convicted' })),
      h('li', {}, lineIcon('plain'), h('span', { text: 'Other relationship' })),
      h('li', {}, lineIcon('path'), h('span', { text: 'On the path found' }))),
    h('p', { class: 'hint', text: 'Victims and complainants appear only as their role; protected people are never named.' }),
  );
}

function lineIcon(kind) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 30 10');
  svg.setAttribute('width', '30');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5 })) line.setAttribute(k, String(v));
  const look = {
    dashed: ['#6b7780', '2', '5 3'], found: ['#7a1b14', '3.5', ''], plain: ['#6b7780', '2', ''], path: ['#c77700', '5', ''],
  }[kind];
  line.setAttribute('stroke', look[0]);
  line.setAttribute('stroke-width', look[1]);
  if (look[2]) line.setAttribute('stroke-dasharray', look[2]);
  svg.append(line);
  return svg;
}
