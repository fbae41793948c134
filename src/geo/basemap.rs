//! The offline base map, derived from Natural Earth by `scripts/basemap.py` and served
//! beside the dataset (`public/data/basemap.json`), so the map needs no tile server or other
//! host. It is data, not code: the browser fetches it beside the wasm (it was 84 KB of the
//! wasm), and natively (tests, the pre-rendering) it is compiled in.
//!
//! The file holds shapes (countries for the overview, the two regions, the départements of
//! Auvergne-Rhône-Alpes and neighbouring départements and provinces for context); each
//! shape is a list of rings of flat, delta-encoded integers in `1 / scale` degrees.

use crate::model::json::{Json, Object};

/// Where the page finds the base map, relative to it, in a development build; a release
/// build gives it a hashed name and writes that into the page
/// (`<meta name="passerelle-basemap">`).
pub const BASEMAP_PATH: &str = "data/basemap.json";

/// The base map's credit, which the map's corner, the handout and the exported files give:
/// the file's own `credit` (a test holds them equal), here too so that a page drawn before
/// the file arrives (behind the pre-rendered first screen) says it the same.
pub const CREDIT: &str = "Natural Earth 10m admin-0, admin-1 v4.1.0 (QGIS world_map.gpkg)";

/// The generator's output, as committed (natively only).
#[cfg(not(target_arch = "wasm32"))]
pub const BASEMAP_JSON: &str = include_str!("../../public/data/basemap.json");

/// The base map of this run: natively the committed file, in the browser what the loader
/// fetched ([`BaseMap::install`]).
static SHIPPED: std::sync::OnceLock<BaseMap> = std::sync::OnceLock::new();

/// What a shape is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// A country of the Europe–East Asia overview.
    Country,
    /// One of the two cooperating regions: Auvergne-Rhône-Alpes, or Hebei, Beijing, Tianjin.
    Region,
    /// One of the 12 départements of Auvergne-Rhône-Alpes.
    Departement,
    /// A neighbouring département or province, for context.
    Context,
}

impl Layer {
    /// Every layer, in the order the map draws them: countries first, the regions on top.
    pub const ALL: [Layer; 4] = [Layer::Country, Layer::Context, Layer::Departement, Layer::Region];

    /// Its name, as the base map's file writes it and a drawing's class says it
    /// (`shape--region`).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Country => "country",
            Layer::Region => "region",
            Layer::Departement => "departement",
            Layer::Context => "context",
        }
    }

    /// The layer called `name` ([`Layer::name`]).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// A named area: its rings as (longitude, latitude) points in degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub layer: Layer,
    pub id: String,
    /// The Natural Earth name (not translated: it is never shown as text).
    pub name: String,
    /// Outer rings and holes alike; draw them in one path with the even-odd rule.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// The whole base map.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseMap {
    /// The attribution the app must show.
    pub credit: String,
    pub shapes: Vec<Shape>,
}

