"""mkdocs.yml, read for every room: none reads it, or names a language, by itself."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide.sources.errors import SourceError, yaml_error

MKDOCS_YML = "mkdocs.yml"
PAGE_SUFFIX = re.compile(r"\.(?P<code>[A-Za-z]{2,3}(?:[_-][A-Za-z]+)?)\.md$")


@dataclass(frozen=True)
class Language:
    code: str                 # "zh", "en": the suffix of its page files
    name: str                 # as the language switcher shows it
    default: bool             # built at the site's root
    nav_translations: Mapping[str, str] = field(default_factory=dict)   # nav title -> its title in this language

    @property
    def folder(self) -> str:
        """Where the language lives under the site's root: "" for the default language, "en/" for the others."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class SiteConfig:
    languages: tuple[Language, ...]   # the default language first
    nav: list
    site_url: str                     # with a trailing slash; "" when mkdocs.yml (and SITE_URL) set none
    docs_dir: str
    data: Mapping[str, Any]           # the whole file as plain data, for what only one room needs

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def roots(self) -> dict[str, str]:
        """Each language -> its folder under the site's address, the default language first ("" for the root)."""
        return {language.code: language.folder for language in self.languages}

    def language_of(self, page: str) -> str:
        """The language of a page file: its suffix when it is a language of the site, else the default's."""
        match = PAGE_SUFFIX.search(page)
        return match.group("code") if match and match.group("code") in self.codes else self.default.code


def nav_entries(nav: object) -> Iterator[tuple[str | None, object]]:
    """(title, value) of every entry of the nav tree in menu order, at any depth; a bare `- page.md` has no title."""
    for item in nav if isinstance(nav, list) else []:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            yield title, value
            yield from nav_entries(value)


def nav_files(nav: object) -> list[str]:
    """The docs files of the nav in menu order, at any depth, without their language: ["index.md", ...]."""
    return [value for _, value in nav_entries(nav) if isinstance(value, str) and value.endswith(".md")]


def _loader(env: Mapping[str, str]) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        """mkdocs.yml as plain data: `!ENV [NAME, default]` read from env, Python object tags as None."""

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = [node.value] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
        *variables, default = names if len(names) > 1 else (*names, None)
        return next((env[v] for v in variables if v in env), default)

    Loader.add_constructor("!ENV", env_tag)
    # toc's slugify is a !!python/object: no room needs it, only the plain parts of the file.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return Loader


def load(text: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """mkdocs.yml's text as plain data; YAML it cannot read (a tab from a web editor, say) names the line."""
    try:
        data = yaml.load(text, Loader=_loader(os.environ if env is None else env))
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, MKDOCS_YML)
        raise SourceError(f"{where}: not valid YAML ({problem}): check the indentation "
                          "(spaces, not tabs) and put a value with a colon in quotes") from None
    return data if isinstance(data, dict) else {}


def read(root: Path, env: Mapping[str, str] | None = None) -> SiteConfig:
    try:
        data = load((root / MKDOCS_YML).read_text(encoding="utf-8"), env)
    except FileNotFoundError:
        raise SourceError(f"{MKDOCS_YML}: missing in {root}: run the command in the project's folder") from None
    i18n = [plugin["i18n"] or {} for plugin in data.get("plugins") or [] if isinstance(plugin, dict) and "i18n" in plugin]
    built = [lang for plugin in i18n for lang in plugin.get("languages") or [] if lang.get("build", True)]
    languages = sorted((Language(str(lang["locale"]), str(lang.get("name", lang["locale"])), bool(lang.get("default")),
                                 lang.get("nav_translations") or {}) for lang in built), key=lambda lang: not lang.default)
    if not languages:
        raise SourceError(f"{MKDOCS_YML}: no languages under plugins: i18n: languages: restore that part of the file")
    url = str(data.get("site_url") or "")
    return SiteConfig(tuple(languages), data.get("nav") or [], url if not url or url.endswith("/") else url + "/",
                      str(data.get("docs_dir") or "docs"), data)

