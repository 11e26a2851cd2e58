//! The Vietnamese catalogue: every [`Code`] worded for a communications
//! officer, with diacritics, plainly and politely: what is wrong in the
//! file and exactly how to fix it.

use super::{
    Action, AliasProblem, BaseUrlProblem, Code, DateProblem, Doc, Encoding, Expected, FileAdvice,
    IdOwner, ImageProblem, ImageSettingProblem, Io, IoKind, KeyAdvice, Kind, LinkProblem, Output,
    OutputProblem, Problem, SegmentError, SegmentOwner, SynonymProblem, Syntax, TemplateKind, Text,
    Unpublished, UrlError, UrlSegmentProblem,
};

const SAVE_AS_UTF8: &str = "mở tệp bằng Notepad, chọn File > Save As, chọn Encoding: UTF-8 rồi lưu; hoặc lưu lại tệp dưới dạng UTF-8 trong trình soạn thảo bạn dùng";

const DROPPED_HINT: &str = "trang đang tắt mã HTML: hãy viết nội dung bằng Markdown, hoặc đặt \
    `markdown: {unsafe_html: true}` trong config.yaml để cho phép mã HTML an toàn";

const SAME_OUTPUT_HINT: &str = "hãy đổi tên một trong hai tệp, hoặc đặt `slug` khác cho bài viết; các tệp tự sinh (nguồn tin RSS, sơ đồ trang, lưu trữ, trang thẻ) giữ nguyên tên";

const SITE_PATHS: &str = "đường dẫn bắt đầu bằng `/` tính từ gốc trang web, đường dẫn khác tính từ địa chỉ của chính trang này; liên kết tới bài khác nên viết bằng tên tệp `.md` của bài, còn trang của website khác thì ghi địa chỉ đầy đủ `https://…`";

const CHECK_YAML: &str = "mỗi dòng viết `tên: giá trị`, danh sách viết `[a, b]`; đoạn chữ có dấu `:` hoặc `#` thì đặt trong ngoặc kép";

