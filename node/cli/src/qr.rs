//! QR codes printed on paper certificates: what they carry (a verification link naming
//! the chain, the document's id, its country and number, and for a batch member its
//! proof), how they are drawn (SVG and PNG) and read back from a scan (PNG).
//!
//! The link is `tamga:verify?<query>`, or `<base>?<query>` when an administration gives
//! the address of its verification page, so a phone opens the page directly. The query
//! holds `chain` (genesis hash), `id`, `country`, `number` and, for a batch member, `root`,
//! `index`, `count` and `siblings` (comma-separated): everything to verify the paper
//! offline of any other file.

use std::{fmt, io::Cursor, str::FromStr};

use qrcodegen::{QrCode, QrCodeEcc};
use sp_core::H256;
use tamga_primitives::CountryCode;
use tamga_rpc_types::ProofParam;

/// What a document's QR code carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPayload {
	/// The page that opens it (`https://…/verify`), or `None` for a `tamga:verify` link.
	pub base: Option<String>,
	/// The chain's genesis hash: a code of another chain is refused.
	pub chain: H256,
	/// The document's id (blake2-256 of its file).
	pub id: H256,
	/// Its issuing country, if known where the code was drawn.
	pub country: Option<CountryCode>,
	/// Its certificate number (none for a batch member: its number is not on chain).
	pub number: Option<String>,
	/// For a batch member: its proof.
	pub proof: Option<ProofParam>,
}

impl fmt::Display for QrPayload {
	/// The link, e.g. `tamga:verify?chain=0x…&id=0x…&country=KZ&number=KZ-2026-0001`.
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		match &self.base {
			Some(base) => f.write_str(base)?,
			None => f.write_str(SCHEME)?,
		}
		write!(f, "?chain={}&id={}", hex(self.chain), hex(self.id))?;
		if let Some(country) = self.country {
			write!(f, "&country={country}")?;
		}
		if let Some(number) = &self.number {
			write!(f, "&number={}", escape(number))?;
		}
		if let Some(proof) = &self.proof {
			write!(
				f,
				"&root={}&index={}&count={}&siblings={}",
				proof.root,
				proof.index,
				proof.count,
				proof.siblings.join(",")
			)?;
		}
		Ok(())
	}
}

/// The link of a code with no page address.
const SCHEME: &str = "tamga:verify";

fn hex(hash: H256) -> String {
	tamga_rpc::hex::encode(hash.as_bytes())
}

/// `text` with every byte but ASCII letters, digits and `-._~/` percent-encoded.
fn escape(text: &str) -> String {
	text.bytes()
		.map(|b| match b {
			b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
				(b as char).to_string()
			},
			_ => format!("%{b:02X}"),
		})
		.collect()
}

/// `text` with its percent-escapes decoded, if they are well-formed UTF-8.
pub fn unescape(text: &str) -> Result<String, String> {
	let bytes = text.as_bytes();
	let mut out = Vec::with_capacity(bytes.len());
	let mut i = 0;
	while i < bytes.len() {
		if bytes[i] == b'%' {
			let pair = text.get(i + 1..i + 3).ok_or("a cut-off %-escape")?;
			out.push(u8::from_str_radix(pair, 16).map_err(|_| format!("bad %-escape %{pair}"))?);
			i += 3;
		} else {
			out.push(bytes[i]);
			i += 1;
		}
	}
	String::from_utf8(out).map_err(|_| "an escape that is not UTF-8".to_string())
}

impl FromStr for QrPayload {
	type Err = String;

