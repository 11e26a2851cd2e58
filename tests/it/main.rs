//! Integration tests: fixture sites built through the library and the binary.

mod attachments;
mod body_links;
mod checks;
mod cli;
mod content_files;
mod dates_yaml;
mod diagnostics;
mod errors;
mod hostile;
mod images;
mod incremental;
mod kinds;
mod language;
mod letter_case;
mod limits;
mod listings;
mod markdown_safety;
mod output;
mod pages;
mod scaffold;
mod search;
mod serve;
mod support;
mod timezones;
mod vietnamese;
mod wording;
