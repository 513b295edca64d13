"""CHSI's facts, written once in includes/facts.yml and named by pages, so a changed number leaves no old copy."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

from guide.sources import markup, site_config, ui_labels
from guide.sources.errors import SourceError, fields, line, scalar, yaml_error
from guide.sources.words import words

FACTS_FILE = "includes/facts.yml"
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")
# As dialled in the Chinese mainland: the trunk 0, a two- or three-digit area code, a hyphen, 7 or 8 digits.
MAINLAND_NUMBER = re.compile(r"^0(?P<area>\d{2,3})-(?P<local>\d{7,8})$")
# Any other run of digits that looks like a phone number (seven digits or more), but not a date.
ANY_PHONE = re.compile(r"(?<![\w.])\+?\d[\d\s\-()]{5,}\d(?![\w.])")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ANY_ADDRESS = re.compile(r"\b(?:https?://|www\.|mailto:|tel:)[^\s)>\]]*[^\s)>\].,;:!?。，]", re.IGNORECASE)
# The e-mail's lists and counts, shown on the pages by name ({{ mail-to-chsi-count }}); see Facts.shown_mail.
MAIL_NAMES = ("mail-to-chsi-count", "mail-to-chsi-items", "mail-to-chsi-items-inline", "mail-to-chsi-attachments")
# The lines of a list a name stands for are joined by a carriage return: Markdown reads it as a new line, while the
# page keeps one line per source line, so every check after the expansion still names the page's own line numbers.
LIST_LINE_BREAK = "\r"
ITEM_KEYS = ("label", "english", "attachment", "value", "note", "hint")


@dataclass(frozen=True)
class MailItem:
    label: str                  # the Chinese label, as in includes/ui-labels.yml
    english: str                # its English words in the e-mail
    attachment: bool = False    # a file the student attaches (a tick box in the form), not a text they type
    value: str = ""             # the answer every student gives, from a fact of this file (school): prefilled
    note: dict[str, str] = field(default_factory=dict)   # locale -> what to write, shown after the item on pages
    hint: dict[str, str] = field(default_factory=dict)   # locale -> the hint beside the item's box in the form

    @property
    def text(self) -> str:
        """The item's heading in the e-mail: label, English words, and the known answer in brackets."""
        return f"{self.label} {self.english}" + (f" ({self.value})" if self.value else "")


@dataclass
class Facts:
    school: str
    addresses: dict[str, str]           # name -> https address
    hotlines: dict[str, str]            # name -> number as dialled in the Chinese mainland (010-12345678)
    service_email: str
    subject: str
    items: list[MailItem]
    closing: str
    lines: dict[str, int] = field(default_factory=dict)   # name -> line in includes/facts.yml
    texts: dict[str, dict[str, str]] = field(default_factory=dict)   # name -> locale -> text shown on pages
    # Label -> its English gloss (includes/ui-labels.yml): English pages list the items by their glossed labels.
    glosses: dict[str, str] = field(default_factory=dict)

    @property
    def attachments(self) -> list[int]:
        return [n for n, item in enumerate(self.items, 1) if item.attachment]

    def mailto(self) -> str:
        """The e-mail to CHSI: one line per item ending in ': ', a blank line, then the closing line."""
        lines = [f"({n}) {item.text}: " for n, item in enumerate(self.items, 1)]
        return quote_mail(self.service_email, self.subject, [*lines, "", f"{self.closing}: ", ""])

    def references(self) -> dict[str, str]:
        """Every name a page may link as [words][name] -> its address."""
        return {**self.addresses, **{name: f"tel:{international_digits(n)}" for name, n in self.hotlines.items()},
                "service-email": f"mailto:{self.service_email}", "mail-to-chsi": self.mailto()}

    def definitions(self) -> str:
        """The references as Markdown link definitions, appended to every page."""
        return "\n".join(f"[{name}]: <{url}>" for name, url in self.references().items())

    def shown(self, name: str, locale: str) -> str | None:
        """The Markdown that `{{ name }}` stands for on a page in `locale`, or None for an unknown name."""
        if number := self.hotlines.get(name):
            tel = f"tel:{international_digits(number)}"
            said = words(locale)
            abroad = f"{said.from_abroad} [{international_display(number)}](<{tel}>)"
            return said.aside.format(f"[{number}](<{tel}>)", abroad)
        if name in self.addresses:
            return f"[{address_display(self.addresses[name])}](<{self.addresses[name]}>)"
        if name == "service-email":
            return f"[{self.service_email}](<mailto:{self.service_email}>)"
        if name == "school":
            return self.school
        if name in self.texts:
            return self.texts[name][locale]
        return self.shown_mail(name, locale) if name in MAIL_NAMES else None

    def names(self) -> list[str]:
        return [*self.hotlines, "service-email", *self.addresses, "school", *self.texts, *MAIL_NAMES]

    def count(self, locale: str) -> str:
        """How many items the e-mail has, as a page of `locale` writes it: seven, 七项."""
        return words(locale).count(len(self.items))

    def numbers(self, numbers: list[int], locale: str) -> str:
        """(5) to (7) for a run of three or more items, (2), (5) and (7) otherwise; (5) 至 (7), (2)、(5) 和 (7) in Chinese."""
        said = words(locale)
        if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"({numbers[0]}) {said.through} ({numbers[-1]})"
        written = [f"({n})" for n in numbers]
        return said.enumeration.join(written[:-1]) + said.pair_join + written[-1] if len(written) > 1 else \
            "".join(written)

    def shown_mail(self, name: str, locale: str, before: str = "") -> str:
        """A name of the e-mail's items on a page; a label glossed in `before` (the page above) stands bare."""
        if name == "mail-to-chsi-count":
            return self.count(locale)
        if name == "mail-to-chsi-attachments":
            return self.numbers(self.attachments, locale)
        said = words(locale)
        glossed = {label for label in self.glosses if f"**{label}** (" in before} if said.glosses_labels else set()

        def label(text: str) -> str:
            """A label on an English page: in bold, with its gloss where the page first names it."""
            if text not in self.glosses:
                return text if not re.search(r"[\u4e00-\u9fff]", text) else f"**{text}**"
            if text in glossed:
                return f"**{text}**"
            glossed.add(text)
            return f"**{text}** ({self.glosses[text]})"

        entries = []
        for n, item in enumerate(self.items, 1):
            answer = item.value or item.note.get(locale, "")
            if not said.glosses_labels:
                heading = f"({n}) {item.label}" + (f" {item.english}" if name == "mail-to-chsi-items" else "")
            else:
                heading, answer = f"({n}) {label(item.label)}", label(answer) if item.value else answer
            entries.append(heading + (f"{said.colon}{answer}" if answer else ""))
        if name == "mail-to-chsi-items":
            return LIST_LINE_BREAK.join(f"- [ ] {entry}" for entry in entries)
        return said.join.join(entries)


