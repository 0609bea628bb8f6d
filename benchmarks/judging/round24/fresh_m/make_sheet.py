"""Held-out round 24: session 25s main, the original algorithm, the blind-written peer and random picks on fresh_m_40."""
import csv, json, random, subprocess, pathlib
d = pathlib.Path("/work/r25/fresh_m")
scenes = (d / "scenes.txt").read_text().splitlines()
def shaped(path):
    rows = [json.loads(l) for l in open(path)]
    assert [r["text"] for r in rows] == scenes, path
    return [{"moods": [" · ".join(m["labels"]) for m in r["moods"]],
             "songs": [f"{s['artist']} — {s['title']}" for s in r["songs"][:5]]} for r in rows]
systems = {"main": shaped(d / "main_full.jsonl"), "original": shaped(d / "original_full.jsonl"),
           "peer": [json.loads(l) for l in open("/work/r25/peer_m/answers_peer.jsonl")]}
combos = [c for c in json.load(open("/work/main/data/combinations.json")) if 2 <= len(c) <= 4]
with open("/work/main/data/catalog.csv", newline="") as handle:
    catalog = [f"{row['artist']} — {row['title']}" for row in csv.DictReader(handle)]
draw = random.Random(2524)
systems["random"] = [{"moods": [" · ".join(draw.choice(combos)) for _ in range(3)], "songs": draw.sample(catalog, 5)}
                     for _ in scenes]
assert all(len(rows) == len(scenes) for rows in systems.values())
sheet = d / "sheet"; sheet.mkdir(exist_ok=True)
args = []
for name, rows in systems.items():
    (sheet / f"answers_{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    args.append(f"{name}={sheet / f'answers_{name}.jsonl'}")
subprocess.run(["python3", "/work/shared/tools/blind_judging.py", "sheet", str(sheet), str(d / "scenes.txt"), *args], check=True)
