//! Markdown → HTML with comrak (GFM), plus what the site graph needs from the
//! body: links to other articles, the summary, and warnings.

use comrak::nodes::{AstNode, NodeHtmlBlock, NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{format_html_with_plugins, parse_document, Arena, Options};

use super::blocks::{self, Chunk, Kind};
use super::body::shown;
pub use super::body::{resolve, Body, LinkKind, MdLink, MdSettings, LINK_PLACEHOLDER};
use super::body_html;
pub use super::body_html::{SAPO_CLOSE, SAPO_OPEN};
pub use super::files::split_site_url;
use super::files::{computer_path, file_ref, is_computer_path, site_ref};
pub use super::heading_ids::ThemeIds;
use super::highlight::LazyHighlighter;
pub use super::sanitize::IframeHosts;
use crate::diag::Code;
use crate::url::percent_decode;

fn options(settings: MdSettings) -> Options<'static> {
    let mut o = Options::default();
    o.extension.strikethrough = true;
    o.extension.table = true;
    o.extension.autolink = true;
    o.extension.tasklist = true;
    o.extension.footnotes = true;
    o.render.r#unsafe = settings.unsafe_html;
    o
}

/// Renders `body` of a file in content folder `dir`; `first_line` is the
/// line of the file where the body starts, so positions count in the file.
pub fn render(body: &str, dir: &str, first_line: usize, settings: MdSettings) -> Body {
    render_in(body, dir, first_line, settings, None)
}

/// [`render`] for a file whose folder on disk is `disk_dir`: images of the
/// body found there get `width` and `height`, so the page does not shift
/// while they load.
///
/// Large bodies are parsed in chunks (see [`super::blocks`]), each with its
/// own tree, so memory follows the largest chunk rather than the file.
pub fn render_in(
    body: &str,
    dir: &str,
    first_line: usize,
    settings: MdSettings,
    disk_dir: Option<&std::path::Path>,
) -> Body {
    let opts = options(settings);
    let mut out = Body::default();
    let mut walk = Walk {
        dir,
        settings,
        disk_dir,
        lines: body.lines().collect(),
        shift: first_line - 1,
        maybe_more: settings.summary && body.contains("<!--"),
        more_found: false,
        first_chunk: true,
        before_more: Vec::new(),
        summary: None,
        dropped: 0,
        first_unshown: (0, 0),
        image_sizes: Vec::new(),
        footnotes: std::collections::HashMap::new(),
        raw_ids: Vec::new(),
    };
    let highlighter = LazyHighlighter::global();
    let headings = super::heading_ids::Headings::default();
    let mut plugins = Plugins::default();
    if settings.highlight {
        plugins.render.codefence_syntax_highlighter = Some(highlighter);
    }
    plugins.render.heading_adapter = Some(&headings);
    // The HTML as one piece, or, with the lead wrapped, as three: what comes
    // before the lead, the lead, the rest.
    let mut pieces = vec![String::new()];
    if settings.html {
        pieces[0].reserve(body.len() + body.len() / 4);
    }
    for chunk in blocks::split(body, settings.max_block_marks) {
        if let Kind::Dense { marks } = chunk.kind {
            out.warnings
                .push(blocks::dense_warning(&chunk, marks, walk.shift));
            if settings.html {
                blocks::dense_html(&chunk.text, body_html::last(&mut pieces));
            }
            walk.first_chunk = false;
            continue;
        }
        let arena = Arena::new();
        let root = parse_document(&arena, &chunk.text, &opts);
        let lead = match walk.inspect(root, &chunk, &mut out) {
            Some(marker) => {
                // A first paragraph wrapped in an earlier chunk is not the
                // lead: the lead runs from the start to this marker.
                body_html::unwrap_lead(&mut pieces);
                walk.take_marker(marker, root)
            }
            None => walk.summarise(root),
        };
        walk.first_chunk = false;
        if !settings.html {
            continue;
        }
        if settings.lead && !lead.is_empty() {
            // The chunk renders as three documents in order: what comes
            // before the lead, the lead, the rest.
            let before: &AstNode = arena.alloc(NodeValue::Document.into());
            let lead_doc: &AstNode = arena.alloc(NodeValue::Document.into());
            while let Some(n) = root.first_child().filter(|n| !n.same_node(lead[0])) {
                n.detach();
                before.append(n);
            }
            for n in &lead {
                n.detach();
                lead_doc.append(n);
            }
            write_html(before, &opts, &plugins, body_html::last(&mut pieces));
            for doc in [lead_doc, root] {
                pieces.push(String::new());
                write_html(doc, &opts, &plugins, body_html::last(&mut pieces));
            }
            continue;
        }
        let html = body_html::last(&mut pieces);
        let start = html.len();
        write_html(root, &opts, &plugins, html);
        match chunk.kind {
            Kind::TablePart { first, last, .. } => {
                blocks::join_table_part(html, start, first, last)
            }
            Kind::ListPart { first, last } => blocks::join_list_part(html, start, first, last),
            _ => {}
        }
    }
    walk.finish(&mut out);
    if !settings.html {
        return out;
    }
    out.rendered = true;
    let slugs = headings.into_slugs();
    let ids = body_html::Ids {
        headings: &slugs,
        raw: &walk.raw_ids,
        start: (first_line, 1),
    };
    let (html, lead) = body_html::finish(pieces, ids, &walk.image_sizes, settings, &mut out);
    out.html = html;
    out.lead = lead;
    out
}

