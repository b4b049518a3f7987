import { z } from "zod";
import { CaseSchema } from "./case.js";
import { OutcomeSchema } from "./outcome.js";
import { ScenarioSchema } from "./scenario.js";

export const SCHEMAS = { scenario: ScenarioSchema, case: CaseSchema, outcome: OutcomeSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;

/** JSON Schema (draft 2020-12) of a public document type, as accepted on input. */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[name], { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
