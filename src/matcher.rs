//! Gazetteer matching: which names start at which word starts of the folded
//! text.
//!
//! A name counts only where a word starts, or right after an Arabic
//! proclitic joined to the front of a word (`وعلييف`, `للاتحاد`), so the
//! matcher does not look for names everywhere as Aho-Corasick does: it walks
//! a trie of the folded names from each of those few start positions and
//! reports every name that ends on the way. This gives exactly the matches an
//! overlapping Aho-Corasick search would give and the word-edge test would
//! keep, without failure links: the trie builds in two passes over the
//! sorted names, and a walk ends after a character or two at most word
//! starts.
//! (`cargo bench --bench engines` compares it with aho-corasick and
//! daachorse on the same names and text.)
//!
//! The trie runs over characters, each mapped to a small symbol number; a
//! node's children are numbered together, so they are consecutive, and the
//! root's children are found through a dense table.
//!
//! Nodes are numbered depth first: sorted names make their new nodes (those
//! past the common prefix with the name before) depth first, in path order,
//! and a node's children take the next free ids when the node is made. So a
//! chain of single children, the tail of most names, lies in consecutive
//! nodes, and a walk along it touches a few cache lines rather than one per
//! character (breadth-first numbering scattered the chars of one name over
//! the whole array: a walk along a real two-word name of a million-name
//! gazetteer missed the cache at every step). [`Trie::new`] finds the new
//! nodes and their child counts in a first pass and numbers them in a
//! second: no per-node allocation, no renumbering.

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
    /// The symbol on each node's incoming edge, by node.
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
        // The names in byte order (which is char order), keyed by their
        // first 16 bytes so that most comparisons touch no string; ties by
        // index, so duplicates keep the first.
        let key = |p: &[u8], from: usize| {
            let mut k = [0u8; 8];
            let part = p.get(from..).unwrap_or_default();
            let n = part.len().min(8);
            k[..n].copy_from_slice(&part[..n]);
            u64::from_be_bytes(k)
        };
        let mut order: Vec<(u64, u64, u32)> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let b = p.as_ref().as_bytes();
                (key(b, 0), key(b, 8), i as u32)
            })
            .collect();
        order.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| patterns[a.2 as usize].as_ref().cmp(patterns[b.2 as usize].as_ref()))
                .then(a.2.cmp(&b.2))
        });

        // Pass 1: a name makes a node at each depth past its common prefix
        // with the name before it, so the sorted names make the nodes depth
        // first, in path order. Keep the new nodes' chars in that order, and
        // each name's common prefix and new chars.
        struct Shape {
            /// Chars in common with the name before, and after them.
            common: u32,
            fresh: u32,
        }
        let mut shapes: Vec<Shape> = Vec::with_capacity(order.len());
        let mut fresh: Vec<u32> = Vec::new();
        let mut longest = 0;
        let mut prev: &[u8] = &[];
        for &(.., i) in &order {
            let name = patterns[i as usize].as_ref();
            let b = name.as_bytes();
            let mut same = b.iter().zip(prev).position(|(x, y)| x != y).unwrap_or(b.len().min(prev.len()));
            while !name.is_char_boundary(same) {
                same -= 1;
            }
            let common = name[..same].chars().count();
            let before = fresh.len();
            fresh.extend(name[same..].chars().map(|c| c as u32));
            let len = common + (fresh.len() - before);
            longest = longest.max(len);
            shapes.push(Shape {
                common: common as u32,
                fresh: (len - common) as u32,
            });
            prev = b;
        }

        // Symbols in char order, so that children are in symbol order too.
        // Every char of a name labels some node.
        let mut low = vec![false; DENSE_CHARS];
        let mut high = std::collections::BTreeSet::new();
        for &c in &fresh {
            match low.get_mut(c as usize) {
                Some(seen) => *seen = true,
                None => {
                    high.extend(char::from_u32(c));
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

        // The children of each node, by the order nodes are made in (the
        // root 0, then `k + 1` for `fresh[k]`), `path[d]` being the current
        // name's node at depth `d`.
        let mut kids: Vec<u32> = vec![0; fresh.len() + 1];
        let mut path: Vec<u32> = vec![0; longest + 1];
        let mut made = 0u32;
        for shape in &shapes {
            let mut depth = shape.common as usize;
            for _ in 0..shape.fresh {
                depth += 1;
                made += 1;
                kids[path[depth - 1] as usize] += 1;
                path[depth] = made;
            }
        }
        // Pass 2: ids. Nodes are reached in the order made (depth first, in
        // path order); each takes the next id among its parent's children,
        // and its own children take the next free ids, together: a node's
        // children are consecutive, and a chain of single children (the
        // tail of most names) lies in consecutive nodes, so a walk along it
        // touches few cache lines. `path[d]` is now an id, and `next[d]` the
        // id of the next child of `path[d]`.
        let total = fresh.len() + 1;
        t.nodes = vec![
            Node {
                first_child: 0,
                children: 0,
                pattern: NO_PATTERN,
                row: NO_ROW,
            };
            total
        ];
        t.label = vec![NONE; total];
        let mut next: Vec<u32> = vec![0; longest + 1];
        let mut free = 1u32;
        t.nodes[0].children = kids[0];
        if kids[0] > 0 {
            t.nodes[0].first_child = free;
        }
        next[0] = free;
        free += kids[0];
        path[0] = 0;
        let mut made = 0usize;
        for (&(.., i), shape) in order.iter().zip(&shapes) {
            let mut depth = shape.common as usize;
            for _ in 0..shape.fresh {
                depth += 1;
                let id = next[depth - 1];
                next[depth - 1] += 1;
                t.label[id as usize] = t.symbol_of(fresh[made]);
                made += 1;
                let children = kids[made];
                let node = &mut t.nodes[id as usize];
                node.children = children;
                if children > 0 {
                    node.first_child = free;
                }
                next[depth] = free;
                free += children;
                path[depth] = id;
            }
            if depth > 0 && t.nodes[path[depth] as usize].pattern == NO_PATTERN {
                t.nodes[path[depth] as usize].pattern = i;
            }
        }
        drop(order);
        drop(shapes);
        drop(fresh);
        drop(kids);
        // Dense rows for wide nodes, in node order.
        for id in 0..t.nodes.len() {
            let Node { first_child, children, .. } = t.nodes[id];
            if children as usize > ROW_MIN_CHILDREN {
                let row = t.rows.len();
                t.rows.resize(row + symbols, 0);
                for child in first_child..first_child + children {
                    t.rows[row + t.label[child as usize] as usize] = child;
                }
                t.nodes[id].row = row as u32;
            }
        }
        t.root = vec![0; symbols];
        if let Some(root) = t.nodes.first() {
            for k in root.first_child..root.first_child + root.children {
                t.root[t.label[k as usize] as usize] = k;
            }
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

    /// The trie holds exactly the prefixes of the names: every node is
    /// reached once from the root, children consecutive and in char order,
    /// patterns where their names end, and wide nodes' rows point at their
    /// children.
    #[test]
    fn nodes_are_the_prefixes_of_the_names() {
        let alphabet: Vec<char> = "اب پجک ی\u{0800}\u{4E00}aé".chars().collect();
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut names = std::collections::BTreeSet::new();
        while names.len() < 3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 7) as usize;
            names.insert(
                (0..len)
                    .map(|k| alphabet[((x >> (8 + 4 * k)) % alphabet.len() as u64) as usize])
                    .collect::<String>(),
            );
        }
        // Shuffled, so the build's own sort is tested.
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort_by_key(|n| n.bytes().rev().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));
        let t = Trie::new(&names);
        let mut want: Vec<String> = vec![String::new()];
        for n in &names {
            want.extend(n.char_indices().map(|(i, c)| n[..i + c.len_utf8()].to_string()));
        }
        want.sort();
        want.dedup();
        let char_of = |sym: u32| {
            (0..0x11_0000)
                .filter_map(char::from_u32)
                .find(|&c| t.symbol_of(c as u32) == sym)
                .unwrap()
        };
        let mut got: Vec<(String, u32)> = Vec::new();
        let mut seen = vec![false; t.nodes.len()];
        let mut stack = vec![(String::new(), 0u32)];
        while let Some((p, id)) = stack.pop() {
            assert!(!std::mem::replace(&mut seen[id as usize], true), "{id} reached twice");
            let node = t.nodes[id as usize];
            let want_pattern = names.iter().position(|n| *n == p).filter(|_| !p.is_empty());
            assert_eq!(node.pattern, want_pattern.map_or(NO_PATTERN, |w| w as u32), "{p}");
            let kids = node.first_child..node.first_child + node.children;
            let labels: Vec<u32> = kids.clone().map(|k| t.label[k as usize]).collect();
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "{p}: {labels:?}");
            assert_eq!(node.row != NO_ROW, kids.len() > ROW_MIN_CHILDREN);
            for k in kids {
                let sym = t.label[k as usize];
                if node.row != NO_ROW {
                    assert_eq!(t.rows[node.row as usize + sym as usize], k);
                }
                if id == 0 {
                    assert_eq!(t.root[sym as usize], k);
                }
                stack.push((format!("{p}{}", char_of(sym)), k));
            }
            got.push((p, id));
        }
        assert!(seen.iter().all(|&s| s));
        got.sort();
        assert_eq!(got.into_iter().map(|(p, _)| p).collect::<Vec<_>>(), want);
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
