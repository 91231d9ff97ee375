import { h } from './dom.js';
import { isPartialDate, overlaps, periodSpan, span } from './dates.js';
import { shapeIcon } from './legend.js';
import { labelStyle, typeText } from './vocab.js';

const DATED_TYPES = new Set(['SERVED_IN', 'MEMBER_OF']);

// Label and type checkboxes hide elements (reversibly); the date range only fades events and service periods
// outside it, so the shape of the graph stays readable while the period is narrowed.
export class Filters {
  constructor({ labelsBox, typesBox, fromInput, toInput, onChange }) {
    this.hiddenLabels = new Set();
    this.hiddenTypes = new Set();
    this.range = { from: '', to: '' };
    this.labelsBox = labelsBox;
    this.typesBox = typesBox;
    this.fromInput = fromInput;
    this.toInput = toInput;
    this.onChange = onChange;
    for (const input of [fromInput, toInput]) input.addEventListener('change', () => this.#readRange());
  }

  render(labels, types) {
    this.labelsBox.replaceChildren(...labels.map((label) =>
      checkbox(`filter-label-${label}`, label, [shapeIcon(label), labelStyle(label).title], !this.hiddenLabels.has(label),
        (on) => this.#toggle(this.hiddenLabels, label, on))));
    this.typesBox.replaceChildren(...types.map((type) =>
      checkbox(`filter-type-${type}`, type, [typeText(type)], !this.hiddenTypes.has(type),
        (on) => this.#toggle(this.hiddenTypes, type, on))));
  }

  set({ hiddenLabels = [], hiddenTypes = [], from = '', to = '' }) {
    this.hiddenLabels = new Set(hiddenLabels);
    this.hiddenTypes = new Set(hiddenTypes);
    this.range = { from, to };
    this.fromInput.value = from;
    this.toInput.value = to;
    for (const box of this.labelsBox.querySelectorAll('input')) box.checked = !this.hiddenLabels.has(box.value);
    for (const box of this.typesBox.querySelectorAll('input')) box.checked = !this.hiddenTypes.has(box.value);
  }

  state() {
    return { hiddenLabels: [...this.hiddenLabels], hiddenTypes: [...this.hiddenTypes], ...this.range };
  }

  /** Applies the filters to every element; called after each change of the graph too. */
  apply(cy) {
    cy.batch(() => {
      cy.nodes().forEach((node) => { node.toggleClass('hidden', this.hiddenLabels.has(node.data('label'))); });
      cy.edges().forEach((edge) => { edge.toggleClass('hidden', this.hiddenTypes.has(edge.data('type'))); });
      const range = this.#rangeSpan();
      cy.elements().forEach((element) => {
        const dates = datesOf(element);
        element.toggleClass('faded', !!range && !!dates && !overlaps(dates, range));
      });
    });
  }

  #toggle(set, value, on) {
    if (on) set.delete(value); else set.add(value);
    this.onChange();
  }

  #readRange() {
    let valid = true;
    for (const input of [this.fromInput, this.toInput]) {
      const text = input.value.trim();
      const ok = text === '' || isPartialDate(text);
      input.setAttribute('aria-invalid', ok ? 'false' : 'true');
      valid &&= ok;
    }
    document.getElementById('date-error').hidden = valid;
    if (!valid) return;
    this.range = { from: this.fromInput.value.trim(), to: this.toInput.value.trim() };
    this.onChange();
  }

  #rangeSpan() {
    const { from, to } = this.range;
    if (!from && !to) return null;
    return { start: span(from)?.start ?? -Infinity, end: span(to)?.end ?? Infinity };
  }
}

function datesOf(element) {
  const data = element.data();
  const properties = data.properties ?? {};
  if (element.isNode() && data.label === 'Event') {
    const date = span(properties.date ?? data.date);
    return date ?? null;
  }
  if (element.isEdge() && DATED_TYPES.has(data.type)) {
    return periodSpan(properties.from ?? data.from, properties.to ?? data.to);
  }
  return null;
}

function checkbox(id, value, caption, checked, onToggle) {
  return h('li', {},
    h('input', { type: 'checkbox', id, value, checked, onchange: (event) => onToggle(event.target.checked) }),
    h('label', { for: id }, caption));
}
