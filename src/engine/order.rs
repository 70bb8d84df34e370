//! One sort for the whole engine.
//!
//! The standard library's sort is copied into the program once for every
//! type it sorts, about 3 KB of wasm each; the engine sorts a dozen types,
//! and all of it is in the app's first load. Here every sort orders the
//! items' positions (`usize`) through one comparison behind a pointer, so
//! there is one copy of the sorting code, and then moves the items into
//! that order. Stable, like `slice::sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        sort_positions(&mut order, &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` stably by `key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `key`, worked out once an item.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut keyed: Vec<(K, T)> = keys.into_iter().zip(std::mem::take(items)).collect();
    sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    items.extend(keyed.into_iter().map(|(_, t)| t));
}

/// Sorts `items` by their own order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The one copy of the sorting code.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, expected);
        let mut w = vec!["b", "a", "c", "a"];
        sort(&mut w);
        assert_eq!(w, ["a", "a", "b", "c"]);
        let mut cached = vec![5, 3, 9, 1];
        sort_by_cached_key(&mut cached, |x| std::cmp::Reverse(*x));
        assert_eq!(cached, [9, 5, 3, 1]);
        // Stable however the key is given: equal keys keep their order.
        let mut pairs: Vec<(u8, usize)> = [2u8, 1, 2, 1, 0]
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let mut by_std = pairs.clone();
        by_std.sort_by_cached_key(|p| p.0);
        sort_by_cached_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, by_std);
        assert_eq!(pairs, [(0, 4), (1, 1), (1, 3), (2, 0), (2, 2)]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