/// Writes `doc` as HTML at the end of `html`.
fn write_html<'a>(doc: &'a AstNode<'a>, opts: &Options, plugins: &Plugins, html: &mut String) {
    // Writing to a String cannot fail.
    let _ = format_html_with_plugins(doc, opts, html, plugins);
}

/// What the walk over the trees of a body's chunks carries from one chunk
/// to the next.
struct Walk<'b> {
    dir: &'b str,
    settings: MdSettings,
    disk_dir: Option<&'b std::path::Path>,
    /// Lines of the body, to turn byte columns into character columns.
    lines: Vec<&'b str>,
    /// Lines of the file before the body.
    shift: usize,
    /// Whether the body may hold a `<!-- more -->` marker.
    maybe_more: bool,
    more_found: bool,
    /// Whether the chunk being walked is the body's first.
    first_chunk: bool,
    /// Text of the top-level blocks of earlier chunks, while a marker may come.
    before_more: Vec<String>,
    summary: Option<String>,
    /// Pieces of raw HTML left out of the page (with `unsafe_html` off).
    dropped: usize,
    first_unshown: (usize, usize),
    /// Sizes of the body's images, in the order they are written out.
    image_sizes: Vec<Option<(u32, u32)>>,
    /// The line of each footnote label defined, by its label as Markdown
    /// matches it (letter case ignored).
    footnotes: std::collections::HashMap<String, usize>,
    /// Ids of raw HTML (with `unsafe_html`), for the places of warnings.
    raw_ids: Vec<super::raw_ids::RawId>,
}

impl<'b> Walk<'b> {
    /// (line, column) in the file of a position in `chunk`; sourcepos
    /// columns count bytes, diagnostics count characters.
    fn pos(&self, chunk: &Chunk, sp: Sourcepos) -> (usize, usize) {
        let line = chunk.body_line(sp.start.line);
        let col = self
            .lines
            .get(line.wrapping_sub(1))
            .map_or(sp.start.column, |l| {
                l.get(..sp.start.column.saturating_sub(1))
                    .map_or(sp.start.column, |p| p.chars().count() + 1)
            });
        (line + self.shift, col)
    }

    /// Checks the URL of a link at `at` (not a computer path), rewriting
    /// one to another article or to a file of the site into a placeholder.
    fn link(&self, url: &mut String, at: (usize, usize), out: &mut Body) {
        if let Err(e) = crate::url::check_link(url) {
            out.errors.push(refused_url("link", url, &e, at));
            url.clear();
        } else if let Some(file) = file_ref(self.dir, url, false, at) {
            *url = format!("{LINK_PLACEHOLDER}{}", out.links.len());
            out.links.push(file);
        } else if let Some((target, fragment)) = internal_target(url) {
            let (line, column) = at;
            match resolve(self.dir, &target) {
                Some(target) => {
                    *url = format!("{LINK_PLACEHOLDER}{}", out.links.len());
                    out.links.push(MdLink {
                        target,
                        kind: LinkKind::Page,
                        static_path: String::new(),
                        written: String::new(),
                        fragment,
                        whole: None,
                        line,
                        column,
                    });
                }
                None => {
                    out.errors
                        .push((line, column, Code::LinkOutsideContent { url: url.clone() }))
                }
            }
        } else if let Some(site) = site_ref(self.dir, url, at) {
            *url = format!("{LINK_PLACEHOLDER}{}", out.links.len());
            out.links.push(site);
        }
    }

