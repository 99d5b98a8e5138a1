//! What a document declares (kind, number, countries, goods, validity, quantity,
//! exporter), from the command line's flags, from a standard XML message (`--xml`), or
//! from both: a flag given beside a message overrides it, and the override is reported.
//! A fact neither gives is one error naming where the message should hold it.

use std::path::{Path, PathBuf};

use pallet_tamga_certificates::FactsOf;
use tamga_primitives::{CountryCode, HsCode};
use tamga_runtime::Runtime;

use crate::{
	kinds::{KnownType, Registry},
	support::{commitment, read_file},
	xml_in::{self, Fact, MessageFacts, Missing, Read},
};

/// What a document declares.
#[derive(Debug, Clone, clap::Args)]
pub struct Facts {
	/// A certificate message holding the facts: a UN/CEFACT SPS e-Cert (veterinary) or a
	/// UBL certificate of origin, as XML. Its exact bytes are the document (its id)
	/// unless --file names another; flags given beside it override it (each override is
	/// reported).
	#[arg(long, value_name = "FILE.xml")]
	pub xml: Option<PathBuf>,
	/// The type of document: a built-in one (ct1, eur1, formA, nonPreferential,
	/// veterinary, declaration, phyto, phytoReexport) or one the consortium added to the
	/// chain's registry (`tamga cert types` lists them).
	#[arg(long)]
	pub kind: Option<String>,
	/// The certificate number, unique per issuer.
	#[arg(long)]
	pub number: Option<String>,
	/// The exporting country (ISO 3166-1 alpha-2): the issuer's own.
	#[arg(long)]
	pub exporting: Option<CountryCode>,
	/// The importing country.
	#[arg(long)]
	pub importing: Option<CountryCode>,
	/// An HS subheading of the goods, 6 digits (chapters 01-97); repeat for several (a
	/// type may require none: see `tamga cert types`).
	#[arg(long = "hs")]
	pub hs_codes: Vec<HsCode>,
	/// First day of validity, YYYY-MM-DD (UTC); default with --xml: its issue date.
	#[arg(long)]
	pub valid_from: Option<String>,
	/// Last day of validity, YYYY-MM-DD (UTC), inclusive.
	#[arg(long)]
	pub valid_until: Option<String>,
	/// The declared quantity (a type whose uses are not bounded may declare none).
	#[arg(long, requires = "unit")]
	pub quantity: Option<u128>,
	/// Its unit (UN/ECE Recommendation 20), e.g. KGM, TNE, H87 (pieces).
	#[arg(long, requires = "quantity")]
	pub unit: Option<String>,
	/// The exporter's identifier (e.g. its TIN); only its salted commitment goes on chain.
	#[arg(long)]
	pub exporter: Option<String>,
	/// The salt of the exporter commitment, at least 16 bytes (default: 128 random bits,
	/// printed once: keep it with the document). Endorsing an application needs the
	/// application's salt.
	#[arg(long)]
	pub salt: Option<String>,
}

/// Every fact of a document, wherever it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
	/// The type of document.
	pub kind: KnownType,
	/// The certificate number.
	pub number: String,
	/// The exporting country.
	pub exporting: CountryCode,
	/// The importing country.
	pub importing: CountryCode,
	/// The goods' HS subheadings (none only for a type that requires none).
	pub hs_codes: Vec<HsCode>,
	/// First day of validity.
	pub valid_from: String,
	/// Last day of validity.
	pub valid_until: String,
	/// The declared quantity and its unit (none only for a type whose uses are not
	/// bounded).
	pub quantity: Option<(u128, String)>,
	/// The exporter's identifier.
	pub exporter: String,
}

