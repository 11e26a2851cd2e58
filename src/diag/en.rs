//! The English catalogue: every [`Code`] worded as in the Vietnamese one.

use super::{
    Action, AliasProblem, BaseUrlProblem, Code, DateProblem, Doc, Encoding, Expected, FileAdvice,
    IdOwner, ImageProblem, ImageSettingProblem, Io, IoKind, KeyAdvice, Kind, LinkProblem, Output,
    OutputProblem, Problem, SegmentError, SegmentOwner, SynonymProblem, Syntax, TemplateKind, Text,
    Unpublished, UrlError, UrlSegmentProblem,
};

const SAVE_AS_UTF8: &str = "open it in Notepad and use File > Save As with Encoding: UTF-8, or save it as UTF-8 from your editor";

const DROPPED_HINT: &str = "raw HTML is off: set `markdown: {unsafe_html: true}` in \
    config.yaml to allow safe HTML, or write it in Markdown";

const SAME_OUTPUT_HINT: &str = "rename one of the two files, or give the article a different `slug`; generated files (feeds, sitemap, archive, tag pages) keep their names";

const SITE_PATHS: &str = "a path that starts with `/` is from the site's root, any other from the page's own address; link another article by its `.md` file, and a page of another website by its full `https://…` address";

const CHECK_YAML: &str =
    "check the YAML syntax: `key: value`, lists as `[a, b]`, quote text that contains `:` or `#`";

