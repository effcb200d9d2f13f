import { pino } from "pino";
import { openStore } from "../../src/store/index.js";
import { describeStoreContract } from "./store-contract.js";

describeStoreContract("memory", {
  open: () => openStore("memory://", { logger: pino({ level: "silent" }) }),
  persistent: false,
});
