import { api } from './api.js';
import { debounce, h } from './dom.js';
import { shapeIcon } from './legend.js';
import { labelStyle } from './vocab.js';

// An ARIA 1.2 combobox: focus stays in the input, aria-activedescendant points at the highlighted option.
export class Search {
  constructor({ input, listbox, onOpen, onError }) {
    this.input = input;
    this.listbox = listbox;
    this.onOpen = onOpen;
    this.onError = onError;
    this.hits = [];
    this.active = -1;
    this.request = null;
    this.pending = null;
    const suggest = debounce(() => { this.pending = this.#suggest(); }, 200);
    input.addEventListener('input', suggest);
    input.addEventListener('keydown', (event) => this.#keydown(event));
    input.addEventListener('blur', () => setTimeout(() => this.#close(), 150));
    input.form?.addEventListener('submit', (event) => event.preventDefault());
  }

  async #suggest() {
    const text = this.input.value.trim();
    this.request?.abort();
    if (text.length < 2) return this.#close();
    this.request = new AbortController();
    try {
      const result = await api.search(text, { limit: 10 }, this.request.signal);
      this.hits = result.hits ?? [];
      this.lastQuery = text;
      this.active = this.hits.length ? 0 : -1;
      this.#render(result.truncated);
    } catch (error) {
      if (error.name !== 'AbortError') this.onError(error);
    }
  }

  #render(truncated) {
    this.listbox.replaceChildren(...this.hits.map((hit, index) => h('li', {
      id: `search-option-${index}`,
      role: 'option',
      class: 'option',
      'aria-selected': index === this.active ? 'true' : 'false',
      dataset: { id: hit.id },
      onmousedown: (event) => { event.preventDefault(); this.#open(index); },
    }, shapeIcon(hit.label), h('span', { class: 'option-name', text: hit.name }),
    h('span', { class: 'option-label', text: labelStyle(hit.label).title }))));
    if (!this.hits.length) this.listbox.append(h('li', { class: 'option empty', role: 'presentation', text: 'No match' }));
    if (truncated) this.listbox.append(h('li', { class: 'option more', role: 'presentation', text: 'More matches: type more of the name' }));
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.#highlight();
  }

  #highlight() {
    [...this.listbox.querySelectorAll('[role=option]')].forEach((option, index) => {
      option.setAttribute('aria-selected', index === this.active ? 'true' : 'false');
      if (index === this.active) option.scrollIntoView({ block: 'nearest' });
    });
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  async #keydown(event) {
    const open = !this.listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) { this.pending = this.#suggest(); return; }
        this.active = Math.min(this.active + 1, this.hits.length - 1);
        this.#highlight();
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.active = Math.max(this.active - 1, 0);
        this.#highlight();
        break;
      case 'Enter':
        event.preventDefault();
        // Enter right after typing must not race the debounce: ask now and open the best hit.
        if (!open || this.input.value.trim() !== this.lastQuery) await this.#suggest();
        if (this.hits.length) this.#open(Math.max(this.active, 0));
        break;
      case 'Escape':
        this.#close();
        break;
      default:
    }
  }

  #open(index) {
    const hit = this.hits[index];
    if (!hit) return;
    this.input.value = hit.name;
    this.#close();
    this.onOpen(hit);
  }

  #close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