/// The message and hint of `code` in English.
pub fn text(code: &Code) -> Text {
    match code {
        Code::Encoding { problem } => encoding(problem),
        Code::Garbled {
            sample,
            encoding,
            preview,
        } => Text::new(format!(
            "garbled text: `{sample}` looks like {encoding} text pasted as Unicode; it should read `{preview}`"
        ))
        .hint(match *encoding {
            "TCVN3 (ABC)" | "VNI" => format!(
                "the text was copied from a {encoding} document; convert it with Unikey's Toolkit (Ctrl+Shift+F6): \
                 copy it, choose {} → Unicode, convert the clipboard, and paste it back",
                if *encoding == "VNI" { "VNI Windows" } else { "TCVN3 (ABC)" }
            ),
            _ => "the text was decoded twice; paste it again from the original document".to_string(),
        }),
        Code::ControlRemoved { code_point, count } => Text::new(if *count == 1 {
            format!("the control character U+{code_point:04X} was removed")
        } else {
            format!("{count} control characters (U+{code_point:04X} …) were removed")
        })
        .hint("they come from text pasted from Word or a PDF and cannot appear in a page; delete them from the file to silence this"),
        Code::ControlRemovedMore { lines } => Text::new(format!(
            "control characters were removed on {lines} more lines"
        ))
        .hint("they come from text pasted from Word or a PDF"),
        Code::NoFrontMatter => Text::new("the file does not start with front matter").hint(
            "begin the file with a line `---`, then `title: \"...\"` and `date: ...`, then a line `---`",
        ),
        Code::FrontMatterNotClosed => Text::new("the front matter is not closed")
            .hint("add a line `---` after the last front matter line"),
        Code::Yaml {
            doc,
            problem,
            example,
        } => yaml(*doc, problem, example.as_deref()),
        Code::UnknownKey { key, kind, advice } => {
            Text::new(format!("unknown front matter key `{key}`")).hint(match advice {
                KeyAdvice::Taxonomy => format!(
                    "`{key}` is a taxonomy: write it under `taxonomies:`, as `taxonomies: {{{key}: [..]}}`"
                ),
                KeyAdvice::DidYouMean { key: s } => format!(
                    "`{key}` — did you mean `{s}`? (free keys for themes go under `extra:`)"
                ),
                KeyAdvice::DidYouMeanForeign { key: s, owner } => format!(
                    "`{key}` — did you mean `{s}`? {}",
                    foreign(*kind, s, *owner)
                ),
                KeyAdvice::Keys { keys } => format!(
                    "{} has the keys {}; free keys go under `extra:`",
                    noun(*kind),
                    keys.join(", ")
                ),
            })
        }
        Code::ForeignKey { key, kind, owner } => {
            Text::new(format!("`{key}` does not belong in {}", noun(*kind))).hint(match owner {
                Some(o) => foreign(*kind, key, *o),
                None => format!("remove `{key}`"),
            })
        }
        Code::UnknownSectionKind { value, suggestion } => {
            Text::new(format!("unknown section kind `{value}`")).hint(match suggestion {
                Some(s) => format!("did you mean `kind: {s}`? (`articles`, the default, or `pages`)"),
                None => "write `kind: articles` (the default) or `kind: pages`".to_string(),
            })
        }
        Code::InvalidDate { key, problem } => Text::new(format!("invalid `{key}`: {}", date(problem))).hint(
            "dates are written 2021-10-15, 15/10/2021 (day first), 15/10/2021 14:30 or 2021-10-15T14:30:00+07:00",
        ),
        Code::MissingTitle => Text::new("missing `title`")
            .hint("add a line `title: \"Tiêu đề bài viết\"` to the front matter"),
        Code::SlugWithoutLetters => Text::new("`slug` has no letters or digits")
            .hint("write a slug like `giao-ban-hdnd`"),
        Code::UnknownTaxonomy { name } => Text::new(format!("unknown taxonomy `{name}`"))
            .hint("declare it under `taxonomies:` in config.yaml"),
        Code::UnusableImage { image, why } => Text::new(format!(
            "`image` `{image}` is not usable: {}",
            url_error(why)
        ))
        .hint("write a file name beside the article (`anh-1.jpg`), a path in static/, or an `https://` address"),
        Code::UnknownSetting {
            key,
            path,
            suggestion,
            known,
        } => Text::new(if path.is_empty() {
            format!("unknown setting `{key}` in config.yaml")
        } else {
            format!(
                "unknown setting `{key}` under {} in config.yaml",
                describe_path(path)
            )
        })
        .hint(match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("known settings: {}", known.join(", ")),
        }),
        Code::CannotRead { error } => Text::new(format!("cannot read: {}", io(error))).hint(
            "check that the file exists and that you may read it; close any program that locks it",
        ),
        Code::LinkSkipped { why, folder } => match why {
            LinkProblem::Loop => Text::new("symbolic link skipped: it makes a loop")
                .hint("remove the link; it points to a folder that contains it"),
            LinkProblem::Outside { target } => Text::new(format!(
                "symbolic link skipped: it leads outside the site folder, to `{target}`"
            )),
            LinkProblem::Broken { error } => Text::new(format!(
                "symbolic link skipped: it cannot be followed: {}",
                io(error)
            )),
        }
        .or_hint(if *folder {
            "copy the files into the site folder instead of linking to them"
        } else {
            "copy the file into the site folder instead of linking to it"
        }),
        Code::NameNotUnicode => Text::new("file name is not valid Unicode")
            .hint("rename the file using Unicode (UTF-8) characters"),
        Code::TwoUnicodeForms { name } => Text::new(format!(
            "two files are named `{name}`, written in different Unicode forms \
             (one composed, one decomposed as macOS writes names): they look \
             the same but are different files, and would be one page"
        ))
        .hint("rename or delete one of them: keep one file, and retype its name on this computer if it came from a Mac"),
        Code::NotMarkdownName { name, md } => Text::new(format!(
            "`{name}` looks like an article but does not end in `.md`, so it is neither built nor copied"
        ))
        .hint(format!("rename it to `{md}` to publish it (with `draft: true` it stays unpublished), or move it out of content/")),
        Code::RawHtmlDropped { html } => Text::new(format!("raw HTML `{html}` is dropped")).hint(DROPPED_HINT),
        Code::MoreRawHtmlDropped { count } => Text::new(format!("… and {count} more pieces of raw HTML dropped")).hint(DROPPED_HINT),
        Code::ImageWithoutAlt { url } => Text::new(format!("image `{url}` has no alt text")).hint(
            "describe the image for readers who cannot see it: ![Toàn cảnh hội nghị](anh-1.jpg)",
        ),
        Code::RefusedUrl { image, url, why } => {
            let what = if *image { "image" } else { "link" };
            Text::new(match why {
                UrlError::Scheme(_) => format!(
                    "{what} `{url}` uses a scheme that is not allowed (only http, https, mailto, tel and relative links)"
                ),
                e => format!("{what} `{url}` is not allowed: {}", url_error(e)),
            })
            .hint("write a web address starting with https:// (or mailto:, tel:) or a relative \
                   path such as `../2021/bai-viet.md`; scripts and embedded data cannot be linked")
        }
        Code::ComputerPath { image, url, example } => Text::new(format!(
            "{} `{url}` is a path on your computer, which readers of the site cannot open",
            if *image { "image" } else { "link" }
        ))
        .hint(format!(
            "copy the file beside the article (as a bundle: `bai-viet/index.md` with the file \
             in `bai-viet/`) and link it by its name: `{example}`"
        )),
        Code::LinkOutsideContent { url } => Text::new(format!("link `{url}` points outside content/")).hint(
            "link to articles inside content/ with a relative path such as `../2021/bai-viet.md`",
        ),
        Code::DenseBlock { marks } => Text::new(format!(
            "this block has {marks} Markdown marks (`[`, `<`, `*`, `|`, …), more than \
             `limits.max_block_marks`; it is shown as plain text"
        ))
        .hint("split it into paragraphs, put it in a code block (```), attach it as a file, \
               or raise `limits: {max_block_marks: …}` in config.yaml"),
        Code::MissingDate => Text::new("missing `date`").hint(
            "articles need a date: add `date: 2021-10-15 14:00` (or 15/10/2021) to the front matter",
        ),
        Code::ImageNotFound { image } => Text::new(format!("image `{image}` not found")).hint(
            "put the image beside the article (as a bundle: `bai-viet/index.md` + `bai-viet/anh.jpg`) or in static/",
        ),
        Code::LinkToFailed { target } => Text::new(format!(
            "link to `{target}`: the target has an error (see above)"
        ))
        .hint(format!("fix the error in `content/{target}`; this link works once it is fixed")),
        Code::LinkToUnpublished { target, why } => Text::new(format!(
            "link to `{target}`, which is {} and not published",
            match why {
                Unpublished::Draft => "a draft",
                Unpublished::Future => "dated in the future",
                Unpublished::Expired => "expired",
            }
        ))
        .hint("fix the path (relative to this file's folder) or remove the link"),
        Code::LinkToMissingPage { target, suggestion } => Text::new(format!(
            "link to `{target}`, which does not exist in content/"
        ))
        .hint(match suggestion {
            Some(s) => format!("did you mean `{s}`? Paths are relative to the linking file's folder"),
            None => "fix the path (relative to this file's folder) or remove the link".into(),
        }),
        Code::FileNotFound { image, written, places, advice } => Text::new(format!(
            "{} `{written}` not found: there is no file {}",
            if *image { "image" } else { "link" },
            places.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(" nor ")
        ))
        .hint(match advice {
            FileAdvice::OtherCase { name } => format!(
                "did you mean `{name}`? Names differ in upper and lower case, which the web server does not ignore"
            ),
            FileAdvice::Near { name } => format!("did you mean `{name}`? Paths are relative to the article's folder"),
            FileAdvice::Place => "put the file beside the article (as a bundle: `bai-viet/index.md` + \
                                  `bai-viet/anh.jpg`) or in static/, and link it by its path"
                .into(),
        }),
        Code::Template { kind, detail, page } => {
            let what = match kind {
                TemplateKind::Syntax => "the template is not written correctly",
                TemplateKind::Undefined => "the template uses a value that does not exist",
                TemplateKind::UnknownFilter => "the template uses a filter that does not exist",
                TemplateKind::UnknownFunction => "the template calls a function that does not exist",
                TemplateKind::UnknownTest => "the template uses a test that does not exist",
                TemplateKind::NotFound => "the template includes a template that does not exist",
                TemplateKind::InvalidOperation => "the template does something that cannot be done",
                TemplateKind::Other => "the template fails",
            };
            let page = page.as_ref().map_or(String::new(), |p| {
                format!(" while rendering `{}` ({})", p.path, output(&p.what))
            });
            Text::new(format!("template error: {what}{page}: {detail}"))
                .hint("fix the template; see docs/templates.md for the variables of each template")
        }
        Code::CannotWrite { what, error } => Text::new(format!(
            "cannot write {}: {}",
            output(what),
            io(error)
        ))
        .hint("check that the output folder is on a disk with free space and that you may write there"),
        Code::BadOutputPath { what, path, why } => Text::new(format!(
            "{} would be written as `{path}`, which cannot be a file in the output: {}",
            output(what),
            segment(why)
        ))
        .hint("rename the file (letters, digits, `-`, `_` and `.`), or give the article a `slug`"),
        Code::SameOutput { first, second, path } => Text::new(format!(
            "{} and {} would both write `{path}`",
            output(first),
            output(second)
        ))
        .hint(SAME_OUTPUT_HINT),
        Code::CaseCollision {
            first,
            second,
            first_path,
            second_path,
        } => Text::new(format!(
            "{} uses `{first_path}` and {} uses `{second_path}`: the two differ only in letter case, so Windows and macOS keep only one of them",
            output(first),
            output(second)
        ))
        .hint("rename one of the two files or folders so that their names differ in more than letter case (write names in lower case, as slugs are)"),
        Code::FileWhereFolder { file, folder, path } => Text::new(format!(
            "{} is written as the file `{path}`, but {} needs a folder of that name",
            output(file),
            output(folder)
        ))
        .hint(SAME_OUTPUT_HINT),
        Code::OutputFolder { path, problem } => {
            let refuse = "choose an output folder of its own, such as `public/`";
            match problem {
                OutputProblem::HoldsSite => Text::new(format!(
                    "refusing to write into `{path}`: it holds the site itself"
                ))
                .hint(refuse),
                OutputProblem::InsideSiteFolder { folder } => Text::new(format!(
                    "refusing to write into `{path}`: it is inside the site's {folder}/ folder"
                ))
                .hint(refuse),
                OutputProblem::IsFile => Text::new(format!("`{path}` is a file, not a folder")).hint(refuse),
                OutputProblem::NotOurs => Text::new(format!(
                    "refusing to write into `{path}`: it is not empty and was not created by bantin"
                ))
                .hint("empty the folder or choose another; bantin replaces the whole folder on every build"),
                OutputProblem::CannotCreate { path, error } => {
                    Text::new(format!("cannot create `{path}`: {}", io(error))).hint("check permissions")
                }
            }
        }
        Code::CannotReplaceOutput { error } => Text::new(format!(
            "cannot replace the output folder: {}",
            io(error)
        ))
        .hint("close any program that uses the output folder, then build again; the previous site is unchanged"),
        Code::FileTooLarge { tenths_mb, limit_mb } => Text::new(format!(
            "the file is {}.{} MB, larger than the limit of {limit_mb} MB (`limits.max_file_mb` in config.yaml)",
            tenths_mb / 10,
            tenths_mb % 10
        ))
        .hint("split the article, move large tables or data into an attached file, or raise `limits: {max_file_mb: …}`"),
        Code::BadBaseUrl { flag, url, why } => Text::new(format!(
            "{} `{url}` {}",
            if *flag { "--base-url" } else { "base_url" },
            base_url(why)
        ))
        .hint("write it like `https://hdnd.backan.gov.vn/`"),
        Code::NotASite { root, config_missing } => Text::new(format!(
            "`{root}` is not a bantin site: it has no {}",
            if *config_missing { "config.yaml" } else { "content/ folder" }
        ))
        .hint("give the site folder with `--root`, or create a new site with `bantin init`; nothing was touched"),
        Code::UnknownTimezone { value } => Text::new(format!("unknown timezone `{value}`"))
            .hint("write `Asia/Ho_Chi_Minh` or a fixed offset such as `+07:00`"),
        Code::UnsupportedLanguage { value } => {
            Text::new(format!("unsupported language `{value}`")).hint("the theme speaks `vi` and `en`")
        }
        Code::PaginateZero => Text::new("paginate_by must be at least 1").hint("write a number of articles per page, such as `paginate_by: 20`"),
        Code::TaxonomyTwice { name } => Text::new(format!("taxonomy `{name}` is declared twice"))
            .hint("each taxonomy needs a unique name"),
        Code::BadUrlSegment { owner, value, why } => Text::new(format!(
            "{} `{value}` cannot be a URL segment: {}",
            match owner {
                SegmentOwner::Urls { key } => key.clone(),
                SegmentOwner::TaxonomyPath { name } => format!("the path of taxonomy `{name}`"),
                SegmentOwner::TermSlug { term } => format!("term_slugs: the slug of `{term}`"),
            },
            match why {
                UrlSegmentProblem::Empty => "it is empty".to_string(),
                UrlSegmentProblem::Segment(e) => segment(e),
                UrlSegmentProblem::NotSlug { slug } => format!("it is not in slug form (`{slug}` would be)"),
            }
        ))
        .hint("write one lowercase ASCII word or words joined by `-`, such as `luu-tru`"),
        Code::BadThemeName { theme } => Text::new(format!("theme `{theme}` is not a theme name"))
            .hint("name a folder under themes/ (letters, digits, `-` and `_`), or remove `theme:` to use the bundled theme"),
        Code::MenuTooDeep { title, parent } => Text::new(format!("menu item `{title}` is a child of a child"))
            .hint(format!("the menu has one level of children: move `{title}` under a top-level item, or link it from the page `{parent}`")),
        Code::MenuBadPath { title, path, why } => Text::new(format!(
            "menu item `{title}` has an unusable path `{path}`: {}",
            url_error(why)
        ))
        .hint("write a site path such as `tin-tuc/` or a full `https://` address"),
        Code::ContactEmail { email, bad } => Text::new(format!("contact email `{email}` contains {}", character(*bad)))
            .hint("write one address, like `hdnd@backan.gov.vn`"),
        Code::ContactPhone { phone, bad } => Text::new(format!("contact phone `{phone}` contains {}", character(*bad)))
            .hint("write digits, spaces and `+ . - ( )` only, like `0209 3870 000`"),
        Code::ThemeNotFound { theme } => Text::new(format!("theme `{theme}` not found"))
            .hint(format!("create themes/{theme}/ or remove `theme:` to use the bundled theme")),
        Code::NoStrings { language } => Text::new(format!("the theme has no strings for language `{language}`"))
            .hint(format!("add i18n/{language}.yaml to the theme")),
        Code::NotInStatic { key, value, suggestion } => Text::new(format!(
            "`{key}` names `{value}`, which is not a file in static/"
        ))
        .hint(match suggestion {
            Some(s) => format!("did you mean `{s}`? Paths start from static/"),
            None => format!(
                "put the image in static/ and write its path from there, like `{key}: {}`",
                if key == "logo" { "logo-hdnd.png" } else { "bang-ron.jpg" }
            ),
        }),
        Code::BannerWithoutAlt => Text::new("the banner has no `alt` text")
            .hint("say what the image shows, as `banner: {image: …, alt: \"Chào mừng kỳ họp thứ 5\"}`, or write `alt: \"\"` if it only decorates"),
        Code::MenuNoPage { title, path, suggestion } => Text::new(format!(
            "menu item `{title}` leads to `{path}`, which is no page of the site"
        ))
        .hint(match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "write the path of a page, like `tin-tuc/`, or a full `https://` address".into(),
        }),
        Code::UnusableAlias { alias, why } => Text::new(format!(
            "alias `{alias}` is not a usable path: {}",
            match why {
                AliasProblem::Character(c) => format!("it contains {}", character(*c)),
                AliasProblem::FullAddress => "it is a full address; an alias is a path on this site".into(),
                AliasProblem::Home => "it is the site's home page".into(),
                AliasProblem::Dot(s) => format!("the segment `{s}` would leave the site"),
            }
        ))
        .hint("write old URLs as site paths, like `/tin-cu/123.html` or `/tin-cu/123/`"),
        Code::TermWithoutSlug { taxonomy, term } => Text::new(format!(
            "{taxonomy} `{term}` has no letters or digits for its URL"
        ))
        .hint(format!("give it a slug in config.yaml: `term_slugs: {{\"{term}\": ten-the}}`")),
        Code::TermsShareUrl { taxonomy, term, file, other, other_file, path, free } => Text::new(format!(
            "{taxonomy} `{term}` (in {file}) and `{other}` (in {other_file}) are different words but both have the URL `{path}`"
        ))
        .hint(format!("if they are the same word, spell them the same; otherwise set a slug for one in config.yaml: `term_slugs: {{\"{term}\": {free}}}`")),
        Code::ScaffoldIo { action, error } => Text::new(format!(
            "cannot {}: {}",
            match action {
                Action::CreateFolder => "create the folder",
                Action::CreateFile => "create the file",
                Action::WriteFile => "write the file",
                Action::ReadFolder => "read the folder",
                Action::ReadArchetype => "read the archetype",
            },
            io(error)
        ))
        .hint(if error.kind == IoKind::NameTooLong {
            "choose a shorter name (`--slug` for `bantin new`), or keep the site in a folder nearer the top of the disk, such as `D:\\ban-tin`"
        } else {
            "check that the folder exists and that you may write in it"
        }),
        Code::AlreadyExists { path, article } => Text::new(format!("`{path}` already exists")).hint(if *article {
            "bantin never overwrites an article: change the title, or give another file name with `--slug`"
        } else {
            "bantin never overwrites a file: choose another name, or move the file away first"
        }),
        Code::FolderNotEmpty { folder } => Text::new(format!("`{folder}` is not empty"))
            .hint("bantin init makes a new site in an empty folder: give a new folder name, such as `bantin init ban-tin`"),
        Code::NoSuchSection { wanted, suggestion, sections } => Text::new(format!(
            "there is no section `{wanted}` in content/"
        ))
        .hint(match suggestion {
            Some(near) => format!("did you mean `{near}`? A section is a folder of content/ with an `_index.md`"),
            None if sections.is_empty() => "the site has no section yet: make a folder in content/ with an `_index.md` holding `title: …`".to_string(),
            None => format!(
                "the sections are: {}",
                sections.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
            ),
        }),
        Code::EmptyTitle => Text::new("the title is empty")
            .hint("write it in quotes: bantin new tin-tuc \"Tiêu đề bài viết\""),
        Code::TitleControl => Text::new("the title has a control character (a line break or a tab)")
            .hint("write the title on one line"),
        Code::NotASlug { slug, example } => Text::new(format!("`{slug}` is not a slug"))
            .hint(format!("a slug is lowercase ASCII words joined by `-`, such as `{example}`")),
        Code::TitleWithoutName { title } => Text::new(format!(
            "the title `{title}` gives no file name: it has no letter or digit"
        ))
        .hint("give the file name with `--slug`, such as `--slug thong-bao-so-1`"),
        Code::ArchetypeWouldFail { first } => {
            let t = text(first);
            Text {
                message: format!("the article made from it would not build: {}", t.message),
                hint: t.hint,
            }
        }
        Code::ArchetypeFill { detail } => Text::new(format!("the archetype cannot be filled in: {detail}"))
            .hint("an archetype may use {{ title | yaml }}, {{ date }}, {{ slug }} and {{ section }}"),
        Code::CannotListen { port, last, error } => Text::new(format!(
            "cannot listen on 127.0.0.1:{port}{}: {}",
            last.map_or(String::new(), |l| format!(" to {l}")),
            error.as_ref().map_or("no port".to_string(), io)
        ))
        .hint("another program uses these ports: give another one with `--port 8080`"),
        Code::CannotServe { detail } => Text::new(format!("cannot serve the site: {detail}"))
            .hint("give another port with `--port 8080`"),
        Code::CannotWatch { detail } => Text::new(format!("cannot watch for changes: {detail}"))
            .hint("on Linux, raise the limit of watched folders: sysctl fs.inotify.max_user_watches=524288"),
        Code::Synonym { short, problem } => Text::new(format!(
            "the search synonym `{short}` {}",
            match problem {
                SynonymProblem::NotOneWord => "must be one word, an abbreviation such as `HĐND`".to_string(),
                SynonymProblem::Empty => "stands for nothing: give at least one expansion".to_string(),
                SynonymProblem::NoWord { expansion } => format!("stands for `{expansion}`, which has no word"),
            }
        ))
        .hint("write an abbreviation and what it stands for: `synonyms: {HĐND: [Hội đồng nhân dân]}`"),
        Code::SearchIndex { detail } => Text::new(format!("cannot make the search index: {detail}"))
            .hint("check the free disk space and that the output folder can be written; or turn search off with `search: {enabled: false}` in config.yaml"),
        Code::InSearchFolder { what, path, folder } => Text::new(format!(
            "{} would be written as `{path}`, in the folder `{folder}` that holds the search index",
            output(what)
        ))
        .hint("rename the file or folder, or choose another `urls.search` in config.yaml"),
        Code::ImageTooLarge { tenths_mb, limit_mb } => Text::new(format!(
            "the image is {}.{} MB, more than {limit_mb} MB (`images.max_mb` in config.yaml)",
            tenths_mb / 10,
            tenths_mb % 10
        ))
        .hint("it is still published in smaller sizes; make it smaller before adding it for faster builds, or raise `images: {max_mb: 20}`"),
        Code::ImageUnreadable { problem, published } => Text::new(format!(
            "cannot read the image: {}",
            match problem {
                ImageProblem::Unsupported => "bantin does not read this format (only JPEG, PNG, WebP)".to_string(),
                ImageProblem::Corrupt { detail } => format!("the file is damaged ({detail})"),
                ImageProblem::TooLarge { width, height } => format!("{width}×{height} pixels is too large to process"),
            }
        ))
        .hint(if *published {
            "it is published at full size with its EXIF data removed; open it in an image viewer, save it again as JPEG and build again"
        } else {
            "it is NOT published, as its metadata (GPS position, camera serial) could not be removed; open it in an image viewer, save it again as JPEG and build again"
        }),
        Code::ImageSetting { problem } => Text::new(match problem {
            ImageSettingProblem::NoWidths => "`images.widths` lists no width".to_string(),
            ImageSettingProblem::Width { width } => format!("width {width} of `images.widths` is outside 16–8192 pixels"),
            ImageSettingProblem::Quality { quality } => format!("image quality {quality} is outside 1–100"),
        })
        .hint("for example: `images: {widths: [480, 960, 1600], quality: 80}`"),
        Code::CacheUnusable { folder, error } => Text::new(format!(
            "cannot use the folder of processed images `{folder}`: {}",
            io(error)
        ))
        .hint("images are still processed, but again at every build; allow writing to the site's folder, or delete that folder for bantin to make it again"),
        Code::CacheLink { folder } => Text::new(format!(
            "the folder of processed images `{folder}` is a symbolic link: bantin reads, writes and deletes nothing through it"
        ))
        .hint(format!("images are still processed, in a private folder of this machine; delete the link `{folder}` for bantin to make a real folder in the site's folder")),
        Code::TempCacheNotPrivate { folder, why } => Text::new(format!(
            "the temporary folder `{folder}` is not used for processed images: {}",
            match why {
                super::NotPrivate::Link => "it is a symbolic link",
                super::NotPrivate::NotFolder => "it is not a folder",
                super::NotPrivate::OtherOwner => "it belongs to another user",
                super::NotPrivate::Writable => "other users can write to it",
            }
        ))
        .hint("images are still processed, in a new folder for this run only (so more slowly); someone may have made that folder in advance: tell the machine's administrator, then delete it"),
        Code::ImageOverMemory { width, height, needed_mb, refused, published } => Text::new(format!(
            "the image of {width}×{height} pixels is too large for this machine's memory: processing it needs about {needed_mb} MB, {}",
            if *refused {
                "which the system cannot give"
            } else {
                "more than the memory set aside for images"
            }
        ))
        .hint(format!(
            "make it smaller, for example 4000 pixels wide, and build again (the next build tries again); if the machine has memory enough, raise the limit with the environment variable `BANTIN_IMAGE_MEMORY_MB=4000`; {}",
            if *published {
                "this time it is published at full size with its EXIF data removed"
            } else {
                "this time it is NOT published, as its metadata (GPS position, camera serial) could not be removed"
            }
        )),
        Code::ActiveFile { by } => Text::new(format!(
            "file not published: {}; files of `content/` may not hold code that runs on the site",
            active(by)
        ))
        .hint(refusal_hint(&super::Refusal::Active(by.clone()))),
        Code::ImageNotPublished { problem } => Text::new(format!(
            "image not published: {}",
            image_refusal(problem)
        ))
        .hint(refusal_hint(&super::Refusal::Image(problem.clone()))),
        Code::NotPublishedTarget { written, image, why } => Text::new(format!(
            "{} `{written}` names a file that is not published: {}",
            if *image { "image" } else { "link" },
            match why {
                super::Refusal::Active(a) => active(a),
                super::Refusal::Image(i) => image_refusal(i),
            }
        ))
        .hint(refusal_hint(why)),
        Code::SiteLinkNotFound { written, path, suggestion } => Text::new(match path {
            Some(path) if written.split(['?', '#']).next() == Some(&format!("/{path}")) => {
                format!("link `{written}` leads to no page or file of the site")
            }
            Some(path) => format!(
                "link `{written}` leads to `/{path}`, where the site has no page or file"
            ),
            None => format!("link `{written}` leads outside the site: the path climbs above its root"),
        })
        .hint(match suggestion {
            Some(s) => format!("did you mean `/{s}`? Note: {SITE_PATHS}"),
            None => format!("fix the path, noting that {SITE_PATHS}"),
        }),
        Code::FootnoteTwice { label, first_line } => Text::new(format!(
            "footnote `[^{label}]` is defined twice (first on line {first_line})"
        ))
        .hint(format!(
            "each footnote needs a label of its own: rename one of the two, such as \
             `[^{label}-2]`, where it is cited too; or delete the extra one (labels ignore letter case)"
        )),
        Code::IdTaken { id, by } => Text::new(format!(
            "raw HTML sets `id=\"{id}\"`, but {}; that `id` is left out",
            match by {
                IdOwner::Theme => "the site's theme uses this id",
                IdOwner::Footnote => "a footnote of the body uses this id",
                IdOwner::Earlier => "an earlier element of the body uses this id",
                IdOwner::Invalid => "an id cannot be empty or hold a space",
            }
        ))
        .hint(match by {
            IdOwner::Invalid => "write an id in one piece, without spaces, such as `muc-1`, or leave `id` out".to_string(),
            _ => format!("an `id` may be used only once on a page: choose another, such as `{id}-bai`"),
        }),
        Code::RequestRefused { by, port, more } => request_refused(by, *port, *more),
        Code::ServedFileChanged { path, problem } => served_file_changed(path, problem),
        Code::CannotAccept { error } => Text::new(format!(
            "cannot accept new connections: {}",
            io(error)
        ))
        .hint("bantin tries again in a moment; close some programs or browser tabs, or raise the limit of open files (`ulimit -n 4096`)"),
        Code::YamlNesting { doc, limit } => nesting(*doc, *limit),
        Code::InitWouldOverwrite { folder, paths } => Text::new(format!(
            "the folder `{folder}` already holds {}, a file `bantin init` writes: nothing was written",
            backticks(paths)
        ))
        .hint(format!(
            "bantin never overwrites a file: rename it (`{0}` to `{0}.cu`), run `bantin init` again, then copy the lines you need from the old file into the new one",
            paths.first().map_or(".gitignore", String::as_str)
        )),
        Code::SlugShortened { slug, limit, example } => Text::new(format!(
            "the file name is shortened to at most {limit} characters: `{slug}.md`"
        ))
        .hint(format!(
            "a long title makes a long file name, and Windows refuses paths over 260 characters; the article's address follows the file name: to choose another, rename the file, or make the article with `--slug`, such as `--slug {example}`"
        )),
        Code::ReservedName { slug, example } => Text::new(format!(
            "`{slug}` cannot be a file name: Windows keeps it for a device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), so the site could not be built there"
        ))
        .hint(format!("give another file name with `--slug`, such as `--slug {example}`")),
        Code::SlugTooLong { length, limit, example } => Text::new(format!(
            "`--slug` is {length} characters long; at most {limit} are allowed"
        ))
        .hint(format!(
            "long file names break on Windows, where paths stop at 260 characters: use a shorter one, such as `--slug {example}`"
        )),
    }
}

