import { currencyOf } from '../../resources/select';
import { formatPoint, parsePoint, summarizeArea } from '../../lib/geo';
import { minorDigits, toMajorUnits } from '../../lib/money';
import type { FieldDef } from '../../resources/types';
import { relationLabel } from '../fields/format';

type Cell = string | number | boolean | null;

// One CSV row per record, in the columns a spreadsheet can use: relations as their names
// (with the id beside them), money as major units beside its currency, structures as JSON.
export function exportRow(fields: FieldDef[], record: Record<string, unknown>): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const field of fields) {
    const value = record[field.name];
    const empty = value === null || value === undefined;
    switch (field.kind) {
      case 'relation':
        row[field.label] = empty
          ? null
          : field.relation
            ? (relationLabel(record, field.name, field.relation.labelField) ?? String(value))
            : String(value);
        row[`${field.label} ID`] = empty ? null : String(value);
        break;
      case 'money': {
        const currency = currencyOf(field, record) ?? 'USD';
        row[field.label] = empty ? null : toMajorUnits(value as number, currency).toFixed(minorDigits(currency));
        // the currency column is exported anyway when it is one of the fields
        if (!fields.some((f) => f.name === (field.currencyField ?? 'currency'))) {
          row[`${field.label} currency`] = empty ? null : currency;
        }
        break;
      }
      case 'tags':
        row[field.label] = Array.isArray(value) ? value.join('; ') : empty ? null : String(value);
        break;
      case 'json':
        row[field.label] = empty ? null : typeof value === 'string' ? value : JSON.stringify(value);
        break;
      case 'geo_point': {
        const point = parsePoint(value);
        row[field.label] = point ? formatPoint(point) : null;
        break;
      }
      case 'geo_area': {
        const area = summarizeArea(value);
        row[field.label] = area ? `${area.polygons} polygons, bbox ${area.bbox.join(' ')}` : null;
        break;
      }
      default:
        row[field.label] = empty ? null : (value as Cell);
    }
  }
  return row;
}