/// The message and hint of `code` in Vietnamese.
pub fn text(code: &Code) -> Text {
    match code {
        Code::Encoding { problem } => encoding(problem),
        Code::Garbled {
            sample,
            encoding,
            preview,
        } => Text::new(format!(
            "chữ bị lỗi phông: `{sample}` là chữ {encoding} được dán vào như Unicode; đúng ra phải là `{preview}`"
        ))
        .hint(match *encoding {
            "TCVN3 (ABC)" | "VNI" => format!(
                "đoạn chữ được sao chép từ văn bản dùng phông {encoding}; hãy chuyển mã bằng Unikey Toolkit (Ctrl+Shift+F6): \
                 sao chép đoạn chữ, chọn {} → Unicode, bấm chuyển mã clipboard rồi dán lại",
                if *encoding == "VNI" { "VNI Windows" } else { "TCVN3 (ABC)" }
            ),
            _ => "đoạn chữ đã bị chuyển mã hai lần; hãy dán lại từ văn bản gốc".to_string(),
        }),
        Code::ControlRemoved { code_point, count } => Text::new(if *count == 1 {
            format!("đã bỏ ký tự điều khiển U+{code_point:04X}")
        } else {
            format!("đã bỏ {count} ký tự điều khiển (U+{code_point:04X} …)")
        })
        .hint("các ký tự này lẫn vào khi dán chữ từ Word hoặc PDF và không thể có trong trang web; hãy xóa chúng khỏi tệp để không còn cảnh báo này"),
        Code::ControlRemovedMore { lines } => Text::new(format!(
            "đã bỏ ký tự điều khiển trên {lines} dòng khác nữa"
        ))
        .hint("các ký tự này lẫn vào khi dán chữ từ Word hoặc PDF"),
        Code::NoFrontMatter => Text::new("tệp chưa có phần đầu tệp: dòng đầu tiên phải là `---`, rồi đến các dòng thông tin như tiêu đề, ngày đăng, rồi một dòng `---`").hint(
            "hãy mở đầu tệp bằng một dòng `---`, tiếp theo là `title: \"...\"` và `date: ...`, rồi một dòng `---`",
        ),
        Code::FrontMatterNotClosed => Text::new("phần đầu tệp chưa được đóng lại")
            .hint("hãy thêm một dòng `---` sau dòng cuối cùng của phần đầu tệp"),
        Code::Yaml {
            doc,
            problem,
            example,
        } => yaml(*doc, problem, example.as_deref()),
        Code::UnknownKey { key, kind, advice } => {
            Text::new(format!("phần đầu tệp có mục `{key}` không dùng được")).hint(match advice {
                KeyAdvice::Taxonomy => format!(
                    "`{key}` là một cách phân loại (taxonomy): hãy viết dưới `taxonomies:`, như `taxonomies: {{{key}: [..]}}`"
                ),
                KeyAdvice::DidYouMean { key: s } => format!(
                    "`{key}` — có phải bạn muốn viết `{s}`? (các mục tự do dành cho giao diện đặt dưới `extra:`)"
                ),
                KeyAdvice::DidYouMeanForeign { key: s, owner } => format!(
                    "`{key}` — có phải bạn muốn viết `{s}`? {}",
                    foreign(*kind, s, *owner)
                ),
                KeyAdvice::Keys { keys } => format!(
                    "{} có các mục {}; các mục tự do đặt dưới `extra:`",
                    noun(*kind),
                    keys.join(", ")
                ),
            })
        }
        Code::ForeignKey { key, kind, owner } => {
            Text::new(format!("{} không có mục `{key}`", noun(*kind))).hint(match owner {
                Some(o) => foreign(*kind, key, *o),
                None => format!("hãy xóa dòng `{key}`"),
            })
        }
        Code::UnknownSectionKind { value, suggestion } => {
            Text::new(format!("kiểu chuyên mục `{value}` không hợp lệ")).hint(match suggestion {
                Some(s) => format!("có phải bạn muốn viết `kind: {s}`? (`articles` — bài viết, là mặc định; hoặc `pages` — trang)"),
                None => "hãy viết `kind: articles` (bài viết, là mặc định) hoặc `kind: pages` (trang)".to_string(),
            })
        }
        Code::InvalidDate { key, problem } => Text::new(format!("`{key}` chưa đúng: {}", date(problem))).hint(
            "ngày viết theo dạng 15/10/2021 (ngày trước, tháng sau), 15/10/2021 14:30, 2021-10-15 hoặc 2021-10-15T14:30:00+07:00",
        ),
        Code::MissingTitle => Text::new("thiếu tiêu đề (`title`)")
            .hint("hãy thêm dòng `title: \"Tiêu đề bài viết\"` vào phần đầu tệp"),
        Code::SlugWithoutLetters => Text::new("`slug` không có chữ cái hay chữ số nào")
            .hint("hãy viết slug (tên dùng trong địa chỉ trang) như `giao-ban-hdnd`"),
        Code::UnknownTaxonomy { name } => Text::new(format!("cách phân loại `{name}` chưa được khai báo"))
            .hint("hãy khai báo nó dưới `taxonomies:` trong config.yaml"),
        Code::UnusableImage { image, why } => Text::new(format!(
            "không dùng được ảnh `image` `{image}`: {}",
            url_error(why)
        ))
        .hint("hãy viết tên tệp ảnh đặt cạnh bài viết (`anh-1.jpg`), một đường dẫn trong static/, hoặc một địa chỉ `https://`"),
        Code::UnknownSetting {
            key,
            path,
            suggestion,
            known,
        } => Text::new(if path.is_empty() {
            format!("config.yaml có thiết lập `{key}` không dùng được")
        } else {
            format!(
                "config.yaml có thiết lập `{key}` không dùng được dưới {}",
                describe_path(path)
            )
        })
        .hint(match suggestion {
            Some(s) => format!("có phải bạn muốn viết `{s}`?"),
            None => format!("các thiết lập có thể dùng: {}", known.join(", ")),
        }),
        Code::CannotRead { error } => Text::new(format!("không đọc được tệp: {}", io(error))).hint(
            "hãy kiểm tra tệp có tồn tại và bạn có quyền đọc tệp; đóng chương trình nào đang giữ tệp",
        ),
        Code::LinkSkipped { why, folder } => match why {
            LinkProblem::Loop => Text::new("đã bỏ qua liên kết tượng trưng (symbolic link) vì nó tạo thành vòng lặp")
                .hint("hãy xóa liên kết này; nó trỏ tới một thư mục chứa chính nó"),
            LinkProblem::Outside { target } => Text::new(format!(
                "đã bỏ qua liên kết tượng trưng (symbolic link) vì nó dẫn ra ngoài thư mục trang, tới `{target}`"
            )),
            LinkProblem::Broken { error } => Text::new(format!(
                "đã bỏ qua liên kết tượng trưng (symbolic link) vì không mở được nơi nó trỏ tới: {}",
                io(error)
            )),
        }
        .or_hint(if *folder {
            "hãy chép các tệp vào thư mục trang thay vì tạo liên kết tới chúng"
        } else {
            "hãy chép tệp vào thư mục trang thay vì tạo liên kết tới nó"
        }),
        Code::NameNotUnicode => Text::new("tên tệp không phải chữ Unicode hợp lệ")
            .hint("hãy đổi tên tệp, dùng chữ Unicode (UTF-8)"),
        Code::TwoUnicodeForms { name } => Text::new(format!(
            "có hai tệp cùng tên `{name}` nhưng viết theo hai dạng Unicode khác nhau \
             (một dạng dựng sẵn, một dạng tổ hợp như máy Mac đặt tên): nhìn giống nhau \
             nhưng là hai tệp khác nhau, và sẽ thành cùng một trang"
        ))
        .hint("hãy đổi tên hoặc xóa một tệp: chỉ giữ lại một tệp, và gõ lại tên tệp trên máy này nếu tệp được chép từ máy Mac"),
        Code::NotMarkdownName { name, md } => Text::new(format!(
            "`{name}` trông như một bài viết nhưng tên tệp không kết thúc bằng `.md`, nên không được dựng thành trang và cũng không được chép lên trang"
        ))
        .hint(format!("hãy đổi tên thành `{md}` để đăng (thêm `draft: true` nếu chưa muốn đăng), hoặc chuyển tệp ra khỏi thư mục content/")),
        Code::RawHtmlDropped { html } => Text::new(format!("đã bỏ đoạn mã HTML `{html}`")).hint(DROPPED_HINT),
        Code::MoreRawHtmlDropped { count } => Text::new(format!("… và đã bỏ thêm {count} đoạn mã HTML khác")).hint(DROPPED_HINT),
        Code::ImageWithoutAlt { url } => Text::new(format!("ảnh `{url}` chưa có lời mô tả")).hint(
            "hãy viết lời mô tả ảnh cho người đọc không nhìn thấy ảnh, đặt trong ngoặc vuông: ![Toàn cảnh hội nghị](anh-1.jpg)",
        ),
        Code::RefusedUrl { image, url, why } => {
            let what = if *image { "ảnh" } else { "liên kết" };
            Text::new(match why {
                UrlError::Scheme(_) => format!(
                    "{what} `{url}` dùng loại địa chỉ không được phép (chỉ dùng http, https, mailto, tel và đường dẫn trong trang)"
                ),
                e => format!("{what} `{url}` không dùng được: {}", url_error(e)),
            })
            .hint("hãy viết địa chỉ web bắt đầu bằng https:// (hoặc mailto:, tel:), hoặc đường dẫn tới bài khác \
                   như `../2021/bai-viet.md`; không được liên kết tới mã chạy (script) hay dữ liệu nhúng")
        }
        Code::ComputerPath { image, url, example } => Text::new(format!(
            "{} `{url}` là đường dẫn trên máy tính của bạn, người đọc trang web không mở được",
            if *image { "ảnh" } else { "liên kết" }
        ))
        .hint(format!(
            "hãy chép tệp vào cạnh bài viết (dạng thư mục bài: `bai-viet/index.md`, tệp đặt trong \
             `bai-viet/`) rồi liên kết bằng tên tệp: `{example}`"
        )),
        Code::LinkOutsideContent { url } => Text::new(format!("liên kết `{url}` trỏ ra ngoài thư mục content/")).hint(
            "hãy liên kết tới bài viết trong content/ bằng đường dẫn tương đối như `../2021/bai-viet.md`",
        ),
        Code::DenseBlock { marks } => Text::new(format!(
            "đoạn này có {marks} ký hiệu Markdown (`[`, `<`, `*`, `|`, …), nhiều hơn giới hạn \
             `limits.max_block_marks`; đoạn sẽ hiện dưới dạng chữ thường"
        ))
        .hint("hãy tách thành nhiều đoạn, đặt vào khối mã (```), đính kèm thành tệp riêng, \
               hoặc tăng `limits: {max_block_marks: …}` trong config.yaml"),
        Code::MissingDate => Text::new("thiếu ngày đăng (`date`)").hint(
            "bài viết cần có ngày đăng: hãy thêm `date: 15/10/2021 14:00` (hoặc 2021-10-15) vào phần đầu tệp",
        ),
        Code::ImageNotFound { image } => Text::new(format!("không tìm thấy ảnh `{image}`")).hint(
            "hãy đặt ảnh cạnh bài viết (dạng thư mục bài: `bai-viet/index.md` và `bai-viet/anh.jpg`) hoặc trong static/",
        ),
        Code::LinkToFailed { target } => Text::new(format!(
            "liên kết tới `{target}`: bài đó đang có lỗi (xem ở trên)"
        ))
        .hint(format!("hãy sửa lỗi trong `content/{target}`; liên kết này sẽ dùng được khi lỗi đã sửa")),
        Code::LinkToUnpublished { target, why } => Text::new(format!(
            "liên kết tới `{target}`, là bài {} nên chưa được đăng",
            match why {
                Unpublished::Draft => "nháp",
                Unpublished::Future => "có ngày đăng trong tương lai",
                Unpublished::Expired => "đã hết hạn",
            }
        ))
        .hint("hãy sửa đường dẫn (tính từ thư mục của tệp này) hoặc bỏ liên kết"),
        Code::LinkToMissingPage { target, suggestion } => Text::new(format!(
            "liên kết tới `{target}`, nhưng trong content/ không có bài này"
        ))
        .hint(match suggestion {
            Some(s) => format!("có phải bạn muốn viết `{s}`? Đường dẫn tính từ thư mục của tệp có liên kết"),
            None => "hãy sửa đường dẫn (tính từ thư mục của tệp này) hoặc bỏ liên kết".into(),
        }),
        Code::FileNotFound { image, written, places, advice } => Text::new(format!(
            "không tìm thấy {} `{written}`: không có tệp {}",
            if *image { "ảnh" } else { "tệp" },
            places.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(" hay ")
        ))
        .hint(match advice {
            FileAdvice::OtherCase { name } => format!(
                "có phải bạn muốn viết `{name}`? Tên tệp khác nhau ở chữ hoa và chữ thường, máy chủ web phân biệt hai loại chữ này"
            ),
            FileAdvice::Near { name } => format!("có phải bạn muốn viết `{name}`? Đường dẫn tính từ thư mục của bài viết"),
            FileAdvice::Place => "hãy đặt tệp cạnh bài viết (dạng thư mục bài: `bai-viet/index.md` và \
                                  `bai-viet/anh.jpg`) hoặc trong static/, rồi liên kết bằng đường dẫn của tệp"
                .into(),
        }),
        Code::Template { kind, detail, page } => {
            let what = match kind {
                TemplateKind::Syntax => "mẫu trang viết chưa đúng cú pháp",
                TemplateKind::Undefined => "mẫu trang dùng một giá trị không có",
                TemplateKind::UnknownFilter => "mẫu trang dùng một bộ lọc (filter) không có",
                TemplateKind::UnknownFunction => "mẫu trang gọi một hàm không có",
                TemplateKind::UnknownTest => "mẫu trang dùng một phép thử (test) không có",
                TemplateKind::NotFound => "mẫu trang gọi tới một mẫu khác không có",
                TemplateKind::InvalidOperation => "mẫu trang làm một phép tính không thực hiện được",
                TemplateKind::Other => "mẫu trang bị lỗi",
            };
            let page = page.as_ref().map_or(String::new(), |p| {
                format!(" khi dựng trang `{}` ({})", p.path, output(&p.what))
            });
            Text::new(format!("lỗi mẫu trang: {what}{page}: {detail}"))
                .hint("hãy sửa mẫu trang (template); xem docs/templates.md để biết các biến của từng mẫu")
        }
        Code::CannotWrite { what, error } => Text::new(format!(
            "không ghi được {}: {}",
            output(what),
            io(error)
        ))
        .hint("hãy kiểm tra thư mục kết quả nằm trên ổ đĩa còn chỗ trống và bạn có quyền ghi vào đó"),
        Code::BadOutputPath { what, path, why } => Text::new(format!(
            "{} sẽ được ghi thành `{path}`, không thể là tên tệp trong thư mục kết quả: {}",
            output(what),
            segment(why)
        ))
        .hint("hãy đổi tên tệp (chỉ dùng chữ cái, chữ số, `-`, `_` và `.`), hoặc đặt `slug` cho bài viết"),
        Code::SameOutput { first, second, path } => Text::new(format!(
            "{} và {} sẽ cùng ghi vào `{path}`",
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
            "{} dùng `{first_path}` còn {} dùng `{second_path}`: hai đường dẫn chỉ khác nhau ở chữ hoa, chữ thường, nên trên Windows và macOS chỉ giữ được một",
            output(first),
            output(second)
        ))
        .hint("hãy đổi tên một trong hai tệp hoặc thư mục để tên khác nhau không chỉ ở chữ hoa, chữ thường (nên viết tên bằng chữ thường, như đường dẫn bài viết)"),
        Code::FileWhereFolder { file, folder, path } => Text::new(format!(
            "{} được ghi thành tệp `{path}`, nhưng {} cần một thư mục cùng tên",
            output(file),
            output(folder)
        ))
        .hint(SAME_OUTPUT_HINT),
        Code::OutputFolder { path, problem } => {
            let refuse = "hãy chọn một thư mục kết quả riêng, ví dụ `public/`";
            match problem {
                OutputProblem::HoldsSite => Text::new(format!(
                    "không ghi vào `{path}`: thư mục này chứa chính trang web"
                ))
                .hint(refuse),
                OutputProblem::InsideSiteFolder { folder } => Text::new(format!(
                    "không ghi vào `{path}`: thư mục này nằm trong thư mục {folder}/ của trang"
                ))
                .hint(refuse),
                OutputProblem::IsFile => Text::new(format!("`{path}` là một tệp, không phải thư mục")).hint(refuse),
                OutputProblem::NotOurs => Text::new(format!(
                    "không ghi vào `{path}`: thư mục này có sẵn nội dung và không do bantin tạo ra"
                ))
                .hint("hãy làm trống thư mục hoặc chọn thư mục khác; mỗi lần dựng, bantin thay toàn bộ thư mục này"),
                OutputProblem::CannotCreate { path, error } => {
                    Text::new(format!("không tạo được `{path}`: {}", io(error))).hint("hãy kiểm tra quyền ghi vào thư mục")
                }
            }
        }
        Code::CannotReplaceOutput { error } => Text::new(format!(
            "không thay được thư mục kết quả: {}",
            io(error)
        ))
        .hint("hãy đóng chương trình đang dùng thư mục kết quả rồi dựng lại; trang cũ vẫn giữ nguyên"),
        Code::FileTooLarge { tenths_mb, limit_mb } => Text::new(format!(
            "tệp nặng {},{} MB, vượt giới hạn {limit_mb} MB (`limits.max_file_mb` trong config.yaml)",
            tenths_mb / 10,
            tenths_mb % 10
        ))
        .hint("hãy tách bài viết, chuyển bảng hoặc số liệu lớn sang tệp đính kèm, hoặc tăng `limits: {max_file_mb: …}`"),
        Code::BadBaseUrl { flag, url, why } => Text::new(format!(
            "{} `{url}` {}",
            if *flag { "--base-url" } else { "base_url" },
            base_url(why)
        ))
        .hint("hãy viết như `https://hdnd.backan.gov.vn/`"),
        Code::NotASite { root, config_missing } => Text::new(format!(
            "`{root}` không phải là thư mục trang bantin: thiếu {}",
            if *config_missing { "tệp config.yaml" } else { "thư mục content/" }
        ))
        .hint("hãy chỉ ra thư mục trang bằng `--root`, hoặc tạo trang mới bằng `bantin init`; chưa có gì bị thay đổi"),
        Code::UnknownTimezone { value } => Text::new(format!("không có múi giờ `{value}`"))
            .hint("hãy viết `Asia/Ho_Chi_Minh` hoặc một độ lệch cố định như `+07:00`"),
        Code::UnsupportedLanguage { value } => {
            Text::new(format!("không hỗ trợ ngôn ngữ `{value}`")).hint("giao diện có tiếng Việt (`vi`) và tiếng Anh (`en`)")
        }
        Code::PaginateZero => Text::new("paginate_by phải từ 1 trở lên").hint("hãy viết số bài trên mỗi trang, ví dụ `paginate_by: 20`"),
        Code::TaxonomyTwice { name } => Text::new(format!("cách phân loại `{name}` được khai báo hai lần"))
            .hint("mỗi cách phân loại cần một tên riêng"),
        Code::BadUrlSegment { owner, value, why } => Text::new(format!(
            "{} `{value}` không dùng được làm một đoạn của địa chỉ trang: {}",
            match owner {
                SegmentOwner::Urls { key } => key.clone(),
                SegmentOwner::TaxonomyPath { name } => format!("đường dẫn của cách phân loại `{name}`"),
                SegmentOwner::TermSlug { term } => format!("term_slugs: slug của `{term}`"),
            },
            match why {
                UrlSegmentProblem::Empty => "đang để trống".to_string(),
                UrlSegmentProblem::Segment(e) => segment(e),
                UrlSegmentProblem::NotSlug { slug } => format!("chưa viết theo dạng slug (đúng ra là `{slug}`)"),
            }
        ))
        .hint("hãy viết một hay nhiều từ tiếng Việt không dấu, chữ thường, nối bằng `-`, ví dụ `luu-tru`"),
        Code::BadThemeName { theme } => Text::new(format!("`{theme}` không phải là tên giao diện hợp lệ"))
            .hint("hãy ghi tên một thư mục trong themes/ (chữ cái, chữ số, `-` và `_`), hoặc bỏ dòng `theme:` để dùng giao diện có sẵn"),
        Code::MenuTooDeep { title, parent } => Text::new(format!("mục trình đơn `{title}` là mục con của một mục con"))
            .hint(format!("trình đơn chỉ có một cấp mục con: hãy chuyển `{title}` vào dưới một mục cấp trên, hoặc đặt liên kết tới nó trong trang `{parent}`")),
        Code::MenuBadPath { title, path, why } => Text::new(format!(
            "mục trình đơn `{title}` có đường dẫn `{path}` không dùng được: {}",
            url_error(why)
        ))
        .hint("hãy viết đường dẫn trong trang như `tin-tuc/` hoặc địa chỉ đầy đủ `https://`"),
        Code::ContactEmail { email, bad } => Text::new(format!("địa chỉ thư điện tử liên hệ `{email}` có {}", character(*bad)))
            .hint("hãy viết một địa chỉ, như `hdnd@backan.gov.vn`"),
        Code::ContactPhone { phone, bad } => Text::new(format!("số điện thoại liên hệ `{phone}` có {}", character(*bad)))
            .hint("hãy chỉ viết chữ số, dấu cách và `+ . - ( )`, như `0209 3870 000`"),
        Code::ThemeNotFound { theme } => Text::new(format!("không tìm thấy giao diện `{theme}`"))
            .hint(format!("hãy tạo thư mục themes/{theme}/ hoặc bỏ dòng `theme:` để dùng giao diện có sẵn")),
        Code::NoStrings { language } => Text::new(format!("giao diện chưa có lời chữ cho ngôn ngữ `{language}`"))
            .hint(format!("hãy thêm tệp i18n/{language}.yaml vào giao diện")),
        Code::NotInStatic { key, value, suggestion } => Text::new(format!(
            "`{key}` ghi `{value}`, nhưng không có tệp này trong static/"
        ))
        .hint(match suggestion {
            Some(s) => format!("có phải bạn muốn viết `{s}`? Đường dẫn tính từ thư mục static/"),
            None => format!(
                "hãy đặt ảnh vào static/ rồi ghi đường dẫn tính từ đó, như `{key}: {}`",
                if key == "logo" { "logo-hdnd.png" } else { "bang-ron.jpg" }
            ),
        }),
        Code::BannerWithoutAlt => Text::new("băng rôn chưa có lời mô tả (`alt`)")
            .hint("hãy nói ảnh thể hiện gì, như `banner: {image: …, alt: \"Chào mừng kỳ họp thứ 5\"}`, hoặc viết `alt: \"\"` nếu ảnh chỉ để trang trí"),
        Code::MenuNoPage { title, path, suggestion } => Text::new(format!(
            "mục trình đơn `{title}` dẫn tới `{path}`, nhưng trang web không có trang này"
        ))
        .hint(match suggestion {
            Some(s) => format!("có phải bạn muốn viết `{s}`?"),
            None => "hãy viết đường dẫn của một trang, như `tin-tuc/`, hoặc địa chỉ đầy đủ `https://`".into(),
        }),
        Code::UnusableAlias { alias, why } => Text::new(format!(
            "địa chỉ cũ (alias) `{alias}` không dùng được: {}",
            match why {
                AliasProblem::Character(c) => format!("địa chỉ có {}", character(*c)),
                AliasProblem::FullAddress => "đây là địa chỉ đầy đủ; địa chỉ cũ phải là đường dẫn trong trang này".into(),
                AliasProblem::Home => "đây là trang chủ của trang".into(),
                AliasProblem::Dot(s) => format!("đoạn `{s}` sẽ đi ra ngoài trang"),
            }
        ))
        .hint("hãy viết địa chỉ cũ dưới dạng đường dẫn trong trang, như `/tin-cu/123.html` hoặc `/tin-cu/123/`"),
        Code::TermWithoutSlug { taxonomy, term } => Text::new(format!(
            "{taxonomy} `{term}` không có chữ cái hay chữ số nào để làm địa chỉ trang"
        ))
        .hint(format!("hãy đặt slug cho nó trong config.yaml: `term_slugs: {{\"{term}\": ten-the}}`")),
        Code::TermsShareUrl { taxonomy, term, file, other, other_file, path, free } => Text::new(format!(
            "{taxonomy} `{term}` (trong {file}) và `{other}` (trong {other_file}) là hai từ khác nhau nhưng có cùng địa chỉ `{path}`"
        ))
        .hint(format!("nếu là cùng một từ, hãy viết giống hệt nhau; nếu không, hãy đặt slug cho một từ trong config.yaml: `term_slugs: {{\"{term}\": {free}}}`")),
        Code::ScaffoldIo { action, error } => Text::new(format!(
            "không {} được: {}",
            match action {
                Action::CreateFolder => "tạo thư mục",
                Action::CreateFile => "tạo tệp",
                Action::WriteFile => "ghi tệp",
                Action::ReadFolder => "đọc thư mục",
                Action::ReadArchetype => "đọc tệp mẫu bài (archetype)",
            },
            io(error)
        ))
        .hint(if error.kind == IoKind::NameTooLong {
            "hãy chọn tên ngắn hơn (`--slug` với `bantin new`), hoặc để trang trong thư mục gần gốc ổ đĩa hơn, ví dụ `D:\\ban-tin`"
        } else {
            "hãy kiểm tra thư mục có tồn tại và bạn có quyền ghi vào đó"
        }),
        Code::AlreadyExists { path, article } => Text::new(format!("`{path}` đã có sẵn")).hint(if *article {
            "bantin không bao giờ ghi đè bài viết: hãy đổi tiêu đề, hoặc đặt tên tệp khác bằng `--slug`"
        } else {
            "bantin không bao giờ ghi đè tệp: hãy chọn tên khác, hoặc chuyển tệp cũ đi chỗ khác trước"
        }),
        Code::FolderNotEmpty { folder } => Text::new(format!("thư mục `{folder}` đã có nội dung"))
            .hint("bantin init tạo trang mới trong một thư mục trống: hãy ghi tên thư mục mới, ví dụ `bantin init ban-tin`"),
        Code::NoSuchSection { wanted, suggestion, sections } => Text::new(format!(
            "không có chuyên mục `{wanted}` trong content/"
        ))
        .hint(match suggestion {
            Some(near) => format!("có phải bạn muốn viết `{near}`? Chuyên mục là một thư mục trong content/ có tệp `_index.md`"),
            None if sections.is_empty() => "trang chưa có chuyên mục nào: hãy tạo một thư mục trong content/ với tệp `_index.md` có dòng `title: …`".to_string(),
            None => format!(
                "các chuyên mục hiện có: {}",
                sections.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
            ),
        }),
        Code::EmptyTitle => Text::new("tiêu đề đang để trống")
            .hint("hãy viết tiêu đề trong ngoặc kép: bantin new tin-tuc \"Tiêu đề bài viết\""),
        Code::TitleControl => Text::new("tiêu đề có ký tự điều khiển (dấu xuống dòng hoặc dấu tab)")
            .hint("hãy viết tiêu đề trên một dòng"),
        Code::NotASlug { slug, example } => Text::new(format!("`{slug}` chưa phải là slug"))
            .hint(format!("slug gồm các từ tiếng Việt không dấu, chữ thường, nối bằng `-`, ví dụ `{example}`")),
        Code::TitleWithoutName { title } => Text::new(format!(
            "tiêu đề `{title}` không tạo được tên tệp: tiêu đề không có chữ cái hay chữ số nào"
        ))
        .hint("hãy đặt tên tệp bằng `--slug`, ví dụ `--slug thong-bao-so-1`"),
        Code::ArchetypeWouldFail { first } => {
            let t = text(first);
            Text {
                message: format!("bài viết tạo từ mẫu này sẽ không dựng được: {}", t.message),
                hint: t.hint,
            }
        }
        Code::ArchetypeFill { detail } => Text::new(format!("không điền được mẫu bài (archetype): {detail}"))
            .hint("mẫu bài có thể dùng {{ title | yaml }}, {{ date }}, {{ slug }} và {{ section }}"),
        Code::CannotListen { port, last, error } => Text::new(format!(
            "không mở được cổng 127.0.0.1:{port}{}: {}",
            last.map_or(String::new(), |l| format!(" đến {l}")),
            error.as_ref().map_or("không có cổng nào".to_string(), io)
        ))
        .hint("một chương trình khác đang dùng các cổng này: hãy chọn cổng khác bằng `--port 8080`"),
        Code::CannotServe { detail } => Text::new(format!("không phục vụ được trang: {detail}"))
            .hint("hãy chọn cổng khác bằng `--port 8080`"),
        Code::CannotWatch { detail } => Text::new(format!("không theo dõi được các thay đổi: {detail}"))
            .hint("trên Linux, hãy nâng giới hạn số thư mục được theo dõi: sysctl fs.inotify.max_user_watches=524288"),
        Code::Synonym { short, problem } => Text::new(format!(
            "từ viết tắt `{short}` trong danh sách từ đồng nghĩa của tìm kiếm {}",
            match problem {
                SynonymProblem::NotOneWord => "phải là một từ, ví dụ `HĐND`".to_string(),
                SynonymProblem::Empty => "chưa có cụm từ đầy đủ nào".to_string(),
                SynonymProblem::NoWord { expansion } => format!("có cụm từ `{expansion}` không chứa chữ nào"),
            }
        ))
        .hint("hãy viết từ viết tắt rồi các cụm từ đầy đủ của nó, ví dụ: `synonyms: {HĐND: [Hội đồng nhân dân]}`"),
        Code::SearchIndex { detail } => Text::new(format!("không tạo được chỉ mục tìm kiếm: {detail}"))
            .hint("hãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục kết quả; hoặc tắt tìm kiếm bằng `search: {enabled: false}` trong config.yaml"),
        Code::InSearchFolder { what, path, folder } => Text::new(format!(
            "{} sẽ được ghi vào `{path}`, trong thư mục `{folder}` dành cho chỉ mục tìm kiếm",
            output(what)
        ))
        .hint("hãy đổi tên tệp hoặc thư mục, hoặc chọn `urls.search` khác trong config.yaml"),
        Code::ImageTooLarge { tenths_mb, limit_mb } => Text::new(format!(
            "ảnh nặng {},{} MB, vượt mức {limit_mb} MB (`images.max_mb` trong config.yaml)",
            tenths_mb / 10,
            tenths_mb % 10
        ))
        .hint("ảnh vẫn được đăng ở các cỡ nhỏ hơn; hãy thu nhỏ ảnh trước khi đưa lên để bản dựng nhanh hơn, hoặc tăng `images: {max_mb: 20}`"),
        Code::ImageUnreadable { problem, published } => Text::new(format!(
            "không đọc được ảnh: {}",
            match problem {
                ImageProblem::Unsupported => "định dạng này bantin không đọc được (chỉ JPEG, PNG, WebP)".to_string(),
                ImageProblem::Corrupt { detail } => format!("tệp ảnh bị hỏng ({detail})"),
                ImageProblem::TooLarge { width, height } => format!("ảnh {width}×{height} điểm ảnh, quá lớn để xử lý"),
            }
        ))
        .hint(if *published {
            "ảnh được đăng nguyên cỡ, đã xoá thông tin EXIF; hãy mở ảnh bằng trình xem ảnh, lưu lại dưới dạng JPEG rồi dựng lại"
        } else {
            "ảnh KHÔNG được đăng, vì không xoá được thông tin kèm theo (vị trí GPS, số máy); hãy mở ảnh bằng trình xem ảnh, lưu lại dưới dạng JPEG rồi dựng lại"
        }),
        Code::ImageSetting { problem } => Text::new(match problem {
            ImageSettingProblem::NoWidths => "`images.widths` chưa có cỡ ảnh nào".to_string(),
            ImageSettingProblem::Width { width } => format!("cỡ ảnh {width} điểm ảnh trong `images.widths` nằm ngoài khoảng 16–8192"),
            ImageSettingProblem::Quality { quality } => format!("chất lượng ảnh {quality} nằm ngoài khoảng 1–100"),
        })
        .hint("ví dụ: `images: {widths: [480, 960, 1600], quality: 80}`"),
        Code::CacheUnusable { folder, error } => Text::new(format!(
            "không dùng được thư mục lưu ảnh đã xử lý `{folder}`: {}",
            io(error)
        ))
        .hint("ảnh vẫn được xử lý, nhưng sẽ phải làm lại ở mỗi lần dựng; hãy cho phép ghi vào thư mục của trang, hoặc xoá thư mục đó để bantin tạo lại"),
        Code::CacheLink { folder } => Text::new(format!(
            "thư mục lưu ảnh đã xử lý `{folder}` là một liên kết tượng trưng (symbolic link): bantin không đọc, ghi hay xoá gì qua liên kết này"
        ))
        .hint(format!("ảnh vẫn được xử lý, trong một thư mục riêng của máy; hãy xoá liên kết `{folder}` để bantin tạo thư mục thật trong thư mục của trang")),
        Code::TempCacheNotPrivate { folder, why } => Text::new(format!(
            "không dùng thư mục tạm `{folder}` để lưu ảnh đã xử lý, vì {}",
            match why {
                super::NotPrivate::Link => "đó là một liên kết tượng trưng (symbolic link)",
                super::NotPrivate::NotFolder => "đó không phải là thư mục",
                super::NotPrivate::OtherOwner => "thư mục này thuộc về người dùng khác",
                super::NotPrivate::Writable => "người dùng khác cũng ghi được vào thư mục này",
            }
        ))
        .hint("ảnh vẫn được xử lý, trong một thư mục mới chỉ dùng cho lần chạy này (nên chậm hơn); có thể ai đó đã tạo sẵn thư mục kia: hãy báo cho người quản trị máy rồi xoá nó"),
        Code::ImageOverMemory { width, height, needed_mb, refused, published } => Text::new(format!(
            "ảnh {width}×{height} điểm ảnh quá lớn so với bộ nhớ của máy này: cần khoảng {needed_mb} MB để xử lý, {}",
            if *refused {
                "nhưng hệ thống không cấp đủ"
            } else {
                "vượt mức bộ nhớ dành cho ảnh"
            }
        ))
        .hint(format!(
            "hãy thu nhỏ ảnh, ví dụ còn 4000 điểm ảnh chiều rộng, rồi dựng lại (lần dựng sau sẽ thử lại); nếu máy còn đủ bộ nhớ, có thể nâng mức này bằng biến môi trường `BANTIN_IMAGE_MEMORY_MB=4000`; {}",
            if *published {
                "lần này ảnh được đăng nguyên cỡ, đã xoá thông tin EXIF"
            } else {
                "lần này ảnh KHÔNG được đăng, vì không xoá được thông tin kèm theo (vị trí GPS, số máy)"
            }
        )),
        Code::ActiveFile { by } => Text::new(format!(
            "tệp không được đăng: {}; tệp trong `content/` không được chứa mã chạy trên trang",
            active(by)
        ))
        .hint(refusal_hint(&super::Refusal::Active(by.clone()))),
        Code::ImageNotPublished { problem } => Text::new(format!(
            "ảnh không được đăng: {}",
            image_refusal(problem)
        ))
        .hint(refusal_hint(&super::Refusal::Image(problem.clone()))),
        Code::NotPublishedTarget { written, image, why } => Text::new(format!(
            "{} `{written}` chỉ tới tệp không được đăng: {}",
            if *image { "ảnh" } else { "liên kết" },
            match why {
                super::Refusal::Active(a) => active(a),
                super::Refusal::Image(i) => image_refusal(i),
            }
        ))
        .hint(refusal_hint(why)),
        Code::SiteLinkNotFound { written, path, suggestion } => Text::new(match path {
            Some(path) if written.split(['?', '#']).next() == Some(&format!("/{path}")) => format!(
                "liên kết `{written}` dẫn tới một trang hay tệp mà trang web không có"
            ),
            Some(path) => format!(
                "liên kết `{written}` dẫn tới `/{path}`, nhưng trang web không có trang hay tệp nào ở đó"
            ),
            None => format!(
                "liên kết `{written}` dẫn ra ngoài trang web: đường dẫn đi lên quá thư mục gốc"
            ),
        })
        .hint(match suggestion {
            Some(s) => format!("có phải bạn muốn viết `/{s}`? Lưu ý: {SITE_PATHS}"),
            None => format!("hãy sửa lại đường dẫn, lưu ý rằng {SITE_PATHS}"),
        }),
        Code::FootnoteTwice { label, first_line } => Text::new(format!(
            "chú thích `[^{label}]` được định nghĩa hai lần (lần đầu ở dòng {first_line})"
        ))
        .hint(format!(
            "mỗi chú thích cần một nhãn riêng: hãy đổi nhãn của một trong hai chú thích, \
             ví dụ thành `[^{label}-2]`, ở cả chỗ dẫn chú thích trong bài; hoặc xoá chú thích thừa \
             (nhãn không phân biệt chữ hoa, chữ thường)"
        )),
        Code::IdTaken { id, by } => Text::new(format!(
            "mã HTML đặt `id=\"{id}\"`, nhưng {}; thuộc tính `id` này bị bỏ đi",
            match by {
                IdOwner::Theme => "giao diện của trang đã dùng id này",
                IdOwner::Footnote => "một chú thích của bài đã dùng id này",
                IdOwner::Earlier => "một phần tử phía trước trong bài đã dùng id này",
                IdOwner::Invalid => "id không được để trống hay chứa dấu cách",
            }
        ))
        .hint(match by {
            IdOwner::Invalid => "hãy viết một id liền, không dấu cách, ví dụ `muc-1`, hoặc bỏ thuộc tính `id`".to_string(),
            _ => format!("mỗi `id` chỉ dùng một lần trên một trang: hãy đặt tên khác, ví dụ `{id}-bai`"),
        }),
        Code::RequestRefused { by, port, more } => request_refused(by, *port, *more),
        Code::ServedFileChanged { path, problem } => served_file_changed(path, problem),
        Code::CannotAccept { error } => Text::new(format!(
            "không nhận được kết nối mới: {}",
            io(error)
        ))
        .hint("bantin sẽ thử lại sau giây lát; hãy đóng bớt chương trình hoặc thẻ trình duyệt đang mở, hoặc nâng giới hạn số tệp được mở cùng lúc (`ulimit -n 4096`)"),
        Code::YamlNesting { doc, limit } => nesting(*doc, *limit),
        Code::InitWouldOverwrite { folder, paths } => Text::new(format!(
            "thư mục `{folder}` đã có sẵn {}, một tệp mà `bantin init` cần tạo: chưa ghi tệp nào",
            backticks(paths)
        ))
        .hint(format!(
            "bantin không bao giờ ghi đè tệp: hãy đổi tên tệp đó (`{0}` thành `{0}.cu`), chạy lại `bantin init`, rồi chép những dòng cần giữ từ tệp cũ sang tệp mới",
            paths.first().map_or(".gitignore", String::as_str)
        )),
        Code::SlugShortened { slug, limit, example } => Text::new(format!(
            "tên tệp được rút gọn để không quá {limit} ký tự: `{slug}.md`"
        ))
        .hint(format!(
            "tiêu đề dài cho ra tên tệp dài, mà Windows không nhận đường dẫn dài quá 260 ký tự; địa chỉ của bài theo tên tệp: muốn chọn tên khác, hãy đổi tên tệp, hoặc tạo bài với `--slug`, ví dụ `--slug {example}`"
        )),
        Code::ReservedName { slug, example } => Text::new(format!(
            "không dùng được `{slug}` làm tên tệp: Windows dành tên này cho thiết bị (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), nên không dựng được trang ở đó"
        ))
        .hint(format!("hãy đặt tên tệp khác bằng `--slug`, ví dụ `--slug {example}`")),
        Code::SlugTooLong { length, limit, example } => Text::new(format!(
            "`--slug` dài {length} ký tự; chỉ được tối đa {limit} ký tự"
        ))
        .hint(format!(
            "tên tệp dài sẽ hỏng trên Windows, nơi đường dẫn không được quá 260 ký tự: hãy dùng tên ngắn hơn, ví dụ `--slug {example}`"
        )),
    }
}

