//! bantin: a static site generator for Vietnamese government news bulletins.
//!
//! Modules are layered; each uses only those listed before it:
//! `vi` → `lang` → `diag` → `url`, `paths` → `yaml` → `config` → `content` → `model` → `render` →
//! `output` → `pipeline` → `report`, `scaffold`, `serve`.

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
