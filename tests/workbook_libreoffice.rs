//! The workbook in the program an editor would use: LibreOffice (headless `soffice`, Debian
//! `libreoffice-calc-nogui`, installed by scripts/test.sh) opens the `.xlsx` the app writes
//! and saves it as `.ods` and as `.xlsx` again; each reads back as the same dataset.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

use passerelle::model::workbook_file::{read_workbook, write_xlsx};
use passerelle::model::{parse_dataset, parse_workbook};

const SHIPPED: &str = include_str!("../public/data/cooperation.json");

fn soffice() -> String {
    let name = std::env::var("PASSERELLE_SOFFICE").unwrap_or_else(|_| "soffice".into());
    let found = Command::new(&name).arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(found, "LibreOffice's soffice is needed (apt-get install libreoffice-calc-nogui; scripts/test.sh does)");
    name
}

/// Converts `file` to `format` in `dir` with LibreOffice; returns the new file's path.
fn convert(soffice: &str, dir: &Path, file: &Path, format: &str, ext: &str) -> std::path::PathBuf {
    let profile = dir.join("profile");
    let out = dir.join(ext);
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", format, "--outdir"])
        .arg(&out)
        .arg(file)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice --convert-to {format}");
    let converted = out.join(file.file_stem().unwrap()).with_extension(ext);
    assert!(converted.exists(), "LibreOffice wrote {}", converted.display());
    converted
}

#[test]
fn libreoffice_saves_the_workbook_as_ods_and_xlsx_and_both_read_back_the_same() {
    let soffice = soffice();
    let original = parse_dataset("cooperation.json", SHIPPED).unwrap().dataset;
    let dir = std::env::temp_dir().join(format!("passerelle-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("cooperation.xlsx");
    std::fs::write(&xlsx, write_xlsx(&serde_json::from_str(SHIPPED).unwrap()).unwrap()).unwrap();

    let ods = convert(&soffice, &dir, &xlsx, "ods", "ods");
    // Saved again as .xlsx by LibreOffice, from its own .ods.
    let again = convert(&soffice, &dir, &ods, "xlsx:Calc MS Excel 2007 XML", "xlsx");
    for file in [&ods, &again] {
        let tables = read_workbook(&std::fs::read(file).unwrap()).unwrap();
        let read = parse_workbook(&file.display().to_string(), &tables);
        assert_eq!(read.findings, vec![], "{}", file.display());
        let dataset = read.loaded.unwrap().dataset;
        assert!(
            dataset == original,
            "{} reads as the same dataset (Chinese text, dates and lists intact)",
            file.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
