"""How big the runtime environment is, against the one with the build step's extras: the installed size
of each requirement's dependency closure, read from the current environment's package records.

    .venv/bin/python -m benchmarks.install_size
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _requirements(extra: str | None) -> list[str]:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return project["dependencies"] if extra is None else project["optional-dependencies"][extra]


def closure(names: list[str]) -> set[str]:
    """The distributions `names` pull in (their extras' requirements included only when named)."""
    seen, todo = set(), list(names)
    while todo:
        requirement = todo.pop()
        name = _name(requirement)
        if name in seen:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        extras = set(re.findall(r"\[([^\]]+)\]", requirement.split(";")[0])[0].split(",")) if "[" in requirement \
            else set()
        for dependency in distribution.requires or []:
            marker = dependency.split(";", 1)[1] if ";" in dependency else ""
            wanted_extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if wanted_extra and wanted_extra.group(1) not in extras:
                continue
            if marker and not wanted_extra:
                try:
                    from packaging.markers import Marker

                    if not Marker(marker).evaluate():
                        continue
                except Exception:  # noqa: BLE001
                    pass
            todo.append(dependency.split(";")[0])
    return seen


def installed_mb(names: set[str]) -> float:
    total = 0
    for name in names:
        distribution = metadata.distribution(name)
        for file in distribution.files or []:
            path = Path(distribution.locate_file(file))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


def main() -> None:
    runtime = closure(_requirements(None))
    build = closure(_requirements("build")) | runtime
    print(f"runtime: {len(runtime)} distributions, {installed_mb(runtime):.0f} MB installed")
    print(f"runtime + [build]: {len(build)} distributions, {installed_mb(build):.0f} MB installed")
    biggest = sorted(((installed_mb({n}), n) for n in build - runtime), reverse=True)[:6]
    print("largest build-only:", ", ".join(f"{n} {mb:.0f} MB" for mb, n in biggest))
    print("python", sys.version.split()[0])


if __name__ == "__main__":
    main()