    /// Checks the links, images and raw HTML of one chunk's tree, rewriting
    /// links to other articles and to files of the site into placeholders.
    /// Returns the body's `<!-- more -->` marker if it is in this chunk.
    fn inspect<'a>(
        &mut self,
        root: &'a AstNode<'a>,
        chunk: &Chunk,
        out: &mut Body,
    ) -> Option<&'a AstNode<'a>> {
        let settings = self.settings;
        let mut marker = None;
        for node in root.descendants() {
            let sp = node.data.borrow().sourcepos;
            let mut data = node.data.borrow_mut();
            match &mut data.value {
                NodeValue::Link(link) if is_computer_path(&link.url) => {
                    let url = std::mem::take(&mut link.url);
                    drop(data);
                    let at = self.pos(chunk, sp);
                    out.errors
                        .push(computer_path("link", &url, &collect_text(node), at));
                }
                NodeValue::Link(link) => self.link(&mut link.url, self.pos(chunk, sp), out),
                NodeValue::Image(img) => {
                    let url = img.url.clone();
                    let computer = is_computer_path(&url);
                    if computer {
                        img.url.clear();
                    } else if let Err(e) = crate::url::check_link(&url) {
                        out.errors
                            .push(refused_url("image", &url, &e, self.pos(chunk, sp)));
                        img.url.clear();
                    } else if let Some(file) = file_ref(self.dir, &url, true, self.pos(chunk, sp)) {
                        img.url = format!("{LINK_PLACEHOLDER}{}", out.links.len());
                        out.links.push(file);
                    }
                    drop(data);
                    if computer {
                        let at = self.pos(chunk, sp);
                        out.errors
                            .push(computer_path("image", &url, &collect_text(node), at));
                    }
                    if settings.html {
                        let size = self.disk_dir.and_then(|d| local_image_size(d, &url));
                        self.image_sizes.push(size);
                    }
                    if collect_text(node).trim().is_empty() {
                        let (line, column) = self.pos(chunk, sp);
                        out.warnings.push((
                            line,
                            column,
                            Code::ImageWithoutAlt { url: shown(&url) },
                        ));
                    }
                }
                NodeValue::CodeBlock(_) => out.has_code = true,
                NodeValue::FootnoteDefinition(f) => {
                    // comrak writes both definitions with one id, and the
                    // references lead to only one of them.
                    let label = f.name.clone();
                    drop(data);
                    let (line, column) = self.pos(chunk, sp);
                    let key = label.to_lowercase();
                    match self.footnotes.get(&key) {
                        Some(&first_line) => out.errors.push((
                            line,
                            column,
                            Code::FootnoteTwice { label, first_line },
                        )),
                        None => {
                            self.footnotes.insert(key, line);
                        }
                    }
                }
                NodeValue::HtmlBlock(h) if !self.more_found && is_more(&h.literal) => {
                    self.more_found = true;
                    marker = Some(node);
                }
                NodeValue::HtmlBlock(NodeHtmlBlock { literal, .. })
                | NodeValue::HtmlInline(literal)
                    if settings.unsafe_html =>
                {
                    defuse_placeholders(literal);
                    if literal.contains('=') {
                        let at = self.pos(chunk, sp);
                        super::raw_ids::record(literal, at, &mut self.raw_ids);
                    }
                }
                NodeValue::HtmlBlock(NodeHtmlBlock { literal, .. })
                | NodeValue::HtmlInline(literal)
                    if !settings.unsafe_html && !is_comment(literal) =>
                {
                    self.dropped += 1;
                    if self.dropped <= MAX_DROPPED_WARNINGS {
                        let (line, column) = self.pos(chunk, sp);
                        out.warnings.push((
                            line,
                            column,
                            Code::RawHtmlDropped {
                                html: shown(&squash(literal)),
                            },
                        ));
                    } else if self.dropped == MAX_DROPPED_WARNINGS + 1 {
                        self.first_unshown = self.pos(chunk, sp);
                    }
                }
                _ => {}
            }
        }
        marker
    }

    /// The summary from the `<!-- more -->` marker: the text before it
    /// (in earlier chunks too when it is a top-level block). Returns the
    /// lead to wrap: the blocks before the marker when they are all the
    /// body has before it, at the top level of the first chunk. A marker
    /// after the first chunk (only in a body over [`blocks::CHUNK`]) has a
    /// lead over several chunks, which is not wrapped: the body is shown
    /// whole and the sapo repeats its text, as before leads were wrapped.
    /// The marker itself never reaches the page; it is detached only now,
    /// after the walk that follows the tree's links.
    fn take_marker<'a>(
        &mut self,
        marker: &'a AstNode<'a>,
        root: &'a AstNode<'a>,
    ) -> Vec<&'a AstNode<'a>> {
        let mut lead = Vec::new();
        if self.settings.summary {
            let mut sib = marker.previous_sibling();
            while let Some(n) = sib {
                lead.push(n);
                sib = n.previous_sibling();
            }
            lead.reverse();
            let top = marker.parent().is_some_and(|p| p.same_node(root));
            let mut all = if top {
                std::mem::take(&mut self.before_more)
            } else {
                Vec::new()
            };
            all.extend(lead.iter().map(|n| collect_text(n).trim().to_string()));
            all.retain(|p| !p.is_empty());
            self.summary = Some(all.join(" "));
            if !(top && self.first_chunk) {
                lead.clear();
            }
        }
        self.before_more = Vec::new();
        marker.detach();
        lead
    }

    /// After a chunk without the marker: the first paragraph with text of
    /// its own, returned as the lead to wrap when it is in this chunk, and
    /// the text a later marker would take.
    fn summarise<'a>(&mut self, root: &'a AstNode<'a>) -> Vec<&'a AstNode<'a>> {
        let mut lead = Vec::new();
        if !self.settings.summary || self.more_found {
            return lead;
        }
        if self.summary.is_none() {
            let first = root
                .children()
                .find(|n| matches!(n.data.borrow().value, NodeValue::Paragraph) && has_own_text(n));
            self.summary = first.map(collect_text);
            lead.extend(first);
        }
        if self.maybe_more {
            self.before_more
                .extend(root.children().map(|n| collect_text(n).trim().to_string()));
        }
        lead
    }

    fn finish(&mut self, out: &mut Body) {
        if self.dropped > MAX_DROPPED_WARNINGS {
            let (line, column) = self.first_unshown;
            out.warnings.push((
                line,
                column,
                Code::MoreRawHtmlDropped {
                    count: self.dropped - MAX_DROPPED_WARNINGS,
                },
            ));
        }
        out.summary = squash(self.summary.as_deref().unwrap_or_default());
    }
}

/// Raw HTML may not write the placeholder of a link to another page
/// (`bantin-link:N`, in any case): only Markdown links become placeholders,
/// so that raw HTML can neither link through another link's target nor
/// leave a placeholder in the page. The `:` is escaped, which leaves a
/// harmless relative URL.
fn defuse_placeholders(literal: &mut String) {
    let scheme = &LINK_PLACEHOLDER[..LINK_PLACEHOLDER.len() - 1];
    let lower = literal.to_ascii_lowercase();
    if !lower.contains(LINK_PLACEHOLDER) {
        return;
    }
    let mut out = String::with_capacity(literal.len() + 8);
    let mut last = 0;
    for (i, _) in lower.match_indices(LINK_PLACEHOLDER) {
        out.push_str(&literal[last..i + scheme.len()]);
        out.push_str("%3A");
        last = i + LINK_PLACEHOLDER.len();
    }
    out.push_str(&literal[last..]);
    *literal = out;
}

