//! Gazetteer matching: which names start at which word starts of the folded
//! text.
//!
//! A name counts only where a word starts, or right after an Arabic
//! proclitic joined to the front of a word (`وعلييف`, `للاتحاد`), so the
//! matcher does not look for names everywhere as Aho-Corasick does: it walks
//! a trie of the folded names from each of those few start positions and
//! reports every name that ends on the way. This gives exactly the matches an
//! overlapping Aho-Corasick search would give and the word-edge test would
//! keep, without failure links: the trie builds in one pass over the sorted
//! names, and a walk ends after a character or two at most word starts.
//! (`cargo bench --bench engines` compares it with aho-corasick and
//! daachorse on the same names and text.)
//!
//! The trie runs over characters, each mapped to a small symbol number; its
//! nodes are numbered breadth-first so a node's children are consecutive,
//! and the root's children are found through a dense table.

use std::collections::HashMap;

/// Symbol of a character that occurs in no name: every walk dies on it.
const NONE: u32 = 0;
/// Characters below this get their symbol from a dense table.
const DENSE_CHARS: usize = 0x800;
const NO_PATTERN: u32 = u32::MAX;

/// A trie of folded names, matched at word starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Trie {
    /// Symbol of each char below `DENSE_CHARS`.
    dense: Vec<u32>,
    /// Symbol of every other char that occurs in a name.
    sparse: HashMap<char, u32>,
    /// The root's child for each symbol (0: none).
    root: Vec<u32>,
    /// The symbol on each node's incoming edge, nodes breadth-first.
    label: Vec<u32>,
    nodes: Vec<Node>,
    /// Child tables of the nodes with many children: one entry per symbol
    /// (as many as `root` has), 0 for no child.
    rows: Vec<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Node {
    first_child: u32,
    children: u32,
    /// The pattern that ends here, or `NO_PATTERN`.
    pattern: u32,
    /// Index of the node's row in `rows`, or `NO_ROW`.
    row: u32,
}

const NO_ROW: u32 = u32::MAX;
/// Nodes with more children than this get a dense row.
const ROW_MIN_CHILDREN: usize = 6;

impl Trie {
    /// Builds the trie of `patterns` (folded, non-empty, distinct); a match
    /// reports a pattern's index.
    pub(crate) fn new<S: AsRef<str>>(patterns: &[S]) -> Trie {
        // Symbols in char order, so sorted names walk children in order.
        let mut low = vec![false; DENSE_CHARS];
        let mut high = std::collections::BTreeSet::new();
        for p in patterns {
            for c in p.as_ref().chars() {
                match low.get_mut(c as usize) {
                    Some(seen) => *seen = true,
                    None => {
                        high.insert(c);
                    }
                }
            }
        }
        let mut t = Trie {
            dense: vec![NONE; DENSE_CHARS],
            ..Trie::default()
        };
        let mut sym = 0;
        for (c, _) in low.iter().enumerate().filter(|(_, &seen)| seen) {
            sym += 1;
            t.dense[c] = sym;
        }
        for &c in &high {
            sym += 1;
            t.sparse.insert(c, sym);
        }
        let symbols = sym as usize + 1;

        // A first trie with linked child lists, filled from the names in
        // sorted order: a name shares a path only with the names just before
        // it, so the child to follow is always the last one added.
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| patterns[a as usize].as_ref().cmp(patterns[b as usize].as_ref()));
        const NIL: u32 = u32::MAX;
        let mut sym_of = vec![NONE];
        let mut first_kid = vec![NIL];
        let mut last_kid = vec![NIL];
        let mut next_sib = vec![NIL];
        let mut kids = vec![0u32];
        let mut pat = vec![NO_PATTERN];
        for &p in &order {
            let mut at = 0usize;
            for c in patterns[p as usize].as_ref().chars() {
                let s = t.symbol_of(c as u32);
                let last = last_kid[at];
                at = if last != NIL && sym_of[last as usize] == s {
                    last as usize
                } else {
                    let child = sym_of.len() as u32;
                    sym_of.push(s);
                    first_kid.push(NIL);
                    last_kid.push(NIL);
                    next_sib.push(NIL);
                    kids.push(0);
                    pat.push(NO_PATTERN);
                    if last == NIL {
                        first_kid[at] = child;
                    } else {
                        next_sib[last as usize] = child;
                    }
                    last_kid[at] = child;
                    kids[at] += 1;
                    child as usize
                };
            }
            if at != 0 && pat[at] == NO_PATTERN {
                pat[at] = p;
            }
        }

