//! A headless Chromium for the browser tests, driven through Debian's
//! `chromedriver` over the W3C WebDriver protocol (JSON over HTTP) with `ureq`.
//!
//! Hand-written rather than fantoccini or thirtyfour: the tests need a dozen
//! commands, and those crates bring tokio and an HTTP client stack into the
//! dev-dependencies; this needs nothing the tests did not already build.
//!
//! Each [`Browser`] starts its own `chromedriver` on a port the driver picks,
//! with one session in a fresh profile, and ends both when dropped. It owns
//! the protocol; what a page should show is the tests' business. Methods panic
//! with the command, the selector and the page's address, so a failing test
//! says where it was; a browser dropped during a panic saves a screenshot first.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// Debian's `chromium` package: a wrapper script that starts the real binary.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's `chromium-driver` package.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Keys as WebDriver spells them: code points in Unicode's private use area.
pub const ENTER: &str = "\u{E007}";
pub const TAB: &str = "\u{E004}";

/// The key under which WebDriver sends an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Why browser tests cannot run on this machine, or `None` when they can.
pub fn unavailable() -> Option<String> {
    [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .find(|path| !Path::new(path).exists())
        .map(|path| {
            format!(
                "{path} is missing (apt-get install chromium chromium-driver; .ci/run does it when it can)"
            )
        })
}

/// Where screenshots go: `target/browser-screenshots/` of the build that runs
/// the tests, wherever `CARGO_TARGET_DIR` put it.
pub fn screenshot_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("browser-screenshots")
}

/// How to start the browser.
#[derive(Clone, Debug)]
pub struct Launch {
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
    /// Report `prefers-color-scheme: dark` to pages.
    pub dark: bool,
}

impl Default for Launch {
    fn default() -> Launch {
        Launch {
            width: 1280,
            height: 900,
            javascript: true,
            dark: false,
        }
    }
}

/// A position and size in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// An error the driver answered with, such as `no such element`.
#[derive(Debug)]
pub struct WebDriverError {
    pub error: String,
    pub message: String,
}

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Chromium appends a long native stack trace; the first line says it.
        let first_line = self.message.lines().next().unwrap_or("");
        write!(f, "{}: {first_line}", self.error)
    }
}

enum Method {
    Get,
    Post(Value),
    Delete,
}

/// A `chromedriver` with one Chromium session.
pub struct Browser {
    driver: Child,
    agent: ureq::Agent,
    /// `http://127.0.0.1:PORT/session/ID`: every command's address starts so.
    session: String,
    /// Names the screenshot saved when a test fails with this browser open.
    name: String,
    /// Removed after Chromium has quit (the session is deleted first).
    profile: Option<tempfile::TempDir>,
}

