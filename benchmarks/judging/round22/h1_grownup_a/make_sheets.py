"""Changed dev answers (base vs new), the random system, and the blind sheets for helper 1 (session 23)."""
import csv, json, random, subprocess, sys, pathlib
base_path, new_path, out = sys.argv[1], sys.argv[2], pathlib.Path("/work/r23/h1")
scenes = open("/work/r23/dev.txt").read().splitlines()
def shaped(path):
    rows = [json.loads(l) for l in open(path)]
    assert [r["text"] for r in rows] == scenes, path
    return [{"moods": [" · ".join(m["labels"]) for m in r["moods"]],
             "songs": [f"{s['artist']} — {s['title']}" for s in r["songs"][:5]]} for r in rows]
base, new = shaped(base_path), shaped(new_path)
changed = [i for i in range(len(scenes)) if base[i] != new[i]]
print(len(changed), "changed;", sum(base[i]["moods"] != new[i]["moods"] for i in changed), "in moods")
# random system: random mood sets and random catalog songs, fixed seed
combos = [c for c in json.load(open("/work/wt-1/data/combinations.json")) if 2 <= len(c) <= 4]  # sized like real sets
with open("/work/wt-1/data/catalog.csv", newline="") as handle:
    catalog = [f"{row['artist']} — {row['title']}" for row in csv.DictReader(handle)]
draw = random.Random(23_1)
rand = [{"moods": [" · ".join(draw.choice(combos)) for _ in range(3)], "songs": draw.sample(catalog, 5)} for _ in scenes]
if len(changed) <= 45:
    groups = {"sheet_a": changed}
else:
    first = random.Random(2311).sample(changed, 40)
    rest = [i for i in changed if i not in first]
    groups = {"sheet_a": sorted(first), "sheet_b": sorted(random.Random(2312).sample(rest, min(40, len(rest))))}
for name, items in groups.items():
    d = out / name; d.mkdir(parents=True, exist_ok=True)
    (d / "scenes.txt").write_text("".join(scenes[i] + "\n" for i in items))
    for system, rows in (("base", base), ("new", new), ("random", rand)):
        (d / f"{system}.jsonl").write_text("".join(json.dumps(rows[i], ensure_ascii=False) + "\n" for i in items))
    subprocess.run(["python3", "/work/shared/tools/blind_judging.py", "sheet", str(d), str(d / "scenes.txt"),
                    f"base={d / 'base.jsonl'}", f"new={d / 'new.jsonl'}", f"random={d / 'random.jsonl'}"], check=True)
    print(name, len(items))
