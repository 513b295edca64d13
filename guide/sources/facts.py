"""The facts about CHSI that pages show in more than one place, read from includes/facts.yml, written there once.

A page writes `{{ hotline-en }}` where it shows a fact, and `[words][name]` where it links one; this module turns
the first into the fact in the page's language and gives every name its address (tel:, mailto:, https:), so what a
page shows and what it dials or opens come from one value and can never disagree. The prefilled e-mail to CHSI
(`[...][mail-to-chsi]`) is made here from its readable text. A page that types a fact itself is refused, with the
name to write instead, so a changed number never leaves an old copy behind.

Plain functions over the sources: the build (the hook functions at the end), `make check` and the tests all call
the same ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

FACTS_FILE = "includes/facts.yml"
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")
# As dialled in the Chinese mainland: the trunk 0, a two- or three-digit area code, a hyphen, 7 or 8 digits.
MAINLAND_NUMBER = re.compile(r"^0(?P<area>\d{2,3})-(?P<local>\d{7,8})$")
FROM_ABROAD = {"en": "from abroad", "zh": "从境外拨打"}
FENCE = re.compile(r"^\s*(```|~~~)")
# Any other run of digits that looks like a phone number (seven digits or more), but not a date.
ANY_PHONE = re.compile(r"(?<![\w.])\+?\d[\d\s\-()]{5,}\d(?![\w.])")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FactsError(Exception):
    """includes/facts.yml cannot be read; each line of the message names the file, the line and what to do."""


@dataclass(frozen=True)
class MailItem:
    label: str          # the Chinese label, as in includes/ui-labels.yml
    english: str        # its English words in the e-mail

    @property
    def text(self) -> str:
        return f"{self.label} {self.english}"


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

    # --- what pages link ------------------------------------------------------------------------------------------

    def mail_body(self) -> str:
        """The e-mail's body: one line per item ending in ': ', a blank line, then the closing line (CRLF, RFC 6068)."""
        lines = [f"({n}) {item.text}: " for n, item in enumerate(self.items, 1)]
        return "\r\n".join([*lines, "", f"{self.closing}: ", ""])

    def mailto(self) -> str:
        """The e-mail to CHSI as a mailto: address, subject and body percent-encoded from their readable text."""
        return (f"mailto:{self.service_email}?subject={quote(self.subject, safe='')}"
                f"&body={quote(self.mail_body(), safe='')}")

    def references(self) -> dict[str, str]:
        """Every name a page may link as [words][name] -> its address."""
        refs = dict(self.addresses)
        refs.update({name: f"tel:{international_digits(number)}" for name, number in self.hotlines.items()})
        refs["service-email"] = f"mailto:{self.service_email}"
        refs["mail-to-chsi"] = self.mailto()
        return refs

    def definitions(self) -> str:
        """The references as Markdown link definitions, appended to every page."""
        return "\n".join(f"[{name}]: <{url}>" for name, url in self.references().items())

    # --- what pages show -----------------------------------------------------------------------------------------

    def shown(self, name: str, locale: str) -> str | None:
        """The Markdown that `{{ name }}` stands for on a page in `locale`, or None for an unknown name."""
        if name in self.hotlines:
            number = self.hotlines[name]
            tel = f"tel:{international_digits(number)}"
            abroad = f"{FROM_ABROAD[locale]} [{international_display(number)}](<{tel}>)"
            return f"[{number}](<{tel}>)" + (f"（{abroad}）" if locale == "zh" else f" ({abroad})")
        if name in self.addresses:
            return f"[{address_display(self.addresses[name])}](<{self.addresses[name]}>)"
        if name == "service-email":
            return f"[{self.service_email}](<mailto:{self.service_email}>)"
        if name == "school":
            return self.school
        return None

    def names(self) -> list[str]:
        return [*self.hotlines, "service-email", *self.addresses, "school"]


def international_digits(number: str) -> str:
    """010-12345678 -> +861012345678 (the trunk 0 dropped), dialled from anywhere."""
    m = MAINLAND_NUMBER.match(number)
    return f"+86{m['area']}{m['local']}" if m else number


def international_display(number: str) -> str:
    """010-12345678 -> +86 10 1234 5678: the local number in two groups, as written for readers abroad."""
    m = MAINLAND_NUMBER.match(number)
    if not m:
        return number
    local = m["local"]
    half = len(local) - 4
    return f"+86 {m['area']} {local[:half]} {local[half:]}"


def address_display(url: str) -> str:
    """https://www.chsi.com.cn/ -> www.chsi.com.cn: what a reader sees and could type."""
    return re.sub(r"^https?://", "", url).rstrip("/")


# --- reading includes/facts.yml --------------------------------------------------------------------------------------

def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _text(node: yaml.Node | None) -> str:
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else ""


