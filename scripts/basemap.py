#!/usr/bin/env python3
"""Derives Passerelle's offline base map from Natural Earth, as shipped by Debian's
qgis-common package (/usr/share/qgis/resources/data/world_map.gpkg: Natural Earth 10m
admin-0 and admin-1 v4.1.0, simplified by QGIS). Standard library only.

    python3 scripts/basemap.py [world_map.gpkg] > src/geo/basemap.json

Output: compact JSON embedded in the app. Each shape is a list of rings; a ring is a flat
list of integers [x0, y0, dx1, dy1, ...] in hundredths of a degree (lon, lat), each
point after the first given as the difference from the one before.
The Auvergne-Rhône-Alpes outline is the union of its 12 départements: edges shared by two
départements cancel out (GRASS v.generalize keeps shared borders identical), and what is
left is chained back into rings.
"""
import json
import math
import sqlite3
import struct
import sys

GPKG = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/qgis/resources/data/world_map.gpkg"
SCALE = 100  # hundredths of a degree: about 1 km, finer than the source's simplification

AURA = ["Ain", "Allier", "Ardèche", "Cantal", "Drôme", "Isère", "Loire", "Haute-Loire",
        "Puy-de-Dôme", "Rhône", "Savoie", "Haute-Savoie"]
# Context around the two regions.
FR_CONTEXT_BOX = (0.5, 43.0, 8.0, 48.0)  # west, south, east, north
CN_CONTEXT = ["Shanxi", "Inner Mongol", "Liaoning", "Shandong", "Henan"]
CN_REGIONS = ["Hebei", "Beijing", "Tianjin"]
# The overview: France to north-east China.
OVERVIEW_BOX = (-12.0, 15.0, 150.0, 72.0)
OVERVIEW_TOLERANCE = 0.15  # degrees, Douglas-Peucker on the overview's countries
REGIONAL_TOLERANCE = 0.02  # for countries and context seen in the regional views
CN_CONTEXT_BOX = (112.0, 35.0, 121.0, 43.5)
REGIONAL_MARGIN = 3.0  # degrees around a context box that a regional view shows
WIDE_MARGIN = 8.0  # … and that a 1920-pixel-wide regional view reaches
WIDE_TOLERANCE = 0.1


def near_regions(x, y, margin=REGIONAL_MARGIN):
    """True where a regional view may show the point (within margin degrees of a box)."""
    m = margin
    return any(w - m <= x <= e + m and s - m <= y <= n + m for w, s, e, n in (FR_CONTEXT_BOX, CN_CONTEXT_BOX))


def regional_tolerance(x, y):
    """Fine around the regions, coarser where only a wide screen's regional view reaches,
    coarse elsewhere."""
    if near_regions(x, y):
        return REGIONAL_TOLERANCE
    if near_regions(x, y, WIDE_MARGIN):
        return WIDE_TOLERANCE
    return OVERVIEW_TOLERANCE


def overview_min_extent(x, y):
    """Small islands and countries are left out of the overview, not of the regional views
    (Andorra and Monaco would leave holes beside France)."""
    return 0.0 if near_regions(x, y) else 0.5


def parse_gpkg_geometry(blob):
    """GeoPackage binary header, then WKB. Returns a list of polygons, each a list of rings."""
    assert blob[:2] == b"GP", "not a GeoPackage geometry"
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return parse_wkb(memoryview(blob)[8 + envelope:])


def parse_wkb(buf):
    pos = 0

    def read(fmt, endian):
        nonlocal pos
        values = struct.unpack_from(endian + fmt, buf, pos)
        pos += struct.calcsize(endian + fmt)
        return values

    def geometry():
        (order,) = read("B", "<")
        endian = "<" if order == 1 else ">"
        (kind,) = read("I", endian)
        kind %= 1000
        if kind == 3:
            return [polygon(endian)]
        if kind == 6:
            (n,) = read("I", endian)
            polys = []
            for _ in range(n):
                polys.extend(geometry())
            return polys
        raise ValueError(f"unsupported WKB type {kind}")

    def polygon(endian):
        (rings,) = read("I", endian)
        out = []
        for _ in range(rings):
            (n,) = read("I", endian)
            out.append([read("dd", endian) for _ in range(n)])
        return out

    return geometry()


def rows(db, sql, *args):
    return [(name, parse_gpkg_geometry(geom)) for name, geom in db.execute(sql, args)]


def union_by_shared_edges(polygons):
    """Outline of adjacent polygons that share identical border vertices."""
    count = {}
    for poly in polygons:
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                if a != b:
                    key = (min(a, b), max(a, b))
                    count[key] = count.get(key, 0) + 1
    outer = {}
    for poly in polygons:
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                if a != b and count[(min(a, b), max(a, b))] == 1:
                    outer.setdefault(a, []).append(b)
    rings = []
    while outer:
        start = next(iter(outer))
        ring, point = [start], start
        while True:
            nexts = outer.get(point)
            if not nexts:
                break
            nxt = nexts.pop()
            if not nexts:
                del outer[point]
            ring.append(nxt)
            point = nxt
            if point == start:
                break
        if len(ring) > 3:
            rings.append(ring)
    # Outer rings and holes alike (the Enclave des Papes, Vaucluse inside Drôme, is a
    # hole): the app draws every ring of a shape in one even-odd path.
    return [rings]


