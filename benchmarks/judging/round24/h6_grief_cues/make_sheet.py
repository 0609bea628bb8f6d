"""Session 25, grief cues: the changed dev answers (base = main cc7dfdf, new), with the random
system, in one blind sheet."""
import csv, json, random, subprocess, pathlib
d = pathlib.Path("/work/r25/h6")
def shaped(r):
    return {"moods": [" · ".join(m["labels"]) for m in r["moods"]], "songs": [f"{s['artist']} — {s['title']}" for s in r["songs"][:5]]}
base = [json.loads(l) for l in open(d / "base_all.jsonl")]
new = [json.loads(l) for l in open(d / "new_all.jsonl")]
items = [(a["text"], shaped(a), shaped(b)) for a, b in zip(base, new)]
combos = [c for c in json.load(open("/work/main/data/combinations.json")) if 2 <= len(c) <= 4]
with open("/work/main/data/catalog.csv", newline="") as handle:
    catalog = [f"{row['artist']} — {row['title']}" for row in csv.DictReader(handle)]
draw = random.Random(2561)
sheet = d / "sheet"; sheet.mkdir(exist_ok=True)
(sheet / "scenes.txt").write_text("".join(t + "\n" for t, _, _ in items))
systems = {"base": [b for _, b, _ in items], "new": [n for _, _, n in items],
           "random": [{"moods": [" · ".join(draw.choice(combos)) for _ in range(3)], "songs": draw.sample(catalog, 5)} for _ in items]}
for name, answers in systems.items():
    (sheet / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in answers))
subprocess.run(["python3", "/work/shared/tools/blind_judging.py", "sheet", str(sheet), str(sheet / "scenes.txt"),
                *[f"{n}={sheet / (n + '.jsonl')}" for n in systems]], check=True)
print(len(items))
