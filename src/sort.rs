//! Sorting through one compiled routine. Every `sort_by_key` on a new element or key type is
//! another copy of the standard library's sort in the wasm (3–5 KB each); the sorts here share
//! a single copy, over indices, and only a small reordering step is generic.

use std::cmp::Ordering;

/// Where each of `0..n` goes in the stable order under `cmp`.
///
/// A bottom-up merge sort: insertion-sorted runs of eight, merged in passes. The standard
/// sort, one instance of which this replaced, is 2 KB of the gzipped wasm; this is a tenth of
/// that, and `sorts_like_the_standard_sort` holds it to the standard stable sort.
#[inline(never)]
fn places(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    // Nothing to order (many lists sorted are empty or hold one element): no lists made,
    // and an empty list of places moves nothing. (Here rather than in the generic `by`,
    // which is compiled once per caller.)
    if n < 2 {
        return Vec::new();
    }
    const RUN: usize = 8;
    let mut order: Vec<usize> = (0..n).collect();
    for start in (0..n).step_by(RUN) {
        for i in start + 1..(start + RUN).min(n) {
            let x = order[i];
            let mut j = i;
            while j > start && cmp(order[j - 1], x) == Ordering::Greater {
                order[j] = order[j - 1];
                j -= 1;
            }
            order[j] = x;
        }
    }
    let mut merged = vec![0; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let (mid, hi) = ((lo + width).min(n), (lo + 2 * width).min(n));
            let (mut i, mut j) = (lo, mid);
            for slot in &mut merged[lo..hi] {
                // The left run first on ties: that keeps the sort stable.
                let left = i < mid && (j == hi || cmp(order[j], order[i]) != Ordering::Less);
                if left {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    let mut place = merged;
    for (to, &from) in order.iter().enumerate() {
        place[from] = to;
    }
    place
}

/// Moves every element to its place by swaps along the permutation's cycles (each swap puts
/// one element where it belongs, so at most `n` of them): only the swap is generic.
#[inline(never)]
fn permute(mut place: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for i in 0..place.len() {
        while place[i] != i {
            let to = place[i];
            swap(i, to);
            place.swap(i, to);
        }
    }
}

/// Stable sort by a comparison, like `slice::sort_by`.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let place = places(v.len(), &|a, b| cmp(&v[a], &v[b]));
    reorder(v, place);
}

/// [`permute`] on `v`: generic over the element type alone, so the sorts of one type share
/// its swap (written in `by`, it was compiled again for every comparison).
fn reorder<T>(v: &mut [T], place: Vec<usize>) {
    permute(place, &mut |a, b| v.swap(a, b));
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorted, without repeats, like `sort_unstable` then `dedup`.
pub fn dedup<T: Ord>(v: &mut Vec<T>) {
    by(v, T::cmp);
    v.dedup();
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The same order as the standard stable sort, ties included, at every length
        /// around the runs' and the passes' edges.
        #[test]
        fn sorts_like_the_standard_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..70)) {
            let mut ours = v.clone();
            super::by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

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

    #[test]
    fn matches_the_standard_stable_sort() {
        // Long cycles, repeats and fixed points: a pseudo-random list of 500 small keys.
        let mut x: u32 = 12345;
        let v: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % 37, i)
            })
            .collect();
        let mut ours = v.clone();
        super::by_key(&mut ours, |p| p.0);
        let mut std = v;
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
    }
}
