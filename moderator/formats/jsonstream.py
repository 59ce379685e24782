"""JSON in bounded memory: one big document piece by piece, JSON Lines a line at a time.

Isso and Commento export one JSON document holding every comment. The standard
library decodes whole documents only, so this walks the outer arrays and objects
itself and hands each inner value to json's C decoder (raw_decode): one comment
(or thread) in memory at a time, never the whole file.

Whatever a value holds, it comes out as a value or as one sentence naming the line:
- an item or line longer than MAX_ITEM characters is refused before it is decoded;
- one whose values would take more than MAX_DECODED bytes once decoded (estimated
  from its text: "[{},{},…]" takes 24 times its size) is refused before it is decoded;
- nesting deeper than json's reader follows (Python's recursion limit, some 1,000
  levels), an integer of more digits than Python converts, a lone surrogate ("\\ud800":
  not a character, which no database can store) are refused.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from itertools import count
from typing import BinaryIO, Protocol, cast

from moderator.errors import FileFormatError
from moderator.formats.limits import MAX_DECODED, MAX_ITEM, size
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

CHUNK = 1 << 16
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"
# Bytes a decoded value may take per character of its text, at most (measured: "[{},…]" 24,
# '[{"":[]},…]' 31): below this many characters nothing need be estimated.
_WORST_RATIO = 32
_SURROGATE = re.compile("[\ud800-\udfff]")  # in a decoded string: alone (a pair became one character)

JsonObject = dict[str, object]  # a decoded JSON object; its values are whatever JSON holds


class LineSource(Protocol):
    """What JSON Lines are read from: a binary file, or a decompressing reader (remark42)."""

    def readline(self, size: int = -1, /) -> bytes: ...


def decoded_weight(text: str, start: int = 0, end: int | None = None) -> int:
    """An upper bound of the bytes json's decoder takes for text[start:end]: objects, arrays,
    strings and numbers each cost more than their characters (counted, never copied)."""
    end = len(text) if end is None else end
    per_char = 1 if text.isascii() else 4
    return ((end - start) * per_char + 240 * text.count("{", start, end) + 160 * text.count("[", start, end)
            + 30 * text.count('"', start, end) + 40 * text.count(",", start, end))


def surrogate_at(value: object) -> str | None:
    """Where in a decoded value a lone surrogate is ('body', 'user.name', 'comments[2].text'),
    walked without recursion (a value may nest a thousand levels)."""
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where or "the value"
        elif isinstance(value, dict):
            if any(_SURROGATE.search(key) for key in value):
                return where or "a member name"
            stack += ((f"{where}.{key}" if where else key, item) for key, item in value.items())
        elif isinstance(value, list):
            stack += ((f"{where}[{n}]", item) for n, item in enumerate(value))
    return None


class JsonProblem(ValueError):
    """Why a JSON text was refused, and where in it (a 1-based column) when known."""

    def __init__(self, reason: str | Sentence, column: int | None = None):
        self.sentence = reason if isinstance(reason, Sentence) else Sentence(reason)
        super().__init__(str(self.sentence))
        self.column = column


def decode(text: str) -> object:
    """The value of a JSON text (a line), checked; raises JsonProblem."""
    if len(text) * _WORST_RATIO > MAX_DECODED and decoded_weight(text) > MAX_DECODED:
        raise JsonProblem(_heavy())
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonProblem(_invalid(error.msg), error.colno) from None
    except RecursionError:
        raise JsonProblem(_DEEP) from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise JsonProblem(_invalid(str(error))) from None
    if "\\u" in text and ("\\ud" in text or "\\uD" in text) and surrogate_at(value):
        raise JsonProblem(_surrogate(value))
    return value


def check_decoded(value: object, text: str, start: int, end: int) -> None:
    """Refuse (JsonProblem) a decoded value that holds a lone surrogate (text[start:end] is its JSON)."""
    if (text.find("\\ud", start, end) >= 0 or text.find("\\uD", start, end) >= 0) and surrogate_at(value):
        raise JsonProblem(_surrogate(value))


def _surrogate(value: object) -> Sentence:
    where = repr(surrogate_at(value))[1:-1][:80]  # member names from the file: escaped, on one line
    return Sentence.of(
        QT_TRANSLATE_NOOP("errors", "'{where}' holds a lone surrogate (\\ud800–\\udfff), which is not a character"),
        where=where)


_DEEP = QT_TRANSLATE_NOOP("errors", "arrays and objects nest deeper than JSON's reader follows (some 1,000 levels); refused")


def _heavy() -> Sentence:
    return Sentence.of(QT_TRANSLATE_NOOP("errors", "its values would take more than {size} of memory once read; refused"),
                       size=size(MAX_DECODED))


def _invalid(why: str) -> Sentence:
    """Python's own words on the JSON (English) inside our sentence."""
    return Sentence.of(QT_TRANSLATE_NOOP("errors", "not valid JSON ({why})"), why=why)


