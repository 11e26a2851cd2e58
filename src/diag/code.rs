//! Every kind of problem bantin reports, with a stable id (`BT0001`…) and
//! the values its message needs. The words are in the catalogues
//! [`super::vi`] and [`super::en`]: exhaustive matches, so a new code does
//! not compile until both languages word it.

use super::{Lang, Text};
pub use crate::vi::search::SynonymProblem;
pub use crate::vi::{DateProblem, Encoding};

/// Declares [`Code`], its ids and [`Code::ALL`] from one table, so an id
/// cannot be missing from the list the tests check.
macro_rules! codes {
    ($( $(#[$doc:meta])* $id:literal $name:ident $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// What is wrong, with the values its message needs.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Code {
            $( $(#[$doc])* $name $({ $($field: $ty),* })? ),*
        }

        impl Code {
            /// The id of every code, in order.
            pub const ALL: &'static [&'static str] = &[$($id),*];

            /// The stable id, printed with the message: `BT0001`.
            pub fn id(&self) -> &'static str {
                match self {
                    $( Code::$name { .. } => $id ),*
                }
            }
        }
    };
}

codes! {
    /// The file's bytes are not UTF-8 text.
    "BT0001" Encoding { problem: Encoding },
    /// Valid text that is a legacy Vietnamese encoding read as Unicode.
    "BT0002" Garbled { sample: String, encoding: &'static str, preview: String },
    /// Control characters removed from one line (`count` of them).
    "BT0003" ControlRemoved { code_point: u32, count: usize },
    /// Control characters removed on more lines than are listed.
    "BT0004" ControlRemovedMore { lines: usize },
    /// The file does not begin with a `---` line.
    "BT0005" NoFrontMatter,
    /// No `---` line closes the front matter.
    "BT0006" FrontMatterNotClosed,
    /// The YAML of a file cannot be read as its settings.
    "BT0007" Yaml { doc: Doc, problem: Problem, example: Option<String> },
    /// A front matter key no kind of file has.
    "BT0008" UnknownKey { key: String, kind: Kind, advice: KeyAdvice },
    /// A front matter key of another kind of file.
    "BT0009" ForeignKey { key: String, kind: Kind, owner: Option<Kind> },
    /// `kind:` of a section is neither `articles` nor `pages`.
    "BT0010" UnknownSectionKind { value: String, suggestion: Option<String> },
    /// A date that cannot be read; `reason` says why (English for now).
    "BT0011" InvalidDate { key: String, problem: DateProblem },
    /// The front matter has no `title`.
    "BT0012" MissingTitle,
    /// `slug:` has no letter or digit.
    "BT0013" SlugWithoutLetters,
    /// A taxonomy not declared in config.yaml.
    "BT0014" UnknownTaxonomy { name: String },
    /// `image:` of the front matter is not a usable address.
    "BT0015" UnusableImage { image: String, why: UrlError },
    /// A setting config.yaml does not have.
    "BT0016" UnknownSetting { key: String, path: String, suggestion: Option<String>, known: Vec<String> },
    /// A file of the site cannot be read.
    "BT0017" CannotRead { error: Io },
    /// A symbolic link in the site that is not followed.
    "BT0018" LinkSkipped { why: LinkProblem, folder: bool },
    /// A file name that is not Unicode.
    "BT0019" NameNotUnicode,
    /// Two file names that differ only in Unicode form (NFC and NFD).
    "BT0020" TwoUnicodeForms { name: String },
    /// A Markdown file whose name does not end in `.md`.
    "BT0021" NotMarkdownName { name: String, md: String },
    /// Raw HTML in a body while `unsafe_html` is off.
    "BT0022" RawHtmlDropped { html: String },
    /// More pieces of raw HTML dropped than are listed.
    "BT0023" MoreRawHtmlDropped { count: usize },
    /// An image of a body without alt text.
    "BT0024" ImageWithoutAlt { url: String },
    /// A link or image address that is refused (`javascript:`).
    "BT0025" RefusedUrl { image: bool, url: String, why: UrlError },
    /// A link or image to a path on the writer's computer; `example` is
    /// the Markdown to write instead.
    "BT0026" ComputerPath { image: bool, url: String, example: String },
    /// A relative link that leads out of `content/`.
    "BT0027" LinkOutsideContent { url: String },
    /// A block with more Markdown marks than `limits.max_block_marks`.
    "BT0028" DenseBlock { marks: usize },
    /// An article without `date`.
    "BT0029" MissingDate,
    /// The featured image of the front matter is not found.
    "BT0030" ImageNotFound { image: String },
    /// A link to a file with errors of its own (a warning).
    "BT0031" LinkToFailed { target: String },
    /// A link to a page that is not published.
    "BT0032" LinkToUnpublished { target: String, why: Unpublished },
    /// A link to a page that does not exist.
    "BT0033" LinkToMissingPage { target: String, suggestion: Option<String> },
    /// An image or attachment not found; `places` are where it was looked for.
    "BT0034" FileNotFound { image: bool, written: String, places: Vec<String>, advice: FileAdvice },
    /// A template fails; `page` is the page being rendered, when known.
    "BT0035" Template { kind: TemplateKind, detail: String, page: Option<Page> },
    /// An output file cannot be written.
    "BT0036" CannotWrite { what: Output, error: Io },
    /// An output path that cannot be a file name.
    "BT0037" BadOutputPath { what: Output, path: String, why: SegmentError },
    /// Two sources write the same output file.
    "BT0038" SameOutput { first: Output, second: Output, path: String },
    /// A file is written where another output needs a folder.
    "BT0039" FileWhereFolder { file: Output, folder: Output, path: String },
    /// The output folder cannot be used.
    "BT0040" OutputFolder { path: String, problem: OutputProblem },
    /// The new site could not take the place of the old one.
    "BT0041" CannotReplaceOutput { error: Io },
    /// A content file over `limits.max_file_mb`; sizes in tenths of MB.
    "BT0042" FileTooLarge { tenths_mb: u64, limit_mb: u64 },
    /// `base_url` (or `--base-url` when `flag`) is not usable.
    "BT0043" BadBaseUrl { flag: bool, url: String, why: BaseUrlProblem },
    /// The folder is not a site: it lacks config.yaml or content/.
    "BT0044" NotASite { root: String, config_missing: bool },
    "BT0045" UnknownTimezone { value: String },
    "BT0046" UnsupportedLanguage { value: String },
    "BT0047" PaginateZero,
    "BT0048" TaxonomyTwice { name: String },
    /// A config value that becomes a folder name of URLs.
    "BT0049" BadUrlSegment { owner: SegmentOwner, value: String, why: UrlSegmentProblem },
    "BT0050" BadThemeName { theme: String },
    /// A menu item under a child of the menu.
    "BT0051" MenuTooDeep { title: String, parent: String },
    "BT0052" MenuBadPath { title: String, path: String, why: UrlError },
    /// A character an e-mail address cannot hold.
    "BT0053" ContactEmail { email: String, bad: char },
    /// A character a phone number cannot hold.
    "BT0054" ContactPhone { phone: String, bad: char },
    "BT0055" ThemeNotFound { theme: String },
    /// The theme has no `i18n/{language}.yaml`.
    "BT0056" NoStrings { language: String },
    /// `logo` or `banner` names no file of static/.
    "BT0057" NotInStatic { key: String, value: String, suggestion: Option<String> },
    "BT0058" BannerWithoutAlt,
    /// A menu item leads to no page of the site.
    "BT0059" MenuNoPage { title: String, path: String, suggestion: Option<String> },
    "BT0060" UnusableAlias { alias: String, why: AliasProblem },
    /// A taxonomy term whose name gives no URL.
    "BT0061" TermWithoutSlug { taxonomy: String, term: String },
    /// Two terms with the same URL; `free` is a slug to set for one.
    "BT0062" TermsShareUrl { taxonomy: String, term: String, file: String, other: String, other_file: String, path: String, free: String },
    /// `init` or `new` cannot do `action` on its file or folder.
    "BT0063" ScaffoldIo { action: Action, error: Io },
    /// `init` or `new` would overwrite `path`; `article` for `new`.
    "BT0064" AlreadyExists { path: String, article: bool },
    /// `init` into a folder that is not empty.
    "BT0065" FolderNotEmpty { folder: String },
    /// `new` into a section that does not exist.
    "BT0066" NoSuchSection { wanted: String, suggestion: Option<String>, sections: Vec<String> },
    "BT0067" EmptyTitle,
    /// A title with a line break or a tab.
    "BT0068" TitleControl,
    /// `--slug` that is not a slug; `example` is one that is.
    "BT0069" NotASlug { slug: String, example: String },
    /// A title with no letter or digit for the file name.
    "BT0070" TitleWithoutName { title: String },
    /// The article an archetype makes would not build: `first` says why.
    "BT0071" ArchetypeWouldFail { first: Box<Code> },
    /// An archetype whose template cannot be filled in (minijinja's words).
    "BT0072" ArchetypeFill { detail: String },
    /// `serve` finds no free port from `port` on.
    "BT0073" CannotListen { port: u16, last: Option<u16>, error: Option<Io> },
    /// `serve` cannot start its server on the port it has.
    "BT0074" CannotServe { detail: String },
    /// `serve` cannot watch the site's folders.
    "BT0075" CannotWatch { detail: String },
    /// A search synonym (config.yaml or the theme's list) that cannot be used.
    "BT0076" Synonym { short: String, problem: SynonymProblem },
    /// The search index could not be made.
    "BT0077" SearchIndex { detail: String },
    /// An output file planned inside the folder of the search index.
    "BT0078" InSearchFolder { what: Output, path: String, folder: String },
    /// An image file heavier than `images.max_mb`.
    "BT0079" ImageTooLarge { tenths_mb: u64, limit_mb: u64 },
    /// An image that cannot be decoded: published without other sizes.
    "BT0080" ImageUnreadable { problem: ImageProblem, published: bool },
    /// A setting of `images:` in config.yaml that cannot be used.
    "BT0081" ImageSetting { problem: ImageSettingProblem },
    /// The folder of processed images cannot be used: images are made again.
    "BT0082" CacheUnusable { folder: String, error: Io },
    /// `serve` refused a request that does not come from this machine's
    /// pages; `more` refusals were not printed since the last report.
    "BT0083" RequestRefused { by: RefusedBy, port: u16, more: u64 },
    /// `serve` did not serve a file that is no longer what the build published.
    "BT0084" ServedFileChanged { path: String, problem: ServedFile },
    /// `serve` cannot take new connections for a moment.
    "BT0085" CannotAccept { error: Io },
    /// The cache folder in the site's folder is a symbolic link: not used.
    "BT0086" CacheLink { folder: String },
    /// The cache folder in the system's temporary folder is not private
    /// to the user: not used.
    "BT0087" TempCacheNotPrivate { folder: String, why: NotPrivate },
    /// An image that needs more memory than this machine gives it; tried
    /// again at the next build. `refused`: the system would not give the
    /// memory (else it is over bantin's own limit).
    "BT0088" ImageOverMemory { width: u32, height: u32, needed_mb: u64, refused: bool, published: bool },
    /// A file of `content/` that a browser or a web server runs (HTML, SVG,
    /// XML, script): not published.
    "BT0089" ActiveFile { by: Active },
    /// An image that cannot be published without its metadata.
    "BT0090" ImageNotPublished { problem: ImageRefusal },
    /// A link, image or setting naming a file that is not published;
    /// `written` as written, `image` when it is shown as an image.
    "BT0091" NotPublishedTarget { written: String, image: bool, why: Refusal },
    /// A site path written in a body (`/tin-tuc/`, `../a/`) that leads to
    /// no file of the output, as a site path (`None`: above the root).
    "BT0092" SiteLinkNotFound { written: String, path: Option<String>, suggestion: Option<String> },
    /// A footnote label defined a second time; the first is on `first_line`.
    "BT0093" FootnoteTwice { label: String, first_line: usize },
    /// An `id` of raw HTML that another element of the page has, or that
    /// is not an id: it is left out.
    "BT0094" IdTaken { id: String, by: IdOwner },
    /// Brackets (`[`, `{`) of a YAML text nested deeper than `limit`:
    /// refused before parsing, which would take minutes.
    "BT0095" YamlNesting { doc: Doc, limit: usize },
    /// `init` would overwrite `paths` (hidden entries beside `.git`).
    "BT0096" InitWouldOverwrite { folder: String, paths: Vec<String> },
    /// `new` cut the file name made from a long title to `limit` characters.
    "BT0097" SlugShortened { slug: String, limit: usize, example: String },
    /// `new` would write a file whose name Windows keeps for a device.
    "BT0098" ReservedName { slug: String, example: String },
    /// `--slug` longer than `limit` characters; `example` fits.
    "BT0099" SlugTooLong { length: usize, limit: usize, example: String },
    /// Two output paths, or folders of them, that differ only in letter
    /// case: one file on Windows and macOS.
    "BT0100" CaseCollision { first: Output, second: Output, first_path: String, second_path: String },
}

/// Why a folder in the system's temporary folder is not private to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotPrivate {
    Link,
    NotFolder,
    OtherOwner,
    /// Other users (the group, or everyone) can write to it.
    Writable,
}

/// What makes a file run in a browser or on a web server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Active {
    /// A part of its name: `.html`, or a server's settings file (`web.config`).
    Name { part: String },
    /// Markup in its first bytes: `HTML`, `SVG` or `XML`.
    Markup { kind: &'static str },
}

impl Active {
    /// Whether the file is an SVG picture (then PNG is the way to show it).
    pub fn is_svg(&self) -> bool {
        match self {
            Active::Name { part } => part.starts_with(".svg"),
            Active::Markup { kind } => *kind == "SVG",
        }
    }
}

/// Why an image is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageRefusal {
    /// A format whose metadata bantin cannot remove (`HEIC`, `TIFF`…).
    Format { format: &'static str },
    /// A picture of `format` under another kind of file's name; `name` is
    /// the name it should have.
    Misnamed { format: &'static str, name: String },
}

/// Why a file of the site is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Active(Active),
    Image(ImageRefusal),
}

/// Who already has an id that raw HTML sets, or why it is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOwner {
    /// The theme's templates.
    Theme,
    /// A footnote of the body.
    Footnote,
    /// An earlier element of the body.
    Earlier,
    /// Empty, or with a space: not an id in HTML.
    Invalid,
}

