//! Message catalogues: for each language, a flat JSON object from a message's key (e.g.
//! `status.revoked`) to its text, in which `{name}` stands for a value the caller gives.
//! English (`en`) is complete by definition; a test checks every other catalogue has
//! exactly its keys and, in each message, its placeholders. A language is added by adding
//! its file to `node/cli/messages/`.

use std::{collections::BTreeMap, fmt::Display, sync::OnceLock};

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The language every message exists in, and the one used when no other is asked for.
pub const DEFAULT: &str = "en";

/// The messages of one language.
pub struct Catalogue {
	/// Its language code (ISO 639-1), e.g. `ru`.
	pub code: &'static str,
	/// The catalogue's JSON text, as the page loads it.
	pub json: &'static str,
	messages: BTreeMap<String, String>,
}

/// Every catalogue, parsed once.
fn catalogues() -> &'static [Catalogue] {
	static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
	ALL.get_or_init(|| {
		CATALOGUES
			.iter()
			.map(|(code, json)| Catalogue {
				code,
				json,
				messages: serde_json::from_str(json).unwrap_or_else(|e| {
					panic!("node/cli/messages/{code}.json is not a JSON object of strings: {e}")
				}),
			})
			.collect()
	})
}

/// The language chosen for this run of the tool (see [`Catalogue::choose_for_run`]).
static CURRENT: OnceLock<&'static Catalogue> = OnceLock::new();

impl Catalogue {
	/// Every catalogue, sorted by language code.
	pub fn all() -> &'static [Catalogue] {
		catalogues()
	}

	/// The catalogue of language `code` exactly, if there is one.
	pub fn get(code: &str) -> Option<&'static Catalogue> {
		catalogues().iter().find(|c| c.code == code)
	}

	/// The English catalogue.
	pub fn english() -> &'static Catalogue {
		Self::get(DEFAULT).expect("node/cli/messages/en.json exists")
	}

	/// The first language of `preferences` a catalogue exists for, each read as a
	/// browser's (`ru-RU`) or a locale's (`ru_RU.UTF-8`) name; English if none.
	pub fn choose<'a>(preferences: impl IntoIterator<Item = &'a str>) -> &'static Catalogue {
		preferences
			.into_iter()
			.find_map(|preference| Self::get(&language_of(preference)))
			.unwrap_or_else(Self::english)
	}

	/// Chooses the language of this run: `flag` (`--lang`), which must name a catalogue,
	/// else the locale of `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set), else English.
	pub fn choose_for_run(flag: Option<&str>) -> Result<&'static Catalogue, String> {
		let chosen = match flag {
			Some(code) => Self::get(&language_of(code)).ok_or_else(|| {
				Self::english().say(
					"error.unknownLanguage",
					&[("text", &code), ("languages", &Self::codes().join(", "))],
				)
			})?,
			None => {
				let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
					.iter()
					.find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
				Self::choose(locale.as_deref())
			},
		};
		Ok(*CURRENT.get_or_init(|| chosen))
	}

	/// The language chosen for this run (English until one is chosen).
	pub fn current() -> &'static Catalogue {
		CURRENT.get().copied().unwrap_or_else(Self::english)
	}

	/// The codes of every language.
	pub fn codes() -> Vec<&'static str> {
		catalogues().iter().map(|c| c.code).collect()
	}

	/// The language's own name, e.g. `Русский`.
	pub fn name(&self) -> String {
		self.word("language.name")
	}

	/// Message `key` with each `{name}` of `args` put in; a key this catalogue lacks is
	/// taken from English.
	pub fn say(&self, key: &str, args: &[(&str, &dyn Display)]) -> String {
		let template = self
			.messages
			.get(key)
			.or_else(|| Self::english().messages.get(key))
			.map(String::as_str)
			.unwrap_or(key);
		fill(template, args)
	}

	/// Message `key`, which takes no values.
	pub fn word(&self, key: &str) -> String {
		self.say(key, &[])
	}

	/// Whether this catalogue holds message `key`.
	pub fn has(&self, key: &str) -> bool {
		self.messages.contains_key(key)
	}

	/// Every key of this catalogue.
	#[cfg(test)]
	pub fn keys(&self) -> impl Iterator<Item = &str> {
		self.messages.keys().map(String::as_str)
	}

	/// The placeholders of message `key`, sorted.
	#[cfg(test)]
	pub fn placeholders(&self, key: &str) -> Vec<String> {
		let mut names = Vec::new();
		if let Some(template) = self.messages.get(key) {
			let mut rest = template.as_str();
			while let Some(open) = rest.find('{') {
				let Some(close) = rest[open..].find('}') else { break };
				names.push(rest[open + 1..open + close].to_string());
				rest = &rest[open + close + 1..];
			}
		}
		names.sort();
		names.dedup();
		names
	}
}