/// The error for a link or image URL that [`crate::url::check_link`]
/// refuses, at `(line, column)`.
fn refused_url(
    what: &str,
    url: &str,
    e: &crate::url::UrlError,
    (line, column): (usize, usize),
) -> (usize, usize, Code) {
    let code = Code::RefusedUrl {
        image: what == "image",
        url: shown(url),
        why: e.clone(),
    };
    (line, column, code)
}

/// Size of the image at `url` relative to folder `dir` on disk, if it is a
/// local file whose header can be read.
fn local_image_size(dir: &std::path::Path, url: &str) -> Option<(u32, u32)> {
    if url.is_empty() || url.contains(':') || url.starts_with('/') || url.starts_with('#') {
        return None;
    }
    let path = url.split(['?', '#']).next()?;
    crate::content::image_size(&dir.join(path))
}

/// Warnings about dropped raw HTML in one file; past them, one more says
/// how many were not shown.
const MAX_DROPPED_WARNINGS: usize = 20;

/// Whether raw HTML is only a comment (`<!-- … -->`), which drops silently.
fn is_comment(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|s| s.find("-->").map(|i| i + 3 == s.len()))
        .unwrap_or(false)
}

fn is_more(html: &str) -> bool {
    let t = html.trim();
    let inner = t.strip_prefix("<!--").and_then(|s| s.strip_suffix("-->"));
    inner.is_some_and(|s| s.trim().eq_ignore_ascii_case("more"))
}

/// Whether a node has text outside its images: a paragraph of only an
/// image is not a lead, its alt text describes the picture.
fn has_own_text<'a>(node: &'a AstNode<'a>) -> bool {
    node.descendants().any(|n| {
        matches!(&n.data.borrow().value, NodeValue::Text(t) if !t.trim().is_empty())
            && !n
                .ancestors()
                .take_while(|a| !std::ptr::eq(*a, node))
                .any(|a| matches!(a.data.borrow().value, NodeValue::Image(_)))
    })
}