/// What makes a file run, in words.
fn active(by: &super::Active) -> String {
    match by {
        super::Active::Name { part } if part.starts_with('.') => format!(
            "tên tệp có đuôi `{part}`, loại tệp mà trình duyệt hoặc máy chủ web chạy như trang web hay chương trình"
        ),
        super::Active::Name { part } => {
            format!("`{part}` là tệp cài đặt của máy chủ web, có thể khiến máy chủ chạy mã")
        }
        super::Active::Markup { kind } => format!(
            "nội dung tệp là mã {kind}, trình duyệt có thể mở và chạy như một trang web dù tệp mang tên gì"
        ),
    }
}

/// Why an image is not published, in words.
fn image_refusal(problem: &super::ImageRefusal) -> String {
    match problem {
        super::ImageRefusal::Format { format } => format!(
            "định dạng {format}, bantin không xoá được thông tin kèm theo ảnh loại này (vị trí GPS, số máy ảnh)"
        ),
        super::ImageRefusal::Misnamed { format, .. } => format!(
            "tệp là ảnh {format} nhưng mang tên của loại tệp khác, nên không được xử lý như ảnh và không xoá được thông tin kèm theo"
        ),
    }
}

/// How to publish a file that is refused.
fn refusal_hint(why: &super::Refusal) -> String {
    match why {
        super::Refusal::Active(a) if a.is_svg() => "ảnh SVG có thể chứa mã chạy trên trang: hãy chuyển sang PNG (mở bằng phần mềm vẽ như Inkscape, chọn Xuất ra PNG) rồi dùng tệp PNG; nếu là hình của chính trang (biểu trưng, biểu tượng), hãy chuyển vào thư mục `static/`".into(),
        super::Refusal::Active(_) => "tệp trong `content/` thường là tài liệu nhận từ nơi khác; nếu là tệp của chính trang, hãy chuyển vào thư mục `static/`; nếu là tài liệu cần đăng, hãy lưu thành PDF rồi đính kèm tệp PDF".into(),
        super::Refusal::Image(super::ImageRefusal::Format { format: "HEIC" }) => "ảnh HEIC là ảnh chụp bằng điện thoại (iPhone và nhiều máy Android lưu ảnh dạng này); hãy chuyển sang JPEG: trên iPhone, vào Cài đặt > Camera > Định dạng > Tương thích nhất để máy chụp ra JPEG; với ảnh đã chụp, mở ảnh rồi chọn Xuất hoặc Lưu thành JPEG (trên máy tính: mở bằng ứng dụng Ảnh hoặc Xem trước, chọn Xuất, định dạng JPEG), rồi dùng tệp .jpg thay cho tệp này".into(),
        super::Refusal::Image(super::ImageRefusal::Format { .. }) => "hãy mở ảnh bằng phần mềm xem hoặc sửa ảnh, lưu lại dưới dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ, biểu đồ), rồi dùng tệp mới thay cho tệp này".into(),
        super::Refusal::Image(super::ImageRefusal::Misnamed { name, .. }) => format!(
            "nếu đây là ảnh, hãy đổi tên tệp thành `{name}` và chèn như một ảnh; nếu cần đăng tài liệu, hãy lưu tài liệu đúng định dạng của nó (ví dụ PDF)"
        ),
    }
}

