import type { APIApplicationCommandOptionChoice, APIEmbed } from "discord-api-types/v10";
import { z } from "zod";

/** Discord's documented limits the emulator enforces on everything the bot sends. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

const L = DISCORD_LIMITS;

const EmbedSchema = z.object({
  title: z.string().max(L.embedTitle).optional(),
  description: z.string().max(L.embedDescription).optional(),
  url: z.url().optional(),
  color: z.int().min(0).max(0xffffff).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  footer: z.object({ text: z.string().min(1).max(L.footerText), icon_url: z.string().optional() }).optional(),
  author: z.object({ name: z.string().min(1).max(L.authorName), url: z.string().optional() }).optional(),
  image: z.object({ url: z.string().regex(/^(https?|attachment):\/\//) }).optional(),
  thumbnail: z.object({ url: z.string().regex(/^(https?|attachment):\/\//) }).optional(),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(L.fieldName),
        value: z.string().min(1).max(L.fieldValue),
        inline: z.boolean().optional(),
      }),
    )
    .max(L.embedFields)
    .optional(),
});
type Embed = z.infer<typeof EmbedSchema>;

const ButtonSchema = z
  .object({
    type: z.literal(2),
    style: z.int().min(1).max(6),
    label: z.string().max(L.buttonLabel).optional(),
    custom_id: z.string().min(1).max(L.customId).optional(),
    url: z.url().optional(),
    disabled: z.boolean().optional(),
    emoji: z.unknown().optional(),
  })
  .refine((b) => (b.style === 5 ? b.url !== undefined && b.custom_id === undefined : b.custom_id !== undefined), {
    message: "a link button needs url and no custom_id; other buttons need custom_id",
  });

const StringSelectSchema = z.object({
  type: z.literal(3),
  custom_id: z.string().min(1).max(L.customId),
  placeholder: z.string().max(150).optional(),
  min_values: z.int().min(0).max(25).optional(),
  max_values: z.int().min(1).max(25).optional(),
  disabled: z.boolean().optional(),
  options: z
    .array(
      z.object({
        label: z.string().min(1).max(100),
        value: z.string().min(1).max(100),
        description: z.string().max(100).optional(),
        emoji: z.unknown().optional(),
        default: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(25),
});

/** A row of up to five buttons, or exactly one select menu (Discord's rule). */
const ActionRowSchema = z.union([
  z.object({ type: z.literal(1), components: z.array(ButtonSchema).min(1).max(L.buttonsPerRow) }),
  z.object({ type: z.literal(1), components: z.tuple([StringSelectSchema]) }),
]);

const AllowedMentionsSchema = z.object({
  parse: z.array(z.enum(["roles", "users", "everyone"])).optional(),
  roles: z.array(z.string()).max(100).optional(),
  users: z.array(z.string()).max(100).optional(),
  replied_user: z.boolean().optional(),
});

/** A message body as sent to create/edit a message or an interaction reply (all fields optional). */
export const MessageBodySchema = z.object({
  content: z.string().max(L.content).nullable().optional(),
  embeds: z.array(EmbedSchema).max(L.embeds).nullable().optional(),
  components: z.array(ActionRowSchema).max(L.actionRows).nullable().optional(),
  allowed_mentions: AllowedMentionsSchema.nullable().optional(),
  flags: z.int().nonnegative().nullable().optional(),
  attachments: z
    .array(z.object({ id: z.union([z.string(), z.number()]) }).loose())
    .nullable()
    .optional(),
  tts: z.boolean().optional(),
  /** Discord takes an integer or a string of at most 25 characters. */
  nonce: z.union([z.string().max(25), z.int()]).optional(),
  enforce_nonce: z.boolean().optional(),
});
export type MessageBody = z.infer<typeof MessageBodySchema>;

const ChoiceSchema = z.object({
  name: z.string().min(1).max(L.choiceName),
  value: z.union([z.string().max(L.choiceValue), z.number()]),
});

/** The body of an interaction callback (types 1, 4–9). */
export const CallbackSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal(4), data: MessageBodySchema }),
  z.object({ type: z.literal(5), data: z.object({ flags: z.int().optional() }).optional() }),
  z.object({ type: z.literal(6) }),
  z.object({ type: z.literal(7), data: MessageBodySchema }),
  z.object({ type: z.literal(8), data: z.object({ choices: z.array(ChoiceSchema).max(L.choices) }) }),
]);

const CommandOptionSchema: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    type: z.int().min(1).max(11),
    name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, "lowercase, 1–32 characters"),
    description: z.string().min(1).max(L.commandDescription),
    required: z.boolean().optional(),
    autocomplete: z.boolean().optional(),
    choices: z.array(ChoiceSchema).max(L.choices).optional(),
    options: z.array(CommandOptionSchema).max(L.commandOptions).optional(),
  }),
);

/** One command of a bulk overwrite. */
export const CommandDefinitionSchema = z.object({
  name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, "lowercase, 1–32 characters"),
  description: z.string().max(L.commandDescription),
  type: z.int().min(1).max(4).optional(),
  options: z.array(CommandOptionSchema).max(L.commandOptions).optional(),
  default_member_permissions: z
    .string()
    .regex(/^\d{1,20}$/, "a permission bitfield as a decimal string")
    .nullable()
    .optional(),
  contexts: z.array(z.int().min(0).max(2)).nullable().optional(),
  integration_types: z.array(z.int().min(0).max(1)).optional(),
});

function embedLength(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Problems with a message body beyond its shape: totals, duplicates, attachments, emptiness. */
export function messageProblems(body: MessageBody, fileNames: string[], requireSomething: boolean): string[] {
  const problems: string[] = [];
  const total = (body.embeds ?? []).reduce((sum, e) => sum + embedLength(e), 0);
  if (total > L.embedTotal) problems.push(`embeds total ${total} characters > ${L.embedTotal}`);
  const ids = (body.components ?? []).flatMap((r) => r.components.map((b) => b.custom_id).filter(Boolean));
  if (new Set(ids).size !== ids.length) problems.push("duplicate custom_id in one message");
  for (const e of body.embeds ?? []) {
    for (const url of [e.image?.url, e.thumbnail?.url]) {
      const name = url?.startsWith("attachment://") ? url.slice("attachment://".length) : null;
      if (name !== null && !fileNames.includes(name)) problems.push(`${url} names no attached file`);
    }
  }
  const empty = !body.content && !(body.embeds?.length ?? 0) && !(body.components?.length ?? 0) && !fileNames.length;
  if (requireSomething && empty) problems.push("Cannot send an empty message");
  return problems;
}

/** Validates `value` with `schema`; returns the problems as readable strings (empty when valid). */
export function shapeProblems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
}

// Embeds and choices the schemas accept are typed by discord-api-types too: a drift breaks the type
// check. (Buttons and allowed mentions are unions and enums there, checked by the schemas alone.)
type Assignable<T, _U extends T> = true;
/** Compile-time check of the schemas against discord-api-types. */
export type ShapeChecks = [
  Assignable<APIEmbed, z.infer<typeof EmbedSchema>>,
  Assignable<APIApplicationCommandOptionChoice, z.infer<typeof ChoiceSchema>>,
];
