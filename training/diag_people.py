from training import train
from training.corpus import load_pages
from converter.assembly.features import line_features
pages = load_pages()
features = [line_features(p.lines) for p in pages]
scorer = train.load_scorer(train.SHARED)
pred = train.cross_validate(pages, features, 10, scorer)
for p in [p for p in pages if p.scored]:
    t = p.truth.get('authors')
    if not t: continue
    r = pred[p.id]
    got = (r.get('authors') or []) + (r.get('contributors') or [])
    tk = {scorer.person_key(a) for a in t}; gk = {scorer.person_key(a) for a in got}
    if tk <= gk: continue
    print(f"== {p.corpus} {p.site} truth={t} got={got}")
    for line, lab in zip(p.lines, p.labels):
        if lab == 3: print(f"    BYLINE p={line.byline_p:.2f} {line.text[:120]!r}")
