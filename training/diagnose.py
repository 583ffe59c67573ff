"""Print the worst leave-site-out pages: what the reader missed and what it kept wrongly."""
import sys
from training import train
from training.corpus import load_pages, tokens, grams
from converter.assembly.features import line_features
pages = load_pages()
features = [line_features(p.lines) for p in pages]
scorer = train.load_scorer(train.SHARED)
pred = train.cross_validate(pages, features, 10, scorer)
rows = []
for p in [p for p in pages if p.scored]:
    r = pred[p.id]
    f1 = scorer.body_prf(r.get('body') or '', p.truth['body'] or '')[2]
    rows.append((f1, p))
rows.sort(key=lambda x: x[0])
for f1, p in rows[:int(sys.argv[1]) if len(sys.argv) > 1 else 12]:
    r = pred[p.id]
    prf = scorer.body_prf(r.get('body') or '', p.truth['body'] or '')
    print(f"== {f1:.3f} P={prf[0]:.2f} R={prf[1]:.2f} {p.corpus} {p.site} {p.id[:10]} head={r.get('headline')!r} truth={p.truth.get('headline')!r}")
    body = set(l.strip() for l in (r.get('body') or '').split('\n') if l.strip())
    for line, lab in zip(p.lines, p.labels):
        inb = any(line.text[:40] in b for b in body)
        if lab == 1 and not inb:
            print(f"   MISS p={line.body_p:.2f} {line.text[:110]!r}")
        elif lab != 1 and inb:
            print(f"   XTRA p={line.body_p:.2f} {line.text[:110]!r}")
