"""Whether each make target sets up the dependency groups that hold everything its recipes import.

`make -n TARGET` prints what the target runs, prerequisites included, as make expands it; a `scripts/setup.sh
NAME` line there installs the group NAME of pyproject.toml. Followed from there: `$(PY) scripts/X.py` and
`$(PY) -m MODULE` (their local imports, and the scripts and `-m` modules they start with sys.executable; for MkDocs
mkdocs.yml's hooks, plugins, theme and Markdown extensions; for pytest tests/) and `.venv/bin/TOOL`. Imports, tools
and plugins are matched to distributions, and groups to what they pull in, from installed metadata (no network):
it needs the test group installed, as `make test` has it.
"""
from __future__ import annotations

import ast
import functools
import itertools
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from guide.sources import site_config

TARGET = re.compile(r"^([\w-]+)\s*:(?!=)", re.MULTILINE)
SETUP = re.compile(r"scripts/setup\.sh\s+([\w-]+)")
VENV = re.compile(r"\.venv/bin/([\w.+-]+)((?:\s+(?:-m\s+[\w.]+|[^\s;|&]+\.py))?)")
PY_FILE = re.compile(r"^(?:scripts/)?([A-Za-z0-9_]+\.py)$")
WHAT = {"import": "imports {}", "tool": "runs .venv/bin/{}", "mkdocs.plugins": "uses the plugin {}",
        "mkdocs.themes": "uses the theme {}"}


def recipes(root: Path, target: str) -> str:
    """What `make TARGET` would run, prerequisites first (make -n runs nothing)."""
    # Not the flags of a `make test` that runs these tests.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    proc = subprocess.run(["make", "-n", target], cwd=root, env=env, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"make -n {target} failed: {proc.stderr}")
    return proc.stdout


def group_pins(pyproject: dict, group: str) -> list[Requirement]:
    """A PEP 735 group with its include-group entries expanded."""
    out: list[Requirement] = []
    for item in pyproject["dependency-groups"][group]:
        out += group_pins(pyproject, item["include-group"]) if isinstance(item, dict) else [Requirement(item)]
    return out


def closure(requirements: Iterable[Requirement]) -> set[str]:
    """The distributions these requirements install: themselves and, from installed metadata, what they require."""
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(req, frozenset()) for req in requirements]
    while todo:
        req, parent_extras = todo.pop()
        key = (canonicalize_name(req.name), frozenset(req.extras))
        if key in seen or req.marker and not any(req.marker.evaluate({"extra": e}) for e in (parent_extras or {""})):
            continue
        seen.add(key)
        try:
            requires = metadata.distribution(key[0]).requires or []
        except metadata.PackageNotFoundError:
            continue  # not installed here: it brings no further names
        todo += [(Requirement(r), key[1]) for r in requires]
    return {name for name, _extras in seen}


_import_names = functools.cache(metadata.packages_distributions)  # it reads every installed RECORD


@functools.cache
def distributions(kind: str, name: str) -> set[str]:
    """The installed distributions that provide an import, a .venv/bin tool or an entry point of group `kind`."""
    if kind == "import":
        return set(map(canonicalize_name, _import_names().get(name, [])))
    if kind == "tool":  # entry points and data scripts alike: the bin/ files of each distribution's RECORD
        return {canonicalize_name(dist.metadata["Name"]) for dist in metadata.distributions()
                if any(Path(f).parts[0] == ".." and Path(f).parts[-2:] == ("bin", name) for f in dist.files or [])}
    return {canonicalize_name(ep.dist.name) for ep in metadata.entry_points(group=kind, name=name) if ep.dist}


def _names(entries: object) -> list[str]:
    """Names of a mkdocs.yml list whose items are `name` or `{name: options}`."""
    entries = entries if isinstance(entries, list) else []
    return [str(name) for entry in entries for name in ([entry] if isinstance(entry, str) else entry or [])]


def _existing(*stems: Path) -> list[Path]:
    """The module files a path stands for: STEM/__init__.py or STEM.py."""
    return [file for stem in stems for file in (stem / "__init__.py", stem.with_suffix(".py")) if file.is_file()]


def local_module(dotted: str, search: list[Path]) -> list[Path]:
    """The files of a local module and its parent packages, or [] when it is not local."""
    for base in search:
        files: list[Path] = []
        for part in dotted.split("."):
            base = base / part
            files += _existing(base)[:1]  # a package's __init__.py comes first
            if files[-1:] != [base / "__init__.py"]:
                break
        if files:
            return files
    return []


