//! How flags read the shared vocabulary of `tamga-primitives`: a value of a closed list
//! ([`Named`]) by its canonical name, listed in `--help` and in the error for a wrong one.
//! Countries and HS codes need no parser of their own: clap reads them with their
//! `FromStr`.

use std::{ffi::OsStr, marker::PhantomData};

use clap::{
	builder::{PossibleValue, TypedValueParser},
	error::ErrorKind,
};
use tamga_primitives::Named;

/// Reads a flag's value as a `T` by its canonical name (ignoring case, `-` and `_`), and
/// tells `--help` the names.
pub fn named<T: Named + Clone + Send + Sync>() -> NamedParser<T> {
	NamedParser(PhantomData)
}

/// The parser [`named`] makes.
#[derive(Clone, Copy)]
pub struct NamedParser<T>(PhantomData<T>);

impl<T: Named + Clone + Send + Sync> TypedValueParser for NamedParser<T> {
	type Value = T;

	fn parse_ref(
		&self,
		cmd: &clap::Command,
		arg: Option<&clap::Arg>,
		value: &OsStr,
	) -> Result<T, clap::Error> {
		let text = value.to_string_lossy();
		T::from_name(&text).ok_or_else(|| {
			let flag = arg.map(|a| a.to_string()).unwrap_or_else(|| "the value".to_string());
			let known: Vec<_> = T::names().collect();
			clap::Error::raw(
				ErrorKind::InvalidValue,
				format!("`{text}` for {flag} is not a {}; one of: {}\n", T::WHAT, known.join(", ")),
			)
			.with_cmd(cmd)
		})
	}

	fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
		Some(Box::new(T::names().map(PossibleValue::new)))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::Parser;
	use tamga_primitives::{DocumentKind, Role};

	#[derive(Parser, Debug)]
	struct Flags {
		#[arg(long, value_parser = named::<Role>())]
		role: Role,
		#[arg(long, value_parser = named::<DocumentKind>(), value_delimiter = ',')]
		kinds: Vec<DocumentKind>,
	}

	#[test]
	fn names_are_read_as_typed_or_as_flags_are_usually_written() {
		let flags = Flags::try_parse_from([
			"t",
			"--role",
			"approved-exporter",
			"--kinds",
			"origin,ataGuarantee,ata-guarantee",
		])
		.unwrap();
		assert_eq!(flags.role, Role::ApprovedExporter);
		assert_eq!(
			flags.kinds,
			[DocumentKind::Origin, DocumentKind::AtaGuarantee, DocumentKind::AtaGuarantee]
		);
	}

	#[test]
	fn a_wrong_name_is_refused_with_the_list() {
		let error = Flags::try_parse_from(["t", "--role", "boss", "--kinds", "aeo"]).unwrap_err();
		assert_eq!(error.kind(), ErrorKind::InvalidValue);
		let text = error.to_string();
		assert!(text.contains("`boss` for --role <ROLE> is not a role"), "{text}");
		assert!(
			text.contains("issuer, approvedExporter, exporter, officer, auditor, exchangeNode"),
			"{text}"
		);
	}

	#[test]
	fn help_lists_the_names() {
		use clap::CommandFactory;
		let help = Flags::command().render_help().to_string();
		assert!(help.contains("approvedExporter"), "{help}");
		assert!(help.contains("ataGuarantee"), "{help}");
	}
}
