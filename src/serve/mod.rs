//! `morgue serve`: the archive over HTTP, read only, from one long-lived index
//! reader that follows the commits of a concurrent `morgue index`.
//!
//! [`api`] answers the JSON API under `/api/v1/` (bodies built by
//! [`crate::output`]), [`pages`] the browser pages with their [`assets`];
//! both take their parameters through [`request`], which parses them with
//! [`crate::params`] as the command line does. [`http`] owns the sockets:
//! limits on requests, bounded concurrency, timeouts and the security headers.
//! Nothing here writes to the index or reads any file but the index.

pub mod api;
pub mod assets;
mod http;
pub mod pages;
pub mod request;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use crate::index::{Archive, IndexError};

/// Where `morgue serve` listens unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// What to serve, where, and within which limits.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub index: PathBuf,
    pub bind: SocketAddr,
    /// Listening on an address other machines can reach was asked for.
    pub allow_remote: bool,
    /// Requests answered at once; more wait for a turn (see [`http`]).
    pub workers: usize,
    /// Longest a request may take, from its first byte to its answer.
    pub request_timeout: Duration,
}

impl ServeOptions {
    pub fn new(index: PathBuf, bind: SocketAddr, allow_remote: bool) -> ServeOptions {
        ServeOptions {
            index,
            bind,
            allow_remote,
            workers: default_workers(),
            request_timeout: Duration::from_secs(10),
        }
    }
}

/// Two searches per core: a search spends part of its time waiting on the page
/// cache, and more at once only lengthens every answer.
fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "--bind {0} would let other machines read the archive (expected a loopback address such as 127.0.0.1:7878, or add --allow-remote to serve the network)"
    )]
    RemoteNotAllowed(SocketAddr),
    #[error(
        "cannot listen on {addr}: {source} (expected a free port, e.g. --bind 127.0.0.1:0 picks one)"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Parses `--bind`: `HOST:PORT`, where HOST is an IP address or `localhost`.
pub fn parse_bind(s: &str) -> Result<SocketAddr, String> {
    let expected = "expected an address and port such as 127.0.0.1:7878 or [::1]:7878";
    if let Ok(addr) = s.parse::<SocketAddr>() {
        return Ok(addr);
    }
    match s.rsplit_once(':') {
        Some(("localhost", _)) => s
            .to_socket_addrs()
            .ok()
            .and_then(|mut addrs| addrs.find(|a| a.ip().is_loopback()))
            .ok_or_else(|| format!("{s:?} is not an address ({expected})")),
        _ => Err(format!("{s:?} is not an address ({expected})")),
    }
}

/// Refuses a non-loopback address unless remote serving was asked for.
pub fn check_bind(options: &ServeOptions) -> Result<(), ServeError> {
    if options.bind.ip().is_loopback() || options.allow_remote {
        Ok(())
    } else {
        Err(ServeError::RemoteNotAllowed(options.bind))
    }
}

/// Opens the index and serves it until the process ends. `ready` is called
/// with the address actually listened on (the port chosen for port 0) once
/// requests can be made.
pub fn run(options: &ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    check_bind(options)?;
    let mut archive = Archive::open(&options.index)?;
    archive.follow_commits()?;
    http::serve(archive, options, ready)
}

/// Opens `url` in the user's default browser, as the desktop's own opener
/// does (`xdg-open`, `open`, `start`), without waiting for it.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("cmd", &["/C", "start", ""])
    } else {
        ("xdg-open", &[])
    };
    let mut child = std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|err| format!("{program}: {err}"))?;
    // Reaped in the background; the opener usually hands over and exits.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses() {
        let cases: &[(&str, Option<&str>)] = &[
            ("127.0.0.1:7878", Some("127.0.0.1:7878")),
            ("[::1]:80", Some("[::1]:80")),
            ("0.0.0.0:7878", Some("0.0.0.0:7878")),
            ("127.0.0.1", None),
            ("example.org:80", None),
            (":7878", None),
        ];
        for (input, expected) in cases {
            let parsed = parse_bind(input).ok().map(|a| a.to_string());
            assert_eq!(parsed.as_deref(), *expected, "{input}");
        }
        assert!(parse_bind("localhost:7878").is_ok_and(|a| a.ip().is_loopback()));
    }

    #[test]
    fn only_loopback_without_allow_remote() {
        let options = |bind: &str, allow_remote| {
            ServeOptions::new(
                PathBuf::from("index"),
                parse_bind(bind).expect("address"),
                allow_remote,
            )
        };
        assert!(check_bind(&options("127.0.0.1:7878", false)).is_ok());
        assert!(check_bind(&options("[::1]:7878", false)).is_ok());
        let refused = check_bind(&options("0.0.0.0:7878", false));
        assert!(
            matches!(refused, Err(ServeError::RemoteNotAllowed(_))),
            "{refused:?}"
        );
        assert!(check_bind(&options("0.0.0.0:7878", true)).is_ok());
    }
}
