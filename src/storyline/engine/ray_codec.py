"""Documents as JSON blobs: what a Parquet shard row carries.

Shards outlive the process that wrote them (a rerun reads them back), so they
hold a plain, versionable text form of the record rather than a pickle. The
(de)serializers are derived from the dataclass fields of ``storyline.records``,
so a field added to a record travels without touching this module; decoding
rebuilds tuples and nested records exactly (floats round-trip through ``repr``,
lone surrogates through ``\\u`` escapes), so ``decode(encode(doc)) == doc``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from storyline.records import Document
from storyline.vocab import one_of

__all__ = ["decode_document", "document_from_json", "document_json", "encode_document"]

Json = Any
_Decoder = Callable[[Json], Any]


def document_json(doc: Document) -> Json:
    """The record as JSON-ready nested dicts and lists (field name -> value)."""
    return _plain(doc)


def encode_document(doc: Document) -> str:
    """One document as a compact ASCII JSON string (valid UTF-8 for Parquet)."""
    return json.dumps(_plain(doc), separators=(",", ":"))


def document_from_json(data: Json) -> Document:
    """The inverse of ``document_json``."""
    return typing.cast(Document, _decoder(Document)(data))


def decode_document(blob: str) -> Document:
    """The inverse of ``encode_document``."""
    return document_from_json(json.loads(blob))


def _plain(value: Any) -> Json:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@cache
def _decoder(tp: Any) -> _Decoder:
    """A function rebuilding a value of type ``tp`` from its JSON form."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record_decoder(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple:
        item = _decoder(args[0])
        return lambda v: tuple(item(x) for x in v)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"ray_codec: unsupported union {tp!r}")
        sub = _decoder(inner[0])
        return lambda v: None if v is None else sub(v)
    if origin is typing.Literal:  # a closed vocabulary (storyline.vocab): checked
        return _vocabulary_decoder(args)
    if tp is float:
        return float  # JSON writes 1.0 as 1.0, but a hand-made blob may say 1
    if tp in (str, int, bool):
        return _identity
    raise TypeError(f"ray_codec: unsupported field type {tp!r}")


def _record_decoder(cls: type) -> _Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def decode(data: Json) -> Any:
        return cls(**{name: dec(data[name]) for name, dec in fields if name in data})

    return decode


def _identity(value: Json) -> Any:
    return value


def _vocabulary_decoder(values: tuple[Any, ...]) -> _Decoder:
    def decode(value: Json) -> Any:
        return one_of(value, values, "value")

    return decode