/// Why an image cannot be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// Not a format bantin reads.
    Unsupported,
    /// The file is damaged; the decoder's words (English).
    Corrupt { detail: String },
    /// Too many pixels to decode safely.
    TooLarge { width: u32, height: u32 },
}

/// What is wrong with `images:` in config.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSettingProblem {
    /// `widths: []`.
    NoWidths,
    /// A width outside 16–8192.
    Width { width: u32 },
    /// A quality outside 1–100.
    Quality { quality: u8 },
}

impl ImageSettingProblem {
    /// The key of `images:` at fault.
    pub fn key(&self) -> &'static str {
        match self {
            ImageSettingProblem::NoWidths | ImageSettingProblem::Width { .. } => "widths",
            ImageSettingProblem::Quality { .. } => "quality",
        }
    }
}

/// What `init` or `new` was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    CreateFolder,
    CreateFile,
    WriteFile,
    ReadFolder,
    ReadArchetype,
}

/// Why the output folder cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputProblem {
    HoldsSite,
    InsideSiteFolder {
        folder: String,
    },
    IsFile,
    NotOurs,
    /// A folder cannot be created; `path` is that folder.
    CannotCreate {
        path: String,
        error: Io,
    },
}

/// Why a `base_url` is not usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseUrlProblem {
    Url(UrlError),
    NotAbsolute,
    NoHost,
    Character(char),
}

