export {};
//# sourceMappingURL=command-handlers.js.map