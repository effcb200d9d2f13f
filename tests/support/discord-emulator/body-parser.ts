import type { IncomingMessage } from "node:http";

/** A request body: JSON, or multipart with `payload_json` and `files[n]`. */
export interface ParsedBody {
  body: unknown;
  files: { field: string; name: string; size: number; contentType: string }[];
  problem: string | null;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads and parses a request body the way Discord accepts it. */
export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(req);
  if (raw.length === 0) return { body: null, files: [], problem: null };
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    // Node's fetch Request parses multipart for us; no extra dependency needed.
    const form = await new Request("http://emulator/", {
      method: "POST",
      headers: { "content-type": type },
      body: raw,
    }).formData();
    const files: ParsedBody["files"] = [];
    let body: unknown = null;
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files, problem: null };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [], problem: null };
  } catch {
    return { body: null, files: [], problem: "body is not valid JSON" };
  }
}
