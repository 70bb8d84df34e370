//! References: duplicates found by a 64-bit hash, checked byte for byte.

use super::*;

// ------------------------------------------------------------------ references

/// A 64-bit hash of a reference (multiply-rotate over 8-byte words, then
/// the MurmurHash3 finaliser). Equal hashes are checked byte for byte.
pub(super) fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    let mut w = [0u8; 8];
    for (o, c) in w.iter_mut().zip(chunks.remainder()) {
        *o = *c;
    }
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key is already a good hash: pass it through.
#[derive(Default)]
pub(super) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// References seen so far, with the line each was first used on. The bytes
/// live in one arena; no allocation per reference.
#[derive(Default)]
pub(super) struct References {
    pub(super) arena: Vec<u8>,
    /// hash → (start, end, line)
    pub(super) by_hash: HashMap<u64, (usize, usize, u64), BuildHasherDefault<Identity>>,
    /// References whose hash collided with another reference's.
    pub(super) collided: HashMap<Box<[u8]>, u64>,
}

impl References {
    /// Room for the references of a list of about `bytes` (real rows are
    /// 80 bytes or more, references about 15), so the table is seldom
    /// grown; at most a million are reserved.
    pub(super) fn for_bytes(bytes: usize) -> References {
        let rows = (bytes / 80).min(1 << 20);
        let mut refs = References::default();
        refs.by_hash.reserve(rows);
        refs.arena.reserve(rows.saturating_mul(16));
        refs
    }

    /// The line `r` was first used on, or `None` (and `r` is recorded).
    pub(super) fn first_use(&mut self, r: &[u8], line: u64) -> Option<u64> {
        use std::collections::hash_map::Entry;
        match self.by_hash.entry(hash(r)) {
            Entry::Vacant(v) => {
                let start = self.arena.len();
                self.arena.extend_from_slice(r);
                v.insert((start, self.arena.len(), line));
                None
            }
            Entry::Occupied(o) => {
                let &(s, e, first) = o.get();
                if self.arena.get(s..e) == Some(r) {
                    return Some(first);
                }
                match self.collided.entry(r.into()) {
                    Entry::Occupied(o) => Some(*o.get()),
                    Entry::Vacant(v) => {
                        v.insert(line);
                        None
                    }
                }
            }
        }
    }
}