impl Browser {
    /// Starts `chromedriver` and a headless Chromium session. `name` labels
    /// the screenshot taken if the test panics while the browser is open.
    pub fn launch(name: &str, launch: &Launch) -> Browser {
        let mut driver = Command::new(CHROMEDRIVER)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"));
        let port = driver_port(&mut driver);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let profile = tempfile::tempdir().expect("temp dir for the Chromium profile");
        let mut args = vec![
            "--headless".to_string(),
            // The tests may run as root, where Chromium refuses its sandbox.
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            // Containers often give /dev/shm 64 MB, too little for a renderer.
            "--disable-dev-shm-usage".to_string(),
            // Nothing but the test server is to be contacted.
            "--disable-quic".to_string(),
            "--no-first-run".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        if launch.dark {
            // Tried in headless Chromium 148: this flag and
            // `--blink-settings=preferredColorScheme=0` both make
            // `prefers-color-scheme: dark` match; CDP emulation is not
            // reachable through WebDriver.
            args.push("--force-dark-mode".to_string());
        }
        let mut options = json!({ "binary": CHROMIUM, "args": args });
        if !launch.javascript {
            // The content setting an administrator's policy would set: pages
            // run no script, while WebDriver's own script commands still work.
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": options,
            }}
        });
        let root = format!("http://127.0.0.1:{port}");
        let answer = request(
            &agent,
            &format!("{root}/session"),
            Method::Post(capabilities),
        );
        let session_id = match answer {
            Ok(value) => value["sessionId"].as_str().map(str::to_string),
            Err(e) => {
                let _ = driver.kill();
                let _ = driver.wait();
                panic!("{CHROMEDRIVER} could not start {CHROMIUM}: {e}");
            }
        };
        let session_id = session_id.expect("a new session has an id");
        let browser = Browser {
            driver,
            agent,
            session: format!("{root}/session/{session_id}"),
            name: name.to_string(),
            profile: Some(profile),
        };
        // Not `--window-size`: headless Chromium 148 widens a window given
        // so to at least 500 px, while resizing it through WebDriver does not.
        browser.set_viewport_size(launch.width, launch.height);
        browser
    }

    /// Sends a command of this session; `path` follows `/session/ID`.
    fn command(&self, method: Method, path: &str) -> Result<Value, WebDriverError> {
        request(&self.agent, &format!("{}{path}", self.session), method)
    }

    /// [`Self::command`], panicking with what was being done and where.
    fn must(&self, what: &str, method: Method, path: &str) -> Value {
        self.command(method, path)
            .unwrap_or_else(|e| panic!("{what} failed on {}: {e}", self.current_url_or_unknown()))
    }

    fn current_url_or_unknown(&self) -> String {
        self.command(Method::Get, "/url")
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "an unknown page".to_string())
    }

    /// Loads `url` and waits for the page to finish loading.
    pub fn goto(&self, url: &str) {
        self.must(
            &format!("opening {url}"),
            Method::Post(json!({ "url": url })),
            "/url",
        );
    }

    pub fn url(&self) -> String {
        let value = self.must("reading the address", Method::Get, "/url");
        value.as_str().unwrap_or_default().to_string()
    }

    pub fn title(&self) -> String {
        let value = self.must("reading the title", Method::Get, "/title");
        value.as_str().unwrap_or_default().to_string()
    }

    /// The first element matching `css`; panics with the page's text if none.
    pub fn find(&self, css: &str) -> Element<'_> {
        self.try_find(css).unwrap_or_else(|| {
            panic!(
                "no element matches `{css}` on {}; the page shows: {}",
                self.url(),
                self.text_excerpt()
            )
        })
    }

    pub fn try_find(&self, css: &str) -> Option<Element<'_>> {
        self.find_in("", css)
    }

    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        self.find_all_in("", css)
    }

    /// Finds under `scope` (`""` for the document, `/element/ID` for an element).
    fn find_in(&self, scope: &str, css: &str) -> Option<Element<'_>> {
        let body = json!({ "using": "css selector", "value": css });
        match self.command(Method::Post(body), &format!("{scope}/element")) {
            Ok(reference) => Some(self.element(&reference, css)),
            Err(e) if e.error == "no such element" => None,
            Err(e) => panic!("finding `{css}` failed on {}: {e}", self.url()),
        }
    }

    fn find_all_in(&self, scope: &str, css: &str) -> Vec<Element<'_>> {
        let body = json!({ "using": "css selector", "value": css });
        let found = self.must(
            &format!("finding every `{css}`"),
            Method::Post(body),
            &format!("{scope}/elements"),
        );
        found
            .as_array()
            .map(|references| references.iter().map(|r| self.element(r, css)).collect())
            .unwrap_or_default()
    }

    fn element(&self, reference: &Value, css: &str) -> Element<'_> {
        let id = reference[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("not an element reference: {reference}"));
        Element {
            browser: self,
            id: id.to_string(),
            selector: css.to_string(),
        }
    }

    /// The element that has the keyboard focus (the body when none has).
    pub fn active_element(&self) -> Element<'_> {
        let reference = self.must(
            "reading the focused element",
            Method::Get,
            "/element/active",
        );
        self.element(&reference, "the focused element")
    }

    /// Presses and releases `key` wherever the focus is, as a user would.
    pub fn press(&self, key: &str) {
        let actions = json!({ "actions": [{
            "type": "key",
            "id": "keyboard",
            "actions": [{ "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }],
        }]});
        self.must("pressing a key", Method::Post(actions), "/actions");
    }

    /// The visible text of the page, shortened, for failure messages.
    pub fn text_excerpt(&self) -> String {
        let text = self
            .command(
                Method::Post(json!({ "using": "css selector", "value": "body" })),
                "/element",
            )
            .ok()
            .and_then(|body| body[ELEMENT_KEY].as_str().map(str::to_string))
            .and_then(|id| {
                self.command(Method::Get, &format!("/element/{id}/text"))
                    .ok()
            })
            .and_then(|text| text.as_str().map(str::to_string))
            .unwrap_or_default();
        let short: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match short.char_indices().nth(400) {
            Some((cut, _)) => format!("{:?}…", &short[..cut]),
            None => format!("{short:?}"),
        }
    }

    /// Runs `script` in the page and returns what it returns. Only for what
    /// WebDriver has no command for, such as layout widths or media queries.
    pub fn script(&self, script: &str) -> Value {
        self.must(
            &format!("running `{script}`"),
            Method::Post(json!({ "script": script, "args": [] })),
            "/execute/sync",
        )
    }

    /// Resizes the window so that the page gets `width` x `height` CSS
    /// pixels. WebDriver sizes the whole window, and headless Chromium 148
    /// keeps part of its height for itself (139 px of 900), so this measures
    /// the page and makes up the difference.
    pub fn set_viewport_size(&self, width: u32, height: u32) {
        let resize = |w: i64, h: i64| {
            self.must(
                "resizing the window",
                Method::Post(json!({ "width": w, "height": h })),
                "/window/rect",
            )
        };
        let (width, height) = (i64::from(width), i64::from(height));
        resize(width, height);
        let inner = self.script("return [window.innerWidth, window.innerHeight];");
        let inner = |i: usize, asked: i64| inner[i].as_i64().unwrap_or(asked);
        let (inner_width, inner_height) = (inner(0, width), inner(1, height));
        if (inner_width, inner_height) != (width, height) {
            resize(2 * width - inner_width, 2 * height - inner_height);
        }
    }

    /// Saves what the window shows as `NAME.png` in [`screenshot_dir`].
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let encoded = self.must("taking a screenshot", Method::Get, "/screenshot");
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap_or_default())
            .expect("screenshots are base64");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// Polls `check` until it returns something or `timeout` passes; then
    /// panics saying what was awaited. Pages here load synchronously, so this
    /// is for the moment between a click and the navigation it starts.
    pub fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut() -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = check() {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "waited {timeout:?} for {what} on {}; the page shows: {}",
                self.url(),
                self.text_excerpt()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks `element`, which is expected to lead to another address, and
    /// returns that address once the browser is there.
    pub fn follow(&self, element: Element<'_>) -> String {
        let before = self.url();
        let description = element.describe();
        element.click();
        self.wait_for(
            &format!("a click on {description} to leave {before}"),
            Duration::from_secs(10),
            || Some(self.url()).filter(|now| *now != before),
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // What the page showed when the test failed; never panic here.
            if let Ok(encoded) = self.command(Method::Get, "/screenshot") {
                let png = base64::engine::general_purpose::STANDARD
                    .decode(encoded.as_str().unwrap_or_default());
                let dir = screenshot_dir();
                let path = dir.join(format!("{}-failure.png", self.name));
                if let Ok(png) = png
                    && std::fs::create_dir_all(&dir).is_ok()
                    && std::fs::write(&path, png).is_ok()
                {
                    eprintln!("screenshot of the failure: {}", path.display());
                }
            }
        }
        // Deleting the session makes chromedriver quit Chromium; killing the
        // driver alone would leave the browser running.
        let _ = self.command(Method::Delete, "");
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        drop(self.profile.take());
    }
}

/// An element of the current page. It goes stale when the page changes.
pub struct Element<'a> {
    browser: &'a Browser,
    id: String,
    /// How it was found, for failure messages.
    selector: String,
}

