//! Photos and other images of the site: what a file is told by its bytes,
//! metadata removed from every published image, responsive sizes made once and kept in a cache shared
//! by `build` and `serve`.

pub mod cache;
pub mod encode;
pub mod nofollow;
pub mod private;
pub mod sniff;
pub mod strip;
#[doc(hidden)]
pub mod testdata;
