/**
 * The subset of JSON Schema (draft 2020-12) that structured output uses: what
 * OpenAI-compatible servers accept as `response_format.json_schema.schema` and
 * what node-llama-cpp turns into a grammar. Kept as plain data so it crosses
 * process and wire boundaries unchanged.
 */
export type JsonSchema =
  | { readonly type: 'string'; readonly enum?: readonly string[]; readonly maxLength?: number; readonly description?: string }
  | { readonly type: 'integer' | 'number'; readonly minimum?: number; readonly maximum?: number; readonly description?: string }
  | { readonly type: 'boolean'; readonly description?: string }
  | { readonly type: 'array'; readonly items: JsonSchema; readonly minItems?: number; readonly maxItems?: number; readonly description?: string }
  | {
      readonly type: 'object';
      readonly properties: Readonly<Record<string, JsonSchema>>;
      readonly required?: readonly string[];
      readonly additionalProperties?: false;
      readonly description?: string;
    };
