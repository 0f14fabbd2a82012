// node-unrar-js ships its ESM build (the one with createExtractorFromFile) without a typed entry.
declare module 'node-unrar-js/esm' {
  export * from 'node-unrar-js';
}