/// What makes a file run, in words.
fn active(by: &super::Active) -> String {
    match by {
        super::Active::Name { part } if part.starts_with('.') => format!(
            "its name has `{part}`, a kind of file that browsers or web servers run as a page or a program"
        ),
        super::Active::Name { part } => {
            format!("`{part}` is a web server's settings file, which can make the server run code")
        }
        super::Active::Markup { kind } => format!(
            "it holds {kind} markup, which a browser may open and run as a page whatever the file is called"
        ),
    }
}

/// Why an image is not published, in words.
fn image_refusal(problem: &super::ImageRefusal) -> String {
    match problem {
        super::ImageRefusal::Format { format } => format!(
            "it is {format}, a format whose metadata (GPS position, camera serial) bantin cannot remove"
        ),
        super::ImageRefusal::Misnamed { format, .. } => format!(
            "it is a {format} picture under another kind of file's name, so it is not processed as an image and its metadata cannot be removed"
        ),
    }
}

/// How to publish a file that is refused.
fn refusal_hint(why: &super::Refusal) -> String {
    match why {
        super::Refusal::Active(a) if a.is_svg() => "an SVG picture can hold code that runs on the site: convert it to PNG (open it in a drawing program such as Inkscape and export as PNG) and use the PNG file; if it is the site's own graphic (an emblem, an icon), move it to the `static/` folder".into(),
        super::Refusal::Active(_) => "files of `content/` are usually documents received from others; if this file is the site's own, move it to the `static/` folder; if it is a document to publish, save it as PDF and attach the PDF".into(),
        super::Refusal::Image(super::ImageRefusal::Format { format: "HEIC" }) => "HEIC is what phones save photos as (iPhones and many Android phones); convert it to JPEG: on an iPhone, Settings > Camera > Formats > Most Compatible makes the camera save JPEG; for a photo already taken, open it and export or save it as JPEG (on a computer: open it in Photos or Preview and choose Export, format JPEG), then use the .jpg file in place of this one".into(),
        super::Refusal::Image(super::ImageRefusal::Format { .. }) => "open the image in a viewer or editor, save it as JPEG (photos) or PNG (drawings, charts), and use the new file in place of this one".into(),
        super::Refusal::Image(super::ImageRefusal::Misnamed { name, .. }) => format!(
            "if it is a picture, rename the file `{name}` and insert it as an image; if a document was meant, save the document in its own format (PDF, for example)"
        ),
    }
}