/// The config value that becomes a folder name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentOwner {
    /// `urls.archive`, `urls.search`, `urls.page`.
    Urls {
        key: String,
    },
    TaxonomyPath {
        name: String,
    },
    TermSlug {
        term: String,
    },
}

/// Why a config value cannot be a folder name of URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlSegmentProblem {
    Empty,
    Segment(SegmentError),
    /// Not lowercase ASCII words joined by `-`: `slug` would be.
    NotSlug {
        slug: String,
    },
}

/// Why an alias cannot be an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasProblem {
    Character(char),
    FullAddress,
    Home,
    /// A `.` or `..` segment.
    Dot(String),
}

/// The page a template was rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its path in the output folder: `tin-tuc/bai/index.html`.
    pub path: String,
    pub what: Output,
}

/// What kind of template error, from minijinja's kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateKind {
    Syntax,
    Undefined,
    UnknownFilter,
    UnknownFunction,
    UnknownTest,
    NotFound,
    InvalidOperation,
    Other,
}

/// Longest file or folder name most file systems take, in bytes. Here,
/// beside the error that names it, because `paths` comes after `diag`.
pub const MAX_SEGMENT_BYTES: usize = 255;

/// Why a path segment cannot be a file or folder name in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentError {
    Empty,
    /// `.` or `..`
    Dot(String),
    /// `/`, `\`, NUL or another control character.
    Character(char),
    /// `CON`, `NUL`, `COM1`, … (also with an extension): Windows cannot
    /// create them, and a site is often copied to a Windows server.
    Reserved(String),
    TooLong(usize),
}

