// Words and looks for the graph's vocabularies. The server's /api/vocabularies is preferred; these constants mirror
// Core's GraphSchema so the page still works (and the legend still reads) when that endpoint is missing.

export const LABELS = ['Officer', 'Force', 'Unit', 'Case', 'Event', 'VictimRole', 'Person', 'Organisation', 'Source'];

export const TYPES = ['SERVED_IN', 'PART_OF', 'WORKED_WITH', 'SUBJECT_OF', 'HAS_VICTIM', 'IDENTIFIED_AS', 'HAS_EVENT', 'BY',
  'REPORTS_ON', 'COMMENTS_ON', 'PUBLISHED_BY', 'WRITTEN_BY', 'QUOTED_IN', 'MEMBER_OF', 'SUPPORTS', 'REPRESENTS', 'RELATED_TO'];

// Colour AND shape per label so the legend never relies on colour alone. Fills are dark enough for white borders
// and node captions sit on a white text background, so captions keep AA contrast whatever the fill.
export const LABEL_STYLE = {
  Officer: { colour: '#1d4f91', shape: 'ellipse', title: 'Officer' },
  Force: { colour: '#1f2f4d', shape: 'hexagon', title: 'Force' },
  Unit: { colour: '#0b6e63', shape: 'round-rectangle', title: 'Unit' },
  Case: { colour: '#a3211a', shape: 'diamond', title: 'Case' },
  Event: { colour: '#8a4b00', shape: 'triangle', title: 'Event' },
  VictimRole: { colour: '#6a3d9a', shape: 'octagon', title: 'Victim or complainant (role only)' },
  Person: { colour: '#2d6a2f', shape: 'pentagon', title: 'Person' },
  Organisation: { colour: '#5b4034', shape: 'rectangle', title: 'Organisation' },
  Source: { colour: '#4a5a66', shape: 'tag', title: 'Source document' },
};

export const labelStyle = (label) => LABEL_STYLE[label] ?? { colour: '#555', shape: 'ellipse', title: label };

// Legal status in plain words. Anything short of a decision says so, so an allegation never reads as a finding.
export const LEGAL_STATUS = {
  alleged: { text: 'Alleged — not proven', tone: 'open' },
  denied: { text: 'Denied — not proven', tone: 'open' },
  under_investigation: { text: 'Under investigation — not proven', tone: 'open' },
  case_to_answer: { text: 'Case to answer — not yet decided', tone: 'open' },
  no_case_to_answer: { text: 'No case to answer', tone: 'cleared' },
  proven: { text: 'Proven at a misconduct hearing', tone: 'found' },
  not_proven: { text: 'Not proven', tone: 'cleared' },
  unfounded: { text: 'Unfounded — the alleged act did not happen', tone: 'cleared' },
  exonerated: { text: 'Exonerated — the act happened but was lawful', tone: 'cleared' },
  charged: { text: 'Charged — not convicted', tone: 'open' },
  convicted: { text: 'Convicted in a criminal court', tone: 'found' },
  acquitted: { text: 'Acquitted', tone: 'cleared' },
  admitted: { text: 'Admitted by the subject', tone: 'found' },
  withdrawn: { text: 'Withdrawn', tone: 'cleared' },
  overturned: { text: 'Overturned', tone: 'cleared' },
  upheld: { text: 'Upheld', tone: 'found' },
  dismissed_claim: { text: 'Claim dismissed', tone: 'cleared' },
  unknown: { text: 'Legal status unknown', tone: 'open' },
};

export const legalStatusText = (status) => LEGAL_STATUS[status]?.text ?? `Legal status: ${humanise(status)}`;

/** Statuses that record a decision against someone; everything else draws as a dashed line. */
export const isFinding = (status) => LEGAL_STATUS[status]?.tone === 'found';

export function humanise(value) {
  if (value === undefined || value === null) return '';
  const text = String(value).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** SERVED_IN → "Served in". */
export const typeText = (type) => humanise(String(type).toLowerCase());

const PROPERTY_NAMES = {
  legalStatus: 'Legal status', misconductLevel: 'Misconduct level', seedFile: 'Seed file', identified: 'Identified',
};

export const propertyText = (key) => PROPERTY_NAMES[key] ?? humanise(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
