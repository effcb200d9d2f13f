export {};
//# sourceMappingURL=alerts-context.js.map