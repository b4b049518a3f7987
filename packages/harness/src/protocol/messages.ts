import { Edition, OutcomeSchema, ScenarioSchema } from "@codex-policy/spec";
import { z } from "zod";

/** Bump when a message changes meaning. Adapters answer `start` with the version they speak. */
export const PROTOCOL_VERSION = 1;

export const StartRequest = z
  .object({ cmd: z.literal("start"), protocol: z.literal(PROTOCOL_VERSION) })
  .strict();

export const RunCase = z
  .object({
    /** `<caseId>:<testId>`. */
    id: z.string().min(1),
    edition: Edition,
    scenario: ScenarioSchema,
    /** The Outcome paths the harness will compare: a hint, adapters may observe only these. */
    paths: z.array(z.string()),
  })
  .strict();

export const RunRequest = z
  .object({ cmd: z.literal("run"), seq: z.number().int().nonnegative(), case: RunCase })
  .strict();

export const StopRequest = z.object({ cmd: z.literal("stop") }).strict();

export const Request = z.discriminatedUnion("cmd", [StartRequest, RunRequest, StopRequest]);

export const Implementation = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    language: z.string().optional(),
    homepage: z.string().optional(),
    issues: z.string().optional(),
  })
  .strict();

export const StartReply = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION),
    implementation: Implementation,
    capabilities: z.array(z.string()),
    editions: z.array(Edition).min(1),
    /** Outcome path prefixes the implementation never reports; checks under them are not scored. */
    unobservable: z.array(z.string()).optional(),
  })
  .strict();

export const ResultReply = z.object({ seq: z.number().int(), result: OutcomeSchema.strict() }).strict();
export const SkippedReply = z
  .object({
    seq: z.number().int(),
    skipped: z.object({ reason: z.string().min(1), issue_url: z.string().optional() }).strict(),
  })
  .strict();
export const ErroredReply = z
  .object({
    seq: z.number().int(),
    errored: z.object({ message: z.string(), context: z.unknown().optional() }).strict(),
  })
  .strict();

export const RunReply = z.union([ResultReply, SkippedReply, ErroredReply]);

export type StartReplyT = z.infer<typeof StartReply>;
export type RunCaseT = z.infer<typeof RunCase>;

/** The first problem of a failed parse, as one line. */
export function firstProblem(err: z.ZodError): string {
  const i = err.issues[0];
  return i ? `${i.path.join(".") || "(message)"}: ${i.message}` : "invalid message";
}
