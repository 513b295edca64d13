"""After every language is built, run the output steps of guide/outputs/steps.py over site/, once per build, with
what only MkDocs knows (the address, the languages, the nav, which page made which file, each 404 page)."""
from __future__ import annotations

from pathlib import Path

import hook_support
from mkdocs.plugins import event_priority

hook_support.project_on_path()  # before the imports of guide below
from guide.outputs.built_site import BuiltSite
from guide.outputs.not_found_pages import TEMPLATE
from guide.outputs.steps import run_steps
from guide.sources import site_config

# Every file this build writes, in every language: "en/change-name/index.html" -> "change-name.en.md".
_pages: dict[str, str] = {}
# Each language's rendering of the theme's 404.html: static-i18n writes them all to one file, the last one wins.
_not_found: dict[str, str] = {}


def on_config(config):
    if not hook_support.inside_language_loop(config):  # a new build (static-i18n's inner builds run on_config too)
        _pages.clear()
        _not_found.clear()
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    for file in files:
        _pages[file.dest_uri] = file.src_uri  # static-i18n's dest_uri carries the language folder ("en/...")
    return files


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name == TEMPLATE:
        _not_found[config.theme["language"]] = output_content
    return output_content


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language into the same folder
@hook_support.source_errors_stop_the_build
def on_post_build(config) -> None:
    if hook_support.inside_language_loop(config):
        return  # one language's build inside static-i18n's loop: wait for the last call
    root = Path(config.config_file_path).parent
    site = site_config.read(root)
    built = BuiltSite(Path(config.site_dir), root, config.site_url or "", site.default.code, site.codes,
                      config.nav or [], dict(_pages), dict(_not_found))
    run_steps(built)
