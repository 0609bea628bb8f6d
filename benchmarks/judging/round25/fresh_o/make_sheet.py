"""Held-out round 25: session 26's main, session 25's main (a9ef8cf), the original algorithm, a blind-written peer and random picks on fresh_o_40."""
import csv, json, random, subprocess, pathlib
d = pathlib.Path("/work/eval/fresh_o")
scenes = (d / "scenes.txt").read_text().splitlines()
def shaped(path):
    rows = [json.loads(l) for l in open(path)]
    assert [r["text"] for r in rows] == scenes, path
    return [{"moods": [" · ".join(m["labels"]) for m in r["moods"]],
             "songs": [f"{s['artist']} — {s['title']}" for s in r["songs"][:5]]} for r in rows]
systems = {"main": shaped(d / "main_full.jsonl"), "session25": shaped(d / "base_full.jsonl"),
           "original": shaped(d / "original_full.jsonl"),
           "peer": [json.loads(l) for l in open(d / "answers_peer.jsonl")]}
combos = [c for c in json.load(open("/work/main/data/combinations.json")) if 2 <= len(c) <= 4]
with open("/work/main/data/catalog.csv", newline="") as handle:
    catalog = [f"{row['artist']} — {row['title']}" for row in csv.DictReader(handle)]
draw = random.Random(2625)
systems["random"] = [{"moods": [" · ".join(draw.choice(combos)) for _ in range(3)], "songs": draw.sample(catalog, 5)}
                     for _ in scenes]
assert all(len(rows) == len(scenes) for rows in systems.values())
sheet = d / "sheet"; sheet.mkdir(exist_ok=True)
args = []
for name, rows in systems.items():
    (sheet / f"answers_{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    args.append(f"{name}={sheet / f'answers_{name}.jsonl'}")
subprocess.run(["python3", "/work/shared/tools/blind_judging.py", "sheet", str(sheet), str(d / "scenes.txt"), *args], check=True)