impl<'a> Element<'a> {
    fn path(&self, command: &str) -> String {
        format!("/element/{}{command}", self.id)
    }

    fn describe(&self) -> String {
        format!("`{}`", self.selector)
    }

    fn get(&self, what: &str, command: &str) -> Value {
        self.browser.must(
            &format!("reading the {what} of {}", self.describe()),
            Method::Get,
            &self.path(command),
        )
    }

    /// The text as rendered: hidden parts left out, whitespace as laid out.
    pub fn text(&self) -> String {
        let value = self.get("text", "/text");
        value.as_str().unwrap_or_default().to_string()
    }

    /// An attribute as written in the HTML, `None` when absent.
    pub fn attribute(&self, name: &str) -> Option<String> {
        let value = self.get(name, &format!("/attribute/{name}"));
        value.as_str().map(str::to_string)
    }

    /// A DOM property: `href` here is the absolute address, resolved.
    pub fn property(&self, name: &str) -> Value {
        self.get(name, &format!("/property/{name}"))
    }

    /// A computed style value, such as `rgb(18, 18, 18)`.
    pub fn css(&self, property: &str) -> String {
        let value = self.get(property, &format!("/css/{property}"));
        value.as_str().unwrap_or_default().to_string()
    }

    pub fn tag_name(&self) -> String {
        let value = self.get("tag name", "/name");
        value.as_str().unwrap_or_default().to_ascii_lowercase()
    }

