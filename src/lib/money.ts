// Money is stored as integer minor units (*_cents) beside an ISO 4217 currency. The number
// of minor digits comes from Intl, so JPY (0) and KWD (3) are right without a table here.

export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 12345, 'USD' → "$123.45" (in the viewer's locale). */
export function formatMoney(
  minor: number | string | null | undefined,
  currency: string | null | undefined,
  locale?: string,
): string {
  if (minor === null || minor === undefined || minor === '') return '';
  const code = (currency ?? 'USD').toUpperCase();
  const digits = minorDigits(code);
  const major = Number(minor) / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${code}`;
  }
}

/** Major units as typed (123.45) → minor units (12345), rounding half away from zero on the last digit. */
export function toMinorUnits(major: number, currency: string): number {
  const factor = 10 ** minorDigits(currency);
  return Math.sign(major) * Math.round(Math.abs(major) * factor);
}

/** Minor units (12345) → major units (123.45) for an input box. */
export function toMajorUnits(minor: number | string, currency: string): number {
  return Number(minor) / 10 ** minorDigits(currency);
}
