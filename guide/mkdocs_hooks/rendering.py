"""The build's rendering: the checks of make check once first, then MkDocs' page events hand each page's Markdown,
then its HTML, to the rendering functions."""
from __future__ import annotations

from pathlib import Path

import hook_support
import jieba  # Material segments the Chinese search index with it
from mkdocs.exceptions import PluginError

hook_support.project_on_path()  # before the imports of guide below
from guide.checks import content
from guide.outputs import search_per_language
from guide.rendering import checked_line, checklist_names, copy_buttons, mail_composer
from guide.sources import checked as checked_module
from guide.sources import facts as facts_module
from guide.sources import markup, site_address, site_config, ui_labels
from guide.sources.errors import SourceError

_config: site_config.SiteConfig | None = None
_facts: facts_module.Facts | None = None
_table: dict[str, ui_labels.Label] = {}
_labels: dict[str, str] = {}
_checked: checked_module.Checked | None = None


@hook_support.source_errors_stop_the_build
def on_config(config):
    global _config, _facts, _table, _labels, _checked
    root = Path(config.config_file_path).parent
    # The checks of make check (guide/checks/content.py), with the same lines, before anything is rendered; once, not
    # again in mkdocs-static-i18n's build of each other language.
    problems = [] if hook_support.inside_language_loop(config) else content.build_problems(root)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) to fix before the build can go on:\n" + "\n".join(problems))
    _config = site_config.read(root)
    _facts = facts_module.load_facts(root)
    _checked = checked_module.load_checked(root)
    _table = ui_labels.load_table(root / ui_labels.TABLE_FILE)
    _labels = {label: entry.gloss for label, entry in _table.items()}
    # Chinese search keeps every label whole: jieba learns each one (the search plugin has read
    # includes/jieba-user-dict.txt, the other words to keep whole, before this hook).
    ui_labels.teach_search(_table, jieba.add_word)
    # Content tabs named by a Chinese label get the label's English gloss as their id, the same in both languages.
    tabbed = config.mdx_configs.setdefault("pymdownx.tabbed", {})
    tabbed["slugify"] = ui_labels.tab_slug(_labels)
    tabbed["combine_header_slug"] = False
    return config


@hook_support.source_errors_stop_the_build
def on_page_markdown(markdown, page, config, files):
    src = f"docs/{page.file.src_uri}"
    locale = _config.language_of(page.file.src_uri)
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    first = markup.front_matter_lines(source) + 1
    markdown, unknown = facts_module.expand(markdown, _facts, locale, src, first)
    if isinstance(page.meta.get("description"), str):  # the front matter may name a fact too ({{ mail-to-chsi-count }})
        line = next((n for n, text in enumerate(source.split("\n"), 1) if text.startswith("description:")), 1)
        page.meta["description"], in_description = facts_module.expand(page.meta["description"], _facts, locale,
                                                                        src, line)
        unknown += in_description
    if unknown:
        raise PluginError("\n".join(unknown))
    markdown = f"{markdown}\n\n{_facts.definitions()}\n"
    if locale != _config.default.code:  # every language but CHSI's own glosses the labels
        markdown, problems = ui_labels.check_english(markdown, _labels, src, first)
        if problems:
            raise PluginError("UI labels:\n" + "\n".join(problems))
    # The generated table is added after the glosses: its rows carry the gloss in a column, not in brackets.
    markdown = markdown.replace(ui_labels.GLOSSARY_MARKER, ui_labels.glossary_table(_labels, locale))
    if mail_composer.MARKER in markdown:
        markdown = mail_composer.with_composer(markdown, locale, _labels, _facts)
    return markdown


@hook_support.source_errors_stop_the_build
def on_page_content(html, page, config, files):
    locale = _config.language_of(page.file.src_uri)
    if mail_composer.FORM_START in html:
        html = mail_composer.mark_link_steps(html)
    if "task-list-item" in html:
        html = checklist_names.name_checkboxes(html)
    html = copy_buttons.with_copy_buttons(html, _table, locale)
    if not site_address.public_address(config.site_url):
        html = site_address.without_qr_image(html, locale)
    review = _checked.get(checked_module.page_name(page.file.src_uri)) if _checked else None
    if review is not None:  # the day the page was compared with CHSI, under its title (includes/checked.yml)
        html = checked_line.under_title(html, checked_line.line_html(review, locale, _contact_href(page, files)))
    return html


def _contact_href(page, files) -> str | None:
    """The contact page in the page's language, relative to the page; None on the contact page itself."""
    suffix = _config.language_of(page.file.src_uri)
    contact = files.get_file_from_path(f"{checked_line.CONTACT_PAGE}.{suffix}.md")
    if contact is None:
        raise SourceError(f"docs/{checked_line.CONTACT_PAGE}.{suffix}.md is missing: the line under each page's "
                          "title links to it once the page is due a check against CHSI")
    return None if contact.src_uri == page.file.src_uri else contact.url_relative_to(page.file)


def on_post_page(output, page, config):
    # A page of any language but the default searches its language's index (guide/outputs/search_per_language.py
    # writes one per language).
    locale = _config.language_of(page.file.src_uri)
    if locale != _config.default.code:
        return search_per_language.point_config_at(output, locale)
    return output
