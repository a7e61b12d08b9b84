//! End-to-end test support: serves the built site (`dist/`) from a sub-path on 127.0.0.1,
//! starts chromedriver, and opens headless Chromium sessions that cannot reach the network.
//!
//! The site is served under `/assay/` on purpose: it must work from a sub-path (GitHub Pages
//! project sites), which only relative asset URLs allow. Every request is recorded so a test
//! can prove the page fetched nothing but the site's own files.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub const SUB_PATH: &str = "/assay/";

/// A minimal static file server over `dist/`, on its own thread, until [`Site::stop`].
pub struct Site {
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
    address: std::net::SocketAddr,
    stopped: Arc<AtomicBool>,
}

impl Site {
    pub fn start() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
        assert!(
            root.join("index.html").exists(),
            "dist/index.html is missing: build the site first (make dist), or run `make test`"
        );
        Site::start_at(&root)
    }

    /// Serves the site in `root` (a copy of `dist/` a test changes).
    pub fn start_at(root: &Path) -> Site {
        let root = root.to_path_buf();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let address = listener.local_addr().unwrap();
        let url = format!("http://{address}{SUB_PATH}");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stopped = Arc::new(AtomicBool::new(false));
        let (log, stop) = (Arc::clone(&requests), Arc::clone(&stopped));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if stop.load(Ordering::SeqCst) {
                    // Dropping the listener closes the port: the browser's next request fails
                    // as it would with the network gone.
                    return;
                }
                let root = root.clone();
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, &root, &log));
            }
        });
        Site {
            url,
            requests,
            address,
            stopped,
        }
    }

    /// Stops serving: from now on a connection to the site is refused.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accepting thread, which then closes the port.
        let _ = TcpStream::connect(self.address);
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(self.address).is_ok() {
            assert!(Instant::now() < deadline, "the site did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Paths requested so far.
    pub fn requested(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<String>>) {
    let mut first = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut first).is_err() {
        return;
    }
    // Drain the headers; the server answers GET only.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    log.lock().unwrap().push(path.clone());
    let file = resolve(root, &path);
    let response = match file.and_then(|file| std::fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => {
            let mut head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            )
            .into_bytes();
            head.extend(body);
            head
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = stream.write_all(&response);
}

fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let path = path.split(['?', '#']).next()?;
    let rest = path.strip_prefix(SUB_PATH)?;
    if rest.split('/').any(|part| part == "..") {
        return None;
    }
    let file = if rest.is_empty() {
        root.join("index.html")
    } else {
        root.join(rest)
    };
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A chromedriver process, killed when dropped with the Chromium it started.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Drop for Driver {
    /// chromedriver quits Chromium only when its session is closed, which a failing test never
    /// reaches; Chromium would outlive it. Both run in a process group of their own (see
    /// [`Driver::start`]), and the whole group is killed.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    pub fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (run scripts/setup.sh test)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

/// Flags that keep headless Chromium off the network (see README, "Privacy").
pub fn chromium_args(profile: &Path) -> Vec<String> {
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

/// A browser session with a fresh profile and its own download folder.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
    pub downloads: tempfile::TempDir,
}

impl Browser {
    pub async fn open() -> Browser {
        let driver = Driver::start();
        let profile = tempfile::tempdir().expect("a temporary profile directory");
        let downloads = tempfile::tempdir().expect("a temporary download directory");
        let mut caps = serde_json::Map::new();
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": binary,
                "args": chromium_args(profile.path()),
                "prefs": {
                    "download.default_directory": downloads.path(),
                    "download.prompt_for_download": false,
                },
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("open a Chromium session through chromedriver");
        Browser {
            client,
            _driver: driver,
            _profile: profile,
            downloads,
        }
    }

    /// A browser on the site with the sample loaded.
    pub async fn with_sample(site: &Site) -> Browser {
        Browser::with_sample_at(site, None).await
    }

    /// [`Browser::with_sample`] in a window of `(width, height)` pixels, set before the page
    /// loads (the phone layout, the screenshots).
    pub async fn with_sample_at(site: &Site, size: Option<(u32, u32)>) -> Browser {
        let browser = Browser::open().await;
        if let Some((width, height)) = size {
            browser.client.set_window_size(width, height).await.unwrap();
        }
        browser.client.goto(&site.url).await.unwrap();
        browser.click("#sample-button").await;
        browser.text_of("#document-header").await;
        browser
    }

    /// Opens the series page (`series.html`) of `site` and waits for its file input.
    pub async fn goto_series(&self, site: &Site) {
        let url = format!("{}series.html", site.url);
        self.client.goto(&url).await.unwrap();
        self.element("#files-input").await;
    }

    /// Picks `file` in the page's file input, as a user choosing it.
    pub async fn upload(&self, file: &Path) {
        let input = self.element("#file-input").await;
        input.send_keys(file.to_str().unwrap()).await.unwrap();
    }

    /// The first table row labelled `label`, once drawn.
    pub async fn row(&self, label: &str) -> fantoccini::elements::Element {
        self.xpath(&format!("//tr[th/button[normalize-space()='{label}']]"))
            .await
    }

    /// Clicks the label of `row` (from [`Browser::row`]): its source lines open.
    pub async fn show_source(&self, row: &fantoccini::elements::Element) {
        let label = row.find(Locator::Css("button.row-label")).await.unwrap();
        label.click().await.unwrap();
        self.element("#source-view").await;
    }

    /// Waits (up to 20 s, for the app to mount or update) for an element.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Waits for an element and returns its text.
    /// An element the page draws again between the find and the read goes stale: found again.
    pub async fn text_of(&self, css: &str) -> String {
        for _ in 0..4 {
            if let Ok(text) = self.element(css).await.text().await {
                return text;
            }
        }
        self.element(css).await.text().await.unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap();
    }

    /// Waits for a finished download named `name` and returns its bytes.
    pub async fn downloaded_bytes(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // Chromium writes `name.crdownload` and renames it when complete.
            if let Ok(bytes) = std::fs::read(&path) {
                return bytes;
            }
            assert!(
                Instant::now() < deadline,
                "no download {name} in {:?}",
                self.downloads.path()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for a finished text download named `name` and returns its content.
    pub async fn downloaded(&self, name: &str) -> String {
        String::from_utf8(self.downloaded_bytes(name).await).expect("a text download")
    }

    /// Waits for an element matching an XPath expression.
    pub async fn xpath(&self, expression: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(expression))
            .await
            .unwrap_or_else(|e| panic!("no element {expression}: {e}"))
    }

    /// Runs a Chrome DevTools Protocol command (through chromedriver) and returns its result.
    pub async fn devtools(
        &self,
        cmd: &'static str,
        params: serde_json::Value,
    ) -> serde_json::Value {
        self.client
            .issue_cmd(DevTools { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver's `goog/cdp/execute`: one DevTools command in the session's page.
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
