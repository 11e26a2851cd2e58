//! Splitting a list into pages, and the page numbers a pager shows.

/// Number of pages for `len` items, `per` a page; an empty list has one page.
pub fn page_count(len: usize, per: usize) -> usize {
    len.div_ceil(per.max(1)).max(1)
}

/// Items of page `n` (1-based).
pub fn page<T>(items: &[T], per: usize, n: usize) -> &[T] {
    let per = per.max(1);
    let start = ((n - 1) * per).min(items.len());
    &items[start..(start + per).min(items.len())]
}

/// Page numbers to show around `current` of `total`, with `None` for an ellipsis:
/// `1 … 4 5 [6] 7 8 … 20`.
pub fn window(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        let near = n + 2 >= current && n <= current + 2;
        if n == 1 || n == total || near {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_slices() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(40, 20), 2);
        assert_eq!(page_count(41, 20), 3);
        let v: Vec<u32> = (0..45).collect();
        assert_eq!(page(&v, 20, 3), &[40, 41, 42, 43, 44]);
    }

    #[test]
    fn windows_with_ellipsis() {
        assert_eq!(window(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            window(6, 20),
            vec![
                Some(1),
                None,
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                None,
                Some(20)
            ]
        );
        assert_eq!(
            window(1, 10),
            vec![Some(1), Some(2), Some(3), None, Some(10)]
        );
    }
}