class JsonStream:
    def __init__(self, stream: BinaryIO, path: str):
        self.reader = codecs.getreader("utf-8-sig")(stream)
        self.path = path
        self.buffer, self.position, self.eof = "", 0, False
        self.line, self.line_start = 1, 0  # line number at buffer start; where that line began
        self.mark, self.mark_line = 0, 1  # a position in the buffer, and its line (counted onwards)
        self.weighed = False  # the buffer from the position on is known to decode within MAX_DECODED

    def _fill(self, at_least: int = CHUNK) -> bool:
        """Read more; drop what has been consumed. False at the end of the file."""
        if self.eof:
            return False
        dropped = self.buffer[: self.position]
        self.line += dropped.count("\n")
        self.line_start = len(dropped) - dropped.rfind("\n") - 1 if "\n" in dropped else self.line_start + len(dropped)
        try:
            more = self.reader.read(max(at_least, CHUNK))
        except UnicodeDecodeError as error:
            raise FileFormatError(self.path, None, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "not UTF-8 text ({reason})"), reason=error.reason)) from None
        self.buffer, self.position = self.buffer[self.position :] + more, 0
        self.mark, self.mark_line, self.weighed = 0, self.line, False
        self.eof = not more
        return bool(more)

    def line_at(self, position: int) -> int:
        """The line of a position in the buffer, counting on from the last one asked (linear)."""
        if position < self.mark:
            self.mark, self.mark_line = 0, self.line
        self.mark_line += self.buffer.count("\n", self.mark, position)
        self.mark = position
        return self.mark_line

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            while self.position < len(self.buffer) and self.buffer[self.position] in _SPACE:
                self.position += 1
            if self.position < len(self.buffer) or not self._fill():
                return self.buffer[self.position : self.position + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = repr(self.peek()) if self.peek() else "the end of the file"
            raise self.error(f"expected '{char}' but found {found}", self.position)
        self.position += 1

    def value(self) -> object:
        """Decode the next value whole (an array item, a member's value), checked."""
        self.peek()
        while True:
            self._weigh()
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.position)
                if end < len(self.buffer) or self.eof:  # a number cut at the buffer's end would pass
                    self._check(value, end)
                    self.position = end
                    return value
            except json.JSONDecodeError as error:
                if self.eof:
                    raise self.error(_invalid(error.msg), error.pos) from None
            except RecursionError:
                raise self.error(_DEEP, self.position) from None
            except ValueError as error:  # an integer of more digits than Python converts
                raise self.error(_invalid(str(error)), self.position) from None
            if len(self.buffer) - self.position > MAX_ITEM:
                raise self.error(Sentence.of(
                    QT_TRANSLATE_NOOP("errors", "one item is longer than {most:,} characters; refused"), most=MAX_ITEM),
                                 self.position)
            self._fill(at_least=len(self.buffer) - self.position)  # doubling keeps big items linear

    def _weigh(self) -> None:
        """Refuse text whose decoding would take too much memory, before decoding it. What
        follows the position is weighed once per fill: it only shrinks as items are read."""
        remaining = len(self.buffer) - self.position
        if self.weighed or remaining * _WORST_RATIO <= MAX_DECODED:
            return
        if decoded_weight(self.buffer, self.position, len(self.buffer)) > MAX_DECODED:
            raise self.error(_heavy(), self.position)
        self.weighed = True

    def _check(self, value: object, end: int) -> None:
        try:
            check_decoded(value, self.buffer, self.position, end)
        except JsonProblem as error:
            raise self.error(error.sentence, self.position) from None

    def items(self) -> Iterator[object]:
        """The values of the array that comes next, one at a time."""
        for _, value in self.numbered_items():
            yield value

    def numbered_items(self) -> Iterator[tuple[int, object]]:
        """(line where it starts, value) for each value of the array that comes next."""
        self.expect("[")
        if self.peek() == "]":
            self.position += 1
            return
        while True:
            self.peek()
            line = self.line_at(self.position)
            yield line, self.value()
            if self.peek() == "]":
                self.position += 1
                return
            self.expect(",")

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next; the caller reads (or skips) each value."""
        self.expect("{")
        if self.peek() == "}":
            self.position += 1
            return
        while True:
            if self.peek() != '"':
                raise self.error("expected a quoted member name", self.position)
            key = cast(str, self.value())  # a quoted name: JSON's decoder makes it a str
            self.expect(":")
            yield key
            if self.peek() == "}":
                self.position += 1
                return
            self.expect(",")

    def skip(self) -> None:
        """Pass over the next value: an array an item at a time (the one not read may be
        long: Commento's comments while its commenters are read), anything else whole."""
        if self.peek() == "[":
            for _ in self.items():
                pass
        else:
            self.value()

    def error(self, reason: str | Sentence, position: int) -> FileFormatError:
        before = self.buffer[:position]
        line = self.line + before.count("\n")
        column = position - before.rfind("\n") if "\n" in before else self.line_start + position + 1
        return FileFormatError(self.path, line, reason, column)


def array_items(stream: BinaryIO, path: str, key: str | None = None) -> Iterator[tuple[int, object]]:
    """(line, item) for the items of the top-level array, or of the array under `key` in
    the top-level object."""
    reader = JsonStream(stream, path)
    if key is None:
        yield from reader.numbered_items()
    else:
        for name in reader.members():
            if name == key:
                yield from reader.numbered_items()
            else:
                reader.skip()
    if reader.peek():
        raise reader.error(QT_TRANSLATE_NOOP("errors", "unexpected text after the JSON document"), reader.position)


def lines(stream: LineSource, path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for JSON Lines, refusing a line too long to hold in memory."""
    for number in count(1):
        line = stream.readline(MAX_ITEM + 1)
        if not line:
            return
        if len(line) > MAX_ITEM:
            raise FileFormatError(path, number, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "the line is longer than {size}; refused"), size=size(MAX_ITEM)))
        yield number, line


def json_lines(stream: LineSource, path: str) -> Iterator[tuple[int, JsonObject]]:
    """(line number, object) for each line of JSON Lines that is not blank."""
    for number, line in lines(stream, path):
        row = line_object(line, path, number)
        if row is not None:
            yield number, row


def line_object(line: bytes, path: str, number: int) -> JsonObject | None:
    """The object on a line of JSON Lines, None for a blank one; anything else, or a line
    that is not UTF-8 or not JSON, is refused naming its line."""
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8").strip()
    except UnicodeDecodeError as error:
        raise FileFormatError(path, number, Sentence.of(
            QT_TRANSLATE_NOOP("errors", "not UTF-8 text (byte {byte})"), byte=error.start)) from None
    if not text:
        return None
    try:
        row = decode(text)
    except JsonProblem as error:
        raise FileFormatError(path, number, error.sentence, error.column) from None
    if row.__class__ is dict:
        return row
    raise FileFormatError(path, number, QT_TRANSLATE_NOOP("errors", "each line must be a JSON object"))
