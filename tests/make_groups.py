"""Which dependency groups each make target sets up, and whether they hold everything its scripts import.

A `setup-NAME` target runs `scripts/setup.sh NAME`, which installs the group NAME of pyproject.toml into .venv.
A target's recipe runs with the groups of every such target among its prerequisites (followed all the way down).
What the recipe starts through .venv is checked: `$(PY) scripts/X.py` (X's imports, those of the local modules it
imports, and of the scripts and `-m` modules it starts with sys.executable), `$(PY) -m MODULE` (for MkDocs also the
hooks, plugins, theme and Markdown extensions of mkdocs.yml; for pytest the files in tests/) and `.venv/bin/TOOL`.

Imports are matched to distributions, and groups to the distributions they pull in (their pins, then the pins'
own requirements), both through the metadata of what is installed: no network, no install. It needs the test
group installed, as `make test` has it.
"""
from __future__ import annotations

import ast
import functools
import itertools
import re
import sys
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from guide.sources import site_config

SETUP = re.compile(r"scripts/setup\.sh\s+([\w-]+)")
VENV = re.compile(r"\.venv/bin/([\w.+-]+)((?:\s+(?:-m\s+[\w.]+|[^\s;|&]+\.py))?)")
RULE = re.compile(r"^([^\s:=#][^:=]*?)\s*:(?![=:])\s*(.*)$")
VARIABLE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|\?=|=)\s*(.*)$")
PY_FILE = re.compile(r"^(?:scripts/)?([A-Za-z0-9_]+\.py)$")
Rules = dict[str, tuple[list[str], list[str]]]  # target -> (prerequisites, recipe lines)


def parse_makefile(text: str) -> tuple[Rules, dict[str, str]]:
    """The rules and the simple variables of a Makefile."""
    rules: Rules = {}
    variables: dict[str, str] = {}
    current: list[str] = []
    for line in text.replace("\\\n", " ").splitlines():
        if line.startswith("\t"):
            for target in current:
                rules[target][1].append(line.strip())
            continue
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped:
            continue
        if m := VARIABLE.match(stripped):
            variables.setdefault(m[1], m[2].strip())
            current = []
        elif m := RULE.match(stripped):
            current = [target for target in m[1].split() if not target.startswith(".")]  # not .PHONY and the like
            for target in current:
                rules.setdefault(target, ([], []))[0].extend(m[2].split())
    return rules, variables


