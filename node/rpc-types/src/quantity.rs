//! Quantities as decimal strings in JSON: a document's quantities are `u128`, which no
//! JavaScript number holds exactly. Use with `#[serde(with = "crate::quantity")]`; a
//! client may send or receive either a string or a (small) JSON number.

use serde::{de, Deserialize, Deserializer, Serializer};

/// Writes `quantity` as a decimal string.
pub fn serialize<S: Serializer>(quantity: &u128, serializer: S) -> Result<S::Ok, S::Error> {
	serializer.collect_str(quantity)
}

/// Reads a quantity from a decimal string or a non-negative JSON integer.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u128, D::Error> {
	#[derive(Deserialize)]
	#[serde(untagged)]
	enum Wire {
		Text(String),
		Number(u64),
	}
	match Wire::deserialize(deserializer)? {
		Wire::Number(n) => Ok(u128::from(n)),
		Wire::Text(text) => text.parse().map_err(|_| {
			de::Error::custom(format!("`{text}` is not a quantity (a whole number, 0 or more)"))
		}),
	}
}

#[cfg(test)]
mod tests {
	use serde::{Deserialize, Serialize};
	use serde_json::json;

	#[derive(Serialize, Deserialize, Debug, PartialEq)]
	struct Held {
		#[serde(with = "super")]
		quantity: u128,
	}

	#[test]
	fn quantities_travel_as_strings_beyond_what_javascript_numbers_hold() {
		let big = Held { quantity: u128::MAX };
		let json = serde_json::to_value(&big).unwrap();
		assert_eq!(json, json!({ "quantity": u128::MAX.to_string() }));
		assert_eq!(serde_json::from_value::<Held>(json).unwrap(), big);
		assert_eq!(
			serde_json::from_value::<Held>(json!({ "quantity": 600 })).unwrap().quantity,
			600
		);
	}

	#[test]
	fn what_is_not_a_quantity_is_refused() {
		for bad in [json!("-1"), json!("1.5"), json!("ten"), json!(-3), json!(null)] {
			assert!(serde_json::from_value::<Held>(json!({ "quantity": bad })).is_err(), "{bad}");
		}
	}
}