        // Renumber breadth-first so each node's children are consecutive.
        let n = sym_of.len();
        let mut new_id = vec![0u32; n];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        queue.push(0);
        let mut head = 0;
        while head < queue.len() {
            let old = queue[head] as usize;
            new_id[old] = head as u32;
            head += 1;
            let mut k = first_kid[old];
            while k != NIL {
                queue.push(k);
                k = next_sib[k as usize];
            }
        }
        t.label = vec![NONE; n];
        t.nodes = vec![Node::default(); n];
        for (new, &old) in queue.iter().enumerate() {
            let old = old as usize;
            let mut row = NO_ROW;
            if kids[old] as usize > ROW_MIN_CHILDREN {
                row = t.rows.len() as u32;
                t.rows.resize(t.rows.len() + symbols, 0);
            }
            t.nodes[new] = Node {
                first_child: if first_kid[old] == NIL {
                    0
                } else {
                    new_id[first_kid[old] as usize]
                },
                children: kids[old],
                pattern: pat[old],
                row,
            };
            t.label[new] = sym_of[old];
            if row != NO_ROW {
                let mut k = first_kid[old];
                while k != NIL {
                    t.rows[row as usize + sym_of[k as usize] as usize] = new_id[k as usize];
                    k = next_sib[k as usize];
                }
            }
        }
        t.root = vec![0; symbols];
        let mut k = first_kid[0];
        while k != NIL {
            t.root[sym_of[k as usize] as usize] = new_id[k as usize];
            k = next_sib[k as usize];
        }
        t
    }

    /// Calls `found(end, pattern)` for every pattern that starts at byte
    /// `start` of `text` (a char boundary), shortest first.
    #[inline]
    pub(crate) fn walk(&self, text: &str, start: usize, mut found: impl FnMut(usize, usize)) {
        let b = text.as_bytes();
        let mut i = start;
        if i >= b.len() {
            return;
        }
        let (c, len) = decode(b, i);
        let sym = self.symbol_of(c);
        let mut node = match self.root.get(sym as usize) {
            Some(&n) if n != 0 && sym != NONE => n as usize,
            _ => return,
        };
        i += len;
        loop {
            let Node {
                first_child,
                children,
                pattern,
                row,
            } = self.nodes[node];
            if pattern != NO_PATTERN {
                found(i, pattern as usize);
            }
            if children == 0 || i >= b.len() {
                return;
            }
            let (c, len) = decode(b, i);
            i += len;
            let sym = self.symbol_of(c);
            if sym == NONE {
                return;
            }
            if row != NO_ROW {
                match self.rows[row as usize + sym as usize] {
                    0 => return,
                    next => node = next as usize,
                }
            } else {
                let first = first_child as usize;
                match self.label[first..first + children as usize].iter().position(|&l| l == sym) {
                    Some(k) => node = first + k,
                    None => return,
                }
            }
        }
    }

    #[inline(always)]
    fn symbol_of(&self, c: u32) -> u32 {
        match self.dense.get(c as usize) {
            Some(&s) => s,
            None => char::from_u32(c).and_then(|c| self.sparse.get(&c).copied()).unwrap_or(NONE),
        }
    }

    /// Heap memory held, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.dense.capacity() * 4
            + self.sparse.capacity() * 8
            + self.root.capacity() * 4
            + self.label.capacity() * 4
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.rows.capacity() * 4
    }
}

