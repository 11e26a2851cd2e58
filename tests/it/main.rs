//! Integration tests: fixture sites built through the library and the binary.

mod dates_yaml;
mod errors;
mod hostile;
mod kinds;
mod limits;
mod listings;
mod markdown_safety;
mod output;
mod pages;
mod support;
mod vietnamese;
