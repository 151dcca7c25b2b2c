//! The socket side of `morgue serve`: accepts connections, bounds what one
//! request and all of them together may cost, and sends [`api`] answers,
//! [`pages`] and [`assets`] with
//! the security headers. It knows nothing of searches.
//!
//! The stack is hyper's HTTP/1 server on tokio, chosen by measurement on this
//! project's 2-core machine (clean release build of a hello-world server, its
//! size, and 32 keep-alive clients for 5 s from a Python load script):
//!
//! | stack              | build  | binary    | hello req/s, p99     |
//! |--------------------|--------|-----------|----------------------|
//! | tiny_http 0.12     | +4.7 s | +0.46 MB  | 13,262, 10.0 ms      |
//! | hyper 1 + tokio    | +15.7 s| +0.88 MB  | 7,827, 14.3 ms       |
//! | axum 0.8 + tokio   | +33.5 s| +1.18 MB  | 10,137, 13.1 ms      |
//!
//! All are far above the 300 requests/s the issue asks of whole searches (the
//! load script was the bottleneck), so the choice is about safety and cost.
//! tiny_http has no socket timeouts and starts a thread per open connection, so
//! a few hundred idle or slow clients pin a few hundred threads. axum's
//! `serve` sets no hyper timer, so its header-read timeout is off; with our own
//! accept loop anyway and the routes in `api.rs`, axum's router is 18 s of
//! build for nothing used.
//!
//! In morgue itself (clean release builds of main and of this branch, same
//! machine, one after the other): 2 min 47.7 s -> 2 min 55.3 s (+7.6 s wall,
//! +13 s of CPU), and the stripped binary 19.25 -> 19.88 MB (+0.63 MB).
//!
//! Whole searches, release build, 100k benchmark archive, the same Python
//! script on the same 2 cores, 32 clients for 20 s over ten mixed requests
//! (words, phrases, OR, filters, facets, lists, a timeline, a deep page):
//! 717 requests/s, p50 43.6 ms, p99 76.2 ms, no errors (no index running
//! meanwhile). hyper's header-read timeout also closes a connection left idle,
//! new or kept alive, after [`HEADER_TIMEOUT`].

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Semaphore;

use super::api::{self, Reply};
use super::assets::{self, Asset};
use super::pages::{self, Page};
use super::request::Refusal;
use super::{ServeError, ServeOptions};
use crate::index::Archive;

/// Open connections at once; the next waits in the kernel's backlog.
const MAX_CONNECTIONS: usize = 256;
/// A client must send a request's headers within this time of starting them.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest request head hyper buffers (request line and headers); more is refused.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// The API sends JSON and nothing that may run: no scripts, frames, forms or
/// base address, from anywhere.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/// Pages load only the server's own stylesheet and script files: no inline
/// script or style (an article that slipped markup through could not run
/// it), no other site, no frames; forms go only to this server.
const PAGE_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What the server sends: a JSON answer, a page, or one of the page's files.
enum Outgoing {
    Json(Reply),
    Page(Page),
    Asset(Asset),
}

/// A refusal in the form the address asks for: JSON under the API, a page elsewhere.
fn refused(path: &str, refusal: Refusal) -> Outgoing {
    if path.starts_with("/api/") {
        Outgoing::Json(Reply::from(refusal))
    } else {
        Outgoing::Page(Page::error(&refusal))
    }
}

/// Which part of the server answers `path`.
fn route(archive: &Archive, path: &str, query: &str) -> Outgoing {
    if path.starts_with("/api/") {
        Outgoing::Json(api::answer(archive, path, query))
    } else {
        Outgoing::Page(pages::answer(archive, path, query))
    }
}

struct Shared {
    archive: Archive,
    /// One permit per search running; the rest wait (up to the timeout).
    searches: Arc<Semaphore>,
    timeout: Duration,
    /// `Host` values accepted when serving loopback only (see [`host_allowed`]).
    loopback_hosts: Option<Vec<String>>,
}

pub(super) fn serve(
    archive: Archive,
    options: &ServeOptions,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Searches run on the blocking pool; the semaphore keeps them to `workers`.
        .max_blocking_threads(options.workers.max(1))
        .build()?;
    let bind = options.bind;
    let listener = std::net::TcpListener::bind(bind)
        .map_err(|source| ServeError::Bind { addr: bind, source })?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let shared = Arc::new(Shared {
        archive,
        searches: Arc::new(Semaphore::new(options.workers.max(1))),
        timeout: options.request_timeout,
        loopback_hosts: addr.ip().is_loopback().then(|| loopback_hosts(addr.port())),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        ready(addr);
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let permit = Arc::clone(&connections)
                .acquire_owned()
                .await
                .expect("the connection semaphore is never closed");
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait for some to close.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    respond(Arc::clone(&shared), request)
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .max_buf_size(MAX_HEAD_BYTES)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
                drop(permit);
            });
        }
    })
}

