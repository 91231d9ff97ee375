import { h } from './dom.js';
import { shapeIcon } from './legend.js';

// The keyboard way into the graph: every visible node as a button, in name order. Enter or Space selects it.
export function renderNodeList(container, cy, onChoose) {
  const nodes = cy.nodes().not('.hidden').sort((a, b) => String(a.data('name')).localeCompare(String(b.data('name'))));
  const selected = cy.$('node:selected').id();
  container.replaceChildren(
    h('p', { class: 'hint', text: `${nodes.length} node${nodes.length === 1 ? '' : 's'} shown` }),
    h('ul', { class: 'node-list' }, nodes.map((node) => h('li', {},
      h('button', {
        type: 'button',
        class: 'node-button',
        'aria-pressed': node.id() === selected ? 'true' : 'false',
        dataset: { id: node.id() },
        onclick: () => onChoose(node.id()),
      }, shapeIcon(node.data('label')), h('span', { text: node.data('name') }))))));
}
