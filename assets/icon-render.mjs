// Renders assets/icon.svg to the PNGs electron-builder expects: assets/icon.png (512×512, window
// and macOS/Windows icon) and assets/icons/<N>x<N>.png (Linux). Run after editing the SVG:
//   node assets/icon-render.mjs
// Not part of the build or the packaged app; the PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(assets, 'icon.svg'));

function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

mkdirSync(join(assets, 'icons'), { recursive: true });
writeFileSync(join(assets, 'icon.png'), render(512));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(join(assets, 'icons', `${size}x${size}.png`), render(size));
console.log('icons written to', assets);
