import { readFileSync } from 'node:fs';
import { createExtractorFromFile } from 'node-unrar-js/esm';

const wasmBinary = readFileSync('/work/main/node_modules/node-unrar-js/esm/js/unrar.wasm').buffer;
const ex = await createExtractorFromFile({
  wasmBinary,
  filepath: '/tmp/big5/out/big.part1.rar',
  targetPath: '/tmp/big5/x',
});
try {
  for (const f of ex.extract().files) console.log('extracted', f.fileHeader.name, f.fileHeader.unpSize);
  console.log('UNRAR OK');
} catch (e) {
  console.log('UNRAR FAIL', e.message);
}
