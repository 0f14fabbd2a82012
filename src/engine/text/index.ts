export { columns } from './columns.js';
export {
  decodeCp437,
  encodeCp437,
  isCp437,
  overWidthLines,
  type ReplacedCharacter,
  splitLines,
} from './cp437.js';
export { groupThousands } from './group-thousands.js';
export { createTextEngine, renderTemplate, TextErrorCode, wrap } from './liquid.js';
export { inspectNfoBytes, type NfoBytes, type NfoEncoding } from './nfo-bytes.js';
export {
  diskCounter,
  type FixTextData,
  type RenderedText,
  readDiskCounter,
  renderDiz,
  renderFixNfo,
  renderNfo,
} from './render-text.js';
export {
  configureSharedTemplateSandbox,
  sharedTemplateSandbox,
  TemplateSandbox,
  type TemplateSandboxOptions,
} from './template-sandbox.js';
export * from './templates/index.js';
export {
  DiskSchema,
  type DiskTextData,
  DiskTextDataSchema,
  type ReleaseTextData,
  ReleaseTextDataSchema,
  sampleTextData,
  type TemplateVariable,
  templateVariables,
} from './text-data.js';
