//! Photos and other images of the site: what a file is told by its bytes,
//! metadata removed from every published image, responsive sizes made once and kept in a cache shared
//! by `build` and `serve`.

pub mod cache;
pub mod encode;
pub mod nofollow;
pub mod private;
pub mod sniff;
pub mod strip;
// Test data is compiled for the unit tests and, through the `testdata`
// feature, for tests/; never into the program.
#[cfg(any(test, feature = "testdata"))]
pub mod testdata;
