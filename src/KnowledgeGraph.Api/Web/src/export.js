// Exports of the current view, downloaded as files named after the focus node.
export function exportPng(cy, baseName) {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  download(blob, `${baseName}.png`);
}

export function exportJson(cy, baseName) {
  const elements = cy.json().elements;
  const body = JSON.stringify({ exported: new Date().toISOString(), source: location.href, elements }, null, 2);
  download(new Blob([body], { type: 'application/json' }), `${baseName}.json`);
}

function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const fileBaseName = (focus) => `knowledge-graph-${(focus ?? 'view').replace(/[^a-z0-9-]+/gi, '-')}`;
