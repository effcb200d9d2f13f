/**
 * What a command handler returns: plain data that the Discord gateway, the HTTP interactions
 * endpoint, the terminal console and JSON output each render their own way.
 * Field names and limits follow Discord's embed object so the Discord rendering is a copy.
 */

/** One embed field (name ≤ 256, value ≤ 1024 characters). */
export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

/** One embed (title ≤ 256, description ≤ 4096, ≤ 25 fields, ≤ 6000 characters in all). */
export interface ReplyEmbed {
  title?: string;
  description?: string;
  url?: string;
  /** 24-bit RGB colour. */
  color?: number;
  fields?: ReplyField[];
  footer?: string;
  /** ISO time shown by Discord in the embed footer. */
  timestamp?: string;
  /** `attachment://name.png` for a chart sent in `files`, or an https URL. */
  imageUrl?: string;
}

/** A file sent with the reply, such as a chart PNG. */
export interface ReplyFile {
  name: string;
  contentType: string;
  data: Uint8Array;
  /** Alt text for screen readers. */
  description?: string;
}

/** A button under the reply. `customId` is `outage:<action>:<arg>`; `url` buttons open a link. */
export interface ReplyButton {
  label: string;
  style: "primary" | "secondary" | "success" | "danger" | "link";
  customId?: string;
  url?: string;
  disabled?: boolean;
}

/** A menu under the reply: picking an option calls the handler of `customId` with the chosen value. */
export interface ReplySelect {
  /** `outage:<action>:<arg>`, like a button's. */
  customId: string;
  /** Shown before anything is picked (≤ 150 characters). */
  placeholder: string;
  /** At most 25 options (label and value ≤ 100 characters each). */
  options: { label: string; value: string; description?: string }[];
}

/** A command's answer. */
export interface Reply {
  content?: string;
  embeds?: ReplyEmbed[];
  files?: ReplyFile[];
  /** Rows of buttons, at most 5 rows of 5 (4 with a select menu). */
  buttons?: ReplyButton[][];
  /** One select menu, in a row of its own under the buttons. */
  select?: ReplySelect;
  /** Only the person who asked sees it (errors, admin commands, report receipts). */
  ephemeral?: boolean;
  /** Structured data behind the reply (the status report JSON), for `--json` and the HTTP API. */
  data?: unknown;
}

/** One autocomplete choice (name ≤ 100 characters, at most 25 choices). */
export interface Choice {
  name: string;
  value: string;
}
