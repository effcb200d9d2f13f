export {};
//# sourceMappingURL=alert-repos.js.map