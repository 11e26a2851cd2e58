//! Sanitising of body HTML when raw HTML is allowed (`unsafe_html`).
//!
//! Officers paste HTML from Word and from video sites; what reaches a page
//! keeps everything bantin's own Markdown renderer writes (heading ids,
//! highlighting classes, tables, footnotes, task lists, images, links to
//! other articles) and loses scripts, styles, event attributes, script URLs,
//! plugins, forms and frames, except `https://` frames from the hosts listed
//! in `markdown.iframe_hosts`.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use ammonia::{Builder, Url};

/// The hosts whose `https://` iframes survive sanitising, as a small `Copy`
/// handle to a policy built once per distinct list and kept for the life of
/// the process.
#[derive(Clone, Copy, Default)]
pub struct IframeHosts(Option<&'static Policy>);

/// A built sanitiser and the hosts it lets iframes from.
struct Policy {
    hosts: Vec<String>,
    builder: Builder<'static>,
}

impl IframeHosts {
    /// No iframe survives.
    pub const NONE: IframeHosts = IframeHosts(None);

    /// The handle for `hosts` (such as `www.youtube-nocookie.com`), compared
    /// without regard to case. The sanitiser for a list is built the first
    /// time the list is seen and reused after that.
    pub fn new(hosts: &[String]) -> IframeHosts {
        let mut hosts: Vec<String> = hosts
            .iter()
            .map(|h| h.trim().trim_end_matches('.'))
            .filter(|h| !h.is_empty())
            // As the URL parser writes hosts: lowercase, IDNA as punycode.
            .map(|h| {
                Url::parse(&format!("https://{h}/"))
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                    .unwrap_or_else(|| h.to_lowercase())
            })
            .collect();
        hosts.sort();
        hosts.dedup();
        if hosts.is_empty() {
            return IframeHosts::NONE;
        }
        static POLICIES: Mutex<Vec<&'static Policy>> = Mutex::new(Vec::new());
        let mut policies = POLICIES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = policies.iter().find(|p| p.hosts == hosts) {
            return IframeHosts(Some(p));
        }
        // One policy per distinct host list for the whole process (a
        // config has one list), so leaking it is bounded.
        let p: &'static Policy = Box::leak(Box::new(Policy {
            builder: builder(hosts.clone()),
            hosts,
        }));
        policies.push(p);
        IframeHosts(Some(p))
    }

    /// The hosts, lowercased and sorted.
    pub fn hosts(&self) -> &[String] {
        self.0.map_or(&[], |p| &p.hosts)
    }

    fn builder(&self) -> &'static Builder<'static> {
        match self.0 {
            Some(p) => &p.builder,
            None => {
                static NONE: OnceLock<Builder<'static>> = OnceLock::new();
                NONE.get_or_init(|| builder(Vec::new()))
            }
        }
    }
}

impl fmt::Debug for IframeHosts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IframeHosts").field(&self.hosts()).finish()
    }
}

impl PartialEq for IframeHosts {
    fn eq(&self, other: &Self) -> bool {
        self.hosts() == other.hosts()
    }
}

impl Eq for IframeHosts {}

/// Sanitises the HTML of a body rendered with raw HTML on.
pub fn clean(html: &str, hosts: IframeHosts) -> String {
    let out = hosts.builder().clean(html).to_string();
    if out.contains("<iframe") {
        drop_bare_iframes(&out)
    } else {
        out
    }
}

/// The URL schemes that survive in `href` and `src`: those of
/// [`crate::url::check_link`] and the placeholder for links to articles.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel", PLACEHOLDER_SCHEME];

/// `bantin-link`, the scheme of `LINK_PLACEHOLDER`, the placeholder of links to other pages.
const PLACEHOLDER_SCHEME: &str = "bantin-link";

/// Elements removed with everything inside them.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "object",
    "embed",
    "applet",
    "form",
    "textarea",
    "select",
    "button",
    "svg",
    "math",
    "title",
    "frameset",
    "frame",
];