def quote_mail(address: str, subject: str, lines: list[str]) -> str:
    """A mailto: address with its subject and its body (lines joined by CRLF, RFC 6068) percent-encoded."""
    body = "\r\n".join(lines)
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def international_digits(number: str) -> str:
    """010-12345678 -> +861012345678 (the trunk 0 dropped), dialled from anywhere."""
    m = MAINLAND_NUMBER.match(number)
    return f"+86{m['area']}{m['local']}" if m else number


def international_display(number: str) -> str:
    """010-12345678 -> +86 10 1234 5678: the local number in two groups, as written for readers abroad."""
    m = MAINLAND_NUMBER.match(number)
    return f"+86 {m['area']} {m['local'][:-4]} {m['local'][-4:]}" if m else number


def address_display(url: str) -> str:
    """https://www.chsi.com.cn/ -> www.chsi.com.cn: what a reader sees and could type."""
    return re.sub(r"^https?://", "", url).rstrip("/")


# --- reading includes/facts.yml --------------------------------------------------------------------------------------

def parse_facts(text: str, languages: Sequence[str], where: str = FACTS_FILE) -> Facts:
    """The facts in `text`; SourceError names `where`, the line and what to do for each mistake."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        at, problem = yaml_error(err, where)
        raise SourceError(f"{at}: not valid YAML ({problem}): "
                          "check the indentation and put a value with a colon in quotes") from None
    top = fields(root)
    problems: list[str] = []
    lines: dict[str, int] = {}

    def need(key: str) -> yaml.Node | None:
        if key not in top:
            problems.append(f"{where}: '{key}:' is missing: the pages need it (see the comments in the file)")
        return top.get(key, (None, None))[1]

    school_node, email_node = need("school"), need("service-email")
    school, email = scalar(school_node), scalar(email_node)
    if school_node is not None and not school:
        problems.append(f"{where}:{line(school_node)}: school is empty: write the school's Chinese name")
    if email_node is not None and not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", email):
        problems.append(f"{where}:{line(email_node)}: service-email '{email}' is not an e-mail address "
                        "(write it as name@example.com)")

    def named(node: yaml.Node | None, example: str, valid: re.Pattern[str] | None = None, what: str = "") -> dict:
        """A section's values by name: each matching `valid`, or without it one text per language."""
        found = {}
        for name, (key, value) in fields(node).items():
            at = f"{where}:{line(key)}"
            lines[name] = line(key)
            if not NAME.match(name):
                problems.append(f"{at}: the name '{name}' must be lower-case words joined by - (like {example})")
            elif valid is None:
                if (texts := _per_language(value, at, name, languages, problems)) is not None:
                    found[name] = texts
            elif valid.match(scalar(value)):
                found[name] = scalar(value)
            else:
                problems.append(f"{at}: {name} is '{scalar(value)}': {what}")
        return found

    addresses = named(need("addresses"), "chsi-home", re.compile(r"^https?://[^\s/]+"),
                      "write a web address starting with https://")
    hotlines = named(need("hotlines"), "hotline-en", MAINLAND_NUMBER, "write it as dialled in the Chinese "
                     "mainland, 0, the area code, a hyphen and the number, like 010-12345678")
    texts = named(top.get("texts", (None, None))[1], "hotline-hours")
    if "texts" in top and not isinstance(top["texts"][1], yaml.MappingNode) and scalar(top["texts"][1]):
        problems.append(f"{where}:{line(top['texts'][0])}: texts holds one 'name: {{zh: 中文, en: English}}' "
                        "line per fact")

    mail = fields(need("mail-to-chsi"))
    subject, closing = scalar(mail.get("subject", (None, None))[1]), scalar(mail.get("closing", (None, None))[1])
    items = []
    if "mail-to-chsi" in top:
        lines["mail-to-chsi"] = line(top["mail-to-chsi"][0])
        mail_at = f"{where}:{lines['mail-to-chsi']}"
        if not subject:
            problems.append(f"{mail_at}: mail-to-chsi needs a 'subject:'")
        if not closing:
            problems.append(f"{mail_at}: mail-to-chsi needs a 'closing:' line (where the student describes the problem)")
        item_nodes = mail.get("items", (None, None))[1]
        if not isinstance(item_nodes, yaml.SequenceNode) or not item_nodes.value:
            problems.append(f"{mail_at}: mail-to-chsi needs 'items:', one '- {{label: ..., english: ...}}' per item")
        else:
            items = [item for node in item_nodes.value
                     if (item := _mail_item(node, where, school, languages, problems))]
    taken = {"school", "service-email", "mail-to-chsi", *MAIL_NAMES}
    for name in [*addresses, *hotlines, *texts]:
        if name in taken:
            problems.append(f"{where}:{lines[name]}: the name '{name}' is used twice: give one of them another name")
        taken.add(name)
    if problems:
        raise SourceError("\n".join(problems))
    return Facts(school, addresses, hotlines, email, subject, items, closing, lines, texts)