/// A request `serve` did not answer, in Vietnamese.
fn request_refused(by: &super::RefusedBy, port: u16, more: u64) -> Text {
    use super::RefusedBy;
    let what = match by {
        RefusedBy::Host { value } => format!("gửi tới `Host: {value}`"),
        RefusedBy::NoHost => "không có tiêu đề `Host`".to_string(),
        RefusedBy::Origin { value } => format!("từ trang `{value}` (tiêu đề `Origin`)"),
    };
    let more = if more > 0 {
        format!(" (cùng {more} yêu cầu khác bị từ chối từ lần báo trước)")
    } else {
        String::new()
    };
    Text::new(format!(
        "đã từ chối một yêu cầu {what}: `bantin serve` chỉ trả lời các trang của chính máy này{more}"
    ))
    .hint(format!(
        "hãy mở trang tại http://127.0.0.1:{port}/ hoặc http://localhost:{port}/; nếu bạn không tự mở địa chỉ nào khác, có thể một trang web đang mở trong trình duyệt tìm cách đọc trang chưa đăng của bạn: hãy đóng các thẻ lạ"
    ))
}

/// A file `serve` did not serve, in Vietnamese.
fn served_file_changed(path: &str, problem: &super::ServedFile) -> Text {
    use super::ServedFile;
    let why = match problem {
        ServedFile::Link => "kể từ lần dựng, tệp này đã bị thay bằng một liên kết tượng trưng (symbolic link)".to_string(),
        ServedFile::NotAFile => "kể từ lần dựng, tệp này đã bị thay bằng một thứ không phải tệp thường (thư mục hoặc tệp đặc biệt)".to_string(),
        ServedFile::Replaced => "kể từ lần dựng, tệp này đã bị thay bằng một tệp khác".to_string(),
        ServedFile::Unreadable { error } => format!("không mở được tệp: {}", io(error)),
    };
    Text::new(format!("không phục vụ tệp `{path}`: {why}")).hint(
        "hãy lưu lại một tệp bất kỳ của trang để dựng lại; nếu bạn không tự đặt liên kết hay tệp đó vào, hãy xoá nó và kiểm tra xem ai có quyền ghi vào thư mục của trang",
    )
}