fn builder(hosts: Vec<String>) -> Builder<'static> {
    let mut b = Builder::default();
    // Besides the defaults: task-list checkboxes, the footnotes section,
    // and frames from the allowed hosts (others are removed afterwards).
    b.add_tags(["input", "section", "iframe"])
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .add_generic_attributes(["id", "class", "dir"])
        .add_tag_attributes("a", ["title", "aria-label"])
        .add_tag_attributes(
            "a",
            [
                "data-footnote-ref",
                "data-footnote-backref",
                "data-footnote-backref-idx",
            ],
        )
        .add_tag_attributes("section", ["data-footnotes", "aria-label"])
        .add_tag_attributes("img", ["title", "loading"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes(
            "iframe",
            [
                "src",
                "width",
                "height",
                "title",
                "allow",
                "allowfullscreen",
                "loading",
                "referrerpolicy",
                "frameborder",
            ],
        )
        // A checkbox in a body is a task-list mark, never a form field.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .url_schemes(SCHEMES.iter().copied().collect())
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(move |element: &str, attribute: &str, value: &str| {
            match (element, attribute) {
                ("iframe", "src") => allowed_frame(value, &hosts).then_some(value.into()),
                (_, "loading") => matches!(value, "lazy" | "eager").then_some(value.into()),
                _ => Some(Cow::Borrowed(value)),
            }
        });
    b
}

/// Whether an iframe may load `src`: `https://` on one of `hosts`, on the
/// default port.
fn allowed_frame(src: &str, hosts: &[String]) -> bool {
    let Ok(url) = Url::parse(src) else {
        return false;
    };
    url.scheme() == "https"
        && url.port().is_none()
        && url.host_str().is_some_and(|h| hosts.iter().any(|a| a == h))
}

/// Removes the iframes of sanitised `html` left without `src` (their host
/// is not allowed) and the fallback text of the others.
///
/// `html` is html5ever's serialisation: text has `<` escaped, attribute
/// values are in double quotes with `"` escaped, comments are stripped,
/// and an iframe's content is raw text that cannot hold `</iframe>`.
fn drop_bare_iframes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let end = tag_end(rest);
        let tag = &rest[..end];
        rest = &rest[end..];
        let is_iframe = tag
            .strip_prefix("<iframe")
            .is_some_and(|t| t.starts_with([' ', '>', '/']));
        if !is_iframe {
            out.push_str(tag);
            continue;
        }
        let close = rest
            .find("</iframe>")
            .map_or(rest.len(), |i| i + "</iframe>".len());
        rest = &rest[close..];
        if has_attribute(tag, "src") {
            out.push_str(tag);
            out.push_str("</iframe>");
        }
    }
    out.push_str(rest);
    out
}