/// A request `serve` did not answer, in English.
fn request_refused(by: &super::RefusedBy, port: u16, more: u64) -> Text {
    use super::RefusedBy;
    let what = match by {
        RefusedBy::Host { value } => format!("for `Host: {value}`"),
        RefusedBy::NoHost => "without a `Host` header".to_string(),
        RefusedBy::Origin { value } => format!("from the page `{value}` (`Origin` header)"),
    };
    let more = match more {
        0 => String::new(),
        1 => " (and 1 more refused since the last report)".to_string(),
        n => format!(" (and {n} more refused since the last report)"),
    };
    Text::new(format!(
        "refused a request {what}: `bantin serve` answers only this machine's pages{more}"
    ))
    .hint(format!(
        "open the site at http://127.0.0.1:{port}/ or http://localhost:{port}/; if you did not open another address yourself, a web page open in your browser may be trying to read your unpublished site: close unknown tabs"
    ))
}

/// A file `serve` did not serve, in English.
fn served_file_changed(path: &str, problem: &super::ServedFile) -> Text {
    use super::ServedFile;
    let why = match problem {
        ServedFile::Link => "since the build, it was replaced by a symbolic link".to_string(),
        ServedFile::NotAFile => "since the build, it was replaced by something other than a regular file (a folder or a special file)".to_string(),
        ServedFile::Replaced => "since the build, it was replaced by another file".to_string(),
        ServedFile::Unreadable { error } => format!("it cannot be opened: {}", io(error)),
    };
    Text::new(format!("did not serve `{path}`: {why}")).hint(
        "save any file of the site to build it again; if you did not put that link or file there yourself, delete it and check who can write to the site's folder",
    )
}