def parse_facts(text: str, where: str = FACTS_FILE) -> Facts:
    """The facts in `text`; raises FactsError naming `where`, the line and what to do for each mistake."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f"{where}:{mark.line + 1}" if mark else where
        raise FactsError(f"{at}: not valid YAML ({getattr(err, 'problem', None) or err}): "
                         "check the indentation and put a value with a colon in quotes") from None
    top = _mapping(root)
    problems: list[str] = []

    def need(key: str) -> yaml.Node | None:
        if key not in top:
            problems.append(f"{where}: '{key}:' is missing: the pages need it (see the comments in the file)")
            return None
        return top[key][1]

    lines: dict[str, int] = {}
    school_node, email_node = need("school"), need("service-email")
    school, email = _text(school_node), _text(email_node)
    if school_node is not None:
        lines["school"] = _line(school_node)
        if not school:
            problems.append(f"{where}:{_line(school_node)}: school is empty: write the school's Chinese name")
    if email_node is not None:
        lines["service-email"] = _line(email_node)
        if not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", email):
            problems.append(f"{where}:{_line(email_node)}: service-email '{email}' is not an e-mail address "
                            "(write it as name@example.com)")

    def named(section: str, example: str, valid: re.Pattern[str], what: str) -> dict[str, str]:
        """The name: value lines of a section, each name and value checked, each line remembered."""
        found: dict[str, str] = {}
        for name, (key, value) in _mapping(need(section)).items():
            at, text = f"{where}:{_line(key)}", _text(value)
            lines[name] = _line(key)
            if not NAME.match(name):
                problems.append(f"{at}: the name '{name}' must be lower-case words joined by - (like {example})")
            elif not valid.match(text):
                problems.append(f"{at}: {name} is '{text}': {what}")
            else:
                found[name] = text
        return found

    addresses = named("addresses", "chsi-home", re.compile(r"^https?://[^\s/]+"),
                      "write a web address starting with https://")
    hotlines = named("hotlines", "hotline-en", MAINLAND_NUMBER, "write it as dialled in the Chinese mainland, 0, "
                     "the area code, a hyphen and the number, like 010-12345678")

    mail = _mapping(need("mail-to-chsi"))
    subject, closing, items = _text(mail.get("subject", (None, None))[1]), _text(mail.get("closing", (None, None))[1]), []
    if "mail-to-chsi" in top:
        lines["mail-to-chsi"] = _line(top["mail-to-chsi"][0])
        mail_at = f"{where}:{lines['mail-to-chsi']}"
        if not subject:
            problems.append(f"{mail_at}: mail-to-chsi needs a 'subject:'")
        if not closing:
            problems.append(f"{mail_at}: mail-to-chsi needs a 'closing:' line (where the student describes the problem)")
        item_nodes = mail.get("items", (None, None))[1]
        if not isinstance(item_nodes, yaml.SequenceNode) or not item_nodes.value:
            problems.append(f"{mail_at}: mail-to-chsi needs 'items:', one '- {{label: ..., english: ...}}' per item")
        else:
            for node in item_nodes.value:
                entry = _mapping(node)
                label, english = _text(entry.get("label", (None, None))[1]), _text(entry.get("english", (None, None))[1])
                if not label or not english:
                    problems.append(f"{where}:{_line(node)}: each item needs a label (Chinese) and its english words: "
                                    "- {label: 姓名, english: Name}")
                else:
                    items.append(MailItem(label, english))
    for name in set(addresses) & set(hotlines):
        problems.append(f"{where}:{lines[name]}: the name '{name}' is used twice: give one of them another name")
    if problems:
        raise FactsError("\n".join(problems))
    return Facts(school, addresses, hotlines, email, subject, items, closing, lines)


def load_facts(root: Path) -> Facts:
    path = root / FACTS_FILE
    if not path.is_file():
        raise FactsError(f"{FACTS_FILE} is missing: it holds the numbers, addresses and e-mail every page shows")
    return parse_facts(path.read_text(encoding="utf-8"))


# --- pages -----------------------------------------------------------------------------------------------------------

def _prose(markdown: str, first_line: int):
    """(line number, line) of the lines outside fenced code."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def expand(markdown: str, facts: Facts, locale: str, src: str, first_line: int = 1) -> tuple[str, list[str]]:
    """The page with each `{{ name }}` replaced by its fact, and one problem per unknown name."""
    problems: list[str] = []
    out = []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            out.append(line)
            continue

        def fill(m: re.Match[str], number: int = number) -> str:
            name = m.group(1)
            value = facts.shown(name, locale)
            if value is not None:
                return value
            if name == "mail-to-chsi":
                problems.append(f"{src}:{number}: {{{{ mail-to-chsi }}}} is a whole e-mail, not something to show: "
                                "link it with words, like [Write the e-mail][mail-to-chsi]")
            else:
                problems.append(f"{src}:{number}: {{{{ {name} }}}} is not a name in {FACTS_FILE}: use one of "
                                + ", ".join(f"{{{{ {n} }}}}" for n in facts.names()))
            return m.group(0)

        out.append(PLACEHOLDER.sub(fill, line))
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
    any_address = re.compile(r"\b(?:https?://|www\.|mailto:|tel:)[^\s)>\]]*[^\s)>\].,;:!?。，]", re.IGNORECASE)
    problems: list[str] = []
    for number, line in _prose(markdown, first_line):
        if line.lstrip().startswith("[") and re.match(r"^\s*\[[^\]]+\]:\s", line):
            problems.append(f"{src}:{number}: a link definition in a page: addresses live in {FACTS_FILE}; "
                            "add it there under addresses and link it as [words][name]")
            continue
        known: list[tuple[int, int]] = []
        for pattern, what, instead in checks:
            for m in pattern.finditer(line):
                known.append(m.span())
                problems.append(f"{src}:{number}: {what} is typed here: write {instead} instead, so the page "
                                f"always shows what {FACTS_FILE} says")
        for m in any_address.finditer(line):
            if not any(start <= m.start() < end for start, end in known):
                problems.append(f"{src}:{number}: the address {m.group(0)} is typed here: add it to {FACTS_FILE} "
                                "under addresses with a short name, and link it as [words][name]")
        for m in ANY_PHONE.finditer(line):
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) >= 7 and not DATE.fullmatch(m.group(0)) and \
                    not any(start <= m.start() < end for start, end in known):
                problems.append(f"{src}:{number}: the phone number {m.group(0)} is typed here: add it to {FACTS_FILE} "
                                "under hotlines with a short name, and write {{ name }}")
    return problems


# --- the build ----------------------------------------------------------------------------------------------------