/// An output file, as a message names it: by its source file when it has
/// one, else by what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Home { file: Option<String> },
    Section { file: String },
    SectionFeed { file: String },
    Article { file: String },
    Page { file: String },
    Alias { alias: String, file: String },
    TaxonomyIndex { taxonomy: String },
    Term { taxonomy: String, term: String },
    TermFeed { taxonomy: String, term: String },
    Archive { path: String },
    NotFound,
    SearchPage,
    SearchDoc { file: String },
    SiteRss,
    Atom,
    Sitemap,
    Robots,
    HighlightCss,
    Marker,
    Asset { file: String },
    Static { file: String },
}

/// Why a page is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unpublished {
    Draft,
    Future,
    Expired,
}

/// What to suggest for a file not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAdvice {
    /// The same name in other case exists.
    OtherCase { name: String },
    /// A close name exists in the same folder.
    Near { name: String },
    /// Nothing close: where to put the file.
    Place,
}

/// Why a symbolic link is not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// It points outside the site folder.
    Outside { target: String },
    /// What it points to cannot be read.
    Broken { error: Io },
    /// It points to a folder that contains it.
    Loop,
}

/// What the system said when a file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Io {
    pub kind: IoKind,
    /// The system's own words, in English.
    pub detail: String,
}

/// The common kinds of [`Io`] errors, worded in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoKind {
    NotFound,
    PermissionDenied,
    /// The disk is full or over quota.
    NoSpace,
    Other,
    /// A name or path longer than the system takes.
    NameTooLong,
}