/// Brackets of a YAML text nested deeper than `limit`.
fn nesting(doc: Doc, limit: usize) -> Text {
    let within = match doc {
        Doc::FrontMatter => " in the front matter",
        Doc::Config => " in config.yaml",
        Doc::Other => "",
    };
    Text::new(format!(
        "brackets `[` and `{{` are nested more than {limit} deep{within}"
    ))
    .hint("close each bracket where its value ends; no setting needs more than a few levels, and values inside others are clearer as indented `key: value` lines")
}

/// Why a `base_url` is not usable.
pub fn base_url(why: &BaseUrlProblem) -> String {
    match why {
        BaseUrlProblem::Url(e) => format!("is not usable: {}", url_error(e)),
        BaseUrlProblem::NotAbsolute => "is not an absolute URL (it needs `https://`)".into(),
        BaseUrlProblem::NoHost => "has no host name".into(),
        BaseUrlProblem::Character(c) => {
            format!("contains {}, which a base URL cannot hold", character(*c))
        }
    }
}

/// What the system said about a file, in words.
pub fn io(e: &Io) -> String {
    match e.kind {
        IoKind::NotFound => "the file or folder does not exist".into(),
        IoKind::PermissionDenied => "permission denied".into(),
        IoKind::NoSpace => "the disk is full".into(),
        IoKind::Other => e.detail.clone(),
        IoKind::NameTooLong => "the path is too long for this system".into(),
    }
}

