//! What the integration tests share: snapshots of markup.

/// Compares markup, one element per line (`geo::svg::pretty`), with its snapshot in
/// `tests/snapshots/{file}`; on a difference, says the first line that differs.
/// `UPDATE_SNAPSHOTS=1` rewrites the snapshots instead: review the diff.
pub fn check_snapshot(file: &str, actual: &str) {
    let actual = passerelle::geo::svg::pretty(actual);
    let path = format!("tests/snapshots/{file}");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no snapshot {path}; run with UPDATE_SNAPSHOTS=1"));
    if expected != actual {
        let (n, (e, a)) = expected
            .lines()
            .chain(std::iter::repeat(""))
            .zip(actual.lines().chain(std::iter::repeat("")))
            .enumerate()
            .find(|(_, (e, a))| e != a)
            .unwrap();
        panic!("{file} differs from the snapshot at line {}:\nexpected: {e}\nactual:   {a}", n + 1);
    }
}