/// Plain text of a node: text and code, breaks as spaces.
fn collect_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut s = String::new();
    for n in node.descendants() {
        match &n.data.borrow().value {
            NodeValue::Text(t) => s.push_str(t),
            NodeValue::Code(c) => s.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// Collapses runs of whitespace to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For a link URL to a `.md` file (relative or from the content root),
/// the path and `#fragment`, percent-encoded.
fn internal_target(url: &str) -> Option<(String, String)> {
    if url.starts_with('#') || url.starts_with("//") {
        return None;
    }
    if let Some(colon) = url.find(':') {
        // A scheme such as https: or mailto: comes before any '/'.
        if !url[..colon].contains('/') {
            return None;
        }
    }
    let (path, fragment) = match url.find(['#', '?']) {
        Some(i) if url[i..].starts_with('#') => (&url[..i], url[i..].to_string()),
        Some(i) => (
            &url[..i],
            url[i..]
                .find('#')
                .map_or(String::new(), |j| url[i + j..].to_string()),
        ),
        None => (url, String::new()),
    };
    // The fragment goes into `href` as it is: encoded, nothing in it can
    // end the attribute (`#"><script>`).
    let fragment = match fragment.strip_prefix('#') {
        Some(f) => format!("#{}", crate::url::encode_fragment(f)),
        None => fragment,
    };
    let path = percent_decode(path);
    path.to_ascii_lowercase()
        .ends_with(".md")
        .then_some((crate::vi::nfc(&path), fragment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The English message and hint of a code.
    fn en(code: &Code) -> (String, String) {
        let t = code.text(Lang::En);
        (t.message, t.hint.unwrap_or_default())
    }

    const S: MdSettings = MdSettings {
        unsafe_html: false,
        highlight: true,
        html: true,
        summary: true,
        lead: false,
        iframe_hosts: IframeHosts::NONE,
        lang: Lang::Vi,
        max_block_marks: 100_000,
        theme_ids: ThemeIds::BUNDLED,
    };

    #[test]
    fn gfm_extensions() {
        let b = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ https://hdnd.vn\n\n- [x] xong\n\nChú thích[^1]\n\n[^1]: Nguồn.\n", "", 1, S);
        assert!(b.html.contains("<table>"), "{}", b.html);
        assert!(b.html.contains("<del>cũ</del>"));
        assert!(b.html.contains("<a href=\"https://hdnd.vn\">"));
        assert!(b.html.contains("type=\"checkbox\""));
        assert!(b.html.contains("footnote"));
    }

    #[test]
    fn headings_get_ascii_ids() {
        let b = render("## Kết quả đạt được\n\n## Kết quả đạt được\n", "", 1, S);
        assert!(
            b.html
                .contains("<h2 id=\"ket-qua-dat-duoc\">Kết quả đạt được</h2>"),
            "{}",
            b.html
        );
        assert!(b.html.contains("id=\"ket-qua-dat-duoc-1\""));
    }

    #[test]
    fn raw_html_is_dropped_unless_allowed() {
        let b = render("<script>alert(1)</script>\n\nA <b>b</b>\n", "", 1, S);
        assert!(!b.html.contains("<script>"));
        assert!(!b.html.contains("<b>"));
        let b = render(
            "A <b>b</b>\n",
            "",
            1,
            MdSettings {
                unsafe_html: true,
                ..S
            },
        );
        assert!(b.html.contains("<b>b</b>"));
    }

    /// A normal article: everything the renderer writes.
    const ARTICLE: &str = "## Kết quả đạt được\n\n\
        Đoạn **đậm**, *nghiêng*, `mã`, ~~cũ~~, [liên kết](https://hdnd.vn \"Tiêu đề\") \
        và https://x.vn/a?b=1&c=2.\nDòng  \nngắt. \"Trích\" & 'nháy' < > ©\n\n\
        | Trái | Giữa | Phải | Không |\n|:-----|:----:|-----:|-------|\n| 1 | 2 | 3 | 4 |\n\n\
        - [x] xong\n- [ ] chưa\n\n1. một\n2. hai\n\n> Trích dẫn\n\n\
        Chú thích[^1] và ![Ảnh](anh.png \"Tiêu đề ảnh\").\n\n\
        ```yaml\ntitle: \"a\" # chú\n```\n\n    thụt lề\n\n---\n\n\
        [Bài khác](../a.md#muc) [mục](#ket-qua-dat-duoc) [thư](mailto:vp@x.vn)\n\n\
        [^1]: Nguồn: [HĐND](https://hdnd.vn).\n";

    /// Comrak's serialisation written as html5ever (ammonia) writes it:
    /// void elements without `/`, `"` bare in text, empty attribute values.
    fn as_html5ever(html: &str) -> String {
        let mut out = String::new();
        for (k, part) in html.split('<').enumerate() {
            if k > 0 {
                out.push('<');
            }
            // Comrak escapes `>` in attribute values, so a tag ends at the first one.
            let (tag, text) = part.split_at(part.find('>').map_or(0, |i| i + 1));
            out.push_str(
                &tag.replace(" />", ">")
                    .replace(" data-footnote-ref>", " data-footnote-ref=\"\">")
                    .replace(" data-footnotes>", " data-footnotes=\"\">")
                    .replace(" data-footnote-backref ", " data-footnote-backref=\"\" "),
            );
            out.push_str(&text.replace("&quot;", "\""));
        }
        out
    }

    /// A large body of everything a normal article has, cut into chunks.
    fn large_article() -> String {
        let part = ARTICLE.split("[^1]").collect::<Vec<_>>().join("");
        let mut body = String::from("Mở đầu bài **dài**, [toàn văn](nq.pdf).\n\nĐoạn hai.\n\n");
        for k in 0..120 {
            body.push_str(&part);
            body.push_str(&format!(
                "\n\n```\nmã {k}\n\n# không phải tiêu đề\n```\n\n<!--\n\nghi chú\n-->\n\n"
            ));
            body.push_str("- một\n- hai\n\n- ba\n\n  tiếp\n\n");
            if k == 30 {
                body.push_str("<!-- more -->\n\n");
            }
        }
        body.push_str("Danh sách:\n\n");
        for k in 0..8_000 {
            body.push_str(&format!(
                "{}. [mục](../a.md) {k}\n      - con *{k}*\n",
                k + 3
            ));
        }
        body.push_str("\n| Số | Tên |\n|---:|---|\n");
        for k in 0..20_000 {
            body.push_str(&format!("| {k} | *xã* [A](https://x.vn/{k}) |\n"));
        }
        body.push_str("\nHết.\n");
        body
    }

    #[test]
    fn chunked_bodies_render_as_whole_ones() {
        let body = large_article();
        let kinds: Vec<_> = blocks::split(&body, 100_000)
            .into_iter()
            .map(|c| c.kind)
            .collect();
        assert!(kinds.len() > 10);
        assert!(kinds
            .iter()
            .any(|k| matches!(k, Kind::ListPart { first: false, .. })));
        assert!(kinds
            .iter()
            .any(|k| matches!(k, Kind::TablePart { first: false, .. })));
        for settings in [S, UNSAFE] {
            let (a, b) = chunked_and_whole(&body, settings);
            assert!(a.html == b.html, "chunked and whole renderings differ");
            assert!(
                a.summary
                    .starts_with("Mở đầu bài dài, toàn văn. Đoạn hai. Kết quả"),
                "{}",
                &a.summary[..80]
            );
            assert_eq!(
                (&a.links, &a.summary, &a.warnings, &a.errors),
                (&b.links, &b.summary, &b.warnings, &b.errors)
            );
            // The attachment, an image and an article per copy of ARTICLE,
            // an article per list item.
            assert_eq!(a.links.len(), 1 + 120 * 2 + 8_000);
            assert_eq!(
                (a.links[0].kind, a.links[0].target.as_str()),
                (LinkKind::File, "tin-tuc/nq.pdf")
            );
        }
    }

    /// `body` rendered in chunks, and whole: a reference definition keeps
    /// a body whole and adds no output.
    fn chunked_and_whole(body: &str, settings: MdSettings) -> (Body, Body) {
        let whole = format!("{body}\n[khong-dung]: https://x.vn/\n");
        assert!(blocks::split(body, 100_000).len() > 1);
        assert_eq!(blocks::split(&whole, 100_000).len(), 1);
        (
            render(body, "tin-tuc", 4, settings),
            render(&whole, "tin-tuc", 4, settings),
        )
    }

    #[test]
    fn a_lead_in_the_first_chunk_is_wrapped_and_one_over_several_is_not() {
        const MORE: &str = "<!-- more -->\n\n";
        let lead = MdSettings { lead: true, ..S };
        let early = large_article().replacen(MORE, "", 1);
        let first = early.replacen("Đoạn hai.\n\n", &format!("Đoạn hai.\n\n{MORE}"), 1);
        let late = early.replacen("Danh sách:", &format!("{MORE}Danh sách:"), 1);
        assert!(late.find(MORE).is_some_and(|i| i > blocks::CHUNK));
        for (body, wrapped) in [
            (&early, "<p>Mở đầu bài <strong>dài</strong>, <a href=\"bantin-link:0\">toàn văn</a>.</p>\n"),
            (&first, "<p>Mở đầu bài <strong>dài</strong>, <a href=\"bantin-link:0\">toàn văn</a>.</p>\n<p>Đoạn hai.</p>\n"),
        ] {
            let (a, b) = chunked_and_whole(body, lead);
            assert!(a.html == b.html, "chunked and whole renderings differ");
            assert_eq!((&a.lead, &a.summary), (&b.lead, &b.summary));
            let r = a.lead.expect("a lead");
            assert_eq!(&a.html[r], format!("{SAPO_OPEN}{wrapped}{SAPO_CLOSE}"));
        }
        // A marker after the first chunk: the first paragraph, wrapped at
        // first, is not the lead, and the lead over several chunks is not
        // wrapped.
        let (a, b) = chunked_and_whole(&late, lead);
        assert!(a.summary == b.summary, "chunked and whole summaries differ");
        assert_eq!(a.lead, None);
        let r = b.lead.expect("the whole body's lead");
        let unwrapped = [
            &b.html[..r.start],
            &b.html[r.start + SAPO_OPEN.len()..r.end - SAPO_CLOSE.len()],
            &b.html[r.end..],
        ]
        .concat();
        assert!(a.html == unwrapped, "chunked and whole renderings differ");
    }

    #[test]
    fn sanitising_keeps_what_the_renderer_writes() {
        let plain = render(ARTICLE, "tin-tuc", 1, S);
        let clean = render(ARTICLE, "tin-tuc", 1, UNSAFE);
        assert!(clean.html.contains("<table>") && clean.html.contains("data-footnotes"));
        assert!(clean.html.contains("class=\"hl-") && clean.html.contains("type=\"checkbox\""));
        assert!(plain.html.contains("<br />"), "comrak's own serialisation");
        assert!(!clean.html.contains("<br />"), "sanitised: {}", clean.html);
        assert_eq!(clean.html, as_html5ever(&plain.html));
        assert_eq!((clean.links, clean.summary), (plain.links, plain.summary));
    }

    #[test]
    fn placeholders_written_in_raw_html_are_not_links() {
        // Found by fuzzing: `bantin-link:N` written by hand in raw HTML
        // passed the sanitiser, then became a link to another page, or stayed
        // in the page when N had no target.
        let body = "[Bài](a.md)\n\n<a href=\"bantin-link:0\">x</a> <img alt=\"y\" src=\"BANTIN-LINK:7\">\n\n<p><a href=\" bantin-link:1\">z</a></p>\n";
        let out = render(body, "tin-tuc", 1, UNSAFE);
        assert_eq!(out.links.len(), 1, "only the Markdown link");
        let lower = out.html.to_ascii_lowercase();
        assert_eq!(lower.matches("bantin-link:").count(), 1, "{}", out.html);
        assert!(
            out.html.contains("<a href=\"bantin-link:0\">Bài</a>"),
            "{}",
            out.html
        );
    }

    #[test]
    fn raw_html_is_sanitised_when_allowed() {
        let hosts = IframeHosts::new(&["www.youtube-nocookie.com".into()]);
        let settings = MdSettings {
            iframe_hosts: hosts,
            ..UNSAFE
        };
        let b = render(
            "<script>alert(1)</script>\n\n\
             A <img src=x onerror=alert(1)> <svg onload=alert(2)></svg> \
             <a href=\"JaVaScRiPt:alert(3)\">a</a> <b onclick=\"alert(4)\">b</b>\n\n\
             <style>p{color:red}</style>\n\n\
             <iframe src=\"https://evil.example/\"></iframe>\n\n\
             <iframe src=\"https://www.youtube-nocookie.com/embed/x\" allowfullscreen></iframe>\n\n\
             <math><mi><style><img src=x onerror=alert(5)></style></mi></math>\n",
            "",
            1,
            settings,
        );
        let lower = b.html.to_ascii_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onload",
            "onclick",
            "javascript",
            "<svg",
            "<style",
            "evil",
            "<math",
        ] {
            assert!(!lower.contains(bad), "{bad} in {}", b.html);
        }
        assert!(
            b.html.contains("<img loading=\"lazy\" src=\"x\">"),
            "{}",
            b.html
        );
        assert!(b.html.contains("<a>a</a> <b>b</b>"), "{}", b.html);
        assert!(
            b.html.contains(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" allowfullscreen=\"\"></iframe>"
            ),
            "{}",
            b.html
        );
        let b = render(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>\n",
            "",
            1,
            UNSAFE,
        );
        assert!(
            !b.html.contains("iframe"),
            "no hosts, no frames: {}",
            b.html
        );
    }

    #[test]
    fn dropped_raw_html_warns_once_per_piece() {
        let md = "Đoạn <b>đậm</b> và <!-- ghi chú -->.\n\n\
                  <iframe src=\"https://www.youtube.com/embed/abcdefghijklmnopqrstuvwxyz0123456789\" width=\"560\"></iframe>\n\n\
                  <!-- more -->\n\n<!--\nchú thích\nnhiều dòng\n-->\n\n  <div>\nkhối\n</div>\n";
        let b = render(md, "", 4, S);
        let texts: Vec<_> = b.warnings.iter().map(|w| (w.0, w.1, en(&w.2).0)).collect();
        let w: Vec<_> = texts.iter().map(|w| (w.0, w.1, w.2.as_str())).collect();
        assert_eq!(
            w,
            [
                (4, 6, "raw HTML `<b>` is dropped"),
                (4, 12, "raw HTML `</b>` is dropped"),
                (
                    6,
                    1,
                    "raw HTML `<iframe src=\"https://www.youtube.com/embed/abcdefghijklmnopq…` is dropped"
                ),
                (15, 3, "raw HTML `<div> khối </div>` is dropped"),
            ]
        );
        assert_eq!(
            en(&b.warnings[0].2).1,
            "raw HTML is off: set `markdown: {unsafe_html: true}` in config.yaml to allow safe HTML, or write it in Markdown"
        );
        // With raw HTML on, nothing is dropped; summary-only parses warn too.
        assert!(render(md, "", 4, UNSAFE).warnings.is_empty());
        let summary_only = MdSettings { html: false, ..S };
        assert_eq!(render(md, "", 4, summary_only).warnings, b.warnings);
    }

    #[test]
    fn dropped_raw_html_warnings_are_capped() {
        let md = "a <br>\n".repeat(30) + "\n<b>x</b>\n";
        let b = render(&md, "", 1, S);
        assert_eq!(b.warnings.len(), 21, "{:?}", b.warnings);
        assert_eq!(b.warnings[19].0, 20);
        let last = &b.warnings[20];
        assert_eq!((last.0, last.1), (21, 3), "at the first piece not shown");
        assert_eq!(en(&last.2).0, "… and 12 more pieces of raw HTML dropped");
    }

    #[test]
    fn summary_from_more_marker_or_first_paragraph() {
        let b = render(
            "Đoạn một\ntiếp.\n\nĐoạn hai.\n\n<!-- more -->\n\nThân bài.\n",
            "",
            1,
            S,
        );
        assert_eq!(b.summary, "Đoạn một tiếp. Đoạn hai.");
        assert!(!b.html.contains("more"), "{}", b.html);
        let b = render(
            "## Tiêu đề\n\n**Chiều ngày 15/10**, HĐND họp.\n\nSau.\n",
            "",
            1,
            S,
        );
        assert_eq!(b.summary, "Chiều ngày 15/10, HĐND họp.");
    }

    #[test]
    fn the_lead_is_wrapped_once_and_an_image_alone_is_not_a_lead() {
        let lead = MdSettings { lead: true, ..S };
        let b = render(
            "![Ảnh hội nghị](a.png)\n\nĐoạn *mở* đầu.\n\nThân.\n",
            "",
            1,
            lead,
        );
        assert_eq!(b.summary, "Đoạn mở đầu.");
        let r = b.lead.clone().unwrap();
        assert_eq!(
            &b.html[r.clone()],
            "<div class=\"sapo\">\n<p>Đoạn <em>mở</em> đầu.</p>\n</div>\n"
        );
        assert!(b.html[..r.start].contains("alt=\"Ảnh hội nghị\""));
        assert_eq!(&b.html[r.end..], "<p>Thân.</p>\n");
        // Without `lead` (sections) or with a summary given, the body is whole.
        for settings in [
            S,
            MdSettings {
                summary: false,
                ..lead
            },
        ] {
            let b = render("Đoạn đầu.\n\nThân.\n", "", 1, settings);
            assert_eq!(
                (b.lead, b.html.as_str()),
                (None, "<p>Đoạn đầu.</p>\n<p>Thân.</p>\n")
            );
        }
    }

    #[test]
    fn links_to_md_files_become_placeholders_with_positions() {
        let b = render(
            "Xem\n[bài cũ](../2020/giao-ban.md#ket-qua) và [web](https://x.vn/a.md).\n",
            "tin-tuc/2021",
            5,
            S,
        );
        assert_eq!(b.links.len(), 1);
        assert_eq!(b.links[0].target, "tin-tuc/2020/giao-ban.md");
        assert_eq!(b.links[0].fragment, "#ket-qua");
        assert_eq!((b.links[0].line, b.links[0].column), (6, 1));
        assert!(b.html.contains("href=\"bantin-link:0\""), "{}", b.html);
    }

    #[test]
    fn fragments_of_internal_links_are_percent_encoded() {
        let b = render(
            "[x](a.md#\"><script>alert(1)</script>) [y](<b.md#\" onmouseover=\"alert(1)>) \
             [z](c.md#m%E1%BB%A5c-1)\n",
            "",
            1,
            S,
        );
        let frags: Vec<_> = b.links.iter().map(|l| l.fragment.as_str()).collect();
        assert_eq!(
            frags,
            [
                "#%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E",
                "#%22%20onmouseover%3D%22alert%281%29",
                "#m%E1%BB%A5c-1",
            ]
        );
        assert_eq!(
            b.html,
            "<p><a href=\"bantin-link:0\">x</a> <a href=\"bantin-link:1\">y</a> \
             <a href=\"bantin-link:2\">z</a></p>\n"
        );
    }

    #[test]
    fn link_out_of_content_is_an_error() {
        let b = render("[x](../../../etc.md)\n", "a", 1, S);
        assert_eq!(b.errors.len(), 1);
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let b = render("```yaml\ntitle: a\n```\n", "", 1, S);
        assert!(b.has_code);
        assert!(b.html.contains("class=\"hl-"), "{}", b.html);
    }

    #[test]
    fn body_images_load_lazily() {
        let b = render("![Ảnh](a.png)\n", "", 1, S);
        assert!(
            b.html
                .contains("<img loading=\"lazy\" src=\"bantin-link:0\" alt=\"Ảnh\""),
            "{}",
            b.html
        );
        assert_eq!(
            (b.links[0].kind, b.links[0].target.as_str()),
            (LinkKind::Image, "a.png")
        );
    }

    #[test]
    fn images_and_attachments_are_files_to_find() {
        let b = render(
            "![A](../anh%20mot.jpg) [B](/tep/NQ.PDF#page=2) [C](../muc/) [D](feed.xml) \
             [E](https://x.vn/a.pdf) ![F](https://x.vn/a.png)\n",
            "tin/2021",
            1,
            S,
        );
        let found: Vec<_> = b
            .links
            .iter()
            .map(|l| {
                (
                    l.kind,
                    l.target.as_str(),
                    l.static_path.as_str(),
                    l.fragment.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (LinkKind::Image, "tin/anh mot.jpg", "", ""),
                (LinkKind::File, "tep/NQ.PDF", "tep/NQ.PDF", "#page=2"),
                // Other relative links are site paths, checked at link time.
                (LinkKind::Site, "tin/muc", "", ""),
                (LinkKind::Site, "tin/2021/feed.xml", "feed.xml", ""),
            ]
        );
    }

    #[test]
    fn paths_on_the_writers_computer_are_errors_with_the_link_to_write() {
        let b = render(
            "![Hội nghị](C:\\Users\\HDND\\anh.jpg) [Toàn văn](file:///D:/tai-lieu/nq.pdf) \
             [x](D:/nq.pdf)\n",
            "",
            1,
            S,
        );
        let texts: Vec<_> = b.errors.iter().map(|e| (e.1, en(&e.2))).collect();
        let e: Vec<_> = texts
            .iter()
            .map(|(c, (m, h))| (*c, m.as_str(), h.as_str()))
            .collect();
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[0]
            .1
            .ends_with("is a path on your computer, which readers of the site cannot open"));
        assert!(e[0].2.ends_with("`![Hội nghị](anh.jpg)`"), "{}", e[0].2);
        assert!(e[1].2.ends_with("`[Toàn văn](nq.pdf)`"), "{}", e[1].2);
        assert!(
            !b.html.contains("Users") && !b.html.contains("file:"),
            "{}",
            b.html
        );
    }

    #[test]
    fn image_without_alt_warns_with_position() {
        let b = render("Văn bản.\n\n![](anh.jpg)\n", "", 10, S);
        assert_eq!(b.warnings.len(), 1);
        assert_eq!(b.warnings[0].0, 12);
    }

    /// Every `href` and `src` value of `html`.
    fn urls(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                out.push(part[..part.find('"').unwrap_or(part.len())].to_string());
            }
        }
        out
    }

    const UNSAFE: MdSettings = MdSettings {
        unsafe_html: true,
        ..S
    };

    #[test]
    fn script_urls_in_links_and_images_are_errors_and_blanked() {
        let md = "Xem [đây](javascript:alert(1)).\n\n\
                  ![Ảnh](data:text/html,x) <JaVaScRiPt:alert(2)>\n\n\
                  [tab](java&#9;script:alert(3)) [ok](https://x.vn/) [tel](tel:+84)\n";
        for settings in [S, UNSAFE] {
            let b = render(md, "", 3, settings);
            let texts: Vec<_> = b.errors.iter().map(|e| (e.0, e.1, en(&e.2).0)).collect();
            let e: Vec<_> = texts.iter().map(|e| (e.0, e.1, e.2.as_str())).collect();
            assert_eq!(
                e,
                [
                    (3, 5, "link `javascript:alert(1)` uses a scheme that is not allowed (only http, https, mailto, tel and relative links)"),
                    (5, 1, "image `data:text/html,x` uses a scheme that is not allowed (only http, https, mailto, tel and relative links)"),
                    (5, 26, "link `JaVaScRiPt:alert(2)` uses a scheme that is not allowed (only http, https, mailto, tel and relative links)"),
                    (7, 1, "link `java\\tscript:alert(3)` uses a scheme that is not allowed (only http, https, mailto, tel and relative links)"),
                ],
                "unsafe_html: {}",
                settings.unsafe_html
            );
            let hint = en(&b.errors[0].2).1;
            assert!(hint.contains("https://"), "{hint}");
            for url in urls(&b.html) {
                assert!(crate::url::check_link(&url).is_ok(), "{url} in {}", b.html);
            }
            assert!(b.html.contains("<a href=\"\">đây</a>"), "{}", b.html);
            assert!(b.html.contains("<a href=\"https://x.vn/\">ok</a>"));
            assert!(b.html.contains("<a href=\"tel:+84\">tel</a>"));
        }
    }

    #[test]
    fn resolves_paths() {
        assert_eq!(resolve("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(resolve("a/b", "/x/y.md").as_deref(), Some("x/y.md"));
        assert_eq!(resolve("a", "../../y.md"), None);
    }
}
