"""score_cases.py CASES.json [CASES.json ...] [--bin PATH] [-v]

Relation cases (`name`, `lang`, `text`, `relations`, optional `optional` and
`forbidden` lists, the format of tests/cases/relations_by_convention.json)
run through the namyab binary (default target/release/namyab, from the
project root). Prints, per file and over all files: cases passed, and
micro P/R/F1 of relation keys without and with status. A predicted key that
the case lists as optional (or a mediator's meeting with a party of a
required mediation) counts neither way; a forbidden key is an error.
Modality is not scored here; tests/relations.rs asserts it.
Keys: met-with as an unordered pair of ids, mediated-by as (party pair,
mediator); ids mapped through places.tsv's metonym_of, unknown people as
`text:<surface>`. Same conventions as ../shared/cases/run_cases.py."""
import itertools, json, os, subprocess, sys, tempfile

args = [a for a in sys.argv[1:] if not a.startswith('-')]
binary = 'target/release/namyab'
if '--bin' in sys.argv:
    binary = sys.argv[sys.argv.index('--bin') + 1]
    args.remove(binary)
verbose = '-v' in sys.argv
met = {}
hdr = None
for line in open('gazetteers/places.tsv', encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    c = line.rstrip('\n').split('\t')
    if hdr is None:
        hdr = c
        continue
    d = dict(zip(hdr, c))
    if d.get('metonym_of'):
        met[d['id']] = d['metonym_of']
M = lambda x: met.get(x, x)


def ident(p):
    return M(p if isinstance(p, str) else (p.get('id') or 'text:' + p['text']))


def keys_of(r):
    if r['type'] == 'met-with':
        ids = r.get('args') or r['participants']
        ids = sorted({ident(i) for i in ids})
        return [('met-with', p) for p in itertools.combinations(ids, 2)]
    meds = r.get('mediators') or [r.get('mediator')]
    out = []
    for m in meds:
        m = ident(m)
        ps = sorted({ident(p) for p in r['parties']} - {m})
        out += [('mediated-by', p, m) for p in itertools.combinations(ps, 2)]
    return out


def run(cases):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({'id': str(i), 'text': c['text']}, ensure_ascii=False) + '\n')
        fn = f.name
    out = subprocess.run([binary, 'extract', '--input', 'jsonl', '--format', 'jsonl', fn],
                         capture_output=True, text=True).stdout
    os.unlink(fn)
    return [json.loads(l) for l in out.splitlines() if l.strip()]


total = [0, 0, 0, 0, 0, 0, 0, 0]  # tp fp fn tp_s fp_s fn_s passed cases
for path in args:
    cases = json.load(open(path, encoding='utf-8'))
    outs = run(cases)
    t = [0] * 8
    for c, out in zip(cases, outs):
        pred = {}
        for r in out['relations']:
            for k in keys_of(r):
                pred.setdefault(k, set()).add(r['status'])
        req = {}
        for r in c['relations']:
            for k in keys_of(r):
                req.setdefault(k, set()).add(r['status'])
        opt = {k for r in c.get('optional', []) for k in keys_of(r)}
        # As the gold guidelines say (and tests/common/mod.rs): a meeting of
        # a required mediation's mediator with a party is optional.
        for k in list(req):
            if k[0] == 'mediated-by':
                opt |= {('met-with', tuple(sorted((p, k[2])))) for p in k[1]}
        forb = [(k, r.get('status')) for r in c.get('forbidden', []) for k in keys_of(r)]
        probs = []
        for k in req:
            if k in pred:
                t[0] += 1
            else:
                t[2] += 1
                probs.append(f'missing {k}')
        for k in pred:
            if k not in req and k not in opt:
                t[1] += 1
                probs.append(f'extra {k}')
        rs = {(k, s) for k, v in req.items() for s in v}
        ps = {(k, s) for k, v in pred.items() for s in v if k in req or k not in opt}
        t[3] += len(rs & ps)
        t[4] += len(ps - rs)
        t[5] += len(rs - ps)
        probs += [f'status {k}' for k in rs ^ ps if k[0] in pred and k[0] in req]
        for k, st in forb:
            if k in pred and (st is None or st in pred[k]):
                probs.append(f'FORBIDDEN {k} {st or ""}')
        t[6] += not probs
        t[7] += 1
        if verbose and probs:
            print(c['name'], '::', '; '.join(sorted(set(probs))))
    total = [a + b for a, b in zip(total, t)]

    def f1(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    p, r, f = f1(*t[0:3])
    ps_, rs_, fs = f1(*t[3:6])
    print(f'{path}: {t[6]}/{t[7]} cases pass; P {p:.3f} R {r:.3f} F1 {f:.3f}; with status P {ps_:.3f} R {rs_:.3f} F1 {fs:.3f}')
