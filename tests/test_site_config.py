"""The one reader of mkdocs.yml: languages (default first), their folders, a page's language, the address."""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_site import SITE

from guide.sources import site_config
from guide.sources.errors import SourceError


def test_languages_come_from_mkdocs_yml() -> None:
    config = site_config.read(SITE, env={})
    assert [(lang.code, lang.default, lang.folder) for lang in config.languages] == [("zh", True, ""),
                                                                                    ("en", False, "en/")]
    assert config.roots == {"zh": "", "en": "en/"}
    assert config.docs_dir == "docs"
    assert config.nav[0] == {"首页": "index.md"}
    # A page has the language of its suffix, or the default language.
    assert [config.language_of(name) for name in ("register.en.md", "docs/register.zh.md", "index.md",
                                                   "notes.fr.md")] == ["en", "zh", "zh", "zh"]


def test_site_url_comes_from_the_environment_as_mkdocs_reads_it() -> None:
    assert site_config.read(SITE, env={"SITE_URL": "https://example.edu/guide"}).site_url == "https://example.edu/guide/"


@pytest.mark.parametrize(("text", "message"), [
    ("site_name: x\nnav:\n\t- a.md\n", r"^mkdocs.yml:3: not valid YAML"),  # a tab, as a web editor may write
    ("site_name: x\n", "no languages under plugins: i18n: languages"),  # says what to restore
])
def test_a_broken_mkdocs_yml_is_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        site_config.read(tmp_path)
