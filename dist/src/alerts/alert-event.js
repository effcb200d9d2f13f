export {};
//# sourceMappingURL=alert-event.js.map