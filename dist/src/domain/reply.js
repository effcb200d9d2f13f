/**
 * What a command handler returns: plain data that the Discord gateway, the HTTP interactions
 * endpoint, the terminal console and JSON output each render their own way.
 * Field names and limits follow Discord's embed object so the Discord rendering is a copy.
 */
export {};
//# sourceMappingURL=reply.js.map