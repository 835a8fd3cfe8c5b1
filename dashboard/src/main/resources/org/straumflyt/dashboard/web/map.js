// The portfolio's map: each building with coordinates in the registry as a point (a link to its page), in Web
// Mercator, zoomed to fit them all. Without a tile server (the default) the background is plain and the page loads
// nothing from elsewhere; with one (map.tile.url), its tiles are drawn under the points with the attribution below.
import { el } from './chart.js';
import { t } from './i18n.js';
import { kw } from './format.js';

const WIDTH = 760;
const HEIGHT = 340;
const PAD = 36;
const TILE = 256;
const MAX_ZOOM = 16;

// Pixel coordinates of a point at zoom level z (the slippy-map scheme).
function project(lat, lon, z) {
  const scale = TILE * 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((lon + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

// The largest zoom at which every point fits inside the padded frame.
function fit(points) {
  for (let z = MAX_ZOOM; z > 0; z--) {
    const xy = points.map((p) => project(p.lat, p.lon, z));
    const w = Math.max(...xy.map((p) => p.x)) - Math.min(...xy.map((p) => p.x));
    const h = Math.max(...xy.map((p) => p.y)) - Math.min(...xy.map((p) => p.y));
    if (w <= WIDTH - 2 * PAD && h <= HEIGHT - 2 * PAD) return z;
  }
  return 0;
}

function tiles(svg, settings, z, left, top) {
  const count = 2 ** z;
  for (let tx = Math.floor(left / TILE); tx * TILE < left + WIDTH; tx++) {
    for (let ty = Math.max(0, Math.floor(top / TILE)); ty * TILE < top + HEIGHT && ty < count; ty++) {
      const x = ((tx % count) + count) % count;
      const href = settings.url.replace('{z}', z).replace('{x}', x).replace('{y}', ty);
      svg.append(el('image', { href, x: tx * TILE - left, y: ty * TILE - top, width: TILE, height: TILE }));
    }
  }
}

// buildings: the rows shown (filtered); settings: { url, attribution } of the tile server, url empty for none.
export function buildingMap(buildings, settings, link) {
  const placed = buildings.filter((b) => b.location);
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group',
    'aria-label': t('mapLabel', placed.length) });
  svg.append(el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'map-ground' }));
  if (placed.length === 0) {
    svg.append(el('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'map-note' }, t('mapNone')));
    return svg;
  }
  const z = fit(placed.map((b) => b.location));
  const xy = placed.map((b) => project(b.location.lat, b.location.lon, z));
  const cx = (Math.min(...xy.map((p) => p.x)) + Math.max(...xy.map((p) => p.x))) / 2;
  const cy = (Math.min(...xy.map((p) => p.y)) + Math.max(...xy.map((p) => p.y))) / 2;
  const left = cx - WIDTH / 2;
  const top = cy - HEIGHT / 2;
  if (settings?.url) {
    tiles(svg, settings, z, left, top);
  }
  placed.forEach((b, i) => {
    const x = xy[i].x - left;
    const y = xy[i].y - top;
    const label = b.liveKw == null ? b.name : `${b.name}: ${kw(b.liveKw)}`;
    const a = el('a', { href: link(b), 'data-building': b.id, 'aria-label': label });
    a.append(el('title', {}, label),
      el('circle', { cx: x, cy: y, r: 7, class: b.liveKw == null ? 'marker quiet' : 'marker' }),
      el('text', { x: x + 10, y: y + 4, class: 'map-label' }, b.name));
    svg.append(a);
  });
  return svg;
}