/// The trie in the default model's snapshot (`crate::snapshot`): its
/// tables as they are, so that loading copies them and builds nothing.
impl crate::snapshot::Snap for Trie {
    fn put(&self, w: &mut crate::snapshot::Writer) {
        w.u32s(&self.dense);
        let mut sparse: Vec<(u32, u32)> = self.sparse.iter().map(|(&c, &s)| (c as u32, s)).collect();
        sparse.sort_unstable();
        w.len(sparse.len());
        for (c, s) in sparse {
            w.u32(c);
            w.u32(s);
        }
        w.u32s(&self.root);
        w.u32s(&self.label);
        w.len(self.nodes.len());
        for n in &self.nodes {
            for x in [n.first_child, n.children, n.pattern, n.row] {
                w.u32(x);
            }
        }
        w.u32s(&self.rows);
    }

    fn get(r: &mut crate::snapshot::Reader) -> Trie {
        let dense = r.u32s();
        let n = r.len();
        let sparse = (0..n)
            .map(|_| {
                let c = char::from_u32(r.u32()).expect("model snapshot: a char");
                (c, r.u32())
            })
            .collect();
        let root = r.u32s();
        let label = r.u32s();
        let n = r.len();
        let word = |b: &[u8], k: usize| u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]]);
        let nodes = r
            .raw::<4>(n)
            .chunks_exact(16)
            .map(|b| Node {
                first_child: word(b, 0),
                children: word(b, 1),
                pattern: word(b, 2),
                row: word(b, 3),
            })
            .collect();
        let rows = r.u32s();
        Trie {
            dense,
            sparse,
            root,
            label,
            nodes,
            rows,
        }
    }
}

/// The code point and length of the UTF-8 char at byte `i` of `b`, which
/// is valid UTF-8 with a char starting at `i`.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = b[i] as u32;
    let cont = |k: usize| b.get(i + k).map_or(0, |&x| x as u32 & 0x3f);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | cont(1), 2)
    } else if b0 < 0xf0 {
        (((b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &Trie, text: &str, start: usize) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        t.walk(text, start, |e, p| v.push((e, p)));
        v
    }

    #[test]
    fn walks_report_every_name_from_the_start() {
        let t = Trie::new(&["باکو", "باک", "ب", "بروکسل", "abc"]);
        assert_eq!(all(&t, "باکو در", 0), [(2, 2), (6, 1), (8, 0)]);
        assert_eq!(all(&t, "بروکسل", 0), [(2, 2), (12, 3)]);
        assert_eq!(all(&t, "abcd", 0), [(3, 4)]);
        assert_eq!(all(&t, "xbc", 0), []);
        assert_eq!(all(&t, "", 0), []);
        assert_eq!(all(&t, "با", 4), []);
    }

    /// The trie at word starts finds exactly what an overlapping
    /// Aho-Corasick search over every position finds and the left-edge test
    /// keeps, on the seeds and written articles.
    #[test]
    fn same_matches_as_aho_corasick_with_left_edges() {
        let ex = crate::default_extractor();
        let ac = aho_corasick::AhoCorasick::new(ex.model().names.patterns()).unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.push("وللاتحاد الأوروبي ولروسيا فبباكو وبوتين، لل ول و ب".to_string());
        let mut total = 0;
        for text in &texts {
            let norm = crate::normalize::normalize(text);
            let f = norm.as_str();
            let chars = |s: usize, e: usize| f[s..e].chars().count();
            let mut want: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(f)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .filter(|&(s, e, _)| crate::edges::left_edge(&ex.model().affixes, f, s, chars(s, e), true).is_some())
                .collect();
            let mut got = Vec::new();
            crate::edges::starts(f, &ex.model().affixes, |s| ex.model().names.walk(f, s, |e, p| got.push((s, e, p))));
            got.retain(|&(s, e, _)| crate::edges::left_edge(&ex.model().affixes, f, s, chars(s, e), true).is_some());
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want);
            total += got.len();
        }
        assert!(total > 500, "{total}");
    }
}