/// Brackets of a YAML text nested deeper than `limit`.
fn nesting(doc: Doc, limit: usize) -> Text {
    let within = match doc {
        Doc::FrontMatter => " trong phần đầu tệp",
        Doc::Config => " trong config.yaml",
        Doc::Other => "",
    };
    Text::new(format!(
        "các dấu ngoặc `[` và `{{` lồng vào nhau quá {limit} tầng{within}"
    ))
    .hint("hãy đóng mỗi dấu ngoặc ngay sau giá trị của nó; không thiết lập nào cần lồng quá vài tầng, và giá trị nằm trong giá trị khác sẽ dễ đọc hơn khi viết thành các dòng `tên: giá trị` thụt lề")
}

/// Why a `base_url` is not usable.
pub fn base_url(why: &BaseUrlProblem) -> String {
    match why {
        BaseUrlProblem::Url(e) => format!("không dùng được: {}", url_error(e)),
        BaseUrlProblem::NotAbsolute => "chưa phải là địa chỉ đầy đủ (cần có `https://`)".into(),
        BaseUrlProblem::NoHost => "thiếu tên miền".into(),
        BaseUrlProblem::Character(c) => format!(
            "có {}, là ký tự không được có trong địa chỉ gốc",
            character(*c)
        ),
    }
}

