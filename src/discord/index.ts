export { apologyReply } from "../../commands/failure.js";
export type { CommandHandlers } from "../../commands/runner.js";
export { type AnswerPath, type AnswerTiming, answerCommand, answerComponent } from "./answer.js";
export { createDiscordBot, type DiscordBot, type DiscordBotOptions } from "./bot.js";
export { afterRefusal, INTERACTION_WINDOW_MS, interactionDeadline } from "./deadline.js";
export {
  type CommandHashStore,
  createRest,
  type DeployOptions,
  type DeployResult,
  deployCommands,
  registerIfChanged,
} from "./deploy-commands.js";
export { type RenderedFirstReply, type RenderedReply, renderFirstReply, renderReply } from "./render-reply.js";
export { toInvocation } from "./to-invocation.js";
