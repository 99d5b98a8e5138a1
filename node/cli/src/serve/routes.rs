//! What a request to the verification page asks for, read from its method, path and
//! query, or why it is refused: the page answers only `GET` (and `HEAD`) of its own files,
//! catalogues and four read-only questions.

use tamga_primitives::CountryCode;
use tamga_rpc_types::ProofParam;

use crate::qr::{unescape, QrPayload};

/// The longest request target (path and query) answered: a batch member's proof with 32
/// siblings fits in a quarter of it.
pub const MAX_TARGET: usize = 8 * 1024;

/// The longest certificate number a document may carry (the certificates pallet's bound).
pub const MAX_NUMBER: usize = 64;

/// The page's own files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
	/// `/`: the page.
	Page,
	/// `/page.js`: its script.
	Script,
	/// `/page.css`: its style.
	Style,
	/// `/blake2b.wasm`: the hasher the script runs.
	Hasher,
}

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
	/// One of the page's files.
	Asset(Asset),
	/// `/messages/{code}.json`: a language's catalogue.
	Messages(&'static str),
	/// `/api/about`: the chain's genesis hash and the languages.
	About,
	/// `/api/verify?id=…[&root&index&count&siblings]`: a document, or a batch member with
	/// its proof.
	Verify {
		/// The document's id.
		id: String,
		/// For a batch member, its proof.
		proof: Option<ProofParam>,
	},
	/// `/api/find?country=…&number=…[&issuer=…]`: documents by their paper's number.
	Find {
		/// The issuing country.
		country: CountryCode,
		/// The certificate number.
		number: String,
		/// Only this issuer's (SS58).
		issuer: Option<String>,
	},
	/// `/api/link?link=…`: what a QR code's link names.
	Link(QrPayload),
}

/// Why a request is not answered: an HTTP status and the catalogue message saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
	/// The HTTP status.
	pub status: u16,
	/// The catalogue key of the message.
	pub key: &'static str,
	/// The message's values.
	pub args: Vec<(&'static str, String)>,
}

impl Refusal {
	fn new(status: u16, key: &'static str, args: &[(&'static str, &str)]) -> Self {
		Self { status, key, args: args.iter().map(|(k, v)| (*k, v.to_string())).collect() }
	}

	/// 400: the question is malformed.
	pub fn bad(key: &'static str, args: &[(&'static str, &str)]) -> Self {
		Self::new(400, key, args)
	}
}

/// The request's query as (name, value) pairs, percent-decoded (`+` is a space).
pub fn query_pairs(query: &str) -> Result<Vec<(String, String)>, Refusal> {
	query
		.split('&')
		.filter(|pair| !pair.is_empty())
		.map(|pair| {
			let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
			let decode = |text: &str| {
				unescape(&text.replace('+', " ")).map_err(|reason| {
					Refusal::bad("error.notALink", &[("reason", &reason), ("text", text)])
				})
			};
			Ok((decode(name)?, decode(value)?))
		})
		.collect()
}

/// The one value of `name` in `pairs`, if given.
fn value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
	pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty())
}

/// `text` as a document id (`0x` and 64 hex digits), or a refusal naming `what`.
fn id(what: &str, text: &str) -> Result<String, Refusal> {
	tamga_rpc::hex::parse_h256(what, text)
		.map(|hash| tamga_rpc::hex::encode(hash.as_bytes()))
		.map_err(|_| Refusal::bad("error.notAnId", &[("what", what), ("text", text)]))
}

/// The batch proof in `pairs`, if `root` is given.
fn proof(pairs: &[(String, String)]) -> Result<Option<ProofParam>, Refusal> {
	let Some(root) = value(pairs, "root") else { return Ok(None) };
	let number = |name: &str| -> Result<u32, Refusal> {
		let text = value(pairs, name).unwrap_or_default();
		text.parse().map_err(|_| {
			Refusal::bad(
				"error.badProof",
				&[("reason", &format!("{name} `{text}` is not a number"))],
			)
		})
	};
	let siblings = match value(pairs, "siblings") {
		None => Vec::new(),
		Some(list) => list.split(',').map(|s| id("sibling", s)).collect::<Result<_, _>>()?,
	};
	if siblings.len() > 32 {
		return Err(Refusal::bad("error.badProof", &[("reason", "more than 32 siblings")]));
	}
	Ok(Some(ProofParam {
		root: id("root", root)?,
		index: number("index")?,
		count: number("count")?,
		siblings,
	}))
}

