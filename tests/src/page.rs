//! `tamga serve`, the border posts' verification page, as a test starts it: on a free
//! loopback port, reading from one node, stopped when dropped; and plain HTTP requests to
//! it, to check what it refuses.

use std::{
	io::{BufRead, BufReader, Read, Write},
	net::TcpStream,
	process::{Child, Command, Stdio},
	time::Duration,
};

/// A running `tamga serve`.
pub struct PageServer {
	child: Child,
	/// Its address, e.g. `127.0.0.1:41234`.
	pub address: String,
}

impl PageServer {
	/// Starts `tamga serve --url <node_url> --listen 127.0.0.1:0` and waits until it
	/// listens.
	pub fn start(node_url: &str) -> Self {
		let mut child = Command::new(crate::binary::tamga_cli())
			.args(["serve", "--url", node_url, "--listen", "127.0.0.1:0"])
			.stdin(Stdio::null())
			.stdout(Stdio::piped())
			.stderr(Stdio::inherit())
			.spawn()
			.expect("the tamga tool can be executed");
		let stdout = child.stdout.take().expect("piped");
		let mut lines = BufReader::new(stdout).lines();
		let address = loop {
			let line = lines
				.next()
				.expect("tamga serve exited before it listened")
				.expect("its output reads");
			if let Some(url) = line.split("serving the verification page at http://").nth(1) {
				break url.trim().trim_end_matches('/').to_string();
			}
		};
		std::thread::spawn(move || for _ in lines {});
		Self { child, address }
	}

	/// The page's URL with `path_and_query` (starting with `/`).
	pub fn url(&self, path_and_query: &str) -> String {
		format!("http://{}{path_and_query}", self.address)
	}

	/// Sends `method target` with no body and returns (status, head, body).
	pub fn request(&self, method: &str, target: &str) -> (u16, String, String) {
		let mut stream = TcpStream::connect(&self.address).expect("the page listens");
		stream.set_read_timeout(Some(Duration::from_secs(30))).expect("a timeout");
		let request = format!(
			"{method} {target} HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
			self.address
		);
		stream.write_all(request.as_bytes()).expect("the request is sent");
		let mut raw = Vec::new();
		stream.read_to_end(&mut raw).expect("the answer reads");
		let text = String::from_utf8_lossy(&raw).into_owned();
		let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
		let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
		(status, head.to_string(), body.to_string())
	}
}

impl Drop for PageServer {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}
