import { currencyOf } from '../../resources/select';
import { Link } from '@refinedev/core';
import { Typography } from 'antd';
import type { FieldDef, ResourceDef } from '../../resources/types';
import { BooleanValue } from './boolean-value';
import { CodeValue } from './code-value';
import { ColorValue } from './color-value';
import { DateValue } from './date-value';
import { EmptyValue } from './empty-value';
import { EnumTag } from './enum-tag';
import { isEmpty } from './format';
import { GeoAreaValue, GeoPointValue } from './geo-value';
import { JsonValue } from './json-value';
import { MoneyValue } from './money-value';
import { NumberValue } from './number-value';
import { RatingValue } from './rating-value';
import { RelationValue } from './relation-value';
import { TagsValue } from './tags-value';
import { EmailValue, IpValue, PhoneValue, TextValue, UrlValue } from './text-value';

export interface FieldValueProps {
  field: FieldDef;
  record: Record<string, unknown>;
  def: ResourceDef;
  /** 'list' renders compactly for a table cell; 'show' renders in full. Default 'show'. */
  mode?: 'list' | 'show';
}

function asNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `record[field.name]` rendered according to the field's kind. */
export function FieldValue({ field, record, def, mode = 'show' }: FieldValueProps) {
  const value = record[field.name];
  if (isEmpty(value)) return <EmptyValue />;
  if (Array.isArray(value) && value.length === 0 && field.kind === 'tags') return <EmptyValue />;

  switch (field.kind) {
    case 'enum':
      return <EnumTag value={String(value)} />;
    case 'money': {
      return <MoneyValue minor={value as number | string} currency={currencyOf(field, record)} />;
    }
    case 'date':
    case 'datetime':
    case 'time':
      return <DateValue value={String(value)} kind={field.kind} mode={mode} />;
    case 'boolean':
      return <BooleanValue value={value === true || value === 'true'} />;
    case 'relation':
      if (!field.relation) return <CodeValue value={String(value)} mode={mode} shortenInList />;
      return (
        <RelationValue id={value as string | number} fieldName={field.name} relation={field.relation} record={record} />
      );
    case 'geo_point':
      return <GeoPointValue value={value} />;
    case 'geo_area':
      return <GeoAreaValue value={value} />;
    case 'json':
      return <JsonValue value={value} mode={mode} />;
    case 'tags':
      return <TagsValue value={Array.isArray(value) ? value : [value]} mode={mode} />;
    case 'rating': {
      // An average of nothing is not a zero-star rating (aggregates default to 0).
      if (record.rating_count === 0) {
        return (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            No reviews yet
          </Typography.Text>
        );
      }
      const n = asNumber(value);
      return n === null ? <TextValue value={String(value)} mode={mode} /> : <RatingValue value={n} />;
    }
    case 'uuid':
      return <CodeValue value={String(value)} mode={mode} shortenInList />;
    case 'code':
      // Short codes (currencies, slugs) stay whole; only long ones are cut in lists.
      return <CodeValue value={String(value)} mode={mode} shortenInList={String(value).length > 24} />;
    case 'email':
      return <EmailValue value={String(value)} />;
    case 'url':
      return <UrlValue value={String(value)} mode={mode} />;
    case 'phone':
      return <PhoneValue value={String(value)} />;
    case 'ip':
      return <IpValue value={String(value)} />;
    case 'color':
      return <ColorValue value={String(value)} />;
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'duration_minutes': {
      const n = asNumber(value);
      return n === null ? <TextValue value={String(value)} mode={mode} /> : <NumberValue value={n} kind={field.kind} />;
    }
    case 'textarea':
      return <TextValue value={String(value)} mode={mode} multiline />;
    case 'text':
    default: {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      // In a list the record's name is the natural way into it.
      const id = record.id;
      if (mode === 'list' && field.name === def.titleField && (typeof id === 'string' || typeof id === 'number')) {
        return <Link to={`/${def.name}/show/${encodeURIComponent(String(id))}`}>{text}</Link>;
      }
      return <TextValue value={text} mode={mode} />;
    }
  }
}