def expand(line: str, variables: dict[str, str]) -> str:
    for _ in range(10):
        line, before = re.sub(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", lambda m: variables.get(m[1], m[0]), line), line
        if line == before:
            break
    return line


def groups_of(target: str, rules: Rules, seen: set[str] | None = None) -> set[str]:
    """The dependency groups installed before `target`'s recipe runs (its own recipe's set-up included)."""
    seen = set() if seen is None else seen
    if target in seen or target not in rules:
        return set()
    seen.add(target)
    prerequisites, recipe = rules[target]
    groups = {group for line in recipe for group in SETUP.findall(line)}
    for name in prerequisites:
        groups |= groups_of(name, rules, seen)
    return groups


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


@functools.cache
def _parse(path: Path) -> tuple[ast.Module, frozenset[int]]:
    """A file's syntax tree, and the ids of the nodes under `if TYPE_CHECKING:` (imported for type hints only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = frozenset(id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node))
    return tree, skip


@functools.cache
def _installed_bins() -> dict[str, set[str]]:
    """Executable name in .venv/bin -> the distributions whose RECORD installs it (entry points and data scripts)."""
    bins: dict[str, set[str]] = {}
    for dist in metadata.distributions():
        for parts in (Path(str(file)).parts for file in dist.files or []):
            if len(parts) >= 2 and parts[-2] == "bin" and parts[0] == "..":
                bins.setdefault(parts[-1], set()).add(canonicalize_name(dist.metadata["Name"]))
    return bins


def _names(entries: object) -> list[str]:
    """Names of a mkdocs.yml list whose items are `name` or `{name: options}`."""
    entries = entries if isinstance(entries, list) else []
    return [str(name) for entry in entries for name in ([entry] if isinstance(entry, str) else entry or [])]


def _existing(*stems: Path) -> list[Path]:
    """The module files a path stands for: STEM/__init__.py or STEM.py."""
    return [file for stem in stems for file in (stem / "__init__.py", stem.with_suffix(".py")) if file.is_file()]


class Walker:
    """Follows scripts and local modules from the files a make target starts, collecting what they need:
    import or tool name -> where it is asked for (file:line or a description)."""

    def __init__(self, root: Path) -> None:
        self.root = root = root.resolve()
        # The package guide/ (python -m guide...), the scripts, and the test fixtures a benchmark borrows.
        self.local_dirs = [root, root / "scripts", root / "tests"]
        self.visited: set[Path] = set()
        self.modules_run: set[str] = set()
        self.imports: dict[str, str] = {}
        self.tools: dict[str, str] = {}
        self.plugins: dict[tuple[str, str], str] = {}  # (entry point group, name) -> where
        self.runs_venv = False

    def local_module(self, dotted: str, search: list[Path]) -> list[Path]:
        """The files of a local module and its parent packages, or [] when it is not local."""
        parts = dotted.split(".")
        for base in search:
            files: list[Path] = []
            for i in range(1, len(parts) + 1):
                found = _existing(base.joinpath(*parts[:i]))[:1]  # a package's __init__.py comes first
                files += found
                if not found or found[0].name != "__init__.py":
                    break
            if files:
                return files
        return []

    def need_import(self, dotted: str, where: str) -> None:
        top = dotted.split(".")[0]
        if top not in sys.stdlib_module_names and top != "__main__":
            self.imports.setdefault(top, where)

    def file(self, path: Path) -> None:
        path = path.resolve()
        if path in self.visited:
            return
        self.visited.add(path)
        tree, type_checking = _parse(path)
        search = [path.parent, *self.local_dirs]
        name = str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)
        for node in ast.walk(tree):
            if id(node) in type_checking:
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.dotted(alias.name, search, f"{name}:{node.lineno}")
            elif isinstance(node, ast.ImportFrom) and node.level:
                base = path.parents[node.level - 1].joinpath(*filter(None, (node.module or "").split(".")))
                for file in _existing(*(stem for alias in node.names for stem in (base / alias.name, base))):
                    self.file(file)
            elif isinstance(node, ast.ImportFrom):
                self.dotted(node.module or "", search, f"{name}:{node.lineno}")
                for alias in node.names:
                    for file in self.local_module(f"{node.module}.{alias.name}", search)[1:]:
                        self.file(file)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (m := PY_FILE.match(node.value)):
                for base in self.local_dirs:
                    if (base / m[1]).is_file() and (base / m[1]).resolve() != path:
                        self.file(base / m[1])  # a script or hook this one starts or loads by path
            elif isinstance(node, (ast.List, ast.Tuple)):
                for a, b in itertools.pairwise(node.elts):
                    if isinstance(a, ast.Constant) and a.value == "-m" and isinstance(b, ast.Constant) \
                            and isinstance(b.value, str):
                        self.module(b.value, f"{name}:{node.lineno}")

    def dotted(self, dotted: str, search: list[Path], where: str) -> None:
        files = self.local_module(dotted, search)
        for file in files:
            self.file(file)
        if not files:
            self.need_import(dotted, where)

    def module(self, name: str, where: str) -> None:
        """`python -m name`: the module itself (a local one: its files, a package's __main__.py too), and what it
        loads by configuration."""
        if name in self.modules_run:
            return
        self.modules_run.add(name)
        if local := self.local_module(name, self.local_dirs):
            main = local[-1].with_name("__main__.py")
            for file in local + ([main] if local[-1].name == "__init__.py" and main.is_file() else []):
                self.file(file)
            return
        self.need_import(name, where)
        top = name.split(".")[0]
        if top in {"mkdocs", "properdocs"} and (self.root / "mkdocs.yml").is_file():
            self.mkdocs_config(self.root / "mkdocs.yml")
        if top == "pytest" and (self.root / "tests").is_dir():
            for test_file in sorted((self.root / "tests").glob("*.py")):
                self.file(test_file)

    def mkdocs_config(self, path: Path) -> None:
        config = site_config.load(path.read_text(encoding="utf-8"), env={})
        where = path.name
        for hook in config.get("hooks") or []:
            self.file(self.root / hook)
        for ext in _names(config.get("markdown_extensions")):
            self.need_import(ext if "." in ext else "markdown", f"{where}: markdown_extensions: {ext}")
        for plugin in _names(config.get("plugins")):
            self.plugins.setdefault(("mkdocs.plugins", plugin), f"{where}: plugins: {plugin}")
        theme = config.get("theme")
        if theme_name := theme.get("name") if isinstance(theme, dict) else theme:
            self.plugins.setdefault(("mkdocs.themes", str(theme_name)), f"{where}: theme: {theme_name}")

    def recipe_line(self, line: str) -> None:
        for m in VENV.finditer(line):
            self.runs_venv = True
            exe, rest = m[1], m[2].strip()
            if exe not in {"python", "python3"}:
                self.tools.setdefault(exe, "the recipe")
            elif rest.startswith("-m"):
                self.module(rest.split()[-1], f"the recipe (-m {rest.split()[-1]})")
            elif rest.endswith(".py"):
                self.file(self.root / rest)


def target_needs(root: Path, target: str) -> Walker:
    """What `target`'s recipe needs: the walker's imports, tools and plugins, and whether it runs .venv at all."""
    rules, variables = parse_makefile((root / "Makefile").read_text(encoding="utf-8"))
    walker = Walker(root)
    for line in rules[target][1]:
        walker.recipe_line(expand(line, variables))
    return walker


def problems(root: Path) -> list[str]:
    """One line per import, tool or plugin a make target uses that the groups it sets up do not install."""
    rules, _variables = parse_makefile((root / "Makefile").read_text(encoding="utf-8"))
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    group_names = list(pyproject.get("dependency-groups", {}))
    in_group = {g: closure(group_pins(pyproject, g)) for g in group_names}
    providers = {k: set(map(canonicalize_name, v)) for k, v in metadata.packages_distributions().items()}
    out: list[str] = []
    for target in sorted(rules):
        needs = target_needs(root, target)
        if not needs.runs_venv:
            continue
        groups = groups_of(target, rules)
        if not groups:
            out.append(f"make {target}: runs programs from .venv but sets up no dependency group"
                       f" (make it depend on one of: {', '.join(f'setup-{g}' for g in group_names)})")
            continue
        have = set().union(*(in_group.get(g, set()) for g in groups))
        label = f"group{'s' if len(groups) > 1 else ''} it sets up ({', '.join(sorted(groups))})"
        wanted = [(f"imports {name}", providers.get(name, set()), where) for name, where in needs.imports.items()]
        wanted += [(f"runs .venv/bin/{name}", _installed_bins().get(name, set()), where)
                   for name, where in needs.tools.items()]
        wanted += [(f"uses the {ep_group.split('.')[-1][:-1]} {name}",
                    {canonicalize_name(ep.dist.name) for ep in metadata.entry_points(group=ep_group, name=name)
                     if ep.dist is not None}, where) for (ep_group, name), where in needs.plugins.items()]
        for what, dists, where in sorted(wanted, key=lambda w: w[2]):
            if not dists:
                out.append(f"make {target}: {where} {what}, which no installed distribution provides")
            elif not dists & have:
                fits = [g for g in group_names if dists & in_group[g]]
                hint = f": make it depend on setup-{fits[0]}" if fits else ": add it to a group"
                out.append(f"make {target}: {where} {what} ({', '.join(sorted(dists))}),"
                           f" which the {label} does not install{hint}")
    return out
