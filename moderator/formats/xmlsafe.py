"""Streaming XML that is safe on hostile files, with flat memory.

Two steps, one file:
1. defusedxml reads the prolog (everything before the root element, the only place
   a DTD can be) and refuses entity declarations and external references: no
   billion laughs, no quadratic blow-up, no reading local files, no network.
2. The C pull parser of the standard library then streams the document. After
   step 1 it can meet no entity but the five built-in ones, and it never fetches
   anything. It is used rather than defusedxml's own iterparse because that one is
   pure Python and twice as slow, which a million-comment file feels.

Memory stays flat because callers remove each record's element once handled, and
what they cannot remove is bounded (moderator/formats/limits.py): a single field may
not grow beyond MAX_FIELD (a 2 GB text node would otherwise sit in memory whole);
what the tree holds between two reads (one record still open, and what a parser keeps)
may not pass MAX_ELEMENTS elements or MAX_HELD characters (one WordPress comment of 52
million "<b/>" once took 4.5 GB); elements may not nest deeper than MAX_DEPTH.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, BinaryIO, NoReturn, cast
from xml.parsers.expat import errors as expat_errors

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from moderator.errors import FileFormatError
from moderator.formats.limits import MAX_DEPTH, MAX_ELEMENTS, MAX_FIELD, MAX_HELD, size
from moderator.i18n import QT_TRANSLATE_NOOP, Sentence

CHUNK = 1 << 16
Element = ET.Element


class _RootReached(Exception):
    """Raised by the prolog check at the first element: the prolog was clean."""


class _StopAtRoot:
    def start(self, tag: str, attrib: dict[str, str]) -> NoReturn:
        raise _RootReached

    def close(self) -> None:
        return None


def check_prolog(stream: BinaryIO, path: str) -> None:
    """Refuse entity declarations and external references; leaves the stream at its start."""
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            parser.feed(chunk)
        parser.close()
    except _RootReached:
        pass
    except ET.ParseError as error:
        raise _format_error(path, error) from None
    except DefusedXmlException as error:
        expat = parser.parser
        raise FileFormatError(path, expat.CurrentLineNumber, _refusal(error), expat.CurrentColumnNumber + 1) from None
    finally:
        stream.seek(0)


def _refusal(error: DefusedXmlException) -> Sentence:
    if isinstance(error, EntitiesForbidden):
        return Sentence.of(QT_TRANSLATE_NOOP("errors", "the file declares the entity '{name}'; entity declarations are refused, "
                                             "since they can blow a small file up to gigabytes or read files from this "
                                             "computer"), name=error.name)
    if isinstance(error, ExternalReferenceForbidden):
        return Sentence(
            QT_TRANSLATE_NOOP("errors", "the file refers to an external document; it is refused and nothing is fetched"))
    return Sentence.of(QT_TRANSLATE_NOOP("errors", "refused as unsafe XML ({error})"), error=str(error))


def growing(stream: BinaryIO, path: str) -> Iterator[tuple[Element, bool]]:
    """The document's tree as it grows, after the prolog check: (root, finished) after
    each chunk read, and once more at the end with finished=True.

    Only the elements on the open path (the root, its last child, that one's last child,
    and so on) may still be incomplete; once finished, none is. Callers take what is
    complete and remove it from the tree, which keeps memory flat. No events: asking
    the parser for them (some 26 per comment, each a tuple to make and look at) cost
    a third more than building the tree."""
    check_prolog(stream, path)
    parser: ET.XMLPullParser[Element] = ET.XMLPullParser(("start",))  # for the root only; then no events at all
    root: Element | None = None
    quiet = 0  # bytes read without the tree growing (one huge field)
    try:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            before = _shape(root, path)
            _check_held(root, path)  # after the caller removed what it could: what it holds on to
            parser.feed(chunk)
            if root is None:
                root = _root(parser)
            _raise_queued(parser)
            quiet = quiet + len(chunk) if _shape(root, path) == before else 0
            if quiet > MAX_FIELD:
                raise FileFormatError(path, None, Sentence.of(
                    QT_TRANSLATE_NOOP("errors", "a single field is larger than {most}; refused"),
                    most=size(MAX_FIELD)))
            if root is not None:
                yield root, False
        parser.close()
        _raise_queued(parser)
    except ET.ParseError as error:
        raise _format_error(path, error) from None
    if root is not None:
        yield root, True


def _root(parser: ET.XMLPullParser[Element]) -> Element | None:
    """The root element once its start tag is read; events are then switched off (where
    this Python allows it: otherwise they pile up and are dropped after each chunk)."""
    first = next(parser.read_events(), None)  # raises a parse error queued before it
    if first is None:
        return None
    inner: Any = getattr(parser, "_parser", None)  # CPython's internals, where they are
    if hasattr(inner, "_setevents") and hasattr(parser, "_events_queue"):
        inner._setevents(parser._events_queue, ())
    return cast("tuple[str, Element]", first)[1]  # a "start" event: the only kind asked for


def _raise_queued(parser: ET.XMLPullParser[Element]) -> None:
    """The pull parser queues a parse error among its events rather than raising it."""
    queue = getattr(parser, "_events_queue", None)
    if queue is None:  # a Python without that attribute: the public, slower way
        for _ in parser.read_events():
            pass
        return
    for item in queue:
        if isinstance(item, Exception):
            raise item
    queue.clear()


def _shape(element: Element | None, path: str) -> tuple[int, ...]:
    """How many children each element on the open path has: it changes whenever the
    tree grows by an element, and not while a text is read."""
    shape: list[int] = []
    while element is not None and len(element):
        shape.append(len(element))
        element = element[-1]
        if len(shape) >= MAX_DEPTH:
            raise FileFormatError(path, None, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "elements nest more than {most} levels deep; refused"),
                most=MAX_DEPTH))
    return tuple(shape)


def _check_held(root: Element | None, path: str) -> None:
    """Refuse a tree grown beyond MAX_ELEMENTS elements or MAX_HELD characters of text."""
    if root is None:
        return
    elements = characters = 0
    for element in root.iter():
        elements += 1
        characters += len(element.text or "") + len(element.tail or "")
        if elements > MAX_ELEMENTS:
            raise FileFormatError(path, None, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "one record holds more than {most} elements; refused"),
                most=size(MAX_ELEMENTS)))
        if characters > MAX_HELD:
            raise FileFormatError(path, None, Sentence.of(
                QT_TRANSLATE_NOOP("errors", "one record holds more than {most:,} characters of text; "
                                            "refused"), most=MAX_HELD))


def complete(element: Element, finished: bool) -> int:
    """How many of the element's children are complete: all but the last one, which may
    still be open, until the document is finished."""
    return len(element) if finished else max(len(element) - 1, 0)


def _format_error(path: str, error: ET.ParseError) -> FileFormatError:
    line, column = error.position
    reason = expat_errors.messages.get(error.code, str(error)) if isinstance(error.code, int) else str(error)
    return FileFormatError(path, line, Sentence.of(QT_TRANSLATE_NOOP("errors", "XML error: {reason}"), reason=reason), column + 1)


def child_texts(element: Element, names: dict[str, str]) -> dict[str, str | None]:
    """Texts of an element's children, keyed by the field names that `names` maps their tags to."""
    found: dict[str, str | None] = {}
    for child in element:
        field = names.get(child.tag)
        if field is not None and field not in found:
            found[field] = child.text
    return found
