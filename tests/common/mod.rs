//! Helpers the end-to-end test files share: running the built binary against an
//! index, writing an archive of articles, a running `morgue serve` ([`server`])
//! and a headless Chromium to look at its pages ([`webdriver`]). Each test
//! binary uses a part of them.
#![allow(dead_code)]

pub mod server;
pub mod webdriver;

use std::path::Path;

use assert_cmd::Command;

/// The built `morgue`, pointed at `index` through `MORGUE_INDEX`, with colour
/// decided by the flags a test passes rather than the caller's environment.
pub fn morgue(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("morgue").expect("binary built");
    cmd.env("MORGUE_INDEX", index).env_remove("NO_COLOR");
    cmd
}

/// Writes each `(relative path, text)` under `dir`, creating folders as needed.
pub fn write_articles(dir: &Path, articles: &[(&str, &str)]) {
    for (path, text) in articles {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("articles are in a folder")).expect("mkdir");
        std::fs::write(path, text).expect("write article");
    }
}

/// Runs `morgue index --quiet CORPUS` into `index`; panics with its errors if it fails.
pub fn index_into(index: &Path, corpus: &Path) {
    let output = morgue(index)
        .args(["index", "--quiet"])
        .arg(corpus)
        .output()
        .expect("run morgue index");
    assert!(
        output.status.success(),
        "morgue index {}: {}",
        corpus.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
