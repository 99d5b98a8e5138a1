//! A real headless Chromium (Debian's `chromium`, installed by `scripts/setup.sh`) driven
//! over the DevTools protocol, for tests of the verification page: open a page, choose
//! files in a file input as an officer would, run script in the page, take screenshots.

use std::{
	io::{BufRead, BufReader},
	net::TcpStream,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::Duration,
};

use base64::Engine as _;
use serde_json::{json, Value};
use tungstenite::{stream::MaybeTlsStream, Message, WebSocket};

/// How long a page may take to answer a question.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(30);

/// The browser executable: `$TAMGA_CHROMIUM`, else `chromium` on the `PATH`.
pub fn chromium_path() -> PathBuf {
	std::env::var_os("TAMGA_CHROMIUM").map(PathBuf::from).unwrap_or_else(|| "chromium".into())
}

/// A headless Chromium with one tab, closed when dropped.
pub struct Browser {
	child: Child,
	socket: WebSocket<MaybeTlsStream<TcpStream>>,
	session: String,
	next_id: u64,
	_profile: tempfile::TempDir,
}

impl Browser {
	/// Starts Chromium with a fresh profile and a 1000×1000 window whose languages are
	/// `languages` (e.g. `ru-RU,ru`), and opens a blank tab.
	pub fn start(languages: &str) -> Self {
		let profile = tempfile::tempdir().expect("a temporary profile folder");
		let mut child = Command::new(chromium_path())
			.args([
				"--headless=new",
				"--no-sandbox",
				"--disable-gpu",
				"--disable-dev-shm-usage",
				"--no-first-run",
				"--hide-scrollbars",
				"--window-size=1000,1000",
				"--remote-debugging-port=0",
				&format!("--lang={}", languages.split(',').next().unwrap_or("en")),
				&format!("--accept-lang={languages}"),
				&format!("--user-data-dir={}", profile.path().display()),
				"about:blank",
			])
			.stdin(Stdio::null())
			.stdout(Stdio::null())
			.stderr(Stdio::piped())
			.spawn()
			.unwrap_or_else(|e| {
				panic!(
					"cannot start {} ({e}): install it with scripts/setup.sh",
					chromium_path().display()
				)
			});
		// Chromium says where its DevTools endpoint listens on standard error.
		let stderr = child.stderr.take().expect("piped");
		let mut lines = BufReader::new(stderr).lines();
		let endpoint = loop {
			let line = lines
				.next()
				.expect("Chromium exited before its DevTools endpoint listened")
				.expect("Chromium's standard error reads");
			if let Some(url) = line.split("DevTools listening on ").nth(1) {
				break url.trim().to_string();
			}
		};
		// Keep draining standard error so Chromium never blocks on a full pipe.
		std::thread::spawn(move || for _ in lines {});
		let (socket, _) = tungstenite::connect(&endpoint).expect("DevTools accepts a connection");
		let mut browser =
			Self { child, socket, session: String::new(), next_id: 0, _profile: profile };
		let target = browser.command("Target.createTarget", json!({ "url": "about:blank" }));
		let attached = browser.command(
			"Target.attachToTarget",
			json!({ "targetId": target["targetId"], "flatten": true }),
		);
		browser.session = attached["sessionId"].as_str().expect("a session id").to_string();
		browser.call("Page.enable", json!({}));
		browser.call("Runtime.enable", json!({}));
		browser
	}

	/// Sends DevTools command `method` to the browser (no session) or to the tab.
	fn send(&mut self, method: &str, params: Value, session: Option<String>) -> Value {
		self.next_id += 1;
		let id = self.next_id;
		let mut message = json!({ "id": id, "method": method, "params": params });
		if let Some(session) = session {
			message["sessionId"] = json!(session);
		}
		self.socket.send(Message::text(message.to_string())).expect("DevTools takes a command");
		loop {
			let reply = self.socket.read().expect("DevTools answers");
			let Message::Text(text) = reply else { continue };
			let value: Value = serde_json::from_str(text.as_str()).expect("DevTools speaks JSON");
			if value["id"] == json!(id) {
				if let Some(error) = value.get("error") {
					panic!("DevTools refused {method}: {error}");
				}
				return value["result"].clone();
			}
		}
	}

	/// A browser-level command.
	fn command(&mut self, method: &str, params: Value) -> Value {
		self.send(method, params, None)
	}

	/// A command to the tab.
	pub fn call(&mut self, method: &str, params: Value) -> Value {
		let session = self.session.clone();
		self.send(method, params, Some(session))
	}

	/// Opens `url` in the tab and waits until the page says it is ready
	/// (`document.body.dataset.ready`).
	pub fn open(&mut self, url: &str) {
		self.call("Page.navigate", json!({ "url": url }));
		self.wait_for("document.readyState === 'complete' && document.body && document.body.dataset.ready === 'true'", PAGE_TIMEOUT)
			.unwrap_or_else(|e| panic!("{url} did not get ready: {e}"));
	}

	/// The value of JavaScript `expression` in the page (awaited if a promise).
	pub fn eval(&mut self, expression: &str) -> Value {
		let result = self.call(
			"Runtime.evaluate",
			json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
		);
		if let Some(exception) = result.get("exceptionDetails") {
			panic!("the page threw on `{expression}`: {exception}");
		}
		result["result"]["value"].clone()
	}

	/// Waits until JavaScript `condition` is true in the page.
	pub fn wait_for(&mut self, condition: &str, timeout: Duration) -> Result<(), String> {
		let deadline = std::time::Instant::now() + timeout;
		loop {
			let result = self.call(
				"Runtime.evaluate",
				json!({ "expression": format!("Boolean({condition})"), "returnByValue": true }),
			);
			if result["result"]["value"] == json!(true) {
				return Ok(());
			}
			if std::time::Instant::now() >= deadline {
				return Err(format!("`{condition}` did not hold within {timeout:?}"));
			}
			std::thread::sleep(Duration::from_millis(25));
		}
	}

	/// Chooses `files` in the file input `#id`, as an officer picking them (the page gets
	/// its `change` event).
	pub fn choose_files(&mut self, id: &str, files: &[&Path]) {
		let input = self.call(
			"Runtime.evaluate",
			json!({ "expression": format!("document.getElementById('{id}')") }),
		);
		let object = input["result"]["objectId"].clone();
		let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
		self.call("DOM.setFileInputFiles", json!({ "files": files, "objectId": object }));
	}

	/// Writes a PNG screenshot of the whole page (beyond the window, too) to `path`.
	pub fn screenshot(&mut self, path: &Path) {
		let metrics = self.call("Page.getLayoutMetrics", json!({}));
		let size = &metrics["cssContentSize"];
		let clip = json!({
			"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1,
		});
		let shot = self.call(
			"Page.captureScreenshot",
			json!({ "format": "png", "captureBeyondViewport": true, "clip": clip }),
		);
		let png = base64::engine::general_purpose::STANDARD
			.decode(shot["data"].as_str().expect("base64 image"))
			.expect("a screenshot decodes");
		if let Some(parent) = path.parent() {
			std::fs::create_dir_all(parent).expect("the artefacts folder can be created");
		}
		std::fs::write(path, png).expect("the screenshot can be written");
	}
}

impl Drop for Browser {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Where tests keep what a person should be able to look at afterwards (screenshots):
/// `$TAMGA_ARTEFACTS`, else `artefacts/` in the workspace (ignored by git).
pub fn artefacts_dir() -> PathBuf {
	std::env::var_os("TAMGA_ARTEFACTS")
		.map(PathBuf::from)
		.unwrap_or_else(|| crate::binary::workspace_root().join("artefacts"))
}