def _per_language(node: yaml.Node | None, at: str, what: str, languages: Sequence[str],
                  problems: list[str]) -> dict[str, str] | None:
    """{zh: ..., en: ...}, one text per language of the site; None (and a problem) otherwise."""
    entry = fields(node)
    found = {code: scalar(entry.get(code, (None, None))[1]) for code in languages}
    if not isinstance(node, yaml.MappingNode) or not all(found.values()) or set(entry) - set(languages):
        example = ", ".join(f"{code}: ..." for code in languages)
        missing = [code for code, text in found.items() if not text]
        needs = f"needs a text in {', '.join(missing)}" if missing else "has a language the site does not have"
        problems.append(f"{at}: {what} {needs}: write one text per language of the site, and nothing else: "
                        f"{{{example}}}")
        return None
    return found


def _mail_item(node: yaml.Node, where: str, school: str, languages: Sequence[str],
               problems: list[str]) -> MailItem | None:
    """One item of mail-to-chsi, or None with its problems added."""
    at = f"{where}:{line(node)}"
    entry = {key: value for key, (_key, value) in fields(node).items()}
    label, english = scalar(entry.get("label")), scalar(entry.get("english"))
    flag, value = scalar(entry.get("attachment")) or "false", scalar(entry.get("value"))
    if not label or not english:
        problem = "each item needs a label (Chinese) and its english words: - {label: 姓名, english: Name}"
    elif unknown := [key for key in entry if key not in ITEM_KEYS]:
        problem = f"item {label} has '{unknown[0]}:', which an item cannot have: use " + ", ".join(ITEM_KEYS)
    elif flag not in ("true", "false"):
        problem = (f"item {label} has 'attachment: {flag}': write 'attachment: true' for a file the student "
                   "attaches, or leave it out for a text they type")
    elif value and value != "school":
        problem = (f"item {label} has 'value: {value}': the only answer known for every student is "
                   "'value: school'; leave value out otherwise")
    else:
        found = {}
        for key in [key for key in ("note", "hint") if key in entry]:
            found[key] = _per_language(entry[key], at, f"the {key} of item {label}", languages, problems)
            if found[key] is None:
                return None
        if flag == "true" and (value or "hint" in found):
            problems.append(f"{at}: item {label} is an attachment, which the student ticks: it takes no value or hint")
            return None
        return MailItem(label, english, flag == "true", school if value else "", found.get("note", {}),
                        found.get("hint", {}))
    problems.append(f"{at}: {problem}")
    return None