/// The language code of a browser's or a locale's language name: `ru-RU`, `ru_RU.UTF-8`
/// and `RU` are all `ru`.
fn language_of(name: &str) -> String {
	name.split(['-', '_', '.', '@']).next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// `template` with each `{name}` of `args` replaced by its value; other braces are kept.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
	let mut out = String::with_capacity(template.len() + 32);
	let mut rest = template;
	while let Some(open) = rest.find('{') {
		out.push_str(&rest[..open]);
		let after = &rest[open + 1..];
		let value = after.find('}').and_then(|close| {
			let name = &after[..close];
			args.iter().find(|(n, _)| *n == name).map(|(_, v)| (v.to_string(), close))
		});
		match value {
			Some((value, close)) => {
				out.push_str(&value);
				rest = &after[close + 1..];
			},
			None => {
				out.push('{');
				rest = after;
			},
		}
	}
	out.push_str(rest);
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_language_has_exactly_the_english_keys_and_placeholders() {
		let english = Catalogue::english();
		assert!(Catalogue::all().len() >= 2, "English and Russian at least");
		for catalogue in Catalogue::all() {
			let keys: Vec<&str> = catalogue.keys().collect();
			let english_keys: Vec<&str> = english.keys().collect();
			assert_eq!(keys, english_keys, "{} has other keys than en", catalogue.code);
			for key in english.keys() {
				assert_eq!(
					catalogue.placeholders(key),
					english.placeholders(key),
					"{}: {key} takes other values than in en",
					catalogue.code
				);
				assert!(
					!catalogue.word(key).trim().is_empty(),
					"{}: {key} is empty",
					catalogue.code
				);
			}
		}
	}

	#[test]
	fn values_are_put_in_and_unknown_braces_kept() {
		let text = fill("{a} of {b} {c}", &[("a", &1), ("b", &"two")]);
		assert_eq!(text, "1 of two {c}");
		assert_eq!(fill("no braces", &[]), "no braces");
		assert_eq!(fill("{unclosed", &[("unclosed", &1)]), "{unclosed");
		let english = Catalogue::english();
		assert_eq!(
			english.say("status.revoked", &[("reason", &"fraud")]),
			"INVALID: revoked by its issuer (fraud)"
		);
		assert_eq!(
			Catalogue::get("ru").unwrap().say("status.revoked", &[("reason", &"мошенничество")]),
			"НЕДЕЙСТВИТЕЛЕН: отозван эмитентом (мошенничество)"
		);
	}

	#[test]
	fn browsers_and_locales_name_languages_their_own_way() {
		assert_eq!(Catalogue::choose(["ru-RU", "en"]).code, "ru");
		assert_eq!(Catalogue::choose(["ru_RU.UTF-8"]).code, "ru");
		assert_eq!(Catalogue::choose(["kk-KZ", "RU"]).code, "ru");
		assert_eq!(Catalogue::choose(["kk-KZ", "zh-CN"]).code, "en");
		assert_eq!(Catalogue::choose(["C.UTF-8"]).code, "en");
		assert_eq!(Catalogue::choose([]).code, "en");
	}

	#[test]
	fn a_language_without_a_catalogue_is_refused_by_name() {
		let error = Catalogue::choose_for_run(Some("xx")).err().expect("no catalogue for xx");
		assert!(error.contains("`xx`") && error.contains("en, ru"), "{error}");
	}
}