/// What the system said about a file, in words.
pub fn io(e: &Io) -> String {
    match e.kind {
        IoKind::NotFound => "tệp hoặc thư mục không tồn tại".into(),
        IoKind::PermissionDenied => "không có quyền truy cập".into(),
        IoKind::NoSpace => "ổ đĩa đã đầy".into(),
        IoKind::Other => format!("lỗi hệ thống ({})", e.detail),
        IoKind::NameTooLong => "đường dẫn quá dài đối với hệ thống này".into(),
    }
}

/// How a message names a file of kind `k`.
pub fn noun(k: Kind) -> &'static str {
    match k {
        Kind::Article => "bài viết",
        Kind::Section => "tệp `_index.md` của chuyên mục",
        Kind::Page => "trang riêng",
    }
}

/// Why `key`, a key of `owner`, is not for a file of kind `kind`.
fn foreign(kind: Kind, key: &str, owner: Kind) -> String {
    let owners = match owner {
        Kind::Article => "bài viết",
        _ => "chuyên mục (trong `_index.md`)",
    };
    let advice = match (kind, key) {
        (Kind::Page, "date") => {
            " (trang riêng không có ngày đăng: muốn đăng tin có ngày, hãy đặt tệp vào một chuyên mục bài viết)"
        }
        (Kind::Section, "date" | "tags" | "categories" | "author" | "image") => {
            " (chuyên mục chỉ liệt kê các bài viết; hãy ghi mục này vào từng bài viết)"
        }
        (_, "kind") => " (mục này cho biết các tệp trong chuyên mục là bài viết hay trang)",
        _ => "",
    };
    format!(
        "mục `{key}` chỉ dùng cho {owners}, không dùng trong {}{advice}",
        noun(kind)
    )
}

fn encoding(e: &Encoding) -> Text {
    let save = |m: String| Text::new(m).hint(SAVE_AS_UTF8);
    match e {
        Encoding::Utf32 => save("tệp được lưu theo bảng mã UTF-32, bantin không đọc được bảng mã này".into()),
        Encoding::Nul => save("tệp có byte NUL: có thể tệp được lưu theo bảng mã UTF-16 mà thiếu dấu BOM, hoặc không phải là tệp chữ".into()),
        Encoding::Utf16WithoutBom { big_endian, begins } => save(format!(
            "tệp được lưu theo bảng mã UTF-16 ({}) mà thiếu dấu BOM, bantin không đọc được; tệp bắt đầu bằng: `{begins}`",
            if *big_endian { "big-endian" } else { "little-endian" },
        )),
        Encoding::Utf16Surrogate => save("tệp theo bảng mã UTF-16 bị hỏng tại đây (một ký tự bị mất nửa)".into()),
        Encoding::Utf16HalfCharacter => save("tệp theo bảng mã UTF-16 kết thúc giữa chừng một ký tự".into()),
        Encoding::Legacy { name, unikey_name, line } => Text::new(format!(
            "tệp không theo bảng mã UTF-8; có vẻ tệp dùng bảng mã tiếng Việt cũ {name} (dòng này đọc đúng là: {line})"
        ))
        .hint(format!(
            "hãy chuyển tệp sang Unicode: mở Unikey Toolkit (Ctrl+Shift+F6), chuyển mã từ {unikey_name} sang Unicode UTF-8; \
             hoặc mở tệp bằng Word với đúng phông chữ rồi lưu dưới dạng văn bản UTF-8"
        )),
        Encoding::NotUtf8 => save("tệp không theo bảng mã UTF-8 (có thể tệp dùng một bảng mã phương Tây hoặc bảng mã cũ khác)".into()),
    }
}