	/// Reads a link as [`fmt::Display`] writes it.
	fn from_str(link: &str) -> Result<Self, String> {
		let (base, query) =
			link.split_once('?').ok_or("not a Tamga verification link (no query)")?;
		let base = (base != SCHEME).then(|| base.to_string());
		let mut fields = std::collections::HashMap::new();
		for pair in query.split('&') {
			let (key, value) = pair.split_once('=').ok_or_else(|| format!("`{pair}` has no ="))?;
			if fields.insert(key, value).is_some() {
				return Err(format!("`{key}` is given twice"));
			}
		}
		let field = |key: &str| fields.get(key).copied().ok_or(format!("no `{key}` in the link"));
		let hash =
			|key: &str| -> Result<H256, String> { tamga_rpc::hex::parse_h256(key, field(key)?) };
		let proof = match fields.get("root") {
			None => None,
			Some(root) => Some(ProofParam {
				root: tamga_rpc::hex::parse_h256("root", root).map(hex)?,
				index: field("index")?.parse().map_err(|e| format!("index: {e}"))?,
				count: field("count")?.parse().map_err(|e| format!("count: {e}"))?,
				siblings: match field("siblings")? {
					"" => Vec::new(),
					list => list
						.split(',')
						.map(|s| tamga_rpc::hex::parse_h256("siblings", s).map(hex))
						.collect::<Result<_, _>>()?,
				},
			}),
		};
		Ok(Self {
			base,
			chain: hash("chain")?,
			id: hash("id")?,
			country: fields
				.get("country")
				.map(|c| c.parse().map_err(|e| format!("country {e}")))
				.transpose()?,
			number: fields.get("number").map(|n| unescape(n)).transpose()?,
			proof,
		})
	}
}

impl QrPayload {
	/// Whether `document` is the one this code was drawn for: its number and country,
	/// where the code names them, are the anchored document's (a code copied onto another
	/// paper still names the document it was printed for).
	pub fn fits(&self, document: &tamga_rpc_types::AnchoredDocument) -> bool {
		self.number.as_ref().is_none_or(|number| *number == document.number)
			&& self.country.is_none_or(|country| country.to_string() == document.exporting)
	}

	/// The QR code of the link (error correction level M: a smudged print still reads).
	pub fn code(&self) -> Result<QrCode, String> {
		QrCode::encode_text(&self.to_string(), QrCodeEcc::Medium)
			.map_err(|_| "the link is too long for a QR code".to_string())
	}
}

/// Modules of quiet zone around a code (the standard asks for 4).
const BORDER: i32 = 4;

/// `code` as an SVG image, one unit per module.
pub fn svg(code: &QrCode) -> String {
	let size = code.size() + 2 * BORDER;
	let mut path = String::new();
	for y in 0..code.size() {
		for x in 0..code.size() {
			if code.get_module(x, y) {
				path.push_str(&format!("M{},{}h1v1h-1z", x + BORDER, y + BORDER));
			}
		}
	}
	format!(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
		 version=\"1.1\" viewBox=\"0 0 {size} {size}\" stroke=\"none\">\n<rect width=\"100%\" \
		 height=\"100%\" fill=\"#FFFFFF\"/>\n<path d=\"{path}\" fill=\"#000000\"/>\n</svg>\n"
	)
}

/// `code` as a greyscale PNG, `scale` pixels per module.
pub fn png(code: &QrCode, scale: u32) -> Result<Vec<u8>, String> {
	let modules = (code.size() + 2 * BORDER) as u32;
	let side = modules * scale;
	let mut pixels = vec![255u8; (side * side) as usize];
	for y in 0..side {
		for x in 0..side {
			let (mx, my) = ((x / scale) as i32 - BORDER, (y / scale) as i32 - BORDER);
			if code.get_module(mx, my) {
				pixels[(y * side + x) as usize] = 0;
			}
		}
	}
	let mut out = Vec::new();
	let mut encoder = png::Encoder::new(&mut out, side, side);
	encoder.set_color(png::ColorType::Grayscale);
	encoder.set_depth(png::BitDepth::Eight);
	let mut writer = encoder.write_header().map_err(|e| format!("PNG: {e}"))?;
	writer.write_image_data(&pixels).map_err(|e| format!("PNG: {e}"))?;
	writer.finish().map_err(|e| format!("PNG: {e}"))?;
	Ok(out)
}

