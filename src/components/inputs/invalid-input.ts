// What an input puts into the form while its text cannot become a value (JSON that does not
// parse, half a coordinate). The field's rules reject it, so the form cannot be submitted,
// and the input keeps the text the user typed.
export class InvalidInput {
  constructor(
    readonly message: string,
    readonly text?: string,
  ) {}
}

export function isInvalidInput(value: unknown): value is InvalidInput {
  return value instanceof InvalidInput;
}
