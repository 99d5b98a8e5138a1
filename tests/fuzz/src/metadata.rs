//! The runtime's own description of itself (metadata V15): its type registry, the call
//! enum, and the runtime APIs with their argument types. The fuzzer generates inputs from
//! it, so a new call or API argument is fuzzed without touching the fuzzer.

use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};

/// Tamga's own pallets, as named in the runtime.
pub const TAMGA_PALLETS: [&str; 5] = ["Governance", "Certificates", "Carnets", "Aeo", "Exchange"];
/// Tamga's own runtime APIs.
pub const TAMGA_APIS: [&str; 7] = [
	"NodeAdmissionApi",
	"CertificatesApi",
	"DocumentLookupApi",
	"DocumentTypesApi",
	"CarnetsApi",
	"AeoApi",
	"ExchangeApi",
];

/// One runtime API method: its entry name and the types of its arguments, in order.
#[derive(Clone, Debug)]
pub struct ApiMethod {
	/// The name the node calls it by, e.g. `CarnetsApi_carnet`.
	pub entry: String,
	/// The type ids of its arguments.
	pub arguments: Vec<u32>,
}

/// The runtime's metadata V15.
pub fn load() -> RuntimeMetadataV15 {
	let opaque = tamga_runtime::Runtime::metadata_at_version(15).expect("the runtime has V15");
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("metadata decodes");
	match prefixed.1 {
		RuntimeMetadata::V15(metadata) => metadata,
		_ => panic!("metadata_at_version(15) returned another version"),
	}
}

/// The type id of the outer call enum (`RuntimeCall`).
pub fn call_type(metadata: &RuntimeMetadataV15) -> u32 {
	metadata.outer_enums.call_enum_ty.id
}

/// The methods of Tamga's own runtime APIs.
pub fn tamga_api_methods(metadata: &RuntimeMetadataV15) -> Vec<ApiMethod> {
	metadata
		.apis
		.iter()
		.filter(|api| TAMGA_APIS.contains(&api.name.as_str()))
		.flat_map(|api| {
			api.methods.iter().map(move |method| ApiMethod {
				entry: format!("{}_{}", api.name, method.name),
				arguments: method.inputs.iter().map(|input| input.ty.id).collect(),
			})
		})
		.collect()
}

/// The names of every call of Tamga's own pallets, as `Pallet.call`.
pub fn tamga_calls(metadata: &RuntimeMetadataV15) -> Vec<String> {
	let mut names = Vec::new();
	for pallet in metadata.pallets.iter().filter(|p| TAMGA_PALLETS.contains(&p.name.as_str())) {
		let Some(calls) = &pallet.calls else { continue };
		if let Some(ty) = metadata.types.resolve(calls.ty.id) {
			if let scale_info::TypeDef::Variant(def) = &ty.type_def {
				names.extend(def.variants.iter().map(|v| format!("{}.{}", pallet.name, v.name)));
			}
		}
	}
	names
}
