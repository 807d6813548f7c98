// Number formatting without floating point: the API's amounts and rates are decimal strings.

/** "1234567.5" → "1,234,567.5" (grouping of the integer part only; the decimals as given). */
export function group(text) {
  if (text === null || text === undefined || text === '') return '';
  const s = String(text);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** An amount in yuan (decimal string, two decimals). */
export function money(text) {
  return group(text);
}

export function count(n) {
  return n === null || n === undefined ? '' : group(String(n));
}

/** The shown text of a rate: "75.00%", or "—" when undefined (never 0). */
export function rateText(rate) {
  return rate && rate.defined && rate.percent !== null ? rate.percent + '%' : '—';
}

/** The hover text of a rate: its numerator and denominator. */
export function rateTitle(rate) {
  return rate ? `${group(rate.numerator)} / ${group(rate.denominator)}` : '';
}

/** The number a chart plots for a rate (undefined → null: a gap, not 0). */
export function ratePlot(rate) {
  return rate && rate.defined && rate.percent !== null ? Number(rate.percent) : null;
}

/** An ISO instant in China time, "2026-11-26 13:05:02". */
export function instant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).reduce((m, p) => ({ ...m, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Today in China time, YYYY-MM-DD (the reports' default as-of day). */
export function todayInChina() {
  return instant(new Date().toISOString()).slice(0, 10);
}
