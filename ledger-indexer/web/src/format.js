// How the page writes the ledger's values: the API gives hex as lower-case 0x… and 256-bit
// integers as decimal strings, which stay exact here as BigInt.

const DECIMALS = 18n;
const UNIT = 10n ** DECIMALS;

/** 0x1234…abcd: enough to tell values apart, short enough for a phone. */
export function shortHex(hex, keep = 4) {
  if (!hex) return '';
  return hex.length <= 2 + 2 * keep + 1 ? hex : `${hex.slice(0, 2 + keep)}…${hex.slice(-keep)}`;
}

/** Groups an integer's digits by thousands. */
export function grouped(value) {
  const text = BigInt(value).toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${groups}` : groups;
}

/** A token amount (18 decimals) as "1,234.5 ACT"; "≈" when digits past the fourth are cut. */
export function tokens(amount, symbol = 'ACT') {
  const value = BigInt(amount);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const digits = (abs % UNIT).toString().padStart(Number(DECIMALS), '0');
  const shown = digits.slice(0, 4).replace(/0+$/, '');
  const cut = /[1-9]/.test(digits.slice(4));
  return `${cut ? '≈ ' : ''}${sign}${grouped(abs / UNIT)}${shown ? `.${shown}` : ''} ${symbol}`;
}

/** A bytes32 that holds short ASCII (member ids, parameter names) as that text, else short hex. */
export function bytes32Text(hex) {
  if (!hex || !/^0x[0-9a-f]{64}$/i.test(hex)) return shortHex(hex);
  const bytes = hex.slice(2).match(/../g).map((b) => parseInt(b, 16));
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const text = bytes.slice(0, end);
  if (text.length > 0 && text.every((b) => b >= 0x20 && b < 0x7f)) {
    return String.fromCharCode(...text);
  }
  return shortHex(hex);
}

/** An integer square root of a BigInt (Newton), as the governor computes q = isqrt(raw). */
export function isqrt(value) {
  const n = BigInt(value);
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** "n%" of part over whole, one decimal, for progress bars. */
export function percent(part, whole) {
  const w = BigInt(whole);
  if (w === 0n) return 0;
  return Number((BigInt(part) * 1000n) / w) / 10;
}

export function time(unixSeconds) {
  return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
