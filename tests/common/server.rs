//! A running `morgue serve` for the tests that talk to it over HTTP: the JSON
//! API tests (`tests/serve.rs`) and the browser tests (`tests/browser.rs`).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

/// A running `morgue serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
}

impl Server {
    /// Starts `morgue serve` on `index` on a port the system picks, and waits
    /// for the first line of its output, which names the address it listens on.
    pub fn start(index: &Path) -> Server {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("MORGUE_INDEX", index)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start morgue serve");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the address line");
        let base = line
            .split_whitespace()
            .find_map(|word| word.strip_prefix("http://"))
            .and_then(|rest| rest.split('/').next())
            .map(|host| format!("http://{host}"))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, base }
    }

    /// The absolute URL of `path_and_query` on this server.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }

    /// Status and JSON body of a GET of `path_and_query`.
    pub fn get(&self, path_and_query: &str) -> (u16, Value) {
        let (status, _, body) = self.get_with_headers(path_and_query);
        (status, body)
    }

    pub fn get_with_headers(&self, path_and_query: &str) -> (u16, ureq::http::HeaderMap, Value) {
        let (status, headers, text) = self.page_with_headers(path_and_query);
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path_and_query}: not JSON ({e}): {text}"));
        (status, headers, body)
    }

    /// Status and body text of a GET, following redirects as a browser does.
    pub fn page(&self, path_and_query: &str) -> (u16, String) {
        let (status, _, text) = self.page_with_headers(path_and_query);
        (status, text)
    }

    pub fn page_with_headers(&self, path_and_query: &str) -> (u16, ureq::http::HeaderMap, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let url = self.url(path_and_query);
        let mut response = agent.get(&url).call().expect("HTTP request");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.body_mut().read_to_string().expect("body");
        (status, headers, text)
    }

    /// The status line and body of a request written byte for byte, for what a
    /// client library would clean up first (`..` in paths, other methods, hosts).
    pub fn raw(&self, request: &str) -> String {
        let address = self.base.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
