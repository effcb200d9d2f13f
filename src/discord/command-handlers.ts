import type { CommandContext, Invocation } from "../../commands/context.js";
import type { Choice, Reply } from "../domain/reply.js";

/** The command layer as the transport calls it (commands/index.ts provides the real one). */
export interface CommandHandlers {
  handleCommand(inv: Invocation, ctx: CommandContext): Promise<Reply>;
  /** Choices for option `focused`, whose typed text is `inv.options[focused]`. */
  handleAutocomplete(inv: Invocation, focused: string, ctx: CommandContext): Promise<Choice[]>;
  handleButton(customId: string, inv: Invocation, ctx: CommandContext): Promise<Reply>;
}