impl BaseMap {
    /// The base map the app ships, decoded once (the map, its credit, the handout and the
    /// export all read it). In the browser, the one the loader fetched; before that (never,
    /// in the app: it draws once both files are in) an empty map.
    pub fn shipped() -> &'static Self {
        #[cfg(not(target_arch = "wasm32"))]
        return SHIPPED.get_or_init(|| Self::parse(BASEMAP_JSON).expect("the base map is checked by the native tests"));
        #[cfg(target_arch = "wasm32")]
        SHIPPED.get().unwrap_or_else(|| {
            static EMPTY: std::sync::OnceLock<BaseMap> = std::sync::OnceLock::new();
            EMPTY.get_or_init(|| BaseMap { credit: String::new(), shapes: Vec::new() })
        })
    }

    /// Whether the shipped base map is in hand (always, natively; in the browser once the
    /// loader has installed it).
    pub fn installed() -> bool {
        cfg!(not(target_arch = "wasm32")) || SHIPPED.get().is_some()
    }

    /// Makes `map` the one [`BaseMap::shipped`] gives, once (a later call changes nothing).
    pub fn install(map: BaseMap) {
        let _ = SHIPPED.set(map);
    }

    /// Decodes the generator's format: `{ "credit", "scale", "shapes": [{ "layer", "id",
    /// "name", "rings" }] }`, no other field. (Read on the JSON tree the dataset's reader
    /// uses: serde's derive for these two records was 8 KB of the first module.)
    pub fn parse(json: &str) -> Result<Self, String> {
        Self::from_tree(&Self::tree(json)?)
    }

    /// The file's text read by the page's own parser ([`Json::parse_by_page`]): the first
    /// half of [`BaseMap::parse`].
    pub fn tree(json: &str) -> Result<Json<'static>, String> {
        Json::parse_by_page(json).map_err(|e| format!("base map: {e}"))
    }

    /// The base map that a file's tree ([`BaseMap::tree`]) holds: the second half of
    /// [`BaseMap::parse`].
    pub fn from_tree(tree: &Json<'_>) -> Result<Self, String> {
        let root = object(tree, "the file")?;
        only(root, &["credit", "scale", "shapes"], "the file")?;
        let credit = text(root, "credit", "the file")?.to_owned();
        let scale = match field(root, "scale", "the file")? {
            Json::Number(n) => n.as_u64().filter(|&s| (1..=u64::from(u32::MAX)).contains(&s)),
            _ => None,
        }
        .ok_or("base map: scale must be a positive whole number")?;
        let scale = scale as f64;
        let shapes = field(root, "shapes", "the file")?.as_array().ok_or("base map: shapes must be an array")?;
        let shapes = shapes
            .iter()
            .enumerate()
            .map(|(i, shape)| {
                let at = format!("shape {i}");
                let shape = object(shape, &at)?;
                only(shape, &["layer", "id", "name", "rings"], &at)?;
                let layer = text(shape, "layer", &at)?;
                let layer = Layer::named(layer).ok_or_else(|| format!("base map: {at}: unknown layer `{layer}`"))?;
                let id = text(shape, "id", &at)?.to_owned();
                let name = text(shape, "name", &at)?.to_owned();
                let rings = field(shape, "rings", &at)?
                    .as_array()
                    .ok_or_else(|| format!("base map: {at}: rings must be an array"))?
                    .iter()
                    .map(|ring| {
                        let flat = ring
                            .as_array()
                            .and_then(|r| r.iter().map(integer).collect::<Option<Vec<i32>>>())
                            .ok_or_else(|| format!("base map: shape {id}: a ring must be an array of whole numbers"))?;
                        decode_ring(&flat, scale).ok_or_else(|| format!("base map: shape {id} has an odd ring"))
                    })
                    .collect::<Result<_, _>>()?;
                Ok(Shape { layer, id, name, rings })
            })
            .collect::<Result<_, String>>()?;
        Ok(Self { credit, shapes })
    }

    /// The shape with `id`, if any.
    pub fn shape(&self, id: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.id == id)
    }

    /// The shapes of one layer, in file order.
    pub fn layer(&self, layer: Layer) -> impl Iterator<Item = &Shape> {
        self.shapes.iter().filter(move |s| s.layer == layer)
    }
}

/// The object `value` is, or why not.
fn object<'j, 'a>(value: &'j Json<'a>, at: &str) -> Result<&'j Object<'a>, String> {
    value.as_object().ok_or_else(|| format!("base map: {at} must be an object"))
}

/// The member `key` of `record`, or that it is missing.
fn field<'j, 'a>(record: &'j Object<'a>, key: &str, at: &str) -> Result<&'j Json<'a>, String> {
    record.get(key).ok_or_else(|| format!("base map: {at}: missing field `{key}`"))
}

/// The string member `key` of `record`.
fn text<'j>(record: &'j Object<'_>, key: &str, at: &str) -> Result<&'j str, String> {
    field(record, key, at)?.as_str().ok_or_else(|| format!("base map: {at}: {key} must be a string"))
}

/// That `record` has no member but `known`.
fn only(record: &Object<'_>, known: &[&str], at: &str) -> Result<(), String> {
    match record.keys().find(|k| !known.contains(k)) {
        Some(key) => Err(format!("base map: {at}: unknown field `{key}`")),
        None => Ok(()),
    }
}

