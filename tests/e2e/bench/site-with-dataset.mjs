// The built site with another dataset in place of the shipped one, served as a host would
// serve it: a folder of links to dist/'s files, with the dataset and its gzip beside them.
// (Handing the dataset to the page through Playwright's request interception instead held
// every other request of the page, the wasm's and the glue's among them, while the
// driver passed 4.5 MB over the DevTools protocol: 100-200 ms that no visitor waits.)
import { mkdtempSync, readdirSync, statSync, symlinkSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A temporary folder serving `dist` with `body` as data/cooperation.json and as each of its
 * editions (the file a reader's page reads first, src/model/edition.rs); `remove()` deletes it. */
export function siteWithDataset(dist, body) {
  const root = resolve(dist);
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-site-'));
  const link = (from, to) => {
    for (const name of readdirSync(from)) {
      const [src, dst] = [join(from, name), join(to, name)];
      if (statSync(src).isDirectory()) {
        mkdirSync(dst);
        link(src, dst);
      } else if (!(from === join(root, 'data') && /^cooperation(\.(fr|en|zh))?\.json/.test(name))) {
        symlinkSync(src, dst);
      }
    }
  };
  link(root, dir);
  const gz = gzipSync(body, { level: 9 });
  for (const name of ['cooperation.json', 'cooperation.fr.json', 'cooperation.en.json', 'cooperation.zh.json']) {
    writeFileSync(join(dir, 'data', name), body);
    writeFileSync(join(dir, 'data', `${name}.gz`), gz);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
