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
///
/// Most lists repeat no reference, so a new one costs a probe of a small
/// table of 32-bit fingerprints (half a megabyte for 60,000 references,
/// which stays in the processor's cache, where a map of every reference
/// with its place does not) and a push to the end of a list. Only when a
/// fingerprint comes twice (a repeat, or two references sharing 31 bits of
/// hash) is the map of every reference built, and used from then on.
#[derive(Default)]
pub(super) struct References {
    arena: Vec<u8>,
    /// Every reference recorded, in the order first used.
    seen: Vec<Seen>,
    /// Open addressing, linear probing: each recorded hash's upper 32 bits
    /// with the lowest set (0 is an empty slot), at the slot its lower bits
    /// choose. At most half full; empty once `exact` is built.
    fingerprints: Vec<u32>,
    /// hash → index in `seen`, once a fingerprint has come twice.
    pub(super) exact: Option<HashMap<u64, usize, BuildHasherDefault<Identity>>>,
    /// References whose hash collided with another reference's.
    collided: HashMap<Box<[u8]>, u64>,
}

#[derive(Clone, Copy)]
struct Seen {
    hash: u64,
    start: usize,
    end: usize,
    line: u64,
}

/// The fingerprint of a hash, never 0 (an empty slot).
fn fingerprint(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

impl References {
    /// Room for the references of a list of about `bytes` (real rows are
    /// 80 bytes or more, references about 15), so the list is seldom
    /// grown; at most a million are reserved.
    pub(super) fn for_bytes(bytes: usize) -> References {
        let rows = (bytes / 80).min(1 << 20);
        let mut refs = References::default();
        refs.seen.reserve(rows);
        refs.arena.reserve(rows.saturating_mul(16));
        refs
    }

    /// The line `r` was first used on, or `None` (and `r` is recorded).
    pub(super) fn first_use(&mut self, r: &[u8], line: u64) -> Option<u64> {
        self.first_use_hashed(hash(r), r, line)
    }

    /// [`References::first_use`] of `r`, whose hash is `h`.
    pub(super) fn first_use_hashed(&mut self, h: u64, r: &[u8], line: u64) -> Option<u64> {
        if self.exact.is_none() {
            if self.fresh(h) {
                self.record(h, r, line);
                return None;
            }
            self.build_exact();
        }
        let exact = self.exact.as_mut()?;
        use std::collections::hash_map::Entry;
        match exact.entry(h) {
            Entry::Vacant(v) => {
                v.insert(self.seen.len());
                self.record(h, r, line);
                None
            }
            Entry::Occupied(o) => {
                let first = *self.seen.get(*o.get())?;
                if self.arena.get(first.start..first.end) == Some(r) {
                    return Some(first.line);
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

    fn record(&mut self, hash: u64, r: &[u8], line: u64) {
        let start = self.arena.len();
        self.arena.extend_from_slice(r);
        self.seen.push(Seen {
            hash,
            start,
            end: self.arena.len(),
            line,
        });
    }

    /// Puts `h`'s fingerprint in the table: false if it is there already.
    fn fresh(&mut self, h: u64) -> bool {
        if self.seen.len().saturating_add(1).saturating_mul(2) > self.fingerprints.len() {
            self.grow();
        }
        put_fingerprint(&mut self.fingerprints, h)
    }

    /// The table at twice the size (at least 4,096 slots), every recorded
    /// hash put in again.
    fn grow(&mut self) {
        let size = self.fingerprints.len().saturating_mul(2).max(1 << 12);
        self.fingerprints = vec![0; size];
        for s in &self.seen {
            put_fingerprint(&mut self.fingerprints, s.hash);
        }
    }

    /// The map of every reference, built from the list; the table dropped.
    fn build_exact(&mut self) {
        let mut exact: HashMap<u64, usize, BuildHasherDefault<Identity>> = HashMap::default();
        exact.reserve(self.seen.capacity());
        for (i, s) in self.seen.iter().enumerate() {
            // Two references of one hash: the first is the one kept (the
            // second was recorded in `collided` when it came).
            exact.entry(s.hash).or_insert(i);
        }
        self.exact = Some(exact);
        self.fingerprints = Vec::new();
    }

    /// Whether a reference of hash `h` has been recorded (exactly, though
    /// the map is built the first time a fingerprint matches).
    pub(super) fn has_hash(&mut self, h: u64) -> bool {
        if self.exact.is_none() {
            if !has_fingerprint(&self.fingerprints, h) {
                return false;
            }
            self.build_exact();
        }
        self.exact.as_ref().is_some_and(|e| e.contains_key(&h))
    }

    /// The hashes of every reference recorded, in the order first used.
    pub(super) fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.seen.iter().map(|s| s.hash)
    }
}

/// Puts `h`'s fingerprint in `table` (a power of two in size, never full):
/// false if it is there already.
fn put_fingerprint(table: &mut [u32], h: u64) -> bool {
    let mask = table.len().wrapping_sub(1);
    let fp = fingerprint(h);
    let mut i = h as usize & mask;
    while let Some(slot) = table.get_mut(i) {
        if *slot == 0 {
            *slot = fp;
            return true;
        }
        if *slot == fp {
            return false;
        }
        i = (i + 1) & mask;
    }
    // Only an empty table has no slot: nothing recorded.
    true
}

fn has_fingerprint(table: &[u32], h: u64) -> bool {
    let mask = table.len().wrapping_sub(1);
    let fp = fingerprint(h);
    let mut i = h as usize & mask;
    while let Some(&slot) = table.get(i) {
        if slot == 0 {
            return false;
        }
        if slot == fp {
            return true;
        }
        i = (i + 1) & mask;
    }
    false
}