/// How a message names a file of kind `k`.
pub fn noun(k: Kind) -> &'static str {
    match k {
        Kind::Article => "an article",
        Kind::Section => "a section's `_index.md`",
        Kind::Page => "a page",
    }
}

/// Why `key`, a key of `owner`, is not for a file of kind `kind`.
fn foreign(kind: Kind, key: &str, owner: Kind) -> String {
    let owners = match owner {
        Kind::Article => "articles",
        _ => "sections (in `_index.md`)",
    };
    let advice = match (kind, key) {
        (Kind::Page, "date") => {
            " (pages have no date: to publish dated news, put the file in a section of articles)"
        }
        (Kind::Section, "date" | "tags" | "categories" | "author" | "image") => {
            " (a section lists articles; put this on its articles)"
        }
        (_, "kind") => " (it says what the files of a section are)",
        _ => "",
    };
    format!(
        "`{key}` is for {owners}; {} cannot have `{key}`{advice}",
        noun(kind)
    )
}

fn encoding(e: &Encoding) -> Text {
    let save = |m: String| Text::new(m).hint(SAVE_AS_UTF8);
    match e {
        Encoding::Utf32 => save("the file is UTF-32, which bantin does not read".into()),
        Encoding::Nul => save("the file contains NUL bytes: it looks like UTF-16 without a byte-order mark, or is not text".into()),
        Encoding::Utf16WithoutBom { big_endian, begins } => save(format!(
            "the file is UTF-16 ({}) without a byte-order mark, which bantin does not read; it begins: `{begins}`",
            if *big_endian { "big-endian" } else { "little-endian" },
        )),
        Encoding::Utf16Surrogate => save("the file is UTF-16 but is broken here (an unpaired surrogate)".into()),
        Encoding::Utf16HalfCharacter => save("the file is UTF-16 but ends in half a character".into()),
        Encoding::Legacy { name, unikey_name, line } => Text::new(format!(
            "the file is not UTF-8; it looks like {name}, a legacy Vietnamese encoding (this line would read: {line})"
        ))
        .hint(format!(
            "convert it to Unicode: open it in Unikey's Toolkit (Ctrl+Shift+F6) and convert from {unikey_name} to Unicode UTF-8, \
             or open it in Word with the right font and save it as UTF-8 text"
        )),
        Encoding::NotUtf8 => save("the file is not valid UTF-8 (it may be in a Western or other legacy code page)".into()),
    }
}

/// Why a URL is refused.
pub fn url_error(e: &UrlError) -> String {
    match e {
        UrlError::Scheme(s) => format!(
            "the scheme `{s}:` is not allowed (only http, https, mailto, tel and relative links)"
        ),
        UrlError::Character(c) => format!(
            "it contains {}, which is not allowed in a link",
            character(*c)
        ),
        UrlError::Empty => "it is empty".into(),
    }
}