/// What `method` `target` (path and query) asks for.
pub fn route(method: &str, target: &str) -> Result<Route, Refusal> {
	if method != "GET" && method != "HEAD" {
		return Err(Refusal::new(405, "error.methodNotAllowed", &[("method", method)]));
	}
	if target.len() > MAX_TARGET {
		return Err(Refusal::new(414, "error.tooLong", &[("limit", &MAX_TARGET.to_string())]));
	}
	let (path, query) = target.split_once('?').unwrap_or((target, ""));
	let not_found = || Refusal::new(404, "error.notFound", &[("path", path)]);
	let asset = match path {
		"/" | "/index.html" => Some(Asset::Page),
		"/page.js" => Some(Asset::Script),
		"/page.css" => Some(Asset::Style),
		"/blake2b.wasm" => Some(Asset::Hasher),
		_ => None,
	};
	if let Some(asset) = asset {
		return Ok(Route::Asset(asset));
	}
	if let Some(file) = path.strip_prefix("/messages/") {
		let code = file.strip_suffix(".json").ok_or_else(not_found)?;
		let catalogue = crate::speech::Catalogue::get(code).ok_or_else(not_found)?;
		return Ok(Route::Messages(catalogue.code));
	}
	let pairs = query_pairs(query)?;
	let required = |name: &'static str| {
		value(&pairs, name).ok_or_else(|| Refusal::bad("error.missing", &[("what", name)]))
	};
	match path {
		"/api/about" => Ok(Route::About),
		"/api/verify" => {
			Ok(Route::Verify { id: id("id", required("id")?)?, proof: proof(&pairs)? })
		},
		"/api/find" => {
			let text = required("country")?;
			let country = text
				.trim()
				.to_ascii_uppercase()
				.parse()
				.map_err(|_| Refusal::bad("error.badCountry", &[("text", text)]))?;
			let number = required("number")?.trim().to_string();
			if number.len() > MAX_NUMBER {
				let limit = MAX_NUMBER.to_string();
				return Err(Refusal::bad("error.numberTooLong", &[("limit", &limit)]));
			}
			Ok(Route::Find { country, number, issuer: value(&pairs, "issuer").map(str::to_string) })
		},
		"/api/link" => {
			let link = required("link")?.trim();
			link.parse::<QrPayload>().map(Route::Link).map_err(|reason| {
				Refusal::bad("error.notALink", &[("reason", &reason), ("text", link)])
			})
		},
		_ => Err(not_found()),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const ID: &str = "0xabababababababababababababababababababababababababababababababab";

	#[test]
	fn the_page_and_its_questions_are_answered() {
		assert_eq!(route("GET", "/"), Ok(Route::Asset(Asset::Page)));
		assert_eq!(route("HEAD", "/blake2b.wasm"), Ok(Route::Asset(Asset::Hasher)));
		assert_eq!(route("GET", "/messages/ru.json"), Ok(Route::Messages("ru")));
		assert_eq!(
			route("GET", &format!("/api/verify?id={ID}&lang=ru")),
			Ok(Route::Verify { id: ID.into(), proof: None })
		);
		let Ok(Route::Find { country, number, issuer }) =
			route("GET", "/api/find?country=kz&number=KZ%2F2026+0001")
		else {
			panic!("a look-up by number")
		};
		assert_eq!(
			(country.to_string(), number.as_str(), issuer),
			("KZ".into(), "KZ/2026 0001", None)
		);
		let member = format!("/api/verify?id={ID}&root={ID}&index=3&count=9&siblings={ID},{ID}");
		let Ok(Route::Verify { proof: Some(proof), .. }) = route("GET", &member) else {
			panic!("a batch member")
		};
		assert_eq!((proof.index, proof.count, proof.siblings.len()), (3, 9, 2));
		let link = format!("tamga:verify?chain={ID}&id={ID}&country=KZ&number=KZ-1");
		let encoded: String =
			link.replace(':', "%3A").replace('?', "%3F").replace('&', "%26").replace('=', "%3D");
		assert!(matches!(route("GET", &format!("/api/link?link={encoded}")), Ok(Route::Link(_))));
	}

	#[test]
	fn writes_unknown_paths_and_malformed_questions_are_refused() {
		for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT"] {
			let refusal = route(method, "/api/verify").unwrap_err();
			assert_eq!((refusal.status, refusal.key), (405, "error.methodNotAllowed"), "{method}");
		}
		for path in [
			"/etc/passwd",
			"/../Cargo.toml",
			"/messages/xx.json",
			"/messages/../en.json",
			"/api/submit",
			"/page.js/",
		] {
			assert_eq!(route("GET", path).unwrap_err().status, 404, "{path}");
		}
		let long = format!("/api/verify?id={}", "a".repeat(MAX_TARGET));
		assert_eq!(route("GET", &long).unwrap_err().status, 414);
		let refusals = [
			("/api/verify", "error.missing"),
			("/api/verify?id=0x12", "error.notAnId"),
			("/api/verify?id=%ZZ", "error.notALink"),
			(&*format!("/api/verify?id={ID}&root={ID}&index=x&count=1"), "error.badProof"),
			("/api/find?country=XX&number=1", "error.badCountry"),
			("/api/find?country=KZ", "error.missing"),
			(&*format!("/api/find?country=KZ&number={}", "9".repeat(65)), "error.numberTooLong"),
			("/api/link?link=https://example.org/", "error.notALink"),
		];
		for (target, key) in refusals {
			let refusal = route("GET", target).unwrap_err();
			assert_eq!((refusal.status, refusal.key), (400, key), "{target}");
		}
	}
}
