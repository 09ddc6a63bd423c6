//! The conversions every validated text type and every field error share, so
//! each rule module holds only its rule.

/// For a type with `parse(&str) -> Result<Self, $err>` and `as_str()`: Display
/// as the canonical text, `FromStr`, and the `String` conversions that
/// `#[serde(try_from = "String", into = "String")]` relies on, so stored values
/// are re-validated when loaded.
macro_rules! text_value {
    ($ty:ident, $err:ident) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $ty::parse(&s)
            }
        }

        impl From<$ty> for String {
            fn from(v: $ty) -> String {
                v.as_str().to_string()
            }
        }
    };
}

/// For an error with `message()`: Display shows the sentence the form puts
/// next to the field.
macro_rules! field_error {
    ($err:ident) => {
        impl std::fmt::Display for $err {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.message())
            }
        }

        impl std::error::Error for $err {}
    };
}

pub(crate) use {field_error, text_value};
