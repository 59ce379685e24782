"""Read one big JSON document piece by piece, so memory stays flat.

Isso and Commento export one JSON document holding every comment. The standard
library decodes whole documents only, so this walks the outer arrays and objects
itself and hands each inner value to json's C decoder (raw_decode): one comment
(or thread) in memory at a time, never the whole file.
"""

from __future__ import annotations

import codecs
import json
from itertools import count
from typing import BinaryIO, Iterator

from moderator.errors import FileFormatError

CHUNK = 1 << 16
MAX_ITEM = 64 << 20  # characters: one array item bigger than this is refused
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


class JsonStream:
    def __init__(self, stream: BinaryIO, path: str):
        self.reader = codecs.getreader("utf-8-sig")(stream)
        self.path = path
        self.buffer, self.position, self.eof = "", 0, False
        self.line, self.line_start = 1, 0  # line number at buffer start; where that line began

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
            raise FileFormatError(self.path, None, f"not UTF-8 text ({error.reason})") from None
        self.buffer, self.position = self.buffer[self.position :] + more, 0
        self.eof = not more
        return bool(more)

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

    def value(self):
        """Decode the next value whole (an array item, a member's value)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.position)
                if end < len(self.buffer) or self.eof:  # a number cut at the buffer's end would pass
                    self.position = end
                    return value
            except json.JSONDecodeError as error:
                if self.eof:
                    raise self.error(f"not valid JSON ({error.msg})", error.pos) from None
            if len(self.buffer) - self.position > MAX_ITEM:
                raise self.error(f"one item is larger than {MAX_ITEM >> 20} MB; refused", self.position)
            self._fill(at_least=len(self.buffer) - self.position)  # doubling keeps big items linear

    def items(self) -> Iterator:
        """The values of the array that comes next, one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self.position += 1
            return
        while True:
            yield self.value()
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
            key = self.value()
            self.expect(":")
            yield key
            if self.peek() == "}":
                self.position += 1
                return
            self.expect(",")

    def skip(self) -> None:
        """Pass over the next value without holding it whole."""
        char = self.peek()
        if char == "[":
            for _ in self.items():
                pass
        elif char == "{":
            for _ in self.members():
                self.skip()
        else:
            self.value()

    def error(self, reason: str, position: int) -> FileFormatError:
        before = self.buffer[:position]
        line = self.line + before.count("\n")
        column = position - before.rfind("\n") if "\n" in before else self.line_start + position + 1
        return FileFormatError(self.path, line, reason, column)


def array_items(stream: BinaryIO, path: str, key: str | None = None) -> Iterator:
    """Items of the top-level array, or of the array under `key` in the top-level object."""
    reader = JsonStream(stream, path)
    if key is None:
        yield from reader.items()
    else:
        for name in reader.members():
            if name == key:
                yield from reader.items()
            else:
                reader.skip()
    if reader.peek():
        raise reader.error("unexpected text after the JSON document", reader.position)


def lines(stream: BinaryIO, path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for JSON Lines, refusing a line too long to hold in memory."""
    for number in count(1):
        line = stream.readline(MAX_ITEM + 1)
        if not line:
            return
        if len(line) > MAX_ITEM:
            raise FileFormatError(path, number, f"the line is longer than {MAX_ITEM >> 20} MB; refused")
        yield number, line
