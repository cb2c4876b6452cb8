//! Option types shared by the rules and the config file, below both: how loud a rule is
//! ([`Level`]), a rule's entry in `[rules]` ([`RuleSetting`]) and a `[[custom]]` rule's
//! settings. Rules read these; `config` parses lint-rules.toml into them; neither direction
//! needs the other.

use crate::diagnostic::Severity;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// How loud a rule is: `off` disables it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// A rule's entry: either a level shorthand (`clickbait = "off"`) or a table of options.
#[derive(Debug, Clone)]
pub enum RuleSetting<T> {
    Level(Level),
    Table(T),
}

impl<T: Default> Default for RuleSetting<T> {
    fn default() -> Self {
        RuleSetting::Table(T::default())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for RuleSetting<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SettingVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for SettingVisitor<T> {
            type Value = RuleSetting<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"off\", \"info\", \"warning\", \"error\" or a table of rule options")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Level::deserialize(de::value::StrDeserializer::<E>::new(v)).map(RuleSetting::Level)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(RuleSetting::Table)
            }
        }
        deserializer.deserialize_any(SettingVisitor(std::marker::PhantomData))
    }
}

/// `[[custom]]`: a user rule made of one regex.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CustomRuleConfig {
    pub id: String,
    pub pattern: String,
    pub message: String,
    #[serde(default = "default_custom_level")]
    pub severity: Level,
    #[serde(default)]
    pub scope: Scope,
    pub help: Option<String>,
    pub replacement: Option<String>,
    #[serde(default)]
    pub case_insensitive: bool,
}

fn default_custom_level() -> Level {
    Level::Warning
}

/// Where a custom rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Title,
    Heading,
    Body,
    #[default]
    Any,
}
