import { z } from "zod";
import { IncidentJsonSchema } from "./incident.js";
import { StatusReportSchema } from "./status-report.js";

/** The JSON answers people and scripts read, by name: `ask --json` and the HTTP API. */
export const JSON_SHAPES = [
  {
    name: "Status report",
    where: '`ask --json "/outage status <service>"`, `GET /api/status/:service`, each entry of `GET /api/status`',
    schema: StatusReportSchema,
  },
  {
    name: "Incident",
    where: '`ask --json "/outage incidents"`, each entry of `incidents` in `GET /api/incidents`',
    schema: IncidentJsonSchema,
  },
] as const;

/**
 * docs/JSON.md, generated from the zod schemas (z.toJSONSchema), so the documented shapes are the
 * validated ones. Times are ISO 8601 strings everywhere.
 */
export function jsonShapesDoc(): string {
  const parts = [
    "# JSON answers",
    "",
    "Generated from the zod schemas in `src/domain` (`jsonShapesDoc()`); a test fails when this file",
    "is out of date (`UPDATE_DOCS=1 npx vitest run tests/domain/json-shapes.test.ts` rewrites it).",
    "Every time is an ISO 8601 string in UTC.",
  ];
  for (const shape of JSON_SHAPES) {
    const json = z.toJSONSchema(shape.schema, { io: "output", unrepresentable: "any" });
    parts.push(
      "",
      `## ${shape.name}`,
      "",
      `Where: ${shape.where}.`,
      "",
      "```json",
      JSON.stringify(json, null, 2),
      "```",
    );
  }
  return `${parts.join("\n")}\n`;
}
