export {};
//# sourceMappingURL=poller-types.js.map