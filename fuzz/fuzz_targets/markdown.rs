//! A Markdown body through `content::markdown` and the link rewriting of
//! the render stage: the HTML never holds script or a script URL (raw HTML
//! off, or on and sanitised), heading ids are unique, every internal link
//! stays inside `content/` and every placeholder is replaced.
#![no_main]

use bantin::content::markdown::{
    render, IframeHosts, LinkKind, MdSettings, ThemeIds, LINK_PLACEHOLDER,
};
use bantin::lang::Lang;
use bantin::render::rewrite_links;
use bantin_fuzz::{check_body_html, check_unique_ids, tags};
use libfuzzer_sys::fuzz_target;

/// The host whose iframes survive when raw HTML is on.
const FRAMES_FROM: &str = "www.youtube.com";

fuzz_target!(|data: &[u8]| {
    // The first byte picks the settings; the rest is the body.
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    // Reading a source removes stray control characters (`\r` included)
    // before Markdown sees the body; do the same.
    let body: String = body
        .chars()
        .filter(|&c| !c.is_control() || c == '\t' || c == '\n')
        .collect();
    let body = body.as_str();
    let settings = MdSettings {
        unsafe_html: flags & 1 != 0,
        highlight: flags & 2 != 0,
        html: flags & 4 == 0,
        summary: flags & 8 == 0,
        lead: flags & 32 != 0,
        iframe_hosts: IframeHosts::new(&[FRAMES_FROM.to_string()]),
        lang: Lang::Vi,
        max_block_marks: 100_000,
        theme_ids: ThemeIds::BUNDLED,
    };
    let out = render(body, "tin-tuc/2021", 5, settings);
    let lines = body.lines().count() + 5;
    for (line, column, code) in out.warnings.iter().chain(&out.errors) {
        assert!(
            *line >= 5 && *line <= lines && *column >= 1,
            "{line}:{column} {code:?}"
        );
    }
    if !settings.summary {
        assert!(out.summary.is_empty());
    }
    assert_eq!(out.summary.trim(), out.summary);
    assert!(!out.summary.contains("  "), "{:?}", out.summary);
    for link in &out.links {
        assert!(
            link.kind != LinkKind::Page || link.target.to_ascii_lowercase().ends_with(".md"),
            "{link:?}"
        );
        // An image or file outside content/ has no target there: it is
        // looked for in static/.
        assert!(
            !link.target.is_empty() || link.kind != LinkKind::Page,
            "{link:?}"
        );
        assert!(!link.target.starts_with('/'), "{link:?}");
        assert!(
            link.target.is_empty()
                || !link
                    .target
                    .split('/')
                    .any(|s| s == ".." || s == "." || s.is_empty()),
            "{link:?}"
        );
        // Only a site path keeps its `?query`.
        assert!(
            link.fragment.is_empty()
                || link.fragment.starts_with('#')
                || (link.kind == LinkKind::Site && link.fragment.starts_with('?')),
            "{link:?}"
        );
        assert!(
            !link.fragment.contains(['"', '<', '>', '\'', ' ']),
            "{link:?}"
        );
    }
    if !settings.html {
        assert!(out.html.is_empty() && !out.rendered);
        return;
    }
    // Links to articles hold a placeholder until they are rewritten, so the
    // script check runs on the rewritten HTML.
    check_unique_ids(&out.html);

    let targets: Vec<String> = out
        .links
        .iter()
        .enumerate()
        .map(|(i, l)| format!("tin-tuc/bai-{i}/{}", l.fragment))
        .collect();
    let html = rewrite_links(&out.html, &targets, "../../", flags & 16 != 0);
    check_body_html(&html, settings.unsafe_html.then_some(FRAMES_FROM));
    for tag in tags(&html) {
        for (name, value) in &tag.attributes {
            assert!(
                !value.starts_with(LINK_PLACEHOLDER),
                "placeholder left in {name} of <{}>: {value:?}",
                tag.name
            );
        }
    }
});
