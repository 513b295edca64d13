"""The prefilled e-mail to CHSI carries the seven items the office's guide lists, in its order and words.

A locked-out student sends CHSI's service address exactly these items (Plan 2). The e-mail is prefilled by the
`[kefu-mailto]` address in includes/links.md; a maintainer who edits its body can drop or reorder an item without
noticing, since the address is percent-encoded. This hook decodes it at every build and fails, naming the file, the
line and the item, when an item is missing, changed or out of order.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from mkdocs.exceptions import PluginError

LINKS_FILE = Path("includes/links.md")
REFERENCE = "kefu-mailto"
ADDRESS = "kefu@chsi.com.cn"
# The office's guide, Plan 2, in its own words (Chinese + English), one line each in the e-mail body.
ITEMS = [
    "(1) 姓名 Name",
    "(2) 证件号码 Passport Number",
    "(3) 用户名 Account Name",
    "(4) 就读院校名称 Name of Enrolled Institution (北京大学)",
    "(5) 本人手持证件照片 Photo of you holding your passport information page",
    "(6) 姓名无法修改的页面截图 Screenshot of being unable to edit your name",
    "(7) 邮件正文 (含姓名格式和护照号码) 截图 Screenshot of the email (including Name and Passport Number)",
]
FIX = ("re-encode the body from the text in the comment at the top of the file "
       "(urllib.parse.quote(text, safe=''))")


def item_problems(text: str, where: str) -> list[str]:
    """One line per problem with the prefilled e-mail defined in `text` (the links file), named `where`."""
    lines = text.splitlines()
    number = next((i for i, line in enumerate(lines, 1) if line.startswith(f"[{REFERENCE}]:")), None)
    if number is None:
        return [f"{where}: no [{REFERENCE}]: address: the locked-out page links it to open the e-mail to CHSI"]
    address = urlsplit(lines[number - 1].split(":", 1)[1].strip())
    at = f"{where}:{number}"
    if address.scheme != "mailto" or unquote(address.path) != ADDRESS:
        return [f"{at}: [{REFERENCE}] must be mailto:{ADDRESS} (the office's guide gives that address)"]
    body = parse_qs(address.query).get("body", [""])[0]
    found = [re.sub(r":\s*$", "", line.strip()) for line in body.splitlines() if re.match(r"\(\d\)", line.strip())]
    problems = []
    for item in ITEMS:
        if item not in found:
            problems.append(f"{at}: the prefilled e-mail lacks item {item}: {FIX}")
    present = [item for item in found if item in ITEMS]
    if not problems and present != ITEMS:
        problems.append(f"{at}: the prefilled e-mail lists the seven items out of order ({', '.join(i[:3] for i in present)}):"
                        f" keep the office's guide's order, (1) to (7)")
    problems += [f"{at}: the prefilled e-mail has an item the office's guide does not list: {item}" for item in found
                 if item not in ITEMS]
    return problems


def on_config(config):
    path = Path(config.config_file_path).parent / LINKS_FILE
    if path.is_file():
        problems = item_problems(path.read_text(encoding="utf-8"), str(LINKS_FILE))
        if problems:
            raise PluginError("The e-mail to CHSI (Plan 2):\n" + "\n".join(problems))
    return config
