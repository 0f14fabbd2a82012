/**
 * A number with comma thousands separators and at most three decimals, as `toLocaleString('en-US')`
 * writes it, without Intl: the first Intl formatter a process makes maps about 6 MB of the Node
 * binary's locale data, a sixth of what a pack may use, for a comma every three digits. Being
 * locale-free it is also the same on every machine.
 *
 * @example
 * groupThousands(50_000_000); // "50,000,000"
 * groupThousands(-1234.5); // "-1,234.5"
 */
export function groupThousands(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value < 0 ? '-∞' : '∞';
  const fixed = Math.abs(value).toFixed(3);
  if (fixed.includes('e')) return String(value);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const decimals = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}