/// A whole number that fits an `i32`.
fn integer(value: &Json<'_>) -> Option<i32> {
    match value {
        Json::Number(n) => n.as_i64().and_then(|v| i32::try_from(v).ok()),
        _ => None,
    }
}

impl Shape {
    /// Whether (lon, lat) is inside the shape, by the even-odd rule over all rings.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let (x1, y1) = ring[i];
                let (x2, y2) = ring[(i + 1) % n];
                if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// West, south, east, north.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        self.rings
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |(w, s, e, n), &(x, y)| {
                (w.min(x), s.min(y), e.max(x), n.max(y))
            })
    }
}

/// `[x0, y0, dx1, dy1, …]` in `1 / scale` degrees to absolute points (the ring is closed
/// implicitly).
fn decode_ring(flat: &[i32], scale: f64) -> Option<Vec<(f64, f64)>> {
    if !flat.len().is_multiple_of(2) {
        return None;
    }
    let (mut x, mut y) = (0i64, 0i64);
    Some(
        flat.chunks_exact(2)
            .map(|d| {
                x += i64::from(d[0]);
                y += i64::from(d[1]);
                (x as f64 / scale, y as f64 / scale)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credit_given_before_the_file_arrives_is_the_files() {
        assert_eq!(BaseMap::shipped().credit, CREDIT);
    }

    #[test]
    fn rings_are_delta_decoded() {
        let map = BaseMap::parse(
            r#"{"credit":"c","scale":100,"shapes":[{"layer":"region","id":"sq","name":"Square","rings":[[100,200,100,0,0,100,-100,0]]}]}"#,
        )
        .unwrap();
        let sq = map.shape("sq").unwrap();
        assert_eq!(sq.rings[0], vec![(1.0, 2.0), (2.0, 2.0), (2.0, 3.0), (1.0, 3.0)]);
        assert!(sq.contains(1.5, 2.5));
        assert!(!sq.contains(2.5, 2.5));
        assert_eq!(sq.bounds(), (1.0, 2.0, 2.0, 3.0));
    }

    #[test]
    fn a_hole_is_outside() {
        let map = BaseMap::parse(
            r#"{"credit":"c","scale":1,"shapes":[{"layer":"region","id":"ring","name":"Ring","rings":[[0,0,10,0,0,10,-10,0],[4,4,2,0,0,2,-2,0]]}]}"#,
        )
        .unwrap();
        let ring = map.shape("ring").unwrap();
        assert!(ring.contains(1.0, 1.0));
        assert!(!ring.contains(5.0, 5.0), "inside the hole");
    }

    #[test]
    fn malformed_files_are_refused() {
        assert!(
            BaseMap::parse(
                r#"{"credit":"c","scale":1,"shapes":[{"layer":"region","id":"x","name":"X","rings":[[1,2,3]]}]}"#
            )
            .is_err()
        );
        assert!(
            BaseMap::parse(r#"{"credit":"c","scale":1,"shapes":[{"layer":"sea","id":"x","name":"X","rings":[]}]}"#)
                .is_err()
        );
        assert!(BaseMap::parse(r#"{"credit":"c","scale":0,"shapes":[]}"#).is_err());
    }

    #[test]
    fn a_refused_file_says_where_and_why() {
        let refused = |json: &str| BaseMap::parse(json).unwrap_err();
        assert_eq!(refused(r#"{"credit":"c","shapes":[]}"#), "base map: the file: missing field `scale`");
        assert_eq!(refused(r#"{"credit":"c","scale":1,"shapes":[],"x":1}"#), "base map: the file: unknown field `x`");
        assert_eq!(
            refused(r#"{"credit":"c","scale":1,"shapes":[{"layer":"sea","id":"x","name":"X","rings":[]}]}"#),
            "base map: shape 0: unknown layer `sea`"
        );
        assert_eq!(
            refused(r#"{"credit":"c","scale":1,"shapes":[{"layer":"region","id":"x","name":"X","rings":[[1,2.5]]}]}"#),
            "base map: shape x: a ring must be an array of whole numbers"
        );
        assert!(refused("{").starts_with("base map: EOF while parsing"));
    }
}