def load_facts(root: Path) -> Facts:
    """The facts of root's includes/facts.yml, with the glosses of its label table (for the e-mail's items)."""
    path = root / FACTS_FILE
    if not path.is_file():
        raise SourceError(f"{FACTS_FILE} is missing: it holds the numbers, addresses and e-mail every page shows")
    facts = parse_facts(path.read_text(encoding="utf-8"), site_config.read(root).codes)
    table = root / ui_labels.TABLE_FILE
    if table.is_file():  # the table's own reader: a mistake there is named with its file and line (SourceError)
        facts.glosses = ui_labels.load_labels(table)
    return facts


# --- pages -----------------------------------------------------------------------------------------------------------

def expand(markdown: str, facts: Facts, locale: str, src: str, first_line: int = 1) -> tuple[str, list[str]]:
    """The page with each `{{ name }}` outside fenced code replaced by its fact, and one problem per unknown name."""
    problems: list[str] = []
    out: list[str] = []
    for number, text, prose in markup.prose_lines(markdown, first_line):

        def fill(m: re.Match[str], number: int = number, text: str = text) -> str:
            name = m.group(1)
            if name in MAIL_NAMES:  # a list glosses only the labels the page has not glossed above it
                return facts.shown_mail(name, locale, "\n".join(out) + text[:m.start()])
            if (value := facts.shown(name, locale)) is not None:
                return value
            if name == "mail-to-chsi":
                problems.append(f"{src}:{number}: {{{{ mail-to-chsi }}}} is a whole e-mail, not something to show: "
                                "link it with words, like [Write the e-mail][mail-to-chsi]")
            else:
                problems.append(f"{src}:{number}: {{{{ {name} }}}} is not a name in {FACTS_FILE}: use one of "
                                + ", ".join(f"{{{{ {n} }}}}" for n in facts.names()))
            return m.group(0)

        out.append(PLACEHOLDER.sub(fill, text) if prose else text)
    return "\n".join(out), problems


def typed_facts(markdown: str, facts: Facts, src: str, first_line: int = 1) -> list[str]:
    """One problem per fact a page types itself instead of naming it, with the name to write instead."""
    checks: list[tuple[re.Pattern[str], str, str]] = []
    for name, number in facts.hotlines.items():
        parts = MAINLAND_NUMBER.match(number)
        # The local digits with any separators between them (12345678, 1234 5678, 1234-5678), after the area code
        # and the country code, if given: 010-12345678, 01012345678, +86 10 1234 5678, +861012345678.
        sep = r"[\s\-.()]*"
        digits = r"[\s\-.()]?".join(parts["local"])
        pattern = rf"(?<!\d)(?:(?:\+|00)?86{sep})?(?:0?{parts['area']}{sep})?{digits}(?!\d)"
        checks.append((re.compile(pattern), f"the number {number}", f"{{{{ {name} }}}}"))
    checks.append((re.compile(re.escape(facts.service_email), re.IGNORECASE), facts.service_email,
                   "{{ service-email }}"))
    for name, url in facts.addresses.items():
        bare = re.escape(address_display(url))
        checks.append((re.compile(rf"(?:https?://)?{bare}/?(?![\w/?#-]|\.\w)", re.IGNORECASE), url,
                       f"{{{{ {name} }}}} (or [words][{name}])"))
    problems: list[str] = []
    for number, text, prose in markup.prose_lines(markdown, first_line):
        if not prose:
            continue
        if re.match(r"^\s*\[[^\]]+\]:\s", text):
            problems.append(f"{src}:{number}: a link definition in a page: addresses live in {FACTS_FILE}; "
                            "add it there under addresses and link it as [words][name]")
            continue
        known: set[int] = set()  # where a fact of the file is typed: what starts there is named above already
        for pattern, what, instead in checks:
            for m in pattern.finditer(text):
                known.update(range(*m.span()))
                problems.append(f"{src}:{number}: {what} is typed here: write {instead} instead, so the page "
                                f"always shows what {FACTS_FILE} says")
        problems += [f"{src}:{number}: the address {m.group(0)} is typed here: add it to {FACTS_FILE} under "
                     "addresses with a short name, and link it as [words][name]"
                     for m in ANY_ADDRESS.finditer(text) if m.start() not in known]
        problems += [f"{src}:{number}: the phone number {m.group(0)} is typed here: add it to {FACTS_FILE} under "
                     "hotlines with a short name, and write {{ name }}" for m in ANY_PHONE.finditer(text)
                     if len(re.sub(r"\D", "", m.group(0))) >= 7 and not DATE.fullmatch(m.group(0))
                     and m.start() not in known]
    return problems
