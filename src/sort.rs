//! Sorting through one compiled routine. Every `sort_by_key` on a new element or key type is
//! another copy of the standard library's sort in the wasm (3–5 KB each); the sorts here share
//! a single copy, over indices, and only a small reordering step is generic.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp`: the one instance of the standard sort.
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Stable sort by a comparison, like `slice::sort_by`.
pub fn by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| slots[i].take()));
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorted, without repeats, like `sort_unstable` then `dedup`.
pub fn dedup<T: Ord>(v: &mut Vec<T>) {
    by(v, T::cmp);
    v.dedup();
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably_and_dedups() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        super::by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec![3, 1, 3, 2, 1];
        super::dedup(&mut w);
        assert_eq!(w, [1, 2, 3]);
        let mut e: Vec<u8> = Vec::new();
        super::dedup(&mut e);
        assert!(e.is_empty());
    }
}