impl From<&std::io::Error> for Io {
    fn from(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let kind = match e.kind() {
            K::NotFound => IoKind::NotFound,
            K::PermissionDenied => IoKind::PermissionDenied,
            K::StorageFull | K::QuotaExceeded => IoKind::NoSpace,
            K::InvalidFilename => IoKind::NameTooLong,
            _ => IoKind::Other,
        };
        Io {
            kind,
            detail: e.to_string(),
        }
    }
}

/// What a content file is, which decides the keys it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// A dated news item, listed in sections, taxonomies, archive and feeds.
    #[default]
    Article,
    /// A section's `_index.md` (the content root's is the home page).
    Section,
    /// A standalone page (Giới thiệu, Liên hệ): no date, in no listing.
    Page,
}

/// What to suggest for an unknown front matter key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyAdvice {
    /// The key names a taxonomy: it goes under `taxonomies:`.
    Taxonomy,
    /// A near key of this kind of file, or a taxonomy's name.
    DidYouMean { key: String },
    /// A near key of another kind of file, `owner`.
    DidYouMeanForeign { key: String, owner: Kind },
    /// Nothing near: the keys this kind of file has.
    Keys { keys: Vec<String> },
}

/// Which file a YAML problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    FrontMatter,
    Config,
    /// A theme's or the site's `i18n/*.yaml`.
    Other,
}

