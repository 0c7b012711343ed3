"""Lines of a contact section ("Contact Information", "联系方式", "Kontakt"): each a
``basics`` field.

Contact details have their home in ``basics`` (issue 12, rule 1), whatever heading they
sit under: ``Name: Jane Roe``, ``E-mail Address: jane@example.org``, ``**Website**:
jane.example.org``. The label says which field; a line without a known label is read as a
header line is.
"""

from __future__ import annotations

import re

from resumeconv.importers.cvpage.inline import Line

#: Label words (folded to lower case, ":" and "*" removed) → basics field.
_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("name", "full name", "姓名", "名前", "氏名", "이름", "nom", "nombre", "nome")),
    (
        "email",
        (
            "email",
            "e-mail",
            "mail",
            "e-mail address",
            "email address",
            "邮箱",
            "电子邮件",
            "メール",
            "이메일",
            "correo",
        ),
    ),
    (
        "phone",
        (
            "phone",
            "tel",
            "telephone",
            "mobile",
            "cell",
            "电话",
            "手机",
            "電話",
            "전화",
            "telefon",
            "téléphone",
            "teléfono",
            "telefone",
        ),
    ),
    (
        "url",
        (
            "website",
            "homepage",
            "home page",
            "web",
            "url",
            "site",
            "personal website",
            "主页",
            "个人主页",
            "ホームページ",
            "홈페이지",
            "webseite",
            "sitio web",
        ),
    ),
    (
        "label",
        (
            "affiliation",
            "position",
            "title",
            "job title",
            "current position",
            "职位",
            "职称",
            "単位",
            "所属",
            "소속",
        ),
    ),
    (
        "address",
        (
            "address",
            "location",
            "office",
            "desk address",
            "地址",
            "住所",
            "주소",
            "adresse",
            "dirección",
            "endereço",
        ),
    ),
)
_LABEL = re.compile(r"^\s*(?P<label>[^:：]{1,30}?)\s*[:：]\s*(?P<value>.+)$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$")


def contact_field(line: Line) -> tuple[str, str] | None:
    """(basics field, value) of a ``Label: value`` contact line, None for other lines.

    A website written without a scheme (``jane.example.org``) gets ``https://`` so that
    ``basics.url`` is a URL (rule 9: never invalid silently); a linked value gives its
    link target.
    """
    m = _LABEL.match(line.plain)
    if m is None:
        return None
    label = " ".join(m.group("label").strip(" *_").lower().split())
    value = m.group("value").strip(" *_")
    key = next((k for k, words in _LABELS if label in words), None)
    if key is None or not value:
        return None
    links = [url for text, url in line.links() if text and text in value]
    if key == "email":
        mail = links[0] if links else value
        value = mail[7:] if mail.lower().startswith("mailto:") else value
        if not _EMAIL.match(value):  # "jane at example dot org": not an e-mail field
            return None
    elif key == "url":
        if links and _SCHEME.match(links[0]):
            value = links[0]
        elif _DOMAIN.match(value):
            value = "https://" + value
        elif not _SCHEME.match(value):
            return None
    return key, value