/// The length of the tag that starts `s` (at a `<`), up to its closing `>`
/// outside quotes.
fn tag_end(s: &str) -> usize {
    let mut quoted = false;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match b {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Whether start tag `tag` (`<iframe src="…">`) has attribute `name`.
fn has_attribute(tag: &str, name: &str) -> bool {
    let mut quoted = false;
    let b = tag.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b' ' if !quoted => {
                let after = &tag[i + 1..];
                if after
                    .strip_prefix(name)
                    .is_some_and(|r| r.starts_with(['=', ' ', '>', '/']))
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::LINK_PLACEHOLDER;

    fn hosts() -> IframeHosts {
        IframeHosts::new(&["WWW.YouTube-NoCookie.com".to_string()])
    }

    #[test]
    fn hosts_are_interned_and_compared_without_case() {
        let a = hosts();
        let b = IframeHosts::new(&[" www.youtube-nocookie.com ".to_string()]);
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.builder(), b.builder()));
        assert_eq!(a.hosts(), ["www.youtube-nocookie.com".to_string()]);
        assert_eq!(IframeHosts::new(&[]), IframeHosts::NONE);
        assert_eq!(format!("{PLACEHOLDER_SCHEME}:"), LINK_PLACEHOLDER);
        let idn = IframeHosts::new(&["Báo.vn".to_string()]);
        assert_eq!(idn.hosts(), ["xn--bo-mia.vn".to_string()]);
        assert_eq!(
            clean("<iframe src=\"https://báo.vn/v\"></iframe>", idn),
            "<iframe src=\"https://báo.vn/v\"></iframe>"
        );
    }

    #[test]
    fn xss_payloads_are_removed() {
        for (input, expected) in [
            ("<script>alert(1)</script>x", "x"),
            ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>x", "x"),
            ("<svg onload=alert(1)><circle r=1 /></svg>x", "x"),
            ("<svg><script>alert(1)</script></svg>x", "x"),
            ("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
            ("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=a>", "<img alt=\"a\">"),
            (
                "<a href=\"JaVaScRiPt:alert(1)\">a</a>",
                "<a>a</a>",
            ),
            ("<a href=\"java&#9;script:alert(1)\">a</a>", "<a>a</a>"),
            ("<a href=\" javascript:alert(1)\">a</a>", "<a>a</a>"),
            ("<a href=\"vbscript:msgbox(1)\">a</a>", "<a>a</a>"),
            ("<a href=\"data:text/html,<script>alert(1)</script>\">a</a>", "<a>a</a>"),
            ("<p onclick=\"alert(1)\" onmouseover=alert(2)>p</p>", "<p>p</p>"),
            ("<b style=\"background:url(javascript:alert(1))\">b</b>", "<b>b</b>"),
            ("<style>*{background:url(javascript:alert(1))}</style>x", "x"),
            ("<math><mi><style><img src=x onerror=alert(1)></style></mi></math>x", "x"),
            (
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "",
            ),
            ("<object data=\"evil.swf\">o</object><embed src=\"evil.swf\">x", "x"),
            (
                "<form action=\"https://evil.example/\"><input name=p type=password><button>Gửi</button></form>x",
                "x",
            ),
            ("<input type=\"text\" name=\"q\">", "<input type=\"checkbox\" disabled=\"\">"),
            ("<iframe src=\"https://evil.example/\"></iframe>x", "x"),
            ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>x", "x"),
            ("<iframe src=\"javascript:alert(1)\"></iframe>x", "x"),
            (
                "<iframe src=\"http://www.youtube-nocookie.com/embed/1\"></iframe>x",
                "x",
            ),
            (
                "<iframe src=\"https://www.youtube-nocookie.com.evil.example/\"></iframe>x",
                "x",
            ),
            (
                "<iframe src=\"https://www.youtube-nocookie.com@evil.example/\"></iframe>x",
                "x",
            ),
            (
                "<iframe src=\"https://www.youtube-nocookie.com:8443/\"></iframe>x",
                "x",
            ),
            (
                "<svg><iframe><a title=\"</iframe><img src onerror=alert(1)>\">t</a></iframe></svg>x",
                "x",
            ),
            ("<!-- <img src=x onerror=alert(1)> -->x", "x"),
            ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">x", "x"),
            ("<base href=\"https://evil.example/\">x", "x"),
            ("<link rel=stylesheet href=\"https://evil.example/x.css\">x", "x"),
            ("<a href=\"https://x.vn/\" target=\"_blank\">a</a>", "<a href=\"https://x.vn/\">a</a>"),
        ] {
            assert_eq!(clean(input, hosts()), expected, "{input}");
        }
    }

    #[test]
    fn iframes_from_allowed_hosts_stay_without_their_content() {
        let frame = "<iframe width=\"560\" height=\"315\" \
                     src=\"https://www.youtube-nocookie.com/embed/abc?start=1&amp;x=2\" \
                     title=\"Video\" onload=\"alert(1)\" allowfullscreen>\
                     <script>alert(1)</script></iframe>";
        let expected = "<iframe width=\"560\" height=\"315\" \
                        src=\"https://www.youtube-nocookie.com/embed/abc?start=1&amp;x=2\" \
                        title=\"Video\" allowfullscreen=\"\"></iframe>";
        assert_eq!(clean(frame, hosts()), expected);
        assert_eq!(clean(frame, IframeHosts::NONE), "");
        assert_eq!(
            clean(
                &format!("<p>a</p>{frame}<iframe src=\"https://evil.example/\">b</iframe><p>c</p>"),
                hosts()
            ),
            format!("<p>a</p>{expected}<p>c</p>")
        );
    }

    #[test]
    fn what_the_renderer_writes_stays() {
        for html in [
            "<h2 id=\"ket-qua\">Kết quả</h2>",
            "<p><a href=\"bantin-link:0\">bài</a> <a href=\"#fn-1\">1</a> <a href=\"../a/\" title=\"t\">a</a></p>",
            "<pre class=\"syntax-highlighting\"><code class=\"language-yaml\"><span class=\"hl-source hl-yaml\">a</span></code></pre>",
            "<table><thead><tr><th align=\"center\">a</th></tr></thead><tbody><tr><td align=\"right\">1</td></tr></tbody></table>",
            "<p>x<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a></sup></p>",
            "<section class=\"footnotes\" data-footnotes=\"\"><ol><li id=\"fn-1\"><p>N. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref=\"\" data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p></li></ol></section>",
            "<ul><li><input type=\"checkbox\" checked=\"\" disabled=\"\"> xong</li></ul>",
            "<p><img loading=\"lazy\" width=\"4\" height=\"3\" src=\"anh.png\" alt=\"Ảnh\" title=\"T\"></p>",
            "<figure><img src=\"a.jpg\" alt=\"A\"><figcaption>Chú thích</figcaption></figure>",
            "<p><del>cũ</del> <strong>đậm</strong> <em>nghiêng</em> <code>mã</code> <sub>2</sub> <sup>3</sup> <br> <mark>m</mark> <u>g</u> <s>s</s> <kbd>k</kbd></p>",
            "<blockquote><p>t</p></blockquote><hr><ol start=\"3\"><li>x</li></ol><dl><dt>a</dt><dd>b</dd></dl>",
            "<p><a href=\"mailto:vp@x.vn\">m</a> <a href=\"tel:+84\">t</a> <a href=\"http://x.vn/?a=1&amp;b=2\">h</a></p>",
        ] {
            assert_eq!(clean(html, IframeHosts::NONE), html);
        }
    }
}
