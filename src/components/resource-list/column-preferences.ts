// Which optional columns a staff member added to a list, per resource, in this browser.
const PREFIX = 'loconomy-admin.list-columns.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadChosenColumns(resource: string): string[] {
  try {
    const raw = storage()?.getItem(PREFIX + resource);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function saveChosenColumns(resource: string, columns: string[]): void {
  try {
    storage()?.setItem(PREFIX + resource, JSON.stringify(columns));
  } catch {
    // a full or disabled storage only costs the preference
  }
}
