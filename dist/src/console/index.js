export { stripAnsi, wantsColor } from "./ansi.js";
export { answerLine, runConsole } from "./console.js";
export { renderText } from "./render-text.js";
//# sourceMappingURL=index.js.map