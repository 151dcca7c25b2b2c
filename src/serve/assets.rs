//! The files the pages load, compiled into the binary: one stylesheet and one
//! small script. Their addresses carry a hash of their content, so a browser
//! may keep them for a year and still never uses an old one after an upgrade.

use std::sync::LazyLock;

const CSS: &str = include_str!("assets/morgue.css");
const JS: &str = include_str!("assets/morgue.js");

/// The stylesheet's address (`/assets/morgue.css?v=HASH`).
pub static STYLESHEET: LazyLock<String> = LazyLock::new(|| versioned("morgue.css", CSS));
/// The script's address.
pub static SCRIPT: LazyLock<String> = LazyLock::new(|| versioned("morgue.js", JS));

fn versioned(name: &str, content: &str) -> String {
    let hash = blake3::hash(content.as_bytes()).to_hex();
    format!("/assets/{name}?v={}", &hash[..12])
}

/// An asset: its type and bytes.
pub struct Asset {
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

/// The asset at `path` (the query string, the version, is not needed).
pub fn get(path: &str) -> Option<Asset> {
    match path {
        "/assets/morgue.css" => Some(Asset {
            content_type: "text/css; charset=utf-8",
            bytes: CSS.as_bytes(),
        }),
        "/assets/morgue.js" => Some(Asset {
            content_type: "text/javascript; charset=utf-8",
            bytes: JS.as_bytes(),
        }),
        _ => None,
    }
}
