export {};
//# sourceMappingURL=alert-sender.js.map