async fn respond(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = request.uri().path().to_string();
    let outgoing = if request.method() != Method::GET {
        refused(
            &path,
            Refusal::new(
                405,
                format!(
                    "{} is not served (expected GET: the archive is read only)",
                    request.method()
                ),
            ),
        )
    } else if !host_allowed(&shared, &request) {
        refused(
            &path,
            Refusal::new(
                403,
                "the Host header names another machine (expected the address morgue serve printed)",
            ),
        )
    } else if path.starts_with("/assets/") {
        match assets::get(&path) {
            Some(asset) => Outgoing::Asset(asset),
            None => refused(&path, Refusal::new(404, format!("no file {path:?}"))),
        }
    } else {
        let query = request.uri().query().unwrap_or("").to_string();
        answer(&shared, path, query).await
    };
    Ok(response(outgoing))
}

/// Runs a search or page on the blocking pool, at most `workers` at once,
/// within the timeout.
async fn answer(shared: &Arc<Shared>, path: String, query: String) -> Outgoing {
    let timeout = shared.timeout;
    let work = async {
        let permit = Arc::clone(&shared.searches)
            .acquire_owned()
            .await
            .expect("the search semaphore is never closed");
        let shared = Arc::clone(shared);
        let path = path.clone();
        // The permit goes with the work: a search that outlives its request
        // still counts against the limit until it ends.
        let task = tokio::task::spawn_blocking(move || {
            let outgoing = route(&shared.archive, &path, &query);
            drop(permit);
            outgoing
        });
        task.await.ok()
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(Some(outgoing)) => outgoing,
        Ok(None) => refused(
            &path,
            Refusal::new(500, "the request failed inside the server"),
        ),
        Err(_) => refused(
            &path,
            Refusal::new(
                503,
                format!(
                    "no answer within {} s (the server is busy or the request is too costly; expected a narrower search, or try again)",
                    timeout.as_secs()
                ),
            ),
        ),
    }
}

fn response(outgoing: Outgoing) -> Response<Full<Bytes>> {
    let (status, content_type, policy, cache, body, location) = match outgoing {
        Outgoing::Json(reply) => {
            let mut body = serde_json::to_vec(&reply.body).expect("JSON values serialise");
            body.push(b'\n');
            let (status, content_type) = (reply.status, "application/json; charset=utf-8");
            (
                status,
                content_type,
                CONTENT_SECURITY_POLICY,
                NO_STORE,
                Bytes::from(body),
                None,
            )
        }
        Outgoing::Page(page) => (
            page.status,
            "text/html; charset=utf-8",
            PAGE_CONTENT_SECURITY_POLICY,
            NO_STORE,
            Bytes::from(page.html),
            page.redirect,
        ),
        Outgoing::Asset(asset) => (
            200,
            asset.content_type,
            CONTENT_SECURITY_POLICY,
            // The address holds the content's hash (see `assets`).
            "public, max-age=31536000, immutable",
            Bytes::from_static(asset.bytes),
            None,
        ),
    };
    let mut response = Response::new(Full::new(body));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    let fixed = [
        (header::CONTENT_TYPE, content_type),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CONTENT_SECURITY_POLICY, policy),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, cache),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if status == 405 {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET"));
    }
    if let Some(location) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LOCATION, location);
    }
    response
}

/// The index changes under the server; an answer is only good now.
const NO_STORE: &str = "no-store";

/// The names a browser on this machine uses for a loopback server.
fn loopback_hosts(port: u16) -> Vec<String> {
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .flat_map(|host| [host.to_string(), format!("{host}:{port}")])
        .collect()
}

/// On loopback, a request must name a loopback host: a web page whose domain
/// was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name and is
/// refused, so other sites cannot read the archive through the user's browser.
fn host_allowed(shared: &Shared, request: &Request<Incoming>) -> bool {
    let Some(allowed) = &shared.loopback_hosts else {
        return true;
    };
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    host.is_some_and(|host| allowed.iter().any(|name| name.eq_ignore_ascii_case(host)))
}
