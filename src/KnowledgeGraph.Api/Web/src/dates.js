// Partial dates ("2017", "2017-07", "2017-07-26") as the span of days they cover, as yyyymmdd numbers.
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const isPartialDate = (text) => PARTIAL.test(text);

export function span(text) {
  const match = PARTIAL.exec(text ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  if (d) return { start: year * 10000 + Number(m) * 100 + Number(d), end: year * 10000 + Number(m) * 100 + Number(d) };
  if (m) return { start: year * 10000 + Number(m) * 100 + 1, end: year * 10000 + Number(m) * 100 + 31 };
  return { start: year * 10000 + 101, end: year * 10000 + 1231 };
}

/**
 * The days a dated element may cover. An unknown end stays open (-∞ / +∞): an element is faded only when its
 * dates are known to lie outside the range, never because a date is missing.
 */
export function periodSpan(from, to) {
  const start = span(from)?.start ?? -Infinity;
  const end = to === 'present' ? Infinity : span(to)?.end ?? Infinity;
  return { start, end };
}

export const overlaps = (a, b) => a.start <= b.end && b.start <= a.end;