    pub fn rect(&self) -> Rect {
        let value = self.get("position", "/rect");
        let number = |key: &str| value[key].as_f64().unwrap_or(0.0);
        Rect {
            x: number("x"),
            y: number("y"),
            width: number("width"),
            height: number("height"),
        }
    }

    pub fn is_displayed(&self) -> bool {
        self.get("visibility", "/displayed")
            .as_bool()
            .unwrap_or(false)
    }

    pub fn click(&self) {
        self.browser.must(
            &format!("clicking {}", self.describe()),
            Method::Post(json!({})),
            &self.path("/click"),
        );
    }

    /// Types `text` into the element after focusing it; [`ENTER`] and other
    /// keys may be part of it.
    pub fn send_keys(&self, text: &str) {
        self.browser.must(
            &format!("typing into {}", self.describe()),
            Method::Post(json!({ "text": text })),
            &self.path("/value"),
        );
    }

    /// The first element under this one matching `css`; panics if none.
    pub fn find(&self, css: &str) -> Element<'a> {
        self.try_find(css).unwrap_or_else(|| {
            panic!(
                "no `{css}` inside {} on {}; it shows: {:?}",
                self.describe(),
                self.browser.url(),
                self.text()
            )
        })
    }

    pub fn try_find(&self, css: &str) -> Option<Element<'a>> {
        let scope = self.path("");
        self.browser
            .find_in(&scope, css)
            .map(|found| found.within(&self.selector))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element<'a>> {
        let scope = self.path("");
        self.browser
            .find_all_in(&scope, css)
            .into_iter()
            .map(|found| found.within(&self.selector))
            .collect()
    }

    /// Names a found element by its parent's selector too.
    fn within(mut self, parent: &str) -> Element<'a> {
        self.selector = format!("{parent} {}", self.selector);
        self
    }
}

/// Reads chromedriver's banner up to the line naming the port it chose, then
/// keeps draining its output so that a full pipe never blocks it.
fn driver_port(driver: &mut Child) -> u16 {
    let stdout = driver.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout);
    let mut banner = String::new();
    loop {
        let mut line = String::new();
        let read = lines.read_line(&mut line).unwrap_or(0);
        if read == 0 {
            let _ = driver.kill();
            let _ = driver.wait();
            panic!("{CHROMEDRIVER} ended before saying its port: {banner:?}");
        }
        banner.push_str(&line);
        let port = line
            .trim_end()
            .strip_suffix('.')
            .and_then(|l| l.rsplit_once("started successfully on port "))
            .and_then(|(_, port)| port.parse().ok());
        if let Some(port) = port {
            std::thread::spawn(move || std::io::copy(&mut lines, &mut std::io::sink()));
            return port;
        }
    }
}

/// One WebDriver exchange: every answer is `{"value": ...}`, an error's value
/// being `{"error", "message"}`.
fn request(agent: &ureq::Agent, url: &str, method: Method) -> Result<Value, WebDriverError> {
    let sent = match method {
        Method::Get => agent.get(url).call(),
        Method::Delete => agent.delete(url).call(),
        Method::Post(body) => agent
            .post(url)
            .content_type("application/json")
            .send(body.to_string()),
    };
    let mut response = sent.map_err(|e| WebDriverError {
        error: "no answer from chromedriver".to_string(),
        message: e.to_string(),
    })?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        // Screenshots of a tall page run to megabytes.
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .map_err(|e| WebDriverError {
            error: "unreadable answer from chromedriver".to_string(),
            message: e.to_string(),
        })?;
    let mut answer: Value = serde_json::from_str(&text).map_err(|e| WebDriverError {
        error: "answer from chromedriver is not JSON".to_string(),
        message: format!("{e}: {text}"),
    })?;
    let value = answer["value"].take();
    if status == 200 {
        Ok(value)
    } else {
        Err(WebDriverError {
            error: value["error"].as_str().unwrap_or("error").to_string(),
            message: value["message"].as_str().unwrap_or(&text).to_string(),
        })
    }
}
