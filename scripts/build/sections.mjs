// Edits of a wasm module's sections for the release build, each section otherwise copied as
// it is: the first module's imports from its glue given short names, exports no page uses
// dropped with their classes in the glue, the bodies of functions only their vtables keep
// made unreachable, the glue's imports the module no longer imports dropped, and custom
// sections dropped.
//
// Short names (issue 25): wasm-bindgen names each import after the JS it calls and a
// 16-digit hash (`__wbg_width_d3c8d417d821d2fd`): about 300 of them, written twice (the
// wasm's import section, the glue's imports object), and the hashes do not compress. Both
// sides are given the same short names (`a`, `b`, … `ba`, …), after wasm-opt and before the
// glue is minified.

/** The wasm `bytes` and the `glue` with the imports of module `from` renamed. Throws where a
 * name is not the key of exactly one member of the glue's imports. */
export function shortImportNames(bytes, glue, from = './passerelle_bg.js') {
  const sections = readSections(bytes);
  const imports = sections.find((s) => s.id === 2);
  if (!imports) throw new Error('the first module has no import section');
  const renamed = new Map();
  const entries = readImports(imports.body).map((e) => {
    if (e.module !== from) return e;
    if (!renamed.has(e.name)) renamed.set(e.name, shortName(renamed.size));
    return { ...e, name: renamed.get(e.name) };
  });
  if (renamed.size === 0) throw new Error(`the first module imports nothing from ${from}`);
  for (const [long, short] of renamed) {
    // The name once in the whole glue, as a member's key: nothing else calls it by name.
    const word = `(?<![\\w$])${long.replace(/\$/g, '\\$')}(?![\\w$])`;
    const found = glue.match(new RegExp(word, 'g'))?.length ?? 0;
    const key = new RegExp(`${word}(?=\\s*:)`);
    if (found !== 1 || !key.test(glue)) throw new Error(`the glue names ${long} ${found} times, expected once, as a member's key`);
    glue = glue.replace(key, short);
  }
  imports.body = writeImports(entries);
  return { bytes: writeSections(bytes.subarray(0, 8), sections), glue, count: renamed.size };
}

/** The `glue` without the members of its imports from module `from` that the wasm `bytes`
 * no longer imports (wasm-opt dropped the last call of each), and how many. wasm-bindgen
 * writes each as `name: function(…) {…}`; throws where one is written otherwise. */
export function withoutUnimportedMembers(bytes, glue, from = './passerelle_bg.js') {
  const imports = readSections(bytes).find((s) => s.id === 2);
  const imported = new Set(imports ? readImports(imports.body).filter((e) => e.module === from).map((e) => e.name) : []);
  const members = [...glue.matchAll(/(?<![\w$])(__wbg_[\w$]+_[0-9a-f]{16})(?=\s*:)/g)].map((m) => m[1]);
  let count = 0;
  for (const name of new Set(members)) {
    if (imported.has(name)) continue;
    const start = glue.search(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}\\s*:\\s*function\\s*\\([^)]*\\)\\s*\\{`));
    if (start < 0) throw new Error(`the glue does not write ${name} as a function member`);
    // The body's braces, to its end (wasm-bindgen's bodies have no braces in strings).
    let at = glue.indexOf('{', start);
    for (let depth = 0; ; at++) {
      if (glue[at] === '{') depth++;
      else if (glue[at] === '}' && --depth === 0) break;
      if (at >= glue.length) throw new Error(`the glue's ${name} has no end`);
    }
    const end = /^\s*,/.test(glue.slice(at + 1)) ? glue.indexOf(',', at + 1) + 1 : at + 1;
    glue = glue.slice(0, start) + glue.slice(end);
    if (glue.includes(name)) throw new Error(`the glue still names ${name}`);
    count++;
  }
  return { glue, count };
}

/** A wasm module without its custom sections whose names match `names`. */
export function withoutCustomSections(bytes, names) {
  const kept = readSections(bytes).filter((s) => s.id !== 0 || !names.test(customSection(s).name));
  return writeSections(bytes.subarray(0, 8), kept);
}

/**
 * The wasm `bytes` and the `glue` without the JS classes `classes` (wasm-bindgen's exported
 * structs) and the wasm's exports behind them, for wasm-opt to drop the code only they
 * reached. Throws where the glue's class is not written as expected, or where anything
 * else in the glue still names a class or one of its exports.
 */
export function withoutExportedClasses(bytes, glue, classes) {
  const prefixes = classes.map((c) => c.toLowerCase());
  for (const name of classes) {
    // wasm-bindgen writes each class, its Symbol.dispose line and its FinalizationRegistry so.
    const body = new RegExp(`export class ${name} \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`);
    const registry = new RegExp(`const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n[^\\n]*\\n[^\\n]*\\);\\n`);
    if (!body.test(glue) || !registry.test(glue)) throw new Error(`the glue does not write the class ${name} as expected`);
    glue = glue.replace(body, '').replace(registry, '');
    if (glue.includes(name) || glue.includes(name.toLowerCase())) throw new Error(`the glue still names ${name}`);
  }
  const sections = readSections(bytes);
  const exports = sections.find((s) => s.id === 7);
  if (!exports) throw new Error('the module has no export section');
  const entries = readExports(exports.body);
  const kept = entries.filter((e) => !prefixes.some((p) => e.name.startsWith(`${p}_`) || e.name.startsWith(`__wbg_${p}_`)));
  if (kept.length === entries.length) throw new Error(`the module exports nothing of ${classes.join(', ')}`);
  exports.body = writeExports(kept);
  return { bytes: writeSections(bytes.subarray(0, 8), sections), glue, count: entries.length - kept.length };
}

