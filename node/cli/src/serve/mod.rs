//! `tamga serve`: the verification page an administration runs for its border posts. An
//! officer drops a document's file (hashed in the browser; the file is never sent), pastes
//! a QR code's link or types a paper's country and number, and reads the three checks,
//! the remaining quantity and the history, in Russian, English or any language with a
//! catalogue. The server answers only `GET`s and asks the node only read methods
//! ([`reader::READ_METHODS`]); it needs no login because it can change nothing.
//!
//! - [`routes`]: what a request asks for, or why it is refused.
//! - [`reader`]: the read-only node client.
//! - [`answer`]: the answers, said in the asker's language.
//! - [`assets`]: the page's files, built into the binary.

pub mod answer;
pub mod assets;
pub mod reader;
pub mod routes;

use std::{convert::Infallible, net::SocketAddr, sync::Arc, time::Duration};

use bytes::Bytes;
use http_body_util::Full;
use hyper::{body::Incoming, header, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::json;

use crate::{speech::Catalogue, support::Verdict};
use reader::{NodeReader, ReadError};
use routes::{Asset, Refusal, Route};

/// Serve the verification page for border posts.
#[derive(Debug, clap::Args)]
#[command(after_help = "The page only reads: it answers GET requests for its own files and \
	four questions (a document by id or by batch proof, by country and number, by QR link), \
	asking the node nothing but read methods. Put it behind the administration's TLS proxy \
	for posts outside this machine.")]
pub struct ServeCmd {
	/// The node to read from (its JSON-RPC, e.g. a verifier node of this administration).
	#[arg(long, env = "TAMGA_URL", default_value = "http://127.0.0.1:9944")]
	pub url: String,
	/// Where to listen, `ADDRESS:PORT` (port 0: any free port, printed at start).
	#[arg(long, default_value = "127.0.0.1:8080")]
	pub listen: SocketAddr,
	/// How many connections are served at once; more wait.
	#[arg(long, default_value_t = 256)]
	pub max_connections: usize,
}

/// How long a client may take to send its request's head.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head read (the target is further limited to
/// [`routes::MAX_TARGET`]).
const MAX_HEAD_BYTES: usize = 16 * 1024;

impl ServeCmd {
	/// Serves the page until the process is stopped.
	pub fn run(&self) -> Result<Verdict, String> {
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| format!("cannot start the I/O runtime: {e}"))?;
		runtime.block_on(self.serve())
	}

	async fn serve(&self) -> Result<Verdict, String> {
		let node = Arc::new(NodeReader::new(&self.url)?);
		let listener = tokio::net::TcpListener::bind(self.listen)
			.await
			.map_err(|e| format!("cannot listen on {}: {e}", self.listen))?;
		let address = listener.local_addr().map_err(|e| e.to_string())?;
		match node.genesis().await {
			Ok(chain) => println!("verifying on chain {chain} through {}", self.url),
			Err(error) => eprintln!(
				"warning: the node at {} does not answer yet ({error:?}); the page will ask \
				 again on each question",
				self.url
			),
		}
		println!("serving the verification page at http://{address}/");
		let permits = Arc::new(tokio::sync::Semaphore::new(self.max_connections.max(1)));
		loop {
			let permit = permits.clone().acquire_owned().await.map_err(|e| e.to_string())?;
			let (stream, _) = match listener.accept().await {
				Ok(accepted) => accepted,
				Err(error) => {
					eprintln!("warning: accepting a connection failed: {error}");
					continue;
				},
			};
			let node = node.clone();
			tokio::spawn(async move {
				let service = hyper::service::service_fn(move |request| {
					let node = node.clone();
					async move { Ok::<_, Infallible>(respond(&node, request).await) }
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
	}
}

/// The language a request asks for: its `lang` query value, else its `Accept-Language`.
fn language(request: &Request<Incoming>) -> &'static Catalogue {
	let query = request.uri().query().unwrap_or_default();
	let asked = routes::query_pairs(query)
		.ok()
		.and_then(|pairs| pairs.into_iter().find(|(n, _)| n == "lang").map(|(_, v)| v));
	let accepted = request
		.headers()
		.get(header::ACCEPT_LANGUAGE)
		.and_then(|v| v.to_str().ok())
		.unwrap_or_default()
		.split(',')
		.map(|part| part.split(';').next().unwrap_or_default().trim().to_string())
		.collect::<Vec<_>>();
	Catalogue::choose(asked.iter().map(String::as_str).chain(accepted.iter().map(String::as_str)))
}

/// The answer to `request`.
async fn respond(node: &NodeReader, request: Request<Incoming>) -> Response<Full<Bytes>> {
	let c = language(&request);
	let target = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
	let route = match routes::route(request.method().as_str(), target) {
		Ok(route) => route,
		Err(refusal) => return refuse(&refusal, c),
	};
	let answer = match &route {
		Route::Asset(asset) => return asset_response(*asset),
		Route::Messages(code) => {
			let catalogue = Catalogue::get(code).expect("routes name only existing catalogues");
			return response(StatusCode::OK, "application/json; charset=utf-8", catalogue.json);
		},
		Route::About => answer::about(node).await,
		Route::Verify { id, proof } => {
			answer::verify(node, id, proof.as_ref(), c).await.map(|a| json!(a))
		},
		Route::Find { country, number, issuer } => {
			answer::find(node, &country.to_string(), number, issuer.as_deref(), c)
				.await
				.map(|a| json!(a))
		},
		Route::Link(payload) => answer::link(node, payload, c).await.map(|a| json!(a)),
	};
	match answer {
		Ok(body) => response(StatusCode::OK, "application/json; charset=utf-8", body.to_string()),
		Err(error) => node_failure(node, &error, c),
	}
}

/// A refusal as a JSON error with its status.
fn refuse(refusal: &Refusal, c: &Catalogue) -> Response<Full<Bytes>> {
	let args: Vec<(&str, &dyn std::fmt::Display)> =
		refusal.args.iter().map(|(k, v)| (*k, v as &dyn std::fmt::Display)).collect();
	let message = c.say(refusal.key, &args);
	let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST);
	let mut response = response(
		status,
		"application/json; charset=utf-8",
		json!({ "error": { "code": refusal.key, "message": message } }).to_string(),
	);
	if status == StatusCode::METHOD_NOT_ALLOWED {
		response.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
	}
	response
}

/// The node gave no answer: 502, saying why in the asker's language.
fn node_failure(node: &NodeReader, error: &ReadError, c: &Catalogue) -> Response<Full<Bytes>> {
	let message = match error {
		ReadError::Node { method, code, message } => {
			c.say("error.node", &[("method", method), ("reason", &format!("{message} ({code})"))])
		},
		ReadError::Unreachable(reason) => {
			c.say("error.unreachable", &[("url", &node.url), ("reason", reason)])
		},
		ReadError::NotARead(method) => c.say("error.methodNotAllowed", &[("method", method)]),
	};
	response(
		StatusCode::BAD_GATEWAY,
		"application/json; charset=utf-8",
		json!({ "error": { "code": "error.node", "message": message } }).to_string(),
	)
}

/// One of the page's files.
fn asset_response(asset: Asset) -> Response<Full<Bytes>> {
	let (content_type, body): (&str, Bytes) = match asset {
		Asset::Page => ("text/html; charset=utf-8", Bytes::from_static(assets::PAGE.as_bytes())),
		Asset::Script => {
			("text/javascript; charset=utf-8", Bytes::from_static(assets::SCRIPT.as_bytes()))
		},
		Asset::Style => ("text/css; charset=utf-8", Bytes::from_static(assets::STYLE.as_bytes())),
		Asset::Hasher => ("application/wasm", Bytes::from_static(assets::HASHER)),
	};
	response(StatusCode::OK, content_type, body)
}

/// A response with the page's security headers: only its own scripts run (and its Wasm
/// hasher), nothing is framed, no referrer leaves, nothing is cached but the files.
fn response(
	status: StatusCode,
	content_type: &str,
	body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(body.into()));
	*response.status_mut() = status;
	let headers = response.headers_mut();
	let set = |headers: &mut hyper::HeaderMap, name, value: &str| {
		headers.insert(name, header::HeaderValue::from_str(value).expect("a valid header"));
	};
	set(headers, header::CONTENT_TYPE, content_type);
	set(
		headers,
		header::CONTENT_SECURITY_POLICY,
		"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
		 connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; \
		 base-uri 'none'",
	);
	set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
	set(headers, header::REFERRER_POLICY, "no-referrer");
	set(headers, header::X_FRAME_OPTIONS, "DENY");
	set(headers, header::CACHE_CONTROL, "no-store");
	response
}
