/** A catalog that cannot be used: a bad CATALOG_FILE or services whose names collide. The message says what to fix. */
export class CatalogError extends Error {
    name = "CatalogError";
}
//# sourceMappingURL=catalog-error.js.map