/**
 * The wasm `bytes` with the body of each function whose name (the name section's) matches
 * `pattern` made `unreachable`, and how many. For code that only a table entry keeps: a
 * closure's vtable in the data names its function by its place in the table, and wasm-opt
 * cannot tell that no code will ever read that vtable; once the code that made the closure
 * is gone (the dropped exports above), the closure's body, and what only it calls, goes
 * too. Throws where the module has no function names, still has relocations (their offsets
 * into the code would go stale), or where nothing matches.
 */
export function withUnreachableBodies(bytes, pattern) {
  const sections = readSections(bytes);
  if (sections.some((s) => s.id === 0 && /^(linking|reloc\.)/.test(customSection(s).name))) throw new Error('the module still has relocations');
  const imports = sections.find((s) => s.id === 2);
  const imported = imports ? readImports(imports.body).filter((e) => e.desc[0] === 0x00).length : 0;
  const names = sections.find((s) => s.id === 0 && customSection(s).name === 'name');
  if (!names) throw new Error('the module has no name section');
  const targets = new Set();
  for (let at = customSection(names).end; at < names.body.length;) {
    const kind = names.body[at];
    const [size, start] = readLeb(names.body, at + 1);
    if (kind === 1) {
      let [count, p] = readLeb(names.body, start);
      for (; count > 0; count--) {
        let index, length;
        [index, p] = readLeb(names.body, p);
        [length, p] = readLeb(names.body, p);
        const name = Buffer.from(names.body.subarray(p, p + length)).toString('utf8');
        p += length;
        if (index >= imported && pattern.test(name)) targets.add(index);
      }
    }
    at = start + size;
  }
  if (targets.size === 0) throw new Error(`no function of the module is named like ${pattern}`);
  const code = sections.find((s) => s.id === 10);
  const [count, first] = readLeb(code.body, 0);
  const bodies = [];
  for (let i = 0, at = first; i < count; i++) {
    const [size, start] = readLeb(code.body, at);
    // No locals, `unreachable`, `end`: valid whatever the function's type.
    bodies.push(targets.has(imported + i) ? Buffer.from([0x00, 0x00, 0x0b]) : code.body.subarray(start, start + size));
    at = start + size;
  }
  code.body = Buffer.concat([leb(count), ...bodies.flatMap((b) => [leb(b.length), b])]);
  return { bytes: writeSections(bytes.subarray(0, 8), sections), count: targets.size };
}

/** 0 -> a, 51 -> Z, 52 -> ba, …: identifiers of letters only. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[n % 52] + s;
    n = Math.floor(n / 52);
  } while (n > 0);
  return s;
}

function readLeb(b, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A custom section's name, and where its contents begin in its body. */
function customSection(section) {
  const [length, at] = readLeb(section.body, 0);
  return { name: Buffer.from(section.body.subarray(at, at + length)).toString('utf8'), end: at + length };
}

function readSections(bytes) {
  const sections = [];
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    sections.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return sections;
}

function writeSections(header, sections) {
  return Buffer.concat([header, ...sections.flatMap((s) => [Buffer.from([s.id]), leb(s.body.length), s.body])]);
}

/** The import section's entries: module, name and the description's bytes as they are. */
function readImports(body) {
  const [count, first] = readLeb(body, 0);
  const entries = [];
  let at = first;
  const name = () => {
    const [length, start] = readLeb(body, at);
    at = start + length;
    return body.subarray(start, at).toString('utf8');
  };
  const limits = () => {
    const flags = body[at++];
    [, at] = readLeb(body, at);
    if (flags & 1) [, at] = readLeb(body, at);
  };
  for (let i = 0; i < count; i++) {
    const module = name();
    const field = name();
    const start = at;
    const kind = body[at++];
    if (kind === 0x00) [, at] = readLeb(body, at); // a function: its type
    else if (kind === 0x01) { at++; limits(); } // a table: its element type, its limits
    else if (kind === 0x02) limits(); // a memory
    else if (kind === 0x03) at += 2; // a global: its type (one byte here) and mutability
    else if (kind === 0x04) { at++; [, at] = readLeb(body, at); } // a tag
    else throw new Error(`an import of unknown kind ${kind}`);
    entries.push({ module, name: field, desc: body.subarray(start, at) });
  }
  if (at !== body.length) throw new Error('the import section did not read to its end');
  return entries;
}

function writeImports(entries) {
  const str = (s) => {
    const b = Buffer.from(s, 'utf8');
    return [leb(b.length), b];
  };
  return Buffer.concat([leb(entries.length), ...entries.flatMap((e) => [...str(e.module), ...str(e.name), e.desc])]);
}

/** The export section's entries: name, then the kind and index bytes as they are. */
function readExports(body) {
  const [count, first] = readLeb(body, 0);
  const entries = [];
  let at = first;
  for (let i = 0; i < count; i++) {
    const [length, start] = readLeb(body, at);
    const name = body.subarray(start, start + length).toString('utf8');
    at = start + length;
    const desc = at;
    [, at] = readLeb(body, at + 1);
    entries.push({ name, desc: body.subarray(desc, at) });
  }
  if (at !== body.length) throw new Error('the export section did not read to its end');
  return entries;
}

function writeExports(entries) {
  return Buffer.concat([leb(entries.length), ...entries.flatMap((e) => {
    const b = Buffer.from(e.name, 'utf8');
    return [leb(b.length), b, e.desc];
  })]);
}