/// The text of the QR code in the PNG image `bytes` (a scan or photo of the paper, or the
/// file `register --qr` wrote).
pub fn read_png(bytes: &[u8]) -> Result<String, String> {
	let mut decoder = png::Decoder::new(Cursor::new(bytes));
	decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
	let mut reader = decoder.read_info().map_err(|e| format!("not a PNG image: {e}"))?;
	let mut buffer = vec![0; reader.output_buffer_size().ok_or("the PNG image is too large")?];
	let frame = reader.next_frame(&mut buffer).map_err(|e| format!("PNG: {e}"))?;
	let channels = match frame.color_type {
		png::ColorType::Grayscale => 1,
		png::ColorType::GrayscaleAlpha => 2,
		png::ColorType::Rgb => 3,
		png::ColorType::Rgba => 4,
		png::ColorType::Indexed => return Err("PNG: an indexed image was not expanded".into()),
	};
	let (width, height) = (frame.width as usize, frame.height as usize);
	let luma = |x: usize, y: usize| -> u8 {
		let at = y * frame.line_size + x * channels;
		match channels {
			1 | 2 => buffer[at],
			_ => {
				let (r, g, b) =
					(u32::from(buffer[at]), u32::from(buffer[at + 1]), u32::from(buffer[at + 2]));
				((r * 299 + g * 587 + b * 114) / 1000) as u8
			},
		}
	};
	let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
	let grids = image.detect_grids();
	let grid = grids.first().ok_or("no QR code found in the image")?;
	let (_, text) = grid.decode().map_err(|e| format!("the QR code does not read: {e}"))?;
	Ok(text)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn payload(proof: Option<ProofParam>) -> QrPayload {
		QrPayload {
			base: None,
			chain: H256::repeat_byte(0x11),
			id: H256::repeat_byte(0x22),
			country: Some("KZ".parse().unwrap()),
			number: Some("KZ/2026 №7".into()),
			proof,
		}
	}

	fn proof() -> ProofParam {
		ProofParam {
			root: hex(H256::repeat_byte(0x33)),
			index: 5,
			count: 10_000,
			siblings: (0..14).map(|i| hex(H256::repeat_byte(i))).collect(),
		}
	}

	#[test]
	fn links_read_back_as_written() {
		let member = QrPayload { country: None, number: None, ..payload(Some(proof())) };
		let paged =
			QrPayload { base: Some("https://verify.customs.kz/verify".into()), ..payload(None) };
		for p in [payload(None), payload(Some(proof())), member, paged] {
			let link = p.to_string();
			assert_eq!(link.parse::<QrPayload>(), Ok(p.clone()), "{link}");
		}
		let link = payload(None).to_string();
		assert!(link.starts_with("tamga:verify?chain=0x1111"), "{link}");
		assert!(link.contains("&number=KZ/2026%20%E2%84%967"), "{link}");
	}

	#[test]
	fn broken_links_are_refused_with_a_reason() {
		let good = payload(None).to_string();
		for (bad, why) in [
			("https://example.org/", "no query"),
			(&good.replace("&id=", "&di="), "no `id`"),
			(&good.replace("country=KZ", "country=XX"), "country"),
			(&format!("{good}&id=0x00"), "twice"),
			(&good.replace("%E2", "%G2"), "%-escape"),
		] {
			let error = bad.parse::<QrPayload>().unwrap_err();
			assert!(error.contains(why), "{bad}: {error}");
		}
	}

	#[test]
	fn a_printed_code_scans_back_to_its_link() {
		for p in [payload(None), payload(Some(proof()))] {
			let code = p.code().unwrap();
			let image = png(&code, 4).unwrap();
			let text = read_png(&image).unwrap();
			assert_eq!(text.parse::<QrPayload>(), Ok(p));
			let drawing = svg(&code);
			assert!(drawing.starts_with("<?xml") && drawing.contains("<path d=\"M"));
		}
	}

	#[test]
	fn an_image_without_a_code_says_so() {
		let mut blank = Vec::new();
		let mut encoder = png::Encoder::new(&mut blank, 64, 64);
		encoder.set_color(png::ColorType::Grayscale);
		encoder.set_depth(png::BitDepth::Eight);
		let mut writer = encoder.write_header().unwrap();
		writer.write_image_data(&[255; 64 * 64]).unwrap();
		writer.finish().unwrap();
		assert!(read_png(&blank).unwrap_err().contains("no QR code"));
		assert!(read_png(b"not a png").unwrap_err().contains("not a PNG"));
	}
}
