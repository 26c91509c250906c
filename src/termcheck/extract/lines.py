"""Group wrapped lines (PDF pages, hard-wrapped text) into paragraph blocks."""

from __future__ import annotations

import re
from typing import Optional

from termcheck.models import Anchor, Block, Line
from termcheck.numbering import (
    ABBREVIATIONS,
    SECTION_WORD_TITLE,
    TICK_BOX,
    ends_before_reference,
    ends_mid_sentence,
    ends_sentence,
    is_capitalised,
    item_before,
    looks_like_heading,
    match_label,
    may_be_reference,
    numbered_title,
    opens_title,
    sentence_case_title,
    starts_recital,
    unnumbered_title,
)
from termcheck.quantities import CURRENCY
from termcheck.rules.precompiled import code_regex


# A form's field label: "Exclusivity Period: 3 years", "Parent or guardian:"
_FIELD_LABEL_WORDS = r"^[A-Z][\w'’/&-]*(?:\s+[\w'’/&()-]+){0,4}:"
_FIELD_LABEL = code_regex(_FIELD_LABEL_WORDS + r"\s")
# ... and a field's label alone on its line, its blank on the next: "Fee:" / "______"
_LONE_FIELD_LABEL = code_regex(_FIELD_LABEL_WORDS + "$")
_BLANK_RUN = code_regex(r"^_{3,}$")
# a defined name alone on its line, the end of the line before: 'Academy: Craftline Online Ltd' / '("Craftline")'
_DEFINED_NAME_ALONE = code_regex(r'^\(\s*(?:the\s+)?["“][^"”]{1,40}["”]\s*\)[.,;]?$')
# the rest of a title after its dash: "RECORDING CONSENT" / "— ONLINE" / "MASTERCLASS"
_DASH_LEAD = code_regex(r"^[—–-]\s*\S")
_DIGITS_IN_PARENS = code_regex(r"^\(\s*\d+\s*\)")
# "We pay contributors USD" / "0.20 per validated sentence": an amount wrapped after its currency is not a clause number
_ENDS_IN_CURRENCY = code_regex(rf"(?:{CURRENCY}|\bRs\.?)$", re.IGNORECASE)
_ENDS_IN_BOX = code_regex(rf"(?:{TICK_BOX.pattern})$")
# A form's label in capitals run in to its answer: "FEE A total of $[INSERT FEE] ...", "USAGE TERMS Organic usage ..."
# (not a defined term wrapped to the line start: '1.6. "Multiple' / 'LINAC Purchase" means ...')
_CAPS_LABEL = code_regex(r"^[A-Z]{3,}(?:[ \t]+[A-Z&/]{2,})*[ \t]+[A-Z][a-z]*[ \t]+[a-z$€£\[0-9]")
# an unnumbered clause's run-in title: "Usage. Kelpie may repost ...", "Governing Law. California." (its
# first word no abbreviation: not "Inc. agrees", "No. 4 of ...")
_RUN_IN_TITLE = code_regex(r"^(?P<first>[A-Z][\w’'&/-]*)(?:\s+(?:[A-Z&][\w’'&/-]*|of|and|to|for|in|on)){0,3}\.\s+[A-Z\"“(]")
_BROKEN_WORD = code_regex(r"[^\W_]-$")
# A table row: Markdown's "| a | b |" (in a PDF the only form: "| Term | Perpetual |"), or plain text
# with at least three cells "a | b | c".
_PIPE_ROW = r"^\s*\|.*\|\s*$"
_TABLE_ROWS = {True: re.compile(rf"{_PIPE_ROW}|^[^|]*\S\s+\|\s+\S[^|]*\|\s+\S"), False: re.compile(_PIPE_ROW)}
_TABLE_RULE = code_regex(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# a number whose thousands wrap to the next line: "un cachet de 1" / "500 euros, ainsi que ..."
_ENDS_IN_DIGITS = code_regex(r"(?<![\d.,])\d{1,3}$")
_STARTS_WITH_THOUSANDS = code_regex(r"^\d{3}(?![\d.)])")
_ITEM_IN_PARENS = code_regex(r"^\((?P<item>[ivx]{1,4}|[a-z]|\d{1,2})\)\s")


def _continues_inline_list(current: list[Line], text: str) -> bool:
    """True for '(ii) permits ...' at a line start when '(i) ...' ran inside the paragraph so far: an
    enumeration inside a sentence, wrapped, not a new list item."""
    m = _ITEM_IN_PARENS.match(text)
    before = item_before(m.group("item")) if m and current else None
    if before is None:
        return False
    joined = " ".join(ln.text.strip() for ln in current)
    at = joined.find(f"({before}) ")
    return at > 0 and not ends_sentence(current[-1].text.strip())


def _ends_in_number_word(line: str) -> bool:
    """True if the line ends with a number in words ('for a period of two', « une durée de dix »)."""
    from termcheck.quantities import words_to_number  # its patterns take ~15 ms to compile; rarely needed here

    words = line.split()
    return bool(words) and words[-1].lower() not in ("a", "an") and words_to_number(words[-1]) is not None


def _typical_width(lines: list[Line]) -> int:
    """The length of a full line: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(ln.text.strip()) for ln in lines if ln.text.strip())
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def _word_cut_from_sentence(title: list[Line], cut: list[Line], text: str, width: int) -> bool:
    """Whether a one- or two-word "title" is the middle of the sentence it cut, left alone on its line
    because the next word did not fit: "Society under the Creative" / "Commons" /
    "Attribution-ShareAlike 4.0" in a narrow column. A real title's line is short however long the
    next word ("... in Leiden" / "Payment" / "We do not pay ..."); a list item before a title may end
    unfinished."""
    alone = title[0].text.strip() if len(title) == 1 else ""
    words = text.split()
    if not alone or len(alone.split()) > 2 or len(cut) < 2 or not words:
        return False
    label = match_label(cut[0].text.strip())
    if label is not None and label.group("bullet"):
        return False
    before = cut[-1].text.strip()
    return (
        len(before) >= 0.75 * width and not ends_sentence(before) and not before.endswith(":")
        and len(alone) + 1 + len(words[0]) > 0.75 * width  # the next word would not have fitted
        and match_label(text) is None and not is_capitalised(text)
    )


def _continues_title_after_dash(title: list[Line], text: str) -> bool:
    """'RECORDING CONSENT' / '- ONLINE': a few capitals after a dash finish the title (not a list under a
    heading that ends in a colon, 'PERMITTED USES:' / '- TV')."""
    return bool(_DASH_LEAD.match(text)) and len(text.split()) <= 4 and not title[-1].text.rstrip().endswith(":")


def _opens_with_run_in_title(text: str) -> bool:
    """Whether a line opens with a clause's run-in title ("Usage. Kelpie may ..."), not an abbreviation."""
    m = _RUN_IN_TITLE.match(text)
    return m is not None and m.group("first").lower() not in ABBREVIATIONS


def is_hard_wrapped(lines: list[Line]) -> bool:
    """True when paragraphs are wrapped over several lines (PDF, e-mail text), not one line each."""
    body = [ln.text.strip() for ln in lines if ln.text.strip()]
    if len(body) < 4:
        return False
    ragged = sum(1 for t in body if not ends_sentence(t) and not looks_like_heading(t))
    return ragged / len(body) > 0.3 and _typical_width(lines) <= 130


def group_lines(lines: list[Line], wrapped: Optional[bool] = None) -> list[Block]:
    """Join lines into blocks: a blank line, a clause label, a heading or a finished short line ends one."""
    if wrapped is None:
        wrapped = is_hard_wrapped(lines)
    width = _typical_width(lines)
    blocks: list[Block] = []
    current: list[Line] = []
    title: list[Line] = []  # the lines of the last block, while that block is a title read just before
    cut_by_title: list[Line] = []  # the unfinished paragraph that title ended, if it ended one

    def flush(kind: str = "paragraph") -> None:
        if not current:
            return
        text = ""
        anchors: list[Anchor] = []
        for ln in current:
            lead = len(ln.text) - len(ln.text.lstrip())
            body = ln.text.strip()
            # (only the end of the text so far: searching all of it at each line was quadratic in a paragraph)
            if text and _BROKEN_WORD.search(text, len(text) - 2) and body[:1].islower():
                # "through-" / "out" over a page break, which pdfium's hyphen marks do not reach: one
                # word again, keeping the hyphen of "AI-" / "generated" (as normalize does within a page)
                if not text[-2].isupper() and not text[-2].isdigit():
                    text = text[:-1]
            elif text:
                text += " "
            for a in ln.anchors:
                anchors.append(Anchor(max(0, len(text) + a.offset - lead), a.page, a.line, a.paragraph))
            text += body
        # a title wrapped over lines that end mid-phrase ("TERMS OF THE" / "AGREEMENT") is still a title
        if kind == "paragraph" and len(current) > 1 and all(is_capitalised(ln.text) for ln in current) and looks_like_heading(text):
            kind = "heading"
        blocks.append(Block(text, anchors, kind=kind))
        current.clear()

    def extend_title(ln: Line) -> None:
        """The line finishes the title just read: one title, which may take more lines."""
        blocks.pop()
        merged = [*title, ln]
        current[:] = merged
        flush("heading")
        title[:] = merged

    def read_on_from_title(ln: Line) -> None:
        """The title just read and the line start a block that reads on with the lines after them."""
        blocks.pop()
        current[:] = [*title, ln]
        title.clear()
        cut_by_title.clear()

    for ln in lines:
        text = ln.text.strip()
        if not text:
            # a sentence that runs on into the next column or page ("... THE LAWS OF THE" / "STATE OF
            # COLORADO"): the gap between the columns is not the end of a paragraph
            # (a form's options end where the lines do: "[ ] Please do not name me" is not a sentence cut short)
            last = current[-1].text.strip() if current else ""
            if not (wrapped and current and ends_mid_sentence(last) and not TICK_BOX.search(last)):
                flush()
                title.clear()
            continue
        if title and _BLANK_RUN.match(text) and _LONE_FIELD_LABEL.match(title[-1].text.strip()):
            # a field's label wrapped away from its blank in a narrow column ("Fee:" / "______") is a
            # field, not a title
            read_on_from_title(ln)
            continue
        if (
            title and wrapped and blocks[-1].kind == "heading" and text[:1].islower() and match_label(title[0].text) is not None
            and len(text.split()) <= 3 and len(text) < 0.5 * width and not ends_sentence(text)
        ):
            # a numbered title wrapped before its last word: "Article 4 - Intelligence" / "artificielle" (a
            # sentence that goes on, "desire to amend ...", is read back as one below, with the next line)
            extend_title(ln)
            continue
        if title and wrapped and not ends_sentence(title[-1].text.strip()) and (
            text[:1].islower() or (_ENDS_IN_DIGITS.search(title[-1].text.strip()) and _STARTS_WITH_THOUSANDS.match(text))
            or _word_cut_from_sentence(title, cut_by_title, text, width)
        ):
            # "C. The Partnership, the Partners and Manager" / "desire to amend ...": what looked like a
            # title is the start of a sentence that goes on in lower case (or the middle of one: "... sous
            # licence Creative" / "Commons Attribution - Pas" / "d'utilisation commerciale")
            blocks.pop()
            if cut_by_title:
                blocks.pop()
            current[:] = cut_by_title + title
            # (read on as a paragraph: no branch below may merge that title again and drop what was read back)
            title.clear()
            cut_by_title.clear()
        heading = looks_like_heading(text) and not (current and _DEFINED_NAME_ALONE.match(text))
        if (
            title and wrapped and opens_title(text) and is_capitalised(text) and is_capitalised(title[-1].text)
            and blocks[-1].kind == "heading" and match_label(text) is None
        ):
            # a title in capitals wrapped over more lines, the second ending on a dash: "VOICE ACTING" /
            # "AGREEMENT —" / "ANIMATED SHORT" / '"PEBBLE"' is one title, read on with the lines after it
            read_on_from_title(ln)
            continue
        if (
            title and wrapped and is_capitalised(text)
            and (heading and not match_label(text) or _continues_title_after_dash(title, text))
            and is_capitalised(title[-1].text) and blocks[-1].kind == "heading" and not SECTION_WORD_TITLE.match(text)
        ):
            # a title in capitals wrapped over two lines: "VOICE LIBRARY" / "SHARING TERMS"
            extend_title(ln)
            cut_by_title.clear()
            continue
        title.clear()
        cut_by_title.clear()
        if current and _BLANK_RUN.match(text) and _LONE_FIELD_LABEL.match(current[-1].text.strip()):
            current.append(ln)  # "Model name:" / "______": the blank is the label's
            continue
        if current:
            prev = current[-1].text.strip()
            # A capitalised paragraph wrapped in a narrow column ("... applicable law. THIS" / "AGREEMENT
            # SHALL BE GOVERNED" / "BY THE LAWS OF ..."): a line that goes on with an unfinished sentence
            # is not a title, however short and capitalised.
            if heading and wrapped and not match_label(text) and not ends_sentence(prev) and not prev.endswith(":"):
                full_lines = len(prev) >= 0.75 * width and len(text) >= 0.5 * width  # not "... media" / "GOVERNING LAW"
                heading = not (full_lines or ends_mid_sentence(prev) or is_capitalised(prev))
            # A recital ("WHEREAS ...") is a clause of its own, labelled by its first word; "(2) years" after
            # a line ending "for a period of two" is the number repeated in digits, not a list item.
            starts_clause = (
                match_label(text) is not None
                and not (_DIGITS_IN_PARENS.match(text) and _ends_in_number_word(prev))
                and not (text[:1].isdigit() and _ENDS_IN_CURRENCY.search(prev))
                # "the grants in" / "Section 5.1.3 shall become ...": a reference wrapped to the line start
                and not (wrapped and may_be_reference(text) and ends_before_reference(prev))
                # "... a written consent that (i) assigns ... recordings," / "(ii) permits Vendor to ..."
                and not (wrapped and _continues_inline_list(current, text))
            ) or (starts_recital(text) and text[:1].isupper())
            prev_ends = ends_sentence(prev)
            prev_done = prev_ends or prev.endswith(":")
            short_prev = len(prev) < 0.8 * width
            continues = not prev_ends and text[:1].islower() and not starts_clause
            if (
                (not wrapped and not continues)
                or starts_clause
                or heading
                or (opens_title(text) and prev_done)  # not "... sous licence Creative" / "Commons Attribution -"
                # a form's blank to fill in ends its field: "Parent or guardian:" / "______" / "For good and ..."
                # (but its note in brackets is part of it: "... credited as: ______" / "(leave blank to remain anonymous).")
                or (prev.endswith("___") and not text.lstrip("([")[:1].islower())
                # a title in capitals, then the text in sentence case: "... CONSENT FORM" / "Please read ..."
                or (text[:1].isupper() and not is_capitalised(text) and all(is_capitalised(c.text) for c in current))
                or (prev_done and short_prev)
                or (short_prev and _FIELD_LABEL.match(text))  # a form's "Exclusivity Period: 3 years" line
                or (_LONE_FIELD_LABEL.match(text) and not ends_mid_sentence(prev))  # "... assigns ("Releasee")" / "Model name:"
                # a clause titled in its first words after a finished sentence or a form's field, which a
                # PDF shows with no blank line: "... during March 2027." / "Usage. Kelpie may repost ..."
                or ((prev_ends or (short_prev and _FIELD_LABEL.match(prev) is not None)) and _opens_with_run_in_title(text))
                or (_CAPS_LABEL.match(text) and not is_capitalised(text) and not ends_mid_sentence(prev))
                # each option of a form is a line of its own, and so is the field after the options
                or TICK_BOX.match(text)
                or (TICK_BOX.match(prev) and _FIELD_LABEL.match(text))
                # ... and a sentence after the short last line of a field's options: "Your name: [x] ... [ ]" /
                # "Please do not name me" / "We will not ..." (an option that opens its line, "[ ] Option A:
                # Arbitration", may go on to say what it means)
                or (
                    short_prev and text[:1].isupper() and not TICK_BOX.match(current[0].text.strip())
                    and any(TICK_BOX.search(c.text) for c in current)
                    and not _ENDS_IN_BOX.search(prev)  # "... by name [ ]" / "Please do not name me": the option goes on
                )
                # ... and any field after a field, however long ("Date: ... (your home studio is fine)" / "Rate: $300")
                or (_FIELD_LABEL.match(text) and _FIELD_LABEL.match(current[0].text.strip()))
                # (not when the next line's first word would not have fitted: "... emailing privacy@tessellate.example." /
                # "Videos withdrawn will be ..." is one paragraph wrapped before a long word)
                or (prev_done and text[:1].isupper() and len(prev) < 0.92 * width and len(prev) + 1 + len(text.split()[0]) <= 1.1 * width)
                # a title in sentence case on a line of its own, numbered or not: "5. Your personal data" /
                # "You may ask ...", "Moral rights" / "To the fullest extent ..."
                or (len(current) == 1 and short_prev and text[:1].isupper() and sentence_case_title(prev))
                # ... which starts its own block after a finished sentence, even a number without a dot: "... is
                # heard." / "6 Digital replicas"
                or (prev_ends and numbered_title(text))
                # ... or no number at all, on a short line (a line that wraps is nearly full): "... in the
                # Schedule." / "Moral rights"
                or (prev_ends and len(text) < 0.6 * width and unnumbered_title(text))
            ):
                if heading and not prev_done:
                    cut_by_title[:] = current
                flush()
        current.append(ln)
        if heading and len(current) == 1:
            flush("heading")
            title.append(ln)
        else:
            cut_by_title.clear()
    flush()
    return blocks


def table_cells(text: str, plain: bool = True) -> Optional[list[str]]:
    """The cells of a table row ('| a | b |', or with plain 'a | b | c'); [] for a rule line ('|---|---|');
    None for other text."""
    if _TABLE_RULE.match(text) and "|" in text:
        return []
    if not _TABLE_ROWS[plain].match(text):
        return None
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def group_runs(lines: list[Line], headings: list[bool], cells: list[Optional[list[str]]], wrapped: Optional[bool] = None) -> list[Block]:
    """Group lines, with the given heading lines as headings and each table row a block of its own."""
    blocks: list[Block] = []
    run: list[Line] = []
    in_table = False  # a blank line, text or a heading ends a table: the next row starts another
    for line, is_heading, row in zip(lines, headings, cells):
        if not is_heading and row is None:
            run.append(line)
            in_table = False
            continue
        blocks.extend(group_lines(run, wrapped))
        run = []
        anchors = line.anchors[:1]
        if is_heading:
            blocks.append(Block(line.text.strip(), anchors, kind="heading"))
            in_table = False
        elif row:  # a rule line ('|---|') is layout, not text
            blocks.append(Block(" | ".join(row), anchors, kind="table", first_row=not in_table))
            in_table = True
    blocks.extend(group_lines(run, wrapped))
    return blocks


def _join_wrapped_rows(lines: list[Line]) -> list[Line]:
    """A table row wrapped in a narrow column is one row again: "| Site internet ... de l'Annonceur |" /
    "Monde | 1 an |", or "| Usage | Stock licensing to" / "customers |"."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text.strip()
        i += 1
        if not text.startswith("|") or _TABLE_RULE.match(text):
            out.append(ln)
            continue
        # the lines after it that finish the row, or that end a finished row's last cell over again
        joined = 0
        while i < len(lines) and joined < 3:
            nxt = lines[i].text.strip()
            if not nxt or nxt.startswith("|") or (text.endswith("|") and not nxt.endswith("|")):
                break
            text += " " + nxt
            i += 1
            joined += 1
        out.append(Line(text, ln.anchors, page=ln.page))
    return out


def group_pdf_lines(lines: list[Line]) -> list[Block]:
    """Group a PDF's lines; a Markdown table printed as text ('| Term | Perpetual |') keeps a block per row."""
    if sum(1 for ln in lines if ln.text.lstrip().startswith("|")) < 2:
        return group_lines(lines, wrapped=True)
    lines = _join_wrapped_rows(lines)
    cells = [table_cells(ln.text, plain=False) for ln in lines]
    if sum(1 for c in cells if c) < 2:
        return group_lines(lines, wrapped=True)
    return group_runs(lines, [False] * len(lines), cells, wrapped=True)
