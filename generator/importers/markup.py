"""Markdown conversions of web pages: what is page markup and what is the speaker's words.

The White House files (and other scraped pages) are Markdown. Backslash escapes,
emphasis markers, links and the odd HTML tag are the page's markup: a reader must not
see them as stray symbols, and they are not words of the transcript. Everything else
is kept exactly, apart from invisible or spacing characters, which become plain
spaces (or nothing, inside a word).
"""

from __future__ import annotations

import re

# Spacing characters that are just a space to a reader; the non-breaking spaces
# after "Q" and between sentences are layout, not text.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\t"), " ")
# Invisible characters that sit inside words: removing them leaves the word whole.
_INVISIBLE = dict.fromkeys(map(ord, "\u2060\u200b\u200c\u200d\u00ad\ufeff"), None)
_TRANSLATE = {**_SPACES, **_INVISIBLE}

# An escaped character is stashed in the Unicode private-use area while the markup
# is stripped, so that "\*" survives as a literal asterisk and "\[" as a bracket.
_STASH = 0xF0000
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'$&%=:;,/?@^])")
_STASHED = re.compile("[\U000f0000-\U000f00ff]")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# HTML elements (<s>struck</s>, <sup>nd</sup>, <figure><img .../>): the tags go, text stays.
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^>]*)?/?>", re.I)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.S)
_UNDERLINE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", re.S)
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_LIST_ITEM = re.compile(r"^[ \t]*[-+*][ \t]+(?=\S)")


def spaces(text: str) -> str:
    """Turn non-breaking and other spacing characters into spaces; drop invisible ones."""
    return text.translate(_TRANSLATE)


def list_marker(line: str) -> int:
    """Length of a Markdown list marker at the start of ``line`` (0 if there is none)."""
    match = _LIST_ITEM.match(line)
    return match.end() if match else 0


def strip(text: str) -> str:
    """Remove Markdown markup from ``text``; keep link text and escaped characters."""
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(lambda m: chr(_STASH + ord(m[1])), text)
    if "[" in text or "<" in text:
        text = _LINK.sub(r"\1", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\1", text)
        text = _UNDERLINE.sub(r"\1", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    if escaped:
        text = _STASHED.sub(lambda m: chr(ord(m[0]) - _STASH), text)
    return text


def squeeze(text: str) -> str:
    """Collapse runs of spaces (the page's layout) into one and trim the ends."""
    return " ".join(text.split())
