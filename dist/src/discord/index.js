export { answerCommand, answerComponent } from "./answer.js";
export { apologyReply } from "./apology.js";
export { createDiscordBot, EPHEMERAL_SUBCOMMANDS } from "./bot.js";
export { afterRefusal, INTERACTION_WINDOW_MS, interactionDeadline } from "./deadline.js";
export { createRest, deployCommands, registerIfChanged, } from "./deploy-commands.js";
export { renderFirstReply, renderReply } from "./render-reply.js";
export { toInvocation } from "./to-invocation.js";
//# sourceMappingURL=index.js.map