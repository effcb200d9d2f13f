import { z } from "zod";
import type { Invocation, OptionValues } from "../../commands/context.js";

/** Interaction types Discord sends to an HTTP endpoint. */
export const INTERACTION_TYPES = { ping: 1, command: 2, component: 3, autocomplete: 4, modal: 5 } as const;

type RawOption = { name: string; type: number; value?: unknown; focused?: boolean; options?: RawOption[] };
const OptionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string().max(100),
    type: z.number(),
    value: z.unknown().optional(),
    focused: z.boolean().optional(),
    options: z.array(OptionSchema).max(25).optional(),
  }),
);

const UserSchema = z.object({ id: z.string().max(32) });

/** The parts of a Discord interaction payload outage-bot reads; everything else passes through unread. */
export const InteractionSchema = z.object({
  id: z.string().max(32).optional(),
  /** With `token`, where the answer to a deferred interaction goes (the interaction webhook). */
  application_id: z.string().max(32).optional(),
  token: z.string().max(500).optional(),
  type: z.number().int(),
  data: z
    .object({
      name: z.string().max(100).optional(),
      options: z.array(OptionSchema).max(25).optional(),
      custom_id: z.string().max(100).optional(),
      component_type: z.number().optional(),
      /** Values picked in a select menu. */
      values: z.array(z.string().max(100)).max(25).optional(),
      /** Rows of text inputs of a submitted form. */
      components: z
        .array(
          z.object({
            components: z.array(z.object({ custom_id: z.string().max(100), value: z.string().max(4000).optional() })),
          }),
        )
        .max(5)
        .optional(),
      /** Channels and roles picked in options, as Discord resolved them. */
      resolved: z
        .object({
          channels: z
            .record(z.string(), z.object({ type: z.number(), name: z.string().max(100).optional() }))
            .optional(),
          roles: z
            .record(z.string(), z.object({ managed: z.boolean().optional(), name: z.string().max(100).optional() }))
            .optional(),
        })
        .optional(),
    })
    .optional(),
  guild_id: z.string().max(32).optional(),
  channel_id: z.string().max(32).optional(),
  channel: z
    .object({ id: z.string().max(32), type: z.number().optional(), name: z.string().max(100).optional() })
    .optional(),
  /** The app's permissions in the channel the interaction came from (roles and overwrites applied). */
  app_permissions: z
    .string()
    .regex(/^\d{1,40}$/)
    .optional(),
  /** The message a component sits on (its flags say whether it is private). */
  message: z.object({ flags: z.number().optional() }).optional(),
  member: z
    .object({
      user: UserSchema,
      permissions: z
        .string()
        .regex(/^\d{1,40}$/)
        .optional(),
    })
    .optional(),
  user: UserSchema.optional(),
  locale: z.string().max(20).optional(),
});
/** A validated interaction payload. */
export type Interaction = z.infer<typeof InteractionSchema>;

/** A button, select menu or submitted form: answered by the custom id's handler. */
export function isComponent(interaction: Interaction): boolean {
  return interaction.type === INTERACTION_TYPES.component || interaction.type === INTERACTION_TYPES.modal;
}

/** Values picked in a select menu, or the text fields of a submitted form, in order. */
function componentValues(interaction: Interaction): string[] {
  if (interaction.data?.values) return [...interaction.data.values];
  return (interaction.data?.components ?? []).flatMap((row) =>
    row.components.map((c) => c.value ?? "").filter(Boolean),
  );
}

/** A command or autocomplete interaction as an Invocation, plus the option being typed (autocomplete). */
export function toInvocation(interaction: Interaction): {
  invocation: Invocation;
  focused: { name: string; value: string } | null;
} {
  let options = interaction.data?.options ?? [];
  let subcommand = "";
  // Subcommand (type 1) and subcommand group (type 2) wrap the real options one or two levels down.
  while (options.length === 1 && (options[0]!.type === 1 || options[0]!.type === 2)) {
    subcommand = subcommand ? `${subcommand} ${options[0]!.name}` : options[0]!.name;
    options = options[0]!.options ?? [];
  }
  const values: OptionValues = {};
  let focused: { name: string; value: string } | null = null;
  for (const option of options) {
    const value = option.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      values[option.name] = value;
    if (option.focused) focused = { name: option.name, value: String(value ?? "") };
  }
  const user = interaction.member?.user ?? interaction.user ?? { id: "0" };
  const permissions = interaction.member?.permissions;
  return {
    invocation: {
      ...(isComponent(interaction)
        ? { values: componentValues(interaction) }
        : interaction.data?.name
          ? { command: interaction.data.name }
          : {}),
      subcommand,
      options: values,
      user: { id: user.id, locale: interaction.locale ?? null },
      guildId: interaction.guild_id ?? null,
      channelId: interaction.channel_id ?? interaction.channel?.id ?? null,
      memberPermissions: interaction.member && permissions !== undefined ? BigInt(permissions) : null,
    },
    focused,
  };
}
