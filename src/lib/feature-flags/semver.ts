// Semantic version precedence (semver.org §11), as the SEMVER_* constraints compare; the same
// rules as private.semver_compare in the database. A leading "v" is not a version.

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1; null when either is not a semantic version. Build metadata is ignored. */
export function compareSemver(a: string, b: string): number | null {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return null;
  for (let i = 1; i <= 3; i++) {
    const d = Math.sign(Number(x[i]) - Number(y[i]));
    if (d !== 0) return d;
  }
  const xp = x[4];
  const yp = y[4];
  if (!xp && !yp) return 0;
  if (!xp) return 1;
  if (!yp) return -1;
  const xs = xp.split('.');
  const ys = yp.split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = compareIdentifiers(xs[i], ys[i]);
    if (d !== 0) return d;
  }
  return Math.sign(xs.length - ys.length);
}