/// Why a URL is refused.
pub fn url_error(e: &UrlError) -> String {
    match e {
        UrlError::Scheme(s) => format!(
            "loại địa chỉ `{s}:` không được phép (chỉ dùng http, https, mailto, tel và đường dẫn trong trang)"
        ),
        UrlError::Character(c) => format!("địa chỉ có {}, không được dùng trong liên kết", character(*c)),
        UrlError::Empty => "địa chỉ đang để trống".into(),
    }
}

/// How a character is named in a message.
pub fn character(c: char) -> String {
    match c {
        ' ' => "dấu cách".into(),
        '\t' => "dấu tab".into(),
        '\n' | '\r' => "dấu xuống dòng".into(),
        c if c.is_control() => format!("ký tự điều khiển U+{:04X}", c as u32),
        c => format!("ký tự `{c}`"),
    }
}

/// `tags` → `` `tags` ``; `tags[0]` → ``mục 1 của `tags` ``; `menu[0].path`
/// → ``the `path` trong mục 1 của `menu` ``.
pub fn describe_path(path: &str) -> String {
    if let Some(open) = path.rfind('[') {
        if let Some(close) = path[open..].find(']') {
            let n: usize = path[open + 1..open + close].parse().unwrap_or(0);
            let item = format!("mục thứ {} của {}", n + 1, describe_path(&path[..open]));
            let rest = path[open + close + 1..].trim_start_matches('.');
            return if rest.is_empty() {
                item
            } else {
                format!("`{rest}` trong {item}")
            };
        }
    }
    format!("`{path}`")
}

/// Why a text is not YAML.
pub fn syntax(s: &Syntax) -> String {
    let quote =
        "hãy đặt đoạn chữ trong ngoặc kép, ví dụ `title: \"Thông báo: lịch tiếp công dân\"`";
    match s {
        Syntax::Tab => "dòng được thụt lề bằng phím Tab; hãy thụt lề bằng dấu cách".into(),
        Syntax::CannotStart(Some(c)) => format!("giá trị không được bắt đầu bằng `{c}`; {quote}"),
        Syntax::CannotStart(None) => format!("giá trị không được bắt đầu ở chỗ này; {quote}"),
        Syntax::SecondColon => format!("có dấu `:` thứ hai trên cùng một dòng; {quote}"),
        Syntax::ListNotClosed => "danh sách mở bằng `[` chưa được đóng bằng `]`".into(),
        Syntax::BraceNotClosed => "dấu `{` chưa được đóng bằng `}`".into(),
        Syntax::NotLinedUp => "dòng này không thẳng hàng với các dòng `tên: giá trị` phía trên (hoặc có chữ đứng sau dấu ngoặc kép đóng)".into(),
        Syntax::NotLinedUpWithList => "dòng này không thẳng hàng với các mục `- ` của danh sách phía trên".into(),
        Syntax::ListItemHere => "mục danh sách `- ` không được đặt ở đây: hãy viết mỗi mục trên một dòng riêng, thụt lề dưới tên của danh sách".into(),
        Syntax::KeyWithoutColon => "thiếu dấu `:` sau tên mục, như trong `title: Kỳ họp thứ 5`".into(),
        Syntax::Unclosed => "văn bản kết thúc khi ngoặc kép hoặc ngoặc vuông chưa được đóng".into(),
        Syntax::Escape => "dấu `\\` trong ngoặc kép phải viết hai lần (`\\\\`), hoặc hãy dùng ngoặc đơn".into(),
        Syntax::Anchor => format!("giá trị không được bắt đầu bằng `*` hoặc `&`; {quote}"),
        Syntax::Tag => format!("giá trị không được bắt đầu bằng `!`; {quote}"),
        Syntax::DocumentSplit => "một dòng `---` hoặc `...` chia văn bản làm hai; hãy xóa dòng đó hoặc thụt lề nó".into(),
        Syntax::TooDeep => "các giá trị lồng vào nhau quá sâu".into(),
        Syntax::TooManyAliases => "có quá nhiều tham chiếu `*`".into(),
        Syntax::ValueMissing => format!("thiếu giá trị, hoặc giá trị không được bắt đầu ở chỗ này; {quote}"),
        Syntax::Other => "không đọc được đoạn này thành các dòng `tên: giá trị`; hãy kiểm tra ngoặc kép, ngoặc vuông và thụt lề".into(),
    }
}

/// A YAML problem in a file of kind `doc`; `example` is a line to copy.
pub fn yaml(doc: Doc, problem: &Problem, example: Option<&str>) -> Text {
    let doc_name = match doc {
        Doc::FrontMatter => "phần đầu tệp",
        Doc::Config => "config.yaml",
        Doc::Other => "tệp",
    };
    let eg = || example.map_or(String::new(), |e| format!(", ví dụ `{e}`"));
    match problem {
        Problem::Syntax(s) => Text {
            message: format!("{} viết chưa đúng: {}", doc_name, syntax(s)),
            hint: (doc != Doc::Other).then(|| CHECK_YAML.to_string()),
        },
        Problem::NotAMapping => Text {
            message: format!("{} phải gồm các dòng `tên: giá trị`", doc_name),
            hint: match doc {
                Doc::FrontMatter => Some("hãy viết mỗi dòng một mục `tên: giá trị`, như `title: \"Kỳ họp thứ 5\"` và `date: 15/10/2021`".into()),
                Doc::Config => Some("hãy viết mỗi dòng một thiết lập, như `title: \"Bản tin HĐND tỉnh\"` và `base_url: \"https://hdnd.backan.gov.vn/\"`".into()),
                Doc::Other => None,
            },
        },
        Problem::UnknownKey { path, key, .. } if path.is_empty() => {
            Text::new(format!("{} có mục `{key}` không dùng được", doc_name))
        }
        Problem::UnknownKey { path, key, .. } => Text::new(format!(
            "mục `{key}` dưới {} không dùng được",
            describe_path(path)
        )),
        Problem::Duplicate {
            path,
            key,
            first_line,
        } => {
            let within = if path.is_empty() {
                String::new()
            } else {
                format!(" dưới {}", describe_path(path))
            };
            Text {
                message: match first_line {
                    Some(l) => format!("mục `{key}` được viết hai lần{within} (lần đầu ở dòng {l})"),
                    None => format!("mục `{key}` được viết hai lần{within}"),
                },
                hint: (doc != Doc::Other)
                    .then(|| format!("hãy chỉ viết `{key}:` một lần: giữ lại một dòng và xóa dòng kia")),
            }
        }
        Problem::Nesting { limit } => nesting(doc, *limit),
        Problem::MissingKey { path, key } => Text::new(if path.is_empty() {
            format!("{} thiếu mục `{key}`{}", doc_name, eg())
        } else {
            format!("{} thiếu mục `{key}`{}", describe_path(path), eg())
        }),
        Problem::WrongType {
            path,
            expected,
            empty,
        } => {
            let who = describe_path(path);
            let k = super::last_key(path);
            let must = match expected {
                Expected::Text => format!("phải là một đoạn chữ{}", eg()),
                Expected::Date => format!("phải là một ngày{}", eg()),
                Expected::List => format!("phải là một danh sách{}", eg()),
                Expected::Bool => "phải là `true` hoặc `false`".to_string(),
                Expected::WholeNumber { unsigned: false } => format!("phải là một số nguyên{}", eg()),
                Expected::WholeNumber { unsigned: true } => {
                    format!("phải là một số nguyên từ 0 trở lên{}", eg())
                }
                Expected::Number => format!("phải là một số{}", eg()),
                Expected::Mapping => match example {
                    Some(e) => format!("phải gồm các dòng `tên: giá trị`, ví dụ `{e}`"),
                    None => format!("phải gồm các dòng `tên: giá trị`, thụt lề dưới `{k}:`"),
                },
                Expected::OneOf(choices) if !choices.is_empty() => {
                    let list: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
                    format!("phải là một trong các giá trị {}", list.join(", "))
                }
                Expected::OneOf(_) | Expected::Word => format!("phải là một từ{}", eg()),
                Expected::Other => match example {
                    Some(e) => format!("được viết theo cách bantin không đọc được; hãy viết như `{e}`"),
                    None => "được viết theo cách bantin không đọc được".to_string(),
                },
            };
            let hint = match (doc, expected) {
                (Doc::FrontMatter, Expected::Bool) => Some("hãy viết `true` (có) hoặc `false` (không), không đặt trong ngoặc kép: bantin không hiểu chữ `có` và `không`"),
                (Doc::Config, Expected::Bool) => Some("hãy viết `true` (có) hoặc `false` (không)"),
                (Doc::FrontMatter, Expected::WholeNumber { .. }) => Some("hãy chỉ viết chữ số, như `weight: 3`"),
                _ => None,
            };
            Text {
                message: if *empty {
                    format!("{who} đang để trống: mục này {must}")
                } else {
                    format!("{who} {must}")
                },
                hint: hint.map(str::to_string),
            }
        }
    }
}

