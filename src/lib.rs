//! bantin: a static site generator for Vietnamese government news bulletins.
//!
//! Modules are layered; each uses only those listed before it:
//! `vi` → `lang` → `diag` → `url`, `paths`, `media` → `yaml` → `config` → `content` → `model` →
//! `render` → `output` → `pipeline` → `report`, `scaffold`, `serve`.
//! Modules of one group may use each other (without a cycle); the image
//! cache (`media`) is a leaf that config, content and model all name.
//! `tests/it/layers.rs` checks every `crate::` path against this order.

pub mod config;
pub mod content;
pub mod diag;
pub mod lang;
pub mod media;
pub mod model;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod url;
pub mod vi;
pub mod yaml;
