"""The line under a page's title saying when it was compared with CHSI. A site not rebuilt must still tell the truth
once the check is due, so checked-date.js swaps in the data-overdue-* words, which search never sees."""
from __future__ import annotations

from html import escape

from guide.sources.checked import Review
from guide.sources.words import words

CLASS = "guide-checked"
CONTACT_PAGE = "contact"  # docs/contact.LOCALE.md: where the overdue line sends the student


def line_html(review: Review, locale: str, contact_href: str | None) -> str:
    """The paragraph for one page; contact_href: the contact page from it (None on the contact page itself)."""
    said = words(locale)
    line, day = said.checked_line, said.date(review.checked)
    before = line["overdue"].format(day=day) + line["differs_link" if contact_href else "differs_alone"]
    attrs = {
        "class": CLASS,
        "data-search-exclude": "",  # Material's search leaves it out: it would match every page alike
        "data-review-by": review.review_by.isoformat(),
        "data-overdue-before": before,
    }
    if contact_href:
        attrs |= {"data-overdue-link": line["link"], "data-overdue-href": contact_href,
                  "data-overdue-after": line["after"]}
    joined = " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
    shown = line["shown"].format(time=f'<time datetime="{review.checked.isoformat()}">{day}</time>')
    return f"<p {joined}>{shown}</p>"


def under_title(html: str, line: str) -> str:
    """html with line right after its first heading (the page's title), or first when it has none."""
    return html.replace("</h1>", "</h1>\n" + line, 1) if "</h1>" in html else line + html