const FORMS: &str = "hãy viết ngày theo dạng DD/MM/YYYY (ngày trước, tháng sau) hoặc YYYY-MM-DD, \
                     có thể thêm giờ như 14:30 hoặc 14h30";

/// What is wrong with a date and what to write instead.
pub fn date(p: &DateProblem) -> String {
    use crate::vi::format::WEEKDAYS_VI;
    let (first, last) = (crate::vi::date::YEARS.start(), crate::vi::date::YEARS.end());
    match p {
        DateProblem::Empty => format!("ngày đang để trống; {FORMS}"),
        DateProblem::NotADate { text } => format!("`{text}` không phải là một ngày; {FORMS}"),
        DateProblem::TwoDates { text } => format!("`{text}` có hai ngày; {FORMS}"),
        DateProblem::TwoTimes { text } => format!("`{text}` có hai giờ; {FORMS}"),
        DateProblem::YearFirstWithSlashes { text, parts: [y, m, d] } => format!(
            "`{text}`: ngày viết bằng dấu `/` thì ngày đứng trước; hãy viết {d}/{m}/{y} hoặc {y}-{m}-{d}"
        ),
        DateProblem::TwoDigitYear { text, parts: [d, m, y] } => {
            format!("`{text}`: hãy viết năm đủ bốn chữ số, ví dụ {d}/{m}/20{y:0>2}")
        }
        DateProblem::YearOutOfRange { text, year, example } => format!(
            "`{text}`: năm {year} nằm ngoài khoảng {first}–{last}; hãy viết năm đầy đủ, ví dụ {example}"
        ),
        DateProblem::NoSuchMonth { text, month, swapped } => {
            let mut m = format!(
                "`{text}`: không có tháng {month} (tháng chỉ từ 1 đến 12); ngày viết theo thứ tự ngày/tháng/năm, DD/MM/YYYY"
            );
            if let Some((d, mo, y)) = swapped {
                m.push_str(&format!(" — có phải bạn muốn viết {d:02}/{mo:02}/{y}?"));
            }
            m
        }
        DateProblem::NoSuchDay { text, month, year, max } => {
            let why = if *month == 2 && *max == 28 {
                format!(" (năm {year} không phải năm nhuận)")
            } else {
                String::new()
            };
            format!(
                "`{text}` không phải là ngày có thật: tháng {month}/{year} chỉ có {max} ngày{why}; hãy viết ngày từ 01 đến {max}, ngày trước tháng sau: DD/MM/YYYY"
            )
        }
        DateProblem::NotATime { text, time } => {
            format!("`{text}`: `{time}` không phải là giờ trong ngày; hãy viết HH:MM (14:30) hoặc 14h30")
        }
        DateProblem::NoSuchHour { text, hour } => format!(
            "`{text}`: không có {hour} giờ (giờ chỉ từ 00 đến 23); nửa đêm thì viết 00:00 của ngày hôm sau"
        ),
        DateProblem::MinutesOver59 { text, hour } => format!(
            "`{text}`: phút và giây chỉ từ 00 đến 59; ví dụ hãy viết {hour:02}:59"
        ),
        DateProblem::NotAnOffset { text, offset } => {
            format!("`{text}`: `{offset}` không phải là múi giờ; hãy viết +07:00")
        }
        DateProblem::OffsetMinutes { text, offset, minutes } => format!(
            "`{text}`: múi giờ `{offset}` có {minutes} phút; phút chỉ từ 00 đến 59 (Việt Nam là +07:00)"
        ),
        DateProblem::OffsetTooWide { text, offset } => format!(
            "`{text}`: múi giờ `{offset}` vượt quá ±14:00, không có múi giờ nào như vậy; Việt Nam là +07:00"
        ),
        DateProblem::Relative { text, word } => {
            let whole = if text.is_empty() { String::new() } else { format!("`{text}`: ") };
            format!(
                "{whole}`{word}` thay đổi theo ngày dựng trang; hãy viết chính ngày đó, ví dụ 15/10/2021 hoặc 15/10/2021 14:30"
            )
        }
        DateProblem::NotAWeekday { text, written } => format!(
            "`{text}`: `{written}` không phải là thứ trong tuần; hãy bỏ thứ đi và chỉ viết ngày, ví dụ 15/10/2021 (trang web tự hiện thứ)"
        ),
        DateProblem::NoYear { text } => format!(
            "`{text}` thiếu năm: hãy viết đầy đủ, ví dụ ngày 15 tháng 10 năm 2021 hoặc 15/10/2021"
        ),
        DateProblem::NoDay { text } => format!(
            "`{text}` thiếu ngày: hãy viết đầy đủ, ví dụ ngày 15 tháng 10 năm 2021 hoặc 15/10/2021"
        ),
        DateProblem::NotPartOfDate { text, word } => {
            format!("`{text}`: `{word}` không phải là một phần của ngày tháng; {FORMS}")
        }
        DateProblem::WrongWeekday { text, date: (d, m, y), actual, written_day, written } => format!(
            "`{text}`: ngày {d:02}/{m:02}/{y} là {}, không phải {} (`{written}`); hãy sửa lại ngày, hoặc bỏ thứ đi — trang web tự hiện thứ",
            WEEKDAYS_VI[usize::from(*actual)],
            WEEKDAYS_VI[usize::from(*written_day)]
        ),
    }
}

/// Why a path segment cannot be a file name.
pub fn segment(e: &SegmentError) -> String {
    match e {
        SegmentError::Empty => "đường dẫn có một đoạn để trống".into(),
        SegmentError::Dot(s) => format!("đoạn `{s}` sẽ đi ra ngoài thư mục của nó"),
        SegmentError::Character(c) => format!("đường dẫn có {}", character(*c)),
        SegmentError::Reserved(s) => {
            format!("`{s}` là tên dành riêng của Windows, không đặt cho tệp được")
        }
        SegmentError::TooLong(n) => format!(
            "một đoạn dài {n} byte (tối đa {})",
            super::MAX_SEGMENT_BYTES
        ),
    }
}

/// An output file, named by its source or by what it is.
pub fn output(o: &Output) -> String {
    match o {
        Output::Home { file: Some(f) } => format!("trang chủ `{f}`"),
        Output::Home { file: None } => "trang chủ".into(),
        Output::Section { file } => format!("chuyên mục `{file}`"),
        Output::SectionFeed { file } => format!("nguồn tin RSS của chuyên mục `{file}`"),
        Output::Article { file } => format!("bài viết `{file}`"),
        Output::Page { file } => format!("trang `{file}`"),
        Output::Alias { alias, file } => format!("địa chỉ cũ `{alias}` của `{file}`"),
        Output::TaxonomyIndex { taxonomy } => format!("trang danh mục `{taxonomy}`"),
        Output::Term { taxonomy, term } => format!("trang {taxonomy} `{term}`"),
        Output::TermFeed { taxonomy, term } => format!("nguồn tin RSS của {taxonomy} `{term}`"),
        Output::Archive { path } => format!("trang lưu trữ `{path}/`"),
        Output::NotFound => "trang 404".into(),
        Output::SearchPage => "trang tìm kiếm".into(),
        Output::SearchDoc { file } => format!("mục chỉ mục tìm kiếm của `{file}`"),
        Output::SiteRss => "nguồn tin RSS của trang".into(),
        Output::Atom => "nguồn tin Atom của trang".into(),
        Output::Sitemap => "sơ đồ trang (sitemap)".into(),
        Output::Robots => "robots.txt".into(),
        Output::HighlightCss => "tệp kiểu tô màu mã nguồn".into(),
        Output::Marker => "tệp đánh dấu thư mục kết quả của bantin".into(),
        Output::Asset { file } => format!("tệp `{file}`"),
        Output::Static { file } => format!("tệp tĩnh `{file}`"),
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
