"""Contact labels and profile networks: which ``basics`` field a label names.

People label their contact details ("Email: …", "**Personal Website**: …", "E-mail
Address: …", "电话：…", "Téléphone : …") in the page header and in contact sections
("Contact Information", "联系方式", "Kontakt"), whose home is ``basics`` (issue 12,
rule 1). One vocabulary serves both: :func:`contact_label` reads such a line,
:func:`network_of` and :func:`network_by_name` name the network of a profile link.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from resumeconv.importers.cvpage import fields as F
from resumeconv.importers.cvpage.inline import Line

#: Contact label (lower case, as written after its qualifiers) → the basics field it
#: fills; "location" joins ``basics.location.address``.
_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "姓名", "名前", "氏名", "이름", "nom", "nombre", "nome"),
    "email": (
        "email", "e-mail", "mail", "email address", "e-mail address", "邮箱", "电子邮件",
        "电子邮箱", "メール", "이메일", "correo", "courriel",
    ),
    "phone": (
        "phone", "tel", "telephone", "mobile", "cell", "电话", "手机", "電話", "전화",
        "telefon", "téléphone", "teléfono", "telefone",
    ),
    "url": (
        "website", "web", "homepage", "home page", "url", "web page", "webpage", "site",
        "blog", "主页", "个人主页", "ホームページ", "홈페이지", "webseite", "sitio web",
    ),
    "location": (
        "address", "office", "location", "desk address", "地址", "住所", "주소", "adresse",
        "dirección", "endereço",
    ),
    "label": (
        "position", "title", "job title", "current position", "affiliation", "职位", "职称",
        "単位", "所属", "소속",
    ),
}  # fmt: skip
_CONTACT_LABELS = {label: key for key, labels in _FIELD_LABELS.items() for label in labels}
#: Words before such a label that do not change it ("Personal Email", "Academic Website").
_LABEL_QUALIFIERS = frozenset(
    {"personal", "academic", "work", "office", "university", "private", "business", "lab"}
)


def contact_label(line: Line) -> tuple[str, str, Line] | None:
    """(basics field or "profile", the label as written, the value) of a line that starts
    with a contact label, plain or bold ("Email: …", "**Email**: …", "Personal Website: …");
    "GitHub: …" and other network names give ("profile", "GitHub", value)."""
    plain = line.plain
    found = F.split_label(plain)
    if found is None:
        return None
    label = found[0].strip()
    key = label_field(label)
    if key is None:
        return None
    cut = plain.find(":") if ":" in plain else plain.find("：")
    value = line.cut(cut + 1)
    return key, label, value


def label_field(label: str) -> str | None:
    """The basics field a contact label names, "profile" for a network, else None."""
    words = label.strip(" *_").lower().split()
    while len(words) > 1 and words[0] in _LABEL_QUALIFIERS:
        words = words[1:]
    text = " ".join(words)
    if text in _CONTACT_LABELS:
        return _CONTACT_LABELS[text]
    if network_by_name(label) is not None:
        return "profile"
    return None


@cache
def _hosts() -> dict[str, str]:
    """Host (no ``www.``) → network name, from the site reader's network table."""
    from resumeconv.importers.jekyll import NETWORKS

    hosts: dict[str, str] = {}
    for name, pattern in NETWORKS.values():
        if pattern is None:
            continue
        host = (urlsplit(pattern.replace("{}", "x")).hostname or "").removeprefix("www.")
        if host and host != "x.tumblr.com":
            hosts.setdefault(host, name)
    hosts.update({"gitlab.com": "GitLab", "x.com": "X", "huggingface.co": "Hugging Face"})
    return hosts


def network_of(url: str) -> str | None:
    """The profile network a URL belongs to ("https://github.com/x" → "GitHub")."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    if host.startswith("scholar.google."):
        return "Google Scholar"
    hosts = _hosts()
    if host in hosts:
        return hosts[host]
    parent = host.split(".", 1)[1] if host.count(".") > 1 else ""
    return hosts.get(parent)


def network_by_name(label: str) -> str | None:
    """The network a label names ("GitHub", "Google Scholar", "ORCID")."""
    from resumeconv.importers.jekyll import NETWORKS

    key = label.lower().replace(" ", "").replace("-", "")
    if key in ("scholar", "googlescholar"):
        return "Google Scholar"
    for known, (name, _) in NETWORKS.items():
        if key == known.replace("-", "").replace("_", "") or key == name.lower().replace(" ", ""):
            return name
    return {"gitlab": "GitLab"}.get(key)
