"""The app's settings file read without Qt, exactly as QSettings (IniFormat) reads it.

QSettings' INI has its own rules, which configparser does not know: keys are
%-escaped with `\\` for `/`; a value may be quoted ("Okoro, Ben"), holds C-style escapes
(\\n, \\", \\x263a, octal), is a list when an unquoted comma separates items, ends at an
unquoted `;`, and `@ByteArray(...)`, `@Invalid()` and `@@` mark typed values. The
command line uses this store to see the settings the moderator set in the app
(tests/test_settings.py writes with QSettings and reads here).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from moderator.settings import DATABASE_URL, Settings

log = logging.getLogger(__name__)

ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
           '"': '"', "?": "?", "'": "'", "\\": "\\"}
HEX, OCTAL = "0123456789abcdefABCDEF", "01234567"


def preferred_database(path: Path) -> str:
    """The database address chosen in Preferences ("" when none, or no settings yet)."""
    if not path.exists():
        return ""
    return str(read_settings(path).get(DATABASE_URL)).strip()


def read_settings(path: Path) -> Settings:
    """The settings the app keeps in `path`, as the app reads them (for the command line)."""
    return Settings(IniFileStore(path))


class IniFileStore:
    """A settings store (moderator.settings.Store) over the INI file the app writes.

    It reads the file once; changes (an upgrade of an older file) stay in memory, since
    the file is the app's: the app upgrades and writes it at its next start."""

    def __init__(self, path: Path):
        self._values = read_ini(path)

    def value(self, key: str) -> Any | None:
        return self._values.get(key)

    def set_value(self, key: str, value: Any) -> None:
        self._values[key] = value

    def remove(self, key: str) -> None:
        self._values = {k: v for k, v in self._values.items() if k != key and not k.startswith(key + "/")}

    def keys(self) -> list[str]:
        return list(self._values)

    def sync(self) -> None:
        """Nothing to write: see the class."""


def read_ini(path: Path) -> dict[str, Any]:
    """Every key ("group/name") with its value: str, list of str, bytes or None. An absent
    file holds nothing; one that cannot be read is reported in the log and holds nothing."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        log.warning("the settings file %s could not be read (%s); using the defaults", path, error.strerror or error)
        return {}
    return parse_ini(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace"))


def parse_ini(text: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    prefix = ""
    for line, equals in _entries(text):
        if line.startswith("["):
            prefix = _section_prefix(line)
        elif equals >= 0:  # a line without '=' is ignored, as QSettings does
            values[prefix + _unescape_key(line[:equals].strip())] = _typed(_unescape_value(line[equals + 1:]))
    return values


def _entries(text: str) -> Iterator[tuple[str, int]]:
    """Each entry with the position of its '=' (-1 if none). A backslash escapes the next
    character (a line end too), quotes may span lines, an unquoted ';' starts a comment."""
    i, size = 0, len(text)
    while i < size:
        while i < size and text[i] in " \t\r\n":
            i += 1
        start, quoted, equals = i, False, -1
        while i < size:
            ch = text[i]
            if ch == "\\":
                i = _after_escaped_character(text, i + 1)
                continue
            if ch == '"':
                quoted = not quoted
            elif not quoted and (ch in "\r\n" or ch == ";"):
                break
            elif ch == "=" and not quoted and equals < 0:
                equals = i - start
            i += 1
        if i > start:
            yield text[start:i], equals
        if i < size and text[i] == ";":  # a comment, to the end of the line
            while i < size and text[i] not in "\r\n":
                i += 1


def _after_escaped_character(text: str, i: int) -> int:
    if i >= len(text):
        return i
    ch, i = text[i], i + 1
    if ch in "\r\n" and i < len(text) and text[i] in "\r\n" and text[i] != ch:
        i += 1  # \r\n or \n\r: one line end
    return i


def _section_prefix(line: str) -> str:
    end = line.find("]")
    name = (line[1:end] if end > 0 else line[1:]).strip()
    if name.lower() == "general":
        return ""  # keys at the top level
    if name.lower() == "%general":
        return name[1:] + "/"  # a group really named General
    return _unescape_key(name) + "/"


def _unescape_key(key: str) -> str:
    """`\\` stands for `/`, %XX and %UXXXX for a character; a % that starts neither stays."""
    out, i = [], 0
    while i < len(key):
        ch = key[i]
        if ch == "%" and i + 1 < len(key):
            first, width = (i + 2, 4) if key[i + 1] == "U" else (i + 1, 2)
            code = _hex(key[first:first + width]) if first + width <= len(key) else None
            if code is not None:
                out.append(chr(code))
                i = first + width
                continue
        out.append("/" if ch == "\\" else ch)
        i += 1
    return _whole_characters("".join(out))


def _hex(digits: str) -> int | None:
    """As Qt's toUShort(16): spaces around are allowed, a sign or anything else is not."""
    try:
        code = int(digits.strip(" \t\n\r\v\f"), 16)
    except ValueError:
        return None
    return code if "_" not in digits and "-" not in digits and code <= 0xFFFF else None