/// Comma-separated HS codes.
fn codes(codes: &[HsCode]) -> String {
	codes.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// Chooses one fact: the flag's `given` value (reporting an override of the message's in
/// `said`), else the message's `fact`, else a problem naming where it was looked for.
fn pick<T: Clone + PartialEq>(
	flag: &str,
	given: Option<T>,
	fact: Option<&Fact<T>>,
	show: impl Fn(&T) -> String,
	said: &mut Vec<String>,
	problems: &mut Vec<String>,
) -> Option<T> {
	match (given, fact) {
		(Some(value), Some(Ok(Read { value: Ok(read), path }))) => {
			if *read != value {
				said.push(format!("{flag} {} overrides {} at {path}", show(&value), show(read)));
			}
			Some(value)
		},
		(Some(value), _) => Some(value),
		(None, Some(Ok(Read { value: Ok(read), .. }))) => Some(read.clone()),
		(None, Some(Ok(Read { value: Err(reason), path }))) => {
			problems.push(format!("{path}: {reason} (or give {flag})"));
			None
		},
		(None, Some(Err(Missing(path)))) => {
			problems.push(format!("{path} is missing (or give {flag})"));
			None
		},
		(None, None) => {
			problems.push(format!("give {flag}"));
			None
		},
	}
}

/// Like [`pick`], but unless the document's type `required` the fact, its absence
/// everywhere is no problem.
fn pick_if<T: Clone + PartialEq>(
	required: bool,
	flag: &str,
	given: Option<T>,
	fact: Option<&Fact<T>>,
	show: impl Fn(&T) -> String,
	said: &mut Vec<String>,
	problems: &mut Vec<String>,
) -> Option<T> {
	match (&given, fact) {
		(None, None | Some(Err(Missing(_)))) if !required => None,
		_ => pick(flag, given, fact, show, said, problems),
	}
}

/// The message's type as a name, so a type given by flag and one read from a message
/// are resolved alike.
fn kind_name(fact: &Fact<pallet_tamga_certificates::CertificateKind>) -> Fact<String> {
	fact.clone().map(|read| Read { path: read.path, value: read.value.map(|k| k.to_string()) })
}

impl Facts {
	/// The message's facts, if `--xml` names one.
	fn message(&self) -> Result<Option<MessageFacts>, String> {
		let Some(path) = &self.xml else { return Ok(None) };
		xml_in::read_message(&read_file(path)?)
			.map(Some)
			.map_err(|e| format!("{}: {e}", path.display()))
	}

	/// The file that is the document when no --file or --id is given: the message.
	pub fn message_file(&self) -> Option<&Path> {
		self.xml.as_deref()
	}

	/// Every fact, from the flags and the message, the type resolved in `registry`;
	/// prints what the message gave and each override. Every fact neither gives (that the
	/// type requires) is named in one error.
	pub fn declared(&self, registry: &Registry) -> Result<Declared, String> {
		let message = self.message()?;
		let m = message.as_ref();
		let mut said = Vec::new();
		let mut problems = Vec::new();
		let message_kind = m.map(|m| kind_name(&m.kind));
		let kind = pick(
			"--kind",
			self.kind.clone(),
			message_kind.as_ref(),
			Clone::clone,
			&mut said,
			&mut problems,
		)
		.and_then(|name| {
			registry.resolve(&name).map_err(|e| problems.push(format!("--kind {e}"))).ok()
		});
		// What the type requires; until it is known, what the built-in types require.
		let hs_required = kind.as_ref().is_none_or(|k| k.hs_codes_required);
		let quantity_required = kind.as_ref().is_none_or(|k| k.bounded_uses);
		let number = pick(
			"--number",
			self.number.clone(),
			m.map(|m| &m.number),
			Clone::clone,
			&mut said,
			&mut problems,
		);
		let exporting = pick(
			"--exporting",
			self.exporting,
			m.map(|m| &m.exporting),
			ToString::to_string,
			&mut said,
			&mut problems,
		);
		let importing = pick(
			"--importing",
			self.importing,
			m.map(|m| &m.importing),
			ToString::to_string,
			&mut said,
			&mut problems,
		);
		let given_codes = (!self.hs_codes.is_empty()).then(|| self.hs_codes.clone());
		let hs_codes = pick_if(
			hs_required,
			"--hs",
			given_codes,
			m.map(|m| &m.hs_codes),
			|c| codes(c),
			&mut said,
			&mut problems,
		);
		let valid_from = pick(
			"--valid-from",
			self.valid_from.clone(),
			m.map(|m| &m.issued),
			Clone::clone,
			&mut said,
			&mut problems,
		);
		// No certificate message carries a validity end: it is always given.
		let valid_until = self.valid_until.clone();
		if valid_until.is_none() {
			problems.push(match m {
				Some(_) => "give --valid-until (the message carries no validity end)".into(),
				None => "give --valid-until".into(),
			});
		}
		let given_quantity = self.quantity.zip(self.unit.clone());
		let quantity = pick_if(
			quantity_required,
			"--quantity and --unit",
			given_quantity,
			m.map(|m| &m.quantity),
			|(n, unit)| format!("{n} {unit}"),
			&mut said,
			&mut problems,
		);
		let exporter = pick(
			"--exporter",
			self.exporter.clone(),
			m.map(|m| &m.exporter),
			Clone::clone,
			&mut said,
			&mut problems,
		);
		if let (Some(message), Some(path)) = (m, &self.xml) {
			let issuer =
				message.issuer.as_deref().map(|i| format!(", issued by {i}")).unwrap_or_default();
			println!("facts read from {} ({}{issuer})", path.display(), message.standard);
			for note in &message.notes {
				println!("  note: {note}");
			}
		}
		for line in &said {
			println!("  {line}");
		}
		if !problems.is_empty() {
			let what = match &self.xml {
				Some(path) => format!("{} lacks facts Tamga needs", path.display()),
				None => "facts are missing".into(),
			};
			return Err(format!("{what}: {}; nothing was submitted", problems.join("; ")));
		}
		let missing = || "a fact is missing".to_string();
		Ok(Declared {
			kind: kind.ok_or_else(missing)?,
			number: number.ok_or_else(missing)?,
			exporting: exporting.ok_or_else(missing)?,
			importing: importing.ok_or_else(missing)?,
			hs_codes: hs_codes.unwrap_or_default(),
			valid_from: valid_from.ok_or_else(missing)?,
			valid_until: valid_until.ok_or_else(missing)?,
			quantity,
			exporter: exporter.ok_or_else(missing)?,
		})
	}

	/// The facts as the pallet takes them, the type resolved in `registry`; each field
	/// checked with a readable error. The exporter's salt is generated when none is given,
	/// unless `existing`: the facts must then match a commitment already made (an
	/// application being endorsed). A type whose uses are not bounded may declare no
	/// quantity: it goes on chain as zero, with no unit.
	pub fn to_facts(
		&self,
		existing: bool,
		registry: &Registry,
	) -> Result<FactsOf<Runtime>, String> {
		let d = self.declared(registry)?;
		let number = d
			.number
			.as_bytes()
			.to_vec()
			.try_into()
			.map_err(|_| format!("the number `{}` is longer than 64 bytes", d.number))?;
		let hs_codes =
			d.hs_codes.clone().try_into().map_err(|_| "too many HS codes".to_string())?;
		let (quantity, unit): (u128, [u8; 3]) = match &d.quantity {
			Some((quantity, unit)) => (
				*quantity,
				unit.as_bytes()
					.try_into()
					.map_err(|_| format!("the unit `{unit}` is not a 3-character code"))?,
			),
			None => (0, [0; 3]),
		};
		Ok(FactsOf::<Runtime> {
			kind: d.kind.kind,
			number,
			exporting: d.exporting,
			importing: d.importing,
			hs_codes,
			valid_from: tamga_rpc::dates::parse_iso_date(&d.valid_from)?,
			valid_until: tamga_rpc::dates::parse_iso_date(&d.valid_until)?,
			quantity,
			unit,
			// Last, so a salt is generated (and printed) only for facts that hold.
			exporter_commitment: commitment(&self.exporter_salt(existing)?, &d.exporter),
		})
	}

	/// The salt of the exporter commitment: `--salt`, or, unless `existing` (the facts
	/// must match an application's commitment), a new one.
	fn exporter_salt(&self, existing: bool) -> Result<String, String> {
		if existing {
			crate::salt::required("--salt", self.salt.as_deref(), "the application's commitment")
		} else {
			crate::salt::given_or_new("--salt", self.salt.as_deref(), "the exporter commitment")
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn with_xml(xml: &str, extra: impl FnOnce(&mut Facts)) -> Result<Declared, String> {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("message.xml");
		std::fs::write(&path, xml).unwrap();
		let mut facts = Facts {
			xml: Some(path),
			kind: None,
			number: None,
			exporting: None,
			importing: None,
			hs_codes: Vec::new(),
			valid_from: None,
			valid_until: Some("2027-01-31".into()),
			quantity: None,
			unit: None,
			exporter: None,
			salt: None,
		};
		extra(&mut facts);
		facts.declared(&Registry::offline())
	}

	const VETERINARY: &str = include_str!("xml_in/samples/sps-veterinary.xml");

	#[test]
	fn a_message_gives_the_facts_and_flags_override_them() {
		let declared = with_xml(VETERINARY, |_| {}).unwrap();
		assert_eq!(declared.kind.kind, pallet_tamga_certificates::CertificateKind::VETERINARY);
		assert_eq!(declared.number, "KZ-VET-2026-000731");
		assert_eq!(declared.valid_from, "2026-12-07");
		assert_eq!(declared.quantity, Some((24_000, "KGM".to_string())));
		let overridden = with_xml(VETERINARY, |f| {
			f.number = Some("KZ-VET-2026-000732".into());
			f.quantity = Some(23_500);
			f.unit = Some("KGM".into());
		})
		.unwrap();
		assert_eq!(overridden.number, "KZ-VET-2026-000732");
		assert_eq!(overridden.quantity.map(|q| q.0), Some(23_500));
	}

	#[test]
	fn what_neither_gives_is_named_in_one_error() {
		let broken =
			VETERINARY.replace("<ram:ID>KZ-VET-2026-000731</ram:ID>", "").replace(">CN<", ">XX<");
		let error = with_xml(&broken, |f| f.valid_until = None).unwrap_err();
		assert!(
			error.contains(
				"rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:ID is missing (or give --number)"
			),
			"{error}"
		);
		assert!(error.contains("ram:ImportSPSCountry/ram:ID: `XX`"), "{error}");
		assert!(
			error.contains("give --valid-until (the message carries no validity end)"),
			"{error}"
		);
		assert!(error.ends_with("nothing was submitted"), "{error}");
		// A flag fills what the message lacks.
		let filled = with_xml(&broken, |f| {
			f.number = Some("KZ-1".into());
			f.importing = Some("CN".parse().unwrap());
		});
		assert!(filled.is_ok(), "{filled:?}");
	}
}
