// TTL values as BIND reads them (`bind_ttl`): a decimal number, or `<digits><unit>` pairs with units w, d, h, m, s.

export const MAX_TTL = 0x7fffffff;

export type TtlResult =
  | { readonly value: number; readonly error?: undefined }
  | { readonly value?: undefined; readonly error: 'syntax' | 'range' };

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Parses a TTL token. `1h30` (a bare number after a unit), `30x`, a unit without digits and tokens longer than 63
 * characters are syntax errors; totals above 2^32-1 are range errors. Values from 2^31 are returned as they are:
 * the caller warns and treats them as 0 (RFC 2181 §8).
 */
export function parseTtl(text: string): TtlResult {
  if (text.length === 0 || text.length > 63) return { error: 'syntax' };
  let total = 0;
  let digits = -1;
  let sawUnit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits = (digits < 0 ? 0 : digits) * 10 + (c - 48);
      if (digits > 0xffffffff) return { error: 'range' };
      continue;
    }
    const unit = UNIT_SECONDS[text[i].toLowerCase()];
    if (unit === undefined || digits < 0) return { error: 'syntax' };
    total += digits * unit;
    if (total > 0xffffffff) return { error: 'range' };
    digits = -1;
    sawUnit = true;
  }
  if (digits >= 0) {
    if (sawUnit) return { error: 'syntax' };
    total = digits;
  }
  return { value: total };
}

/** True for a token, starting at `start` in `text`, that BIND would try as a TTL at all: it starts with a digit. */
export function looksLikeTtl(text: string, start = 0): boolean {
  const c = text.charCodeAt(start);
  return c >= 48 && c <= 57;
}