/// How a character is named in a message.
pub fn character(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        '\n' | '\r' => "a line break".into(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

/// `tags` → `` `tags` ``; `tags[0]` → ``item 1 of `tags` ``; `menu[0].path`
/// → ``the `path` of item 1 of `menu` ``.
pub fn describe_path(path: &str) -> String {
    if let Some(open) = path.rfind('[') {
        if let Some(close) = path[open..].find(']') {
            let n: usize = path[open + 1..open + close].parse().unwrap_or(0);
            let item = format!("item {} of {}", n + 1, describe_path(&path[..open]));
            let rest = path[open + close + 1..].trim_start_matches('.');
            return if rest.is_empty() {
                item
            } else {
                format!("`{rest}` in {item}")
            };
        }
    }
    format!("`{path}`")
}

/// Why a text is not YAML.
pub fn syntax(s: &Syntax) -> String {
    let quote = "put the text in quotes, for example `title: \"Thông báo: lịch tiếp công dân\"`";
    match s {
        Syntax::Tab => "a tab is used to indent; indent with spaces".into(),
        Syntax::CannotStart(Some(c)) => format!("a value cannot start with `{c}`; {quote}"),
        Syntax::CannotStart(None) => format!("a value cannot start here; {quote}"),
        Syntax::SecondColon => format!("a second `:` on one line; {quote}"),
        Syntax::ListNotClosed => "a list opened with `[` is not closed with `]`".into(),
        Syntax::BraceNotClosed => "a `{` is not closed with `}`".into(),
        Syntax::NotLinedUp => "this line is not lined up with the `key: value` lines above it (or text follows a closing quote)".into(),
        Syntax::NotLinedUpWithList => "this line is not lined up with the `- ` list items above it".into(),
        Syntax::ListItemHere => "a `- ` list item cannot stand here: put each item on its own line, indented under its key".into(),
        Syntax::KeyWithoutColon => "a key lacks its `:`, as in `title: Kỳ họp thứ 5`".into(),
        Syntax::Unclosed => "the text ends inside quotes or brackets that are not closed".into(),
        Syntax::Escape => "a `\\` inside double quotes must be doubled (`\\\\`), or use single quotes".into(),
        Syntax::Anchor => format!("a value cannot start with `*` or `&`; {quote}"),
        Syntax::Tag => format!("a value cannot start with `!`; {quote}"),
        Syntax::DocumentSplit => "a line `---` or `...` splits the text in two; remove it or indent it".into(),
        Syntax::TooDeep => "values are nested too deep".into(),
        Syntax::TooManyAliases => "too many `*` references".into(),
        Syntax::ValueMissing => format!("a value is missing or cannot start here; {quote}"),
        Syntax::Other => "this text cannot be read as `key: value` lines; check quotes, brackets and indentation".into(),
    }
}

/// A YAML problem in a file of kind `doc`; `example` is a line to copy.
pub fn yaml(doc: Doc, problem: &Problem, example: Option<&str>) -> Text {
    let doc_name = match doc {
        Doc::FrontMatter => "the front matter",
        Doc::Config => "config.yaml",
        Doc::Other => "the file",
    };
    let eg = || example.map_or(String::new(), |e| format!(", for example `{e}`"));
    match problem {
        Problem::Syntax(s) => Text {
            message: match doc {
                Doc::FrontMatter => format!("invalid front matter: {}", syntax(s)),
                Doc::Config => format!("in config.yaml: {}", syntax(s)),
                Doc::Other => syntax(s),
            },
            hint: (doc != Doc::Other).then(|| CHECK_YAML.to_string()),
        },
        Problem::NotAMapping => Text {
            message: format!("{doc_name} must be `key: value` lines"),
            hint: match doc {
                Doc::FrontMatter => Some("write one `key: value` per line, such as `title: \"Kỳ họp thứ 5\"` and `date: 15/10/2021`".into()),
                Doc::Config => Some("write one setting per line, such as `title: \"Bản tin HĐND tỉnh\"` and `base_url: \"https://hdnd.backan.gov.vn/\"`".into()),
                Doc::Other => None,
            },
        },
        Problem::UnknownKey { path, key, .. } if path.is_empty() => {
            Text::new(format!("unknown key `{key}` in {doc_name}"))
        }
        Problem::UnknownKey { path, key, .. } => {
            Text::new(format!("unknown key `{key}` under {}", describe_path(path)))
        }
        Problem::Duplicate {
            path,
            key,
            first_line,
        } => {
            let within = if path.is_empty() {
                String::new()
            } else {
                format!(" under {}", describe_path(path))
            };
            Text {
                message: match first_line {
                    Some(l) => format!("key `{key}` is written twice{within} (first on line {l})"),
                    None => format!("key `{key}` is written twice{within}"),
                },
                hint: (doc != Doc::Other)
                    .then(|| format!("write `{key}:` once: keep one and delete the other")),
            }
        }
        Problem::Nesting { limit } => nesting(doc, *limit),
        Problem::MissingKey { path, key } => Text::new(if path.is_empty() {
            format!("{doc_name} lacks `{key}`{}", eg())
        } else {
            format!("{} lacks `{key}`{}", describe_path(path), eg())
        }),
        Problem::WrongType {
            path,
            expected,
            empty,
        } => {
            let who = describe_path(path);
            let k = super::last_key(path);
            let must = match expected {
                Expected::Text => format!("must be a text{}", eg()),
                Expected::Date => format!("must be a date{}", eg()),
                Expected::List => format!("must be a list{}", eg()),
                Expected::Bool => "must be `true` or `false`".to_string(),
                Expected::WholeNumber { unsigned: false } => format!("must be a whole number{}", eg()),
                Expected::WholeNumber { unsigned: true } => {
                    format!("must be a whole number, 0 or more{}", eg())
                }
                Expected::Number => format!("must be a number{}", eg()),
                Expected::Mapping => match example {
                    Some(e) => format!("must be `key: value` lines, for example `{e}`"),
                    None => format!("must be `key: value` lines, indented under `{k}:`"),
                },
                Expected::OneOf(choices) if !choices.is_empty() => {
                    let list: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
                    format!("must be one of {}", list.join(", "))
                }
                Expected::OneOf(_) | Expected::Word => format!("must be one word{}", eg()),
                Expected::Other => match example {
                    Some(e) => format!("is not written in a form bantin reads; write it like `{e}`"),
                    None => "is not written in a form bantin reads".to_string(),
                },
            };
            let hint = match (doc, expected) {
                (Doc::FrontMatter, Expected::Bool) => Some("write `true` or `false`, without quotes: `có` and `không` are not read as yes and no"),
                (Doc::Config, Expected::Bool) => Some("write `true` or `false`"),
                (Doc::FrontMatter, Expected::WholeNumber { .. }) => Some("write digits only, such as `weight: 3`"),
                _ => None,
            };
            Text {
                message: if *empty {
                    format!("{who} is empty: it {must}")
                } else {
                    format!("{who} {must}")
                },
                hint: hint.map(str::to_string),
            }
        }
    }
}

const FORMS: &str = "write YYYY-MM-DD or DD/MM/YYYY (day first), optionally followed by a \
                     time such as 14:30 or 14h30, or RFC 3339 such as 2021-10-15T14:00:00+07:00";

/// What is wrong with a date and what to write instead.
pub fn date(p: &DateProblem) -> String {
    use crate::vi::format::{MONTHS_EN, WEEKDAYS_EN};
    let (first, last) = (crate::vi::date::YEARS.start(), crate::vi::date::YEARS.end());
    match p {
        DateProblem::Empty => format!("the date is empty; {FORMS}"),
        DateProblem::NotADate { text } => format!("`{text}` is not a date; {FORMS}"),
        DateProblem::TwoDates { text } => format!("`{text}` has two dates; {FORMS}"),
        DateProblem::TwoTimes { text } => format!("`{text}` has two times; {FORMS}"),
        DateProblem::YearFirstWithSlashes { text, parts: [y, m, d] } => format!(
            "`{text}`: a date with slashes is day first; write {d}/{m}/{y} or {y}-{m}-{d}"
        ),
        DateProblem::TwoDigitYear { text, parts: [d, m, y] } => {
            format!("`{text}`: write the year with four digits, e.g. {d}/{m}/20{y:0>2}")
        }
        DateProblem::YearOutOfRange { text, year, example } => format!(
            "`{text}`: year {year} is outside {first}–{last}; write the year in full, as in {example}"
        ),
        DateProblem::NoSuchMonth { text, month, swapped } => {
            let mut m = format!(
                "`{text}`: there is no month {month} (months go from 1 to 12); dates are day first, DD/MM/YYYY"
            );
            if let Some((d, mo, y)) = swapped {
                m.push_str(&format!(" — did you mean {d:02}/{mo:02}/{y}?"));
            }
            m
        }
        DateProblem::NoSuchDay { text, month, year, max } => {
            let name = MONTHS_EN[usize::from(month - 1)];
            let why = if *month == 2 && *max == 28 {
                format!(" ({year} is not a leap year)")
            } else {
                String::new()
            };
            format!(
                "`{text}` is not a real date: {name} {year} has {max} days{why}; write a day from 01 to {max}, day first: DD/MM/YYYY"
            )
        }
        DateProblem::NotATime { text, time } => {
            format!("`{text}`: `{time}` is not a time of day; write HH:MM (14:30) or 14h30")
        }
        DateProblem::NoSuchHour { text, hour } => format!(
            "`{text}`: there is no hour {hour} (hours go from 00 to 23); for midnight write 00:00 of the next day"
        ),
        DateProblem::MinutesOver59 { text, hour } => format!(
            "`{text}`: minutes and seconds go from 00 to 59; write e.g. {hour:02}:59"
        ),
        DateProblem::NotAnOffset { text, offset } => {
            format!("`{text}`: `{offset}` is not a UTC offset; write +07:00")
        }
        DateProblem::OffsetMinutes { text, offset, minutes } => format!(
            "`{text}`: the UTC offset `{offset}` has {minutes} minutes; minutes go from 00 to 59 (Vietnam is +07:00)"
        ),
        DateProblem::OffsetTooWide { text, offset } => format!(
            "`{text}`: the UTC offset `{offset}` is beyond ±14:00, the widest there is; Vietnam is +07:00"
        ),
        DateProblem::Relative { text, word } => {
            let whole = if text.is_empty() { String::new() } else { format!("`{text}`: ") };
            format!(
                "{whole}`{word}` changes with the day the site is built; write the date itself, such as 15/10/2021 or 15/10/2021 14:30"
            )
        }
        DateProblem::NotAWeekday { text, written } => format!(
            "`{text}`: `{written}` is not a weekday; leave the weekday out and write the date, such as 15/10/2021 (the site shows the weekday itself)"
        ),
        DateProblem::NoYear { text } => format!(
            "`{text}` has no year: write the date in full, such as ngày 15 tháng 10 năm 2021 or 15/10/2021; {FORMS}"
        ),
        DateProblem::NoDay { text } => format!(
            "`{text}` has no day: write the date in full, such as ngày 15 tháng 10 năm 2021 or 15/10/2021; {FORMS}"
        ),
        DateProblem::NotPartOfDate { text, word } => {
            format!("`{text}`: `{word}` is not part of a date; {FORMS}")
        }
        DateProblem::WrongWeekday { text, date: (d, m, y), actual, written_day, written } => format!(
            "`{text}`: {d:02}/{m:02}/{y} is a {}, not a {} (`{written}`); correct the date, or leave the weekday out — the site shows it itself",
            WEEKDAYS_EN[usize::from(*actual)],
            WEEKDAYS_EN[usize::from(*written_day)]
        ),
    }
}

/// Why a path segment cannot be a file name.
pub fn segment(e: &SegmentError) -> String {
    match e {
        SegmentError::Empty => "a path segment is empty".into(),
        SegmentError::Dot(s) => format!("the segment `{s}` would leave its folder"),
        SegmentError::Character(c) => format!("it contains {}", character(*c)),
        SegmentError::Reserved(s) => format!("`{s}` is a reserved name on Windows"),
        SegmentError::TooLong(n) => format!(
            "a segment is {n} bytes long (at most {})",
            super::MAX_SEGMENT_BYTES
        ),
    }
}

/// An output file, named by its source or by what it is.
pub fn output(o: &Output) -> String {
    match o {
        Output::Home { file: Some(f) } => format!("the home page `{f}`"),
        Output::Home { file: None } => "the home page".into(),
        Output::Section { file } => format!("section `{file}`"),
        Output::SectionFeed { file } => format!("the RSS feed of section `{file}`"),
        Output::Article { file } => format!("article `{file}`"),
        Output::Page { file } => format!("page `{file}`"),
        Output::Alias { alias, file } => format!("the alias `{alias}` of `{file}`"),
        Output::TaxonomyIndex { taxonomy } => format!("the `{taxonomy}` index"),
        Output::Term { taxonomy, term } => format!("the page of {taxonomy} `{term}`"),
        Output::TermFeed { taxonomy, term } => format!("the RSS feed of {taxonomy} `{term}`"),
        Output::Archive { path } => format!("the archive `{path}/`"),
        Output::NotFound => "the 404 page".into(),
        Output::SearchPage => "the search page".into(),
        Output::SearchDoc { file } => format!("the search index entry of `{file}`"),
        Output::SiteRss => "the site's RSS feed".into(),
        Output::Atom => "the site's Atom feed".into(),
        Output::Sitemap => "the sitemap".into(),
        Output::Robots => "robots.txt".into(),
        Output::HighlightCss => "the code highlighting stylesheet".into(),
        Output::Marker => "bantin's marker of its output folder".into(),
        Output::Asset { file } => format!("the file `{file}`"),
        Output::Static { file } => format!("the static file `{file}`"),
    }
}

/// `a`, `b`: each name in backticks.
fn backticks(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
