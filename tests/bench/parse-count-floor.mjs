// The floor of an import: read an NDJSON file in 1 MiB chunks, split it into lines, JSON.parse each
// line and count those with a service. Plain Node, nothing loaded: what any importer pays at least.
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";

const decoder = new StringDecoder("utf8");
let rest = "";
let count = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  const text = rest + decoder.write(chunk);
  let start = 0;
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
    const line = text.slice(start, nl);
    start = nl + 1;
    if (line !== "" && JSON.parse(line).service) count++;
  }
  rest = text.slice(start);
}
if (rest !== "" && JSON.parse(rest).service) count++;
process.stdout.write(`${count}\n`);
