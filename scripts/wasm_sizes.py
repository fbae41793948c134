#!/usr/bin/env python3
"""Where a wasm module's bytes are: its sections (raw and gzip -9 each), then its code by
function, summed by crate (and by module for this crate), or the largest functions.

A development aid for the size budgets (issue 25), standard library only. Function names
need a build that keeps them: `PASSERELLE_WASM_NAMES=1` (scripts/build/wasm.mjs passes
`-g` to wasm-opt); without names every function is `?index`.

    python3 scripts/wasm_sizes.py dist/passerelle-*_bg.wasm            # by crate / module
    python3 scripts/wasm_sizes.py dist/passerelle-*_bg.wasm --depth 4  # modules one deeper
    python3 scripts/wasm_sizes.py dist/passerelle-*_bg.wasm --top 40   # largest functions
    python3 scripts/wasm_sizes.py dist/passerelle-*_bg.wasm --parts parts.json

With `--parts`, the functions are cut in the parts a JSON file (or `-`, standard input)
names, `{"parts": {"label": [function index, …], …}, "rest": "label"}` (indices in the
module's function space, imports first, as V8's traces give them; `rest` labels the
functions in no part), and each part is summed (functions, bytes, gzip -9 of its bodies
end to end), then by crate or module where the module has names
(`tests/e2e/bench/first-run.mjs`).

Sizes are what the code section holds (each body with its length prefix); after inlining, a
function's size includes what was inlined into it, so a crate's sum is indicative only.
"""
import argparse
import collections
import gzip
import json
import re
import sys

# The hash rustc writes after a crate's name in a symbol: `core[27cd0353e63fa9bc]::…`.
HASH = re.compile(r'\[[0-9a-f]+\]')

SECTIONS = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
            7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count'}


def leb(b, i):
    """An unsigned LEB128 at `i`: (value, the index after it)."""
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def skip_limits(b, i):
    flags, i = leb(b, i)
    _, i = leb(b, i)
    if flags & 1:
        _, i = leb(b, i)
    return i


def read(b):
    """The module's sections [(name, bytes)], its functions [(size, name)], the number of
    functions it imports (which come first in its function index space) and each function's
    body [bytes]."""
    assert b[:4] == b'\0asm', 'not a wasm module'
    i, imported, sizes, bodies, names, sections = 8, 0, [], [], {}, []
    while i < len(b):
        sid = b[i]
        size, body = leb(b, i + 1)
        end = body + size
        name = SECTIONS.get(sid, str(sid))
        if sid == 0:
            length, k = leb(b, body)
            custom = b[k:k + length].decode('utf-8', 'replace')
            name = f'custom "{custom}"'
            if custom == 'name':
                k += length
                while k < end:
                    sub = b[k]
                    sub_size, k2 = leb(b, k + 1)
                    if sub == 1:
                        count, q = leb(b, k2)
                        for _ in range(count):
                            index, q = leb(b, q)
                            length, q = leb(b, q)
                            names[index] = b[q:q + length].decode('utf-8', 'replace')
                            q += length
                    k = k2 + sub_size
        elif sid == 2:
            count, k = leb(b, body)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    length, k = leb(b, k)
                    k += length
                kind = b[k]
                k += 1
                if kind == 0:
                    _, k = leb(b, k)
                    imported += 1
                elif kind == 1:
                    k = skip_limits(b, k + 1)
                elif kind == 2:
                    k = skip_limits(b, k)
                elif kind == 3:
                    k += 2
                elif kind == 4:  # a tag: its attribute, then its type's index
                    _, k = leb(b, k + 1)
                else:
                    raise ValueError(f'import kind {kind}')
        elif sid == 10:
            count, k = leb(b, body)
            for _ in range(count):
                length, k2 = leb(b, k)
                sizes.append(length + (k2 - k))
                bodies.append(b[k2:k2 + length])
                k = k2 + length
        sections.append((name, b[body:end]))
        i = end
    functions = [(size, names.get(imported + n, f'?{n}')) for n, size in enumerate(sizes)]
    return sections, functions, imported, bodies


def owner(name, depth):
    """The crate a function belongs to (its first path segment, without the hash rustc
    writes after it), or for this crate its module path `depth` segments deep."""
    plain = HASH.sub('', name).lstrip('<&*')
    plain = re.sub(r'^(mut |const |dyn )', '', plain)
    parts = re.split(r'::|<|>| as ', plain)
    if parts[0] == 'passerelle':
        return '::'.join(plain.split('::')[:depth]).split('<')[0].rstrip('>')
    return parts[0]


def by_owner(functions, depth, rows):
    """Lines of the functions [(size, name)] summed by crate or module, the largest first."""
    total = collections.Counter()
    count = collections.Counter()
    for size, name in functions:
        key = owner(name, depth)
        total[key] += size
        count[key] += 1
    return [f'{size:>8} {count[key]:>5}  {key}' for key, size in total.most_common(rows)]


def print_parts(functions, imported, bodies, spec, depth, rows):
    """Each part of `spec` (see the module's doc) and the rest: its functions, bytes, gzip -9
    of its bodies end to end; then, where the module has names, by crate or module."""
    parts = [(label, sorted({i - imported for i in indices if 0 <= i - imported < len(functions)}))
             for label, indices in spec['parts'].items()]
    listed = {n for _, part in parts for n in part}
    parts.append((spec.get('rest', 'the rest'), [n for n in range(len(functions)) if n not in listed]))
    for label, part in parts:
        size = sum(functions[n][0] for n in part)
        packed = len(gzip.compress(b''.join(bodies[n] for n in part), 9))
        print(f'  {label:28} {len(part):>5} functions {size / 1000:>7.1f} kB {packed / 1000:>7.1f} kB gzip')
    if all(name.startswith('?') for _, name in functions):
        print('(no names: a build with PASSERELLE_WASM_NAMES=1 gives each part by module)')
        return
    for label, part in parts:
        print(f'\n{label}, by crate or module (bytes, functions):')
        for line in by_owner([functions[n] for n in part], depth, rows):
            print(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('wasm')
    ap.add_argument('--top', type=int, help='list the N largest functions instead')
    ap.add_argument('--depth', type=int, default=3, help="this crate's module depth (default 3)")
    ap.add_argument('--rows', type=int, default=50)
    ap.add_argument('--parts', help='a JSON file (or -) of the parts to sum instead (see above)')
    args = ap.parse_args()
    b = open(args.wasm, 'rb').read()
    sections, functions, imported, bodies = read(b)
    if args.parts:
        spec = json.load(sys.stdin if args.parts == '-' else open(args.parts))
        packed = len(gzip.compress(b''.join(bodies), 9))
        print(f'{args.wasm}: {len(functions)} functions, {sum(s for s, _ in functions) / 1000:.1f} kB of code, '
              f'{packed / 1000:.1f} kB gzip')
        print_parts(functions, imported, bodies, spec, args.depth, args.rows)
        return
    print(f'{args.wasm}: {len(b)} bytes, {len(gzip.compress(b, 9))} gzip -9')
    for name, body in sections:
        print(f'  {name:28} {len(body):>9} {len(gzip.compress(body, 9)):>9}')
    print(f'{len(functions)} functions, {sum(s for s, _ in functions)} bytes of code')
    if args.top:
        for size, name in sorted(functions, reverse=True)[:args.top]:
            print(f'{size:>8}  {HASH.sub("", name)}')
        return
    for line in by_owner(functions, args.depth, args.rows):
        print(line)


if __name__ == '__main__':
    main()
