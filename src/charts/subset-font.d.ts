// subset-font ships no types; this declares the part of its documented API (README, v2.9) the charts use.
declare module "subset-font" {
  /** Options of `subsetFont`, as documented in the package README. */
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  /** The font cut to the characters of `text` by HarfBuzz's hb-subset (WebAssembly); rejects on a bad font. */
  function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}