def _unescape_value(raw: str) -> str | list[str]:
    """A value: one string, or a list when unquoted commas separate items."""
    items: list[str] | None = None
    text, i = "", _skip_spaces(raw, 0)
    keep, quoted, item_quoted = 0, False, False  # keep: trailing spaces before this are the value's
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            added, i = _escape(raw, i + 1)
            if added is None:  # the value ends with a lone backslash, kept as written
                return _result(items, text)
            text, keep = text + added, len(text) + len(added)
        elif ch == '"':
            quoted, item_quoted, i = not quoted, True, i + 1
            if not quoted:
                i = _skip_spaces(raw, i)
                keep = len(text)
        elif ch == "," and not quoted:
            items = [*(items or []), text if item_quoted else _chop(text, keep)]
            text, keep, item_quoted, i = "", 0, False, _skip_spaces(raw, i + 1)
        else:
            text, i = text + ch, i + 1
    return _result(items, text if item_quoted else _chop(text, keep))


def _result(items: list[str] | None, text: str) -> str | list[str]:
    text = _whole_characters(text)
    return text if items is None else [*map(_whole_characters, items), text]


def _escape(raw: str, i: int) -> tuple[str | None, int]:
    """The characters an escape stands for (after its backslash), and where reading resumes."""
    if i >= len(raw):
        return None, i
    ch, i = raw[i], i + 1
    if ch in ESCAPES:
        return ESCAPES[ch], i
    if ch == "x" or ch in OCTAL:
        digits, base = (HEX, 16) if ch == "x" else (OCTAL, 8)
        value = 0 if ch == "x" else int(ch)
        start = i
        while i < len(raw) and raw[i] in digits:
            value = (value * base + int(raw[i], base)) & 0xFFFF  # one UTF-16 unit, as Qt keeps it
            i += 1
        return ("" if ch == "x" and i == start else chr(value)), i
    if ch in "\r\n":
        return "", _after_escaped_character(raw, i - 1)  # a continued line
    # An unknown escape stands for nothing. Qt skips one byte: the rest of a character
    # written in several UTF-8 bytes is left undecodable.
    return "\ufffd" * (len(ch.encode("utf-8", "surrogatepass")) - 1), i


def _skip_spaces(raw: str, i: int) -> int:
    while i < len(raw) and raw[i] in " \t":
        i += 1
    return i


def _chop(text: str, keep: int) -> str:
    end = len(text)
    while end > keep and text[end - 1] in " \t":
        end -= 1
    return text[:end]


def _whole_characters(text: str) -> str:
    """Escaped UTF-16 surrogate pairs (\\xd83d\\xde42) joined into their character."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _latin1(text: str) -> bytes:
    """Each UTF-16 unit as a byte, '?' for those above 0xFF (Qt's toLatin1)."""
    units = text.encode("utf-16-le", "surrogatepass")
    return bytes(low if high == 0 else 0x3F for low, high in zip(units[::2], units[1::2]))


def _typed(value: str | list[str]) -> Any:
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if value.startswith("@") and value.endswith(")"):
        if value.startswith("@ByteArray("):
            return _latin1(value[11:-1])
        if value.startswith("@String("):
            return value[8:-1]
        if value == "@Invalid()" or value.startswith(("@Variant(", "@DateTime(", "@Rect(", "@Size(", "@Point(")):
            return None  # no setting of ours holds these
    return value[1:] if value.startswith("@@") else value
