export { stripAnsi, wantsColor } from "./ansi.js";
export { answerLine, type ConsoleOptions, runConsole } from "./console.js";
export { type RenderTextOptions, renderText } from "./render-text.js";
