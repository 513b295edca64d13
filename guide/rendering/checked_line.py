"""The line under each page's title that says when the page was last compared with CHSI (includes/checked.yml).

Written at build time in the page's language, with the date for machines (`<time datetime>`) and the first day the
check no longer holds (`data-review-by`). A site that is not rebuilt must still tell the truth once that day has
come, so the browser decides: docs/assets/javascripts/checked-date.js replaces the line with the words of its
data-overdue-* attributes ("CHSI may have changed since ..." and a link to the contact page). The words live in
attributes, not in the page's text, so search never finds them and the line reads as it should with scripts off.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from guide.sources.checked import Review
from guide.sources.words import pick

CLASS = "guide-checked"
CONTACT_PAGE = "contact"  # docs/contact.LOCALE.md: where the overdue line sends the student
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class LineWords:
    date: Callable[[dt.date], str]   # 6 December 2026 / 2026年12月6日
    shown: str                       # the line: {time} is the date
    overdue: str                     # the honest line once the check is due: {day} is the date
    differs_link: str                # then, with a link to the contact page
    differs_alone: str               # then, on the contact page itself
    link: str
    after: str


WORDS = {
    "zh": LineWords(date=lambda day: f"{day.year}年{day.month}月{day.day}日", shown="{time}已与学信网核对",
                    overdue="本页于{day}与学信网核对，此后学信网可能已有变化：", differs_link="如与所见不同，请",
                    differs_alone="如与所见不同，请以学信网为准。", link="联系学信网", after="。"),
    "en": LineWords(date=lambda day: f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                    shown="Checked against CHSI on {time}",
                    overdue="CHSI may have changed since this page was checked on {day}: ",
                    differs_link="if what you see differs, ", differs_alone="if what you see differs, follow CHSI's page.",
                    link="contact CHSI", after="."),
}


def shown_date(day: dt.date, locale: str) -> str:
    """6 December 2026 / 2026年12月6日."""
    return pick(WORDS, locale).date(day)


def line_html(review: Review, locale: str, contact_href: str | None) -> str:
    """The paragraph for one page in one language. contact_href: the contact page relative to this page (None on
    the contact page itself, where the overdue line needs no link)."""
    said = pick(WORDS, locale)
    day = said.date(review.checked)
    time = f'<time datetime="{review.checked.isoformat()}">{day}</time>'
    shown = said.shown.format(time=time)
    before = said.overdue.format(day=day) + (said.differs_link if contact_href else said.differs_alone)
    link, after = (said.link, said.after) if contact_href else ("", "")
    attrs = {
        "class": CLASS,
        "data-search-exclude": "",  # Material's search leaves it out: it would match every page alike
        "data-review-by": review.review_by.isoformat(),
        "data-overdue-before": before,
    }
    if contact_href:
        attrs |= {"data-overdue-link": link, "data-overdue-href": contact_href, "data-overdue-after": after}
    joined = " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
    return f"<p {joined}>{shown}</p>"


def under_title(html: str, line: str) -> str:
    """html with line right after its first heading (the page's title), or first when it has none."""
    end = html.find("</h1>")
    if end < 0:
        return line + html
    end += len("</h1>")
    return html[:end] + "\n" + line + html[end:]