/// What was wrong in a YAML text, sorted out of serde's and libyaml's
/// wording. Paths are serde_yaml's: `feed.limit`, `menu[0].path`, empty for
/// the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text is not YAML.
    Syntax(Syntax),
    /// The whole text is a list, a plain text or a number.
    NotAMapping,
    /// A key no field has; `expected` lists the keys of that mapping.
    UnknownKey {
        path: String,
        key: String,
        expected: Vec<String>,
    },
    /// A key written twice in one mapping. The error's position is the
    /// second occurrence when it could be found in the text.
    Duplicate {
        path: String,
        key: String,
        /// Line of the first occurrence in the file.
        first_line: Option<usize>,
    },
    /// A value of the wrong kind (`tags: {a: 1}`).
    WrongType {
        path: String,
        expected: Expected,
        /// The value is empty (`paginate_by:`).
        empty: bool,
    },
    /// A mapping lacks a required key.
    MissingKey { path: String, key: String },
    /// Brackets nested deeper than `limit`, found before parsing; the
    /// error's position is the first bracket too deep.
    Nesting { limit: usize },
}

/// The kind of value a key takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Text,
    /// A text holding a date.
    Date,
    List,
    Bool,
    WholeNumber {
        unsigned: bool,
    },
    Number,
    Mapping,
    /// One of these words (`sort_by: date`).
    OneOf(Vec<String>),
    /// One word of a fixed set the error does not list.
    Word,
    /// A shape serde does not name (an untagged enum).
    Other,
}

/// Why a text is not YAML, from libyaml's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    Tab,
    /// A value starts with this character (`@`, `` ` ``, `%`), or with none shown.
    CannotStart(Option<char>),
    SecondColon,
    ListNotClosed,
    BraceNotClosed,
    NotLinedUp,
    NotLinedUpWithList,
    ListItemHere,
    KeyWithoutColon,
    Unclosed,
    Escape,
    /// A value starts with `*` or `&`.
    Anchor,
    /// A value starts with `!`.
    Tag,
    DocumentSplit,
    TooDeep,
    TooManyAliases,
    ValueMissing,
    Other,
}

/// Why a URL is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// A scheme other than the four allowed, such as `javascript`.
    Scheme(String),
    /// Whitespace or a control character, which browsers strip or misread.
    Character(char),
    Empty,
}

impl Code {
    /// The message and hint in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        match lang {
            Lang::Vi => super::vi::text(self),
            Lang::En => super::en::text(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_in_order() {
        for (i, id) in Code::ALL.iter().enumerate() {
            assert_eq!(*id, format!("BT{:04}", i + 1), "ids are numbered in order");
        }
    }
}

/// What made `serve` refuse a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusedBy {
    /// A `Host` header that is not this machine at the served port.
    Host { value: String },
    /// No `Host` header, or two.
    NoHost,
    /// An `Origin` header that is not this machine at the served port.
    Origin { value: String },
}

/// How a file served from disk differs from what the build published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServedFile {
    /// A symbolic link is at its path.
    Link,
    /// A folder or another kind of file is at its path.
    NotAFile,
    /// Another file, or the same with another length.
    Replaced,
    /// It cannot be opened.
    Unreadable { error: Io },
}
