// The peer page: what a region could build with two popular libraries instead of
// Passerelle — Leaflet for the map (no tiles: the sites and the links on a blank map) and
// Knight Lab's TimelineJS for the timeline — from the same dataset. Only for the benchmark.
const ds = await (await fetch('data/cooperation.json')).json();

const site = Object.fromEntries(ds.sites.map((s) => [s.id, s]));
const map = L.map('map', { attributionControl: false, zoomSnap: 0.25 });
const bounds = [];
for (const s of ds.sites) {
  const color = s.side === 'france' ? '#0b3d6b' : s.side === 'china' ? '#a4161a' : '#3d4b57';
  L.circleMarker([s.lat, s.lon], { radius: 6, color, weight: 2, fillOpacity: 0.9 }).bindTooltip(s.name.en).addTo(map);
  bounds.push([s.lat, s.lon]);
}
for (const item of ds.items) {
  const places = item.sites.map((id) => site[id]).filter(Boolean);
  const fr = places.filter((s) => s.side === 'france');
  const cn = places.filter((s) => s.side !== 'france');
  // Each French site with a partner on the other side, as the app pairs them.
  if (!fr.length || !cn.length) continue;
  for (let i = 0; i < Math.max(fr.length, cn.length); i++) {
    const [a, b] = [fr[i % fr.length], cn[i % cn.length]];
    L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: '#6a3d9a', weight: 2, dashArray: item.status === 'signed' ? null : '6 4' }).addTo(map);
  }
}
map.fitBounds(bounds, { padding: [12, 12] });

const date = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
};
const events = ds.items
  .filter((i) => i.when.start || i.when.end)
  .map((i) => ({
    unique_id: i.id,
    start_date: date(i.when.start ?? i.when.end),
    ...(i.when.start && i.when.end && i.when.end !== i.when.start ? { end_date: date(i.when.end) } : {}),
    text: { headline: i.title.en, text: i.description.en },
  }));
// Local files only: no web font, the English built in.
new TL.Timeline('timeline', { events }, { script_path: new URL('./tl/js/', location.href).href, font: null, language: 'en', timenav_height_percentage: 60 });
