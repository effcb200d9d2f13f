import { AI, CLOUD, DEV } from "./services/cloud-dev.js";
import { GAMES, STREAMING } from "./services/games-streaming.js";
import { ISP, OTHER, PAYMENTS } from "./services/money.js";
import { PRODUCTIVITY } from "./services/productivity.js";
import { CHAT, SOCIAL } from "./services/social-chat.js";
/** Every built-in service, grouped by category. */
export const builtInServices = [
    ...SOCIAL,
    ...CHAT,
    ...GAMES,
    ...CLOUD,
    ...DEV,
    ...PAYMENTS,
    ...ISP,
    ...STREAMING,
    ...PRODUCTIVITY,
    ...AI,
    ...OTHER,
];
//# sourceMappingURL=services-data.js.map