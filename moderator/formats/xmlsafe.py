"""Streaming XML that is safe on hostile files, with flat memory.

Two steps, one file:
1. defusedxml reads the prolog (everything before the root element, the only place
   a DTD can be) and refuses entity declarations and external references: no
   billion laughs, no quadratic blow-up, no reading local files, no network.
2. The C pull parser of the standard library then streams the document. After
   step 1 it can meet no entity but the five built-in ones, and it never fetches
   anything. It is used rather than defusedxml's own iterparse because that one is
   pure Python and twice as slow, which a million-comment file feels.

Memory stays flat because callers clear each record's element once handled, and a
single field may not grow beyond MAX_FIELD (a 2 GB text node would otherwise sit
in memory whole).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import BinaryIO, Iterator
from xml.parsers.expat import errors as expat_errors

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from moderator.errors import FileFormatError

CHUNK = 1 << 16
MAX_FIELD = 16 << 20  # bytes of XML with no element ending: one field this big is refused
Element = ET.Element


class _RootReached(Exception):
    """Raised by the prolog check at the first element: the prolog was clean."""


class _StopAtRoot:
    def start(self, tag, attrib):
        raise _RootReached

    def close(self):
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


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, EntitiesForbidden):
        return (f"the file declares the entity '{error.name}'; entity declarations are refused, "
                "since they can blow a small file up to gigabytes or read files from this computer")
    if isinstance(error, ExternalReferenceForbidden):
        return "the file refers to an external document; it is refused and nothing is fetched"
    return f"refused as unsafe XML ({error})"


def event_batches(stream: BinaryIO, path: str, tags: frozenset[str], starts: bool = True) -> Iterator[list[tuple[str, Element]]]:
    """Lists of ("start" or "end", element) pairs, as ElementTree.iterparse gives them,
    after the prolog check: only for elements whose tag is in `tags`, and the root's start.
    starts=False: no start events after the root's (they cost a third more in C).

    Lists, one per chunk read, and filtered in one comprehension, because a comment
    has some 26 events and a Python loop step for each was a third of the import's time."""
    check_prolog(stream, path)
    parser = ET.XMLPullParser(("start", "end"))
    quiet = 0  # bytes fed since the last event: the size of the field being read
    first = True
    try:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            parser.feed(chunk)
            found = _drain(parser)
            quiet = 0 if found else quiet + len(chunk)
            if quiet > MAX_FIELD:
                raise FileFormatError(path, None, f"a single field is larger than {MAX_FIELD >> 20} MB; refused")
            if first and found:  # the root's start always goes through
                yield found[:1]
                found, first = found[1:], False
                if not starts:
                    _ends_only(parser)
            yield [pair for pair in found if pair[1].tag in tags]
        parser.close()
        yield [pair for pair in _drain(parser) if pair[1].tag in tags]
    except ET.ParseError as error:
        raise _format_error(path, error) from None


def _ends_only(parser: ET.XMLPullParser) -> None:
    """From now on, end events only (where this Python allows it; start events are
    otherwise ignored by the callers that ask for this)."""
    inner, queue = getattr(parser, "_parser", None), getattr(parser, "_events_queue", None)
    if inner is not None and queue is not None and hasattr(inner, "_setevents"):
        inner._setevents(queue, ("end",))


def _drain(parser: ET.XMLPullParser) -> list:
    """The parser's pending events, taken from its queue at once rather than through
    read_events(), which costs a generator step per event; it queues errors too."""
    queue = getattr(parser, "_events_queue", None)
    if queue is None:  # a Python without that attribute: the public, slower way
        return list(parser.read_events())
    found = list(queue)
    queue.clear()
    if found and isinstance(found[-1], Exception):
        raise found[-1]
    return found


def _format_error(path: str, error: ET.ParseError) -> FileFormatError:
    line, column = error.position
    reason = expat_errors.messages.get(error.code, str(error)) if isinstance(error.code, int) else str(error)
    return FileFormatError(path, line, f"XML error: {reason}", column + 1)


def child_texts(element: Element, names: dict[str, str]) -> dict[str, str | None]:
    """Texts of an element's children, keyed by the field names that `names` maps their tags to."""
    found: dict[str, str | None] = {}
    for child in element:
        field = names.get(child.tag)
        if field is not None and field not in found:
            found[field] = child.text
    return found
