import { describe, expect, it } from "vitest";
import type { OfficialIncident, OfficialSnapshot } from "../../src/domain/official.js";
import { describeOfficialChanges, diffOfficialIncidents } from "../../src/sources/official-diff.js";

const AT = Date.parse("2026-11-26T11:00:00Z");

function incident(id: string, over: Partial<OfficialIncident> = {}): OfficialIncident {
  return {
    id,
    name: `Incident ${id}`,
    status: "investigating",
    impact: "minor",
    startedAt: "2026-11-26T10:00:00Z",
    updatedAt: "2026-11-26T10:00:00Z",
    latestUpdate: "Investigating.",
    url: null,
    ...over,
  };
}

function snapshot(incidents: OfficialIncident[], over: Partial<OfficialSnapshot> = {}): OfficialSnapshot {
  return { indicator: "minor", description: null, pageUrl: null, components: [], incidents, maintenance: [], ...over };
}

const kinds = (prev: OfficialSnapshot | null, next: OfficialSnapshot) =>
  diffOfficialIncidents("github", prev, next, AT).map((e) => [e.kind, e.incident.id]);

describe("official incident events", () => {
  it("opens an incident that appears", () => {
    expect(kinds(snapshot([]), snapshot([incident("a")]))).toEqual([["opened", "a"]]);
  });

  it("treats every open incident as opened when there was no earlier snapshot", () => {
    expect(kinds(null, snapshot([incident("a"), incident("b")]))).toEqual([
      ["opened", "a"],
      ["opened", "b"],
    ]);
  });

  it("updates on a new latest update, status or impact", () => {
    const before = snapshot([incident("a"), incident("b"), incident("c")]);
    const after = snapshot([
      incident("a", { latestUpdate: "Fix deployed.", updatedAt: "2026-11-26T10:50:00Z" }),
      incident("b", { status: "identified" }),
      incident("c", { impact: "major" }),
    ]);
    expect(kinds(before, after)).toEqual([
      ["updated", "a"],
      ["updated", "b"],
      ["updated", "c"],
    ]);
  });

  it("counts an impact-none incident with real updates", () => {
    const before = snapshot([incident("n", { impact: "none" })]);
    const after = snapshot([incident("n", { impact: "none", latestUpdate: "Webhooks are delayed by 5 minutes." })]);
    expect(kinds(snapshot([]), before)).toEqual([["opened", "n"]]);
    expect(kinds(before, after)).toEqual([["updated", "n"]]);
  });

  it("resolves an incident that leaves the unresolved list", () => {
    const events = diffOfficialIncidents("github", snapshot([incident("a")]), snapshot([]), AT);
    expect(events).toEqual([
      { kind: "resolved", serviceId: "github", at: AT, incident: { ...incident("a"), status: "resolved" } },
    ]);
  });

  it("resolves an incident marked resolved or postmortem", () => {
    const before = snapshot([incident("a"), incident("b")]);
    const after = snapshot([incident("a", { status: "resolved" }), incident("b", { status: "postmortem" })]);
    expect(kinds(before, after)).toEqual([
      ["resolved", "a"],
      ["resolved", "b"],
    ]);
  });

  it("says nothing when nothing changed", () => {
    const same = snapshot([incident("a")]);
    expect(kinds(same, snapshot([incident("a")]))).toEqual([]);
  });

  it("describes indicator, component and incident changes in words", () => {
    const before = snapshot([], {
      indicator: "none",
      components: [{ name: "API", status: "operational", group: null, region: null }],
    });
    const after = snapshot([incident("a")], {
      indicator: "major",
      description: "Partial System Outage",
      components: [{ name: "API", status: "partial_outage", group: null, region: null }],
    });
    const events = diffOfficialIncidents("github", before, after, AT);
    expect(describeOfficialChanges(before, after, events)).toEqual([
      "indicator none → major (Partial System Outage)",
      "component API: operational → partial_outage",
      "incident opened: Incident a [minor, investigating]",
    ]);
  });
});
