export { FieldValue, type FieldValueProps } from './field-value';
export { embedAlias, enumColor, humanize, relationLabel, RIGHT_ALIGNED_KINDS } from './format';
