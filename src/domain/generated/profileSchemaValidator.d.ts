/* Types of the generated standalone validator (see scripts/generate-profile-validator.mjs). */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
declare const validate: ValidateFunction;
export default validate;