def walk(root: Path, commands: str) -> dict[tuple[str, str], str]:
    """What the .venv programs among these commands need, (kind, name) -> where it is asked for (file:line or a
    description), following the scripts and local modules they start."""
    root = root.resolve()
    # The package guide/ (python -m guide...), the scripts, and the test fixtures a benchmark borrows.
    local_dirs = [root, root / "scripts", root / "tests"]
    needs: dict[tuple[str, str], str] = {}
    seen: set[Path | str] = set()

    def need_import(dotted: str, where: str) -> None:
        top = dotted.split(".")[0]
        if top not in sys.stdlib_module_names and top != "__main__":
            needs.setdefault(("import", top), where)

    def dotted(name: str, search: list[Path], where: str) -> None:
        files = local_module(name, search)
        for file in files:
            read(file)
        if not files:
            need_import(name, where)

    def read(path: Path) -> None:
        path = path.resolve()
        if path in seen:
            return
        seen.add(path)
        search = [path.parent, *local_dirs]
        name = path.relative_to(root) if path.is_relative_to(root) else path
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            where = f"{name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    dotted(alias.name, search, where)
            elif isinstance(node, ast.ImportFrom) and node.level:
                base = path.parents[node.level - 1].joinpath(*filter(None, (node.module or "").split(".")))
                for file in _existing(*(stem for alias in node.names for stem in (base / alias.name, base))):
                    read(file)
            elif isinstance(node, ast.ImportFrom):  # the module, and the name if it is a submodule
                for alias in node.names:
                    dotted(f"{node.module}.{alias.name}", search, where)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (m := PY_FILE.match(node.value)):
                for base in local_dirs:
                    if (base / m[1]).is_file():
                        read(base / m[1])  # a script or hook this one starts or loads by path
            elif isinstance(node, (ast.List, ast.Tuple)):  # [sys.executable, "-m", "module", ...]
                for a, b in itertools.pairwise(getattr(e, "value", None) for e in node.elts):
                    if a == "-m" and isinstance(b, str):
                        module(b, where)

    def module(name: str, where: str) -> None:
        """`python -m name`: a local module's files (a package's __main__.py too), else what it loads by
        configuration."""
        if name in seen:
            return
        seen.add(name)
        if local := local_module(name, local_dirs):
            main = local[-1].with_name("__main__.py")
            for file in local + ([main] if local[-1].name == "__init__.py" and main.is_file() else []):
                read(file)
            return
        need_import(name, where)
        top = name.split(".")[0]
        if top in {"mkdocs", "properdocs"} and (root / "mkdocs.yml").is_file():
            config = site_config.load((root / "mkdocs.yml").read_text(encoding="utf-8"), env={})
            for hook in config.get("hooks") or []:
                read(root / hook)
            for ext in _names(config.get("markdown_extensions")):
                need_import(ext if "." in ext else "markdown", f"mkdocs.yml: markdown_extensions: {ext}")
            for plugin in _names(config.get("plugins")):
                needs.setdefault(("mkdocs.plugins", plugin), f"mkdocs.yml: plugins: {plugin}")
            theme = config.get("theme")
            if theme_name := theme.get("name") if isinstance(theme, dict) else theme:
                needs.setdefault(("mkdocs.themes", str(theme_name)), f"mkdocs.yml: theme: {theme_name}")
        if top == "pytest":
            for test_file in sorted((root / "tests").glob("*.py")):
                read(test_file)

    for m in VENV.finditer(commands):
        exe, rest = m[1], m[2].strip()
        if exe not in {"python", "python3"}:
            needs.setdefault(("tool", exe), "the recipe")
        elif rest.startswith("-m"):
            module(rest.split()[-1], f"the recipe (-m {rest.split()[-1]})")
        elif rest.endswith(".py"):
            read(root / rest)
    return needs


def problems(root: Path) -> list[str]:
    """One line per import, tool or plugin a make target uses that the groups it sets up do not install."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    group_names = list(pyproject.get("dependency-groups", {}))
    in_group = {g: closure(group_pins(pyproject, g)) for g in group_names}
    out: list[str] = []
    for target in sorted(set(TARGET.findall((root / "Makefile").read_text(encoding="utf-8")))):
        commands = recipes(root, target)
        if not VENV.search(commands):
            continue
        groups = set(SETUP.findall(commands))
        if not groups:
            out.append(f"make {target}: runs programs from .venv but sets up no dependency group"
                       f" (make it depend on one of: {', '.join(f'setup-{g}' for g in group_names)})")
            continue
        have = set().union(*(in_group.get(g, set()) for g in groups))
        label = f"group{'s' if len(groups) > 1 else ''} it sets up ({', '.join(sorted(groups))})"
        for (kind, name), where in sorted(walk(root, commands).items(), key=lambda need: need[1]):
            what, dists = WHAT[kind].format(name), distributions(kind, name)
            if not dists:
                out.append(f"make {target}: {where} {what}, which no installed distribution provides")
            elif not dists & have:
                fits = [g for g in group_names if dists & in_group[g]]
                hint = f": make it depend on setup-{fits[0]}" if fits else ": add it to a group"
                out.append(f"make {target}: {where} {what} ({', '.join(sorted(dists))}),"
                           f" which the {label} does not install{hint}")
    return out