def simplify(ring, tolerance):
    """Douglas-Peucker, keeping the ring closed and at least a triangle. tolerance is a
    number of degrees, or a function of (x, y) giving one: a point is kept while it is
    farther from its chord than the tolerance where it stands."""
    tol = tolerance if callable(tolerance) else (lambda x, y: tolerance)
    if (not callable(tolerance) and tolerance <= 0) or len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = ring[i], ring[j]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = 1.0, None  # the largest distance in tolerances, over 1 to be kept
        for k in range(i + 1, j):
            x, y = ring[k]
            d = math.hypot(x - x1, y - y1) if norm == 0 else abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            t = tol(x, y)
            if d > best * t:
                best, index = d / t, k
        if index is not None:
            keep[index] = True
            stack += [(i, index), (index, j)]
    out = [p for p, k in zip(ring, keep) if k]
    return out if len(out) >= 4 else ring


def clip(ring, box):
    """Sutherland-Hodgman clipping of a ring to a rectangle (west, south, east, north)."""
    w, s, e, n = box
    edges = [
        (lambda p: p[0] >= w, lambda a, b: (w, a[1] + (b[1] - a[1]) * (w - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= e, lambda a, b: (e, a[1] + (b[1] - a[1]) * (e - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= s, lambda a, b: (a[0] + (b[0] - a[0]) * (s - a[1]) / (b[1] - a[1]), s)),
        (lambda p: p[1] <= n, lambda a, b: (a[0] + (b[0] - a[0]) * (n - a[1]) / (b[1] - a[1]), n)),
    ]
    points = ring[:-1] if ring[0] == ring[-1] else ring
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        points = out
    return points + points[:1] if len(points) >= 3 else []


def bbox(polys):
    xs = [x for poly in polys for ring in poly for x, _ in ring]
    ys = [y for poly in polys for ring in poly for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(b, box):
    return not (b[2] < box[0] or b[0] > box[2] or b[3] < box[1] or b[1] > box[3])


def encode(polys, tolerance=0.0, min_extent=0.0, box=None):
    """Flat delta-encoded integer rings, clipped to box; rings smaller than min_extent
    degrees (a number, or a function of a ring's first point) are dropped."""
    out = []
    for poly in polys:
        for ring in poly:
            if box:
                ring = clip(ring, box)
                if not ring:
                    continue
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            extent = min_extent(xs[0], ys[0]) if callable(min_extent) else min_extent
            if max(xs) - min(xs) < extent and max(ys) - min(ys) < extent:
                continue
            points = []
            for x, y in simplify(ring, tolerance):
                p = (round(x * SCALE), round(y * SCALE))
                if not points or points[-1] != p:
                    points.append(p)
            if len(points) < 4:
                continue
            flat, prev = [], (0, 0)
            for p in points[:-1] if points[0] == points[-1] else points:
                flat += [p[0] - prev[0], p[1] - prev[1]]
                prev = p
            out.append(flat)
    return out


def main():
    db = sqlite3.connect(f"file:{GPKG}?mode=ro", uri=True)
    shapes = []

    def add(layer, id, name, polys, **kw):
        rings = encode(polys, **kw)
        if rings:
            shapes.append({"layer": layer, "id": id, "name": name, "rings": rings})

    for name, iso3, geom in db.execute("select NAME, ISO_A3, geom from countries order by NAME"):
        if not name:  # two unnamed slivers in the file (Tokelau and a disputed area)
            continue
        polys = parse_gpkg_geometry(geom)
        if overlaps(bbox(polys), OVERVIEW_BOX):
            id = iso3.lower() if iso3 and iso3 != "-99" else slug(name)
            # Fine only where a regional view can show it (Spain's Pyrenees as well as
            # France), coarse elsewhere (most of China and Russia).
            add("country", id, name, polys, tolerance=regional_tolerance, min_extent=overview_min_extent, box=OVERVIEW_BOX)

    departements = rows(db, "select name, geom from states_provinces where adm0_a3 = 'FRA'")
    by_name = dict(departements)
    missing = [n for n in AURA if n not in by_name]
    assert not missing, f"départements not found: {missing}"
    add("region", "auvergne-rhone-alpes", "Auvergne-Rhône-Alpes",
        union_by_shared_edges([p for n in AURA for p in by_name[n]]))
    for name, polys in sorted(departements):
        if overlaps(bbox(polys), FR_CONTEXT_BOX):
            if name in AURA:
                add("departement", slug(name), name, polys)
            else:
                add("context", slug(name), name, polys, tolerance=regional_tolerance)

    provinces = dict(rows(db, "select name, geom from states_provinces where adm0_a3 = 'CHN'"))
    for name in CN_REGIONS:
        add("region", slug(name), name, provinces[name])
    for name in CN_CONTEXT:
        add("context", slug(name), name, provinces[name], tolerance=regional_tolerance)

    json.dump({
        # Language-neutral: the app words it ("Base map: {credit}, public domain").
        "credit": "Natural Earth 10m admin-0, admin-1 v4.1.0 (QGIS world_map.gpkg)",
        "scale": SCALE,
        "shapes": shapes,
    }, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


def slug(name):
    import unicodedata
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_.lower()).split())


if __name__ == "__main__":
    main()
