"""Blocks to clauses: section numbers, heading paths, zones, definitions and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from termcheck.models import Block, Document, Segment
from termcheck.numbering import (
    ANSWER_LABEL,
    ABBREVIATIONS,
    CONTENTS_TITLE,
    RECITALS_TITLE,
    TICK_BOX,
    label_kind,
    label_text,
    looks_like_heading,
    match_label,
    starts_recital,
    titles_its_paragraph,
    titles_its_subsections,
)
from termcheck.parties import COUNTERPARTY_WORDS, PERFORMER_WORDS
from termcheck.rules.precompiled import code_regex
from termcheck.verbs import CLAUSE_VERB

_RECITALS_END = code_regex(
    r"(?:now,?\s+therefore|agree[sd]?\s+as\s+follows|il\s+a\s+[ée]t[ée]\s+(?:arr[êe]t[ée]\s+et\s+)?convenu|ceci\s+(?:ayant\s+[ée]t[ée]\s+)?expos[ée]|it\s+is\s+(?:hereby\s+)?agreed)",
    re.IGNORECASE,
)
_SIGNATURE_START = code_regex(
    r"^(?:in\s+witness\s+where(?:of|for)|en\s+foi\s+de\s+quoi|signatures?\W*$|signed\s+(?:by|for\s+and\s+on\s+behalf)|agreed\s+and\s+accepted|accepted\s+and\s+agreed|fait\s+(?:à|en)\s+.{0,40}(?:,\s*le|exemplaires))",
    re.IGNORECASE,
)
_SIGNATURE_LINE = code_regex(
    r"^(?:(?:by|name|print(?:ed)?\s+name|title|date|signature|signed|witness|nom|prénom|qualité|date\s+et\s+signature|lu\s+et\s+approuvé)\s*[:_]|_{4,}|\.{6,}\s*$)",
    re.IGNORECASE,
)
# A signature block's field is short; a longer paragraph that starts "Date:" is an offer's terms.
_SIGNATURE_FIELD_MAX = 80
_OPERATIVE_VERB = code_regex(r"\b(?:shall|will|may|must|agrees?|hereby|grants?|doit|pourra|s'engage)\b", re.IGNORECASE)
_ANNEX_HEADING = code_regex(r"^(?:schedule|exhibit|annex|annexe|appendix|attachment|rider|addendum)\b", re.IGNORECASE)
_PART_LABEL = r"^(?:part\s+[a-z0-9]{1,3}\s*[:.–-]\s*)?"  # "Part B: " before a part's title
# Explanations printed with a contract (an FAQ, guidance notes) say what contracts may do; they grant nothing.
_EXPLANATORY_HEADING = code_regex(
    _PART_LABEL + r"(?:frequently\s+asked\s+questions|faqs?|questions\s+(?:and|&)\s+answers|q\s*&\s*a|explanatory\s+notes?|guidance\s+notes?"
    r"|notes?\s+(?:for|to)\s+(?:guidance|the\s+\w+)|foire\s+aux\s+questions|questions\s+fr[ée]quentes|notice\s+explicative"
    r"|statutory\s+(?:notice|statement|warning)s?|notices?\s+required\s+by\s+(?:law|statute)|summary\s+of\s+(?:the\s+)?law"
    r"|notice\s+of\s+(?:your\s+)?(?:statutory\s+)?rights|rappel\s+(?:de\s+la\s+loi|des\s+textes|légal))\b"
    r"|\((?:not\s+part\s+of\s+th(?:e|is)\s+(?:agreement|contract|release|terms)|non\s+contractuel(?:le)?)\)",
    re.IGNORECASE,
)
# A title that puts the terms themselves next to the explanations ("Frequently asked questions and terms"),
# and a part that says it binds ("Part A: Terms (binding)"): contract text, not explanation.
_WITH_TERMS = code_regex(r"\b(?:and|&|et)\s+(?:the\s+)?(?:terms|conditions|agreement|contract|conditions\s+générales)\b", re.IGNORECASE)
_BINDING_PART = code_regex(
    _PART_LABEL + r"(?:the\s+)?(?:terms|terms\s+and\s+conditions|agreed\s+terms|contract\s+terms|the\s+agreement)"
    r"\s*(?:\((?:binding|contractual|contractuelles?)\))?\s*$|\((?:binding|contractual|contractuelles?)\)",
    re.IGNORECASE,
)
_TOC_ENTRY = code_regex(r"(?:\.{4,}|\s{2,}|\t|…{2,})\s*\d{1,3}$|\s\d{1,3}$")
DEFINITION = code_regex(
    r"""^(?:in\s+this\s+(?:agreement|release|contract|document)\s*,?\s*)?(?:the\s+(?:term|expression)s?\s+)?
        (?:["«']\s*(?P<q>[^"»']{1,80}?)\s*["»'](?:\s*(?:,|or|and|ou|et)\s*["«'][^"»']{1,80}["»'])*|(?!(?:this|that|it|which|what|these|those|such|there|here|he|she|they|we|you|i|who|ceci|cela|il|elle|ce)\b)(?-i:(?P<bare>[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*){0,4})))
        \s*(?:\([^)]{0,60}\)\s*)?[,:]?\s*
        (?:shall\s+(?:mean|include|refer\s+to)|means|mean|has\s+the\s+meaning|have\s+the\s+meaning|refers?\s+to|includes|is\s+defined\s+as
          |désigne(?:nt)?|signifie(?:nt)?|s['’]entend(?:ent)?|a\s+le\s+sens|vise(?:nt)?)\b""",
    re.VERBOSE | re.IGNORECASE,
)
# "The Company shall include the Credit in the end credits": a party's duty, not the definition that "The
# Company shall include its Affiliates" is
_PARTY_SHALL_INCLUDE = code_regex(
    rf"^(?:the\s+)?(?:{PERFORMER_WORDS}|{COUNTERPARTY_WORDS})\s+(?:shall|will|must)\s+include\s+(?:the|a|an)\s+"
    r"(?!(?:[\w’'-]+\s+)?(?:affiliates?|subsidiar\w+|successors?|assigns?|licensees?|members?|employees?|officers?|directors?|agents?)\b)",
    re.IGNORECASE,
)
_DEF_BARE_COLON = code_regex(r"^[\"«']?(?P<term>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4})[\"»']?\s*[:–-]\s+\S")
_COLON_TITLE = code_regex(r"^(?P<title>[A-ZÀ-Ý][\w’'&/-]*(?:\s+[\w’'&/-]+){0,4}):\s+(?=[a-zà-ÿ])")
_LABEL_DASH = code_regex(r"[—–-]\s+")
_RUN_IN_HEADING = code_regex(r"^(?P<title>[A-ZÀ-Ý][\w’'&/,-]*(?:\s+[\w’'&/,-]+){0,6})[.:]\s+(?=[\"“«(A-ZÀ-Ý0-9])")
_DEFINITIONS_HEADING = code_regex(r"^(?:definitions?|défini?tions?|interpretation|defined\s+terms)\b", re.IGNORECASE)

# A sentence ends before a capital, a digit or (in a run-in list, "... fails to cure such breach. d. Theismann
# shall ...") a lower-case item label followed by a capital.
_SENTENCE_BREAK = code_regex(
    r"(?<=[.!?])[\"')\]»]*\s+(?=[\"“«(]?[A-ZÀ-Ý0-9]|(?:[a-z]{1,2}\.|\((?:[a-z]{1,2}|[ivx]{1,5})\))\s+[A-ZÀ-Ý])"
    r"|;\s+(?=(?:and\s+|or\s+|et\s+|ou\s+)?\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s)"
    # a table cell that ends a sentence ends it: "... from delivery. | 2. La licence ..." (a bilingual table's row)
    r"|(?<=[.!?])[\"')\]»]*[ \t]+\|[ \t]+(?=\S)"
)
_LAST_TOKEN = code_regex(r"(\S+)$")
# A form's field answered by its boxes ends its sentence: "The Company may license the recordings to third
# parties: [ ] Yes [X] No" and the next line "The Company may use the recordings in perpetuity: ..." (read as one
# paragraph) are two statements, and the first one's "No" negates nothing of the second.
_BOX_ANSWER_BREAK = code_regex(
    rf"(?:(?:{TICK_BOX.pattern})[ \t]*(?i:yes|no|oui|non)|\b(?i:yes|no|oui|non)[ \t]*(?:{TICK_BOX.pattern}))"
    r"(?P<gap>\s+)(?=[\"“«(]?[A-ZÀ-Ý])(?!(?i:yes|no|oui|non)\b)"  # (a capital starts the next field)
)


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where sentences may end (the spans between them): _SENTENCE_BREAK's places, and after a field a form's
    boxes answer."""
    found = [m.span() for m in _SENTENCE_BREAK.finditer(text)]
    if TICK_BOX.search(text):
        taken = {at for at, _ in found}
        found = sorted(found + [m.span("gap") for m in _BOX_ANSWER_BREAK.finditer(text) if m.start("gap") not in taken])
    return found


# "Q: Can I ask for my voice to be removed? A: Not while the licence lasts.": a question and its answer
# are read as one sentence, so the answer's "No" negates the question and the question's "paid" is the
# answer's pay.
_ANSWER_START = code_regex(ANSWER_LABEL + r"(?:\s|$)", re.IGNORECASE)


def _is_question(text: str) -> bool:
    """Whether text ends with a question mark (closing quotes and brackets aside)."""
    return text.rstrip("\"')]» \n").endswith("?")


def _answers(question: str, after: str) -> bool:
    """Whether after starts with the labelled answer to question ("... removed?" / "A: Not while ...")."""
    return _is_question(question) and _ANSWER_START.match(after.lstrip()) is not None


# "How long will you use my recordings? Five years from the session.": a question answered in a few words
# right after it, read as one sentence with it (as a labelled answer is), so the answer has the question's subject
_QUESTION_START = code_regex(
    r"^\W*(?:\d+[.)]\s+)?(?:how|will|would|can|could|may|do|does|is|are|who|what|when|where|which|for\s+how|combien|est-ce|pouvez|puis|pourrez|quand|qui|que|quel|quelle|quels|quelles)\b",
    re.IGNORECASE,
)
_YES_OR_NO = r"yes|no|oui|non"
_SHORT_ANSWER = code_regex(
    r"\s*(?:" + _YES_OR_NO + r"|never|only|for|up\s+to|until|within|after|about|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|jamais|seulement|pendant|jusqu|durant|dans)\b[^.?!\n]{0,60}[.!]",
    re.IGNORECASE,
)
# ... and a question that asks yes or no, answered so however long the answer goes on: "Can I withdraw?
# Yes, up to 14 days after taking part, by messaging the researcher." (not "What happens if I withdraw? No
# further recordings are made ...", where the "No" begins a sentence of its own)
_YES_NO_QUESTION = code_regex(
    r"^\W*(?:\d+[.)]\s+)?(?:will|would|can|could|may|might|do|does|is|are|shall|should|have|has|est-ce|pouvez|puis|pourrez|peut|peuvent|pourra)\b",
    re.IGNORECASE,
)
_YES_NO_ANSWER = code_regex(r"\s*(?:" + _YES_OR_NO + r")\b[^.?!\n]{0,240}[.!]", re.IGNORECASE)


def _short_answer(question: str, after: str) -> bool:
    """Whether after starts with a few words that answer question ("... recordings? For five years."), or
    with the yes or no a yes-or-no question asks for."""
    if not _is_question(question):
        return False
    if _YES_NO_QUESTION.match(question) and _YES_NO_ANSWER.match(after):
        return True
    return _QUESTION_START.match(question) is not None and _SHORT_ANSWER.match(after) is not None


_FR_WORDS = frozenset("le la les des du est et à pour dans une sur qui que par au aux ce cette sont être sera société présent".split())
_EN_WORDS = frozenset("the and of to in is for shall that by with any this be or will are agreement such".split())


# Words common in a language termcheck has no rules for and rare in English and French contracts: a
# contract in one of these is reported as unreadable, never checked as if it were English or French.
_OTHER_WORDS = {
    "es": frozenset("el los las del por con para una su sus al como este esta será podrá cualquier derechos artículo mediante".split()),
    "de": frozenset("der die das und den dem ist mit für von zu im auf nicht eine ein einer wird werden oder sich bei nach durch".split()),
    "it": frozenset("di della delle dei degli sono alla nel nella gli sarà questo diritti contratto ogni essere".split()),
    "pt": frozenset("os da das dos em não uma com ao pelo pela será direitos contrato qualquer".split()),
    "nl": frozenset("het een van dat op voor met niet zijn worden wordt deze bij aan overeenkomst".split()),
}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


def detect_language(text: str) -> str:
    """'en' or 'fr' from the share of common function words; another code ('es', 'de', 'it', 'pt',
    'nl') only when that language clearly outweighs both."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœäößñãõò]+", text[:20000].lower())
    fr = sum(1 for w in words if w in _FR_WORDS)
    en = sum(1 for w in words if w in _EN_WORDS)
    other, count = max(((code, sum(1 for w in words if w in vocab)) for code, vocab in _OTHER_WORDS.items()), key=lambda x: x[1])
    # a bilingual contract, or an English one quoting a foreign clause, is still read in its main language
    if count >= 20 and count > 2 * max(en, fr):
        return other
    return "fr" if fr > en * 1.2 else "en"


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence (and enumerated sub-clause) spans of text, shifted by base."""
    spans: list[tuple[int, int]] = []
    start = 0
    cell = 0  # where the current table cell starts: its "2." is a label, like the text's
    for brk_start, brk_end in _breaks(text):
        question = text[start:brk_start]
        if _answers(question, text[brk_end:brk_end + 20]) or _short_answer(question, text[brk_start:brk_end + 260]):
            continue
        before = question.rstrip("\"')]»")
        if before.endswith("."):
            tok = _LAST_TOKEN.search(before[:-1])
            word = (tok.group(1) if tok else "").lower().lstrip("(\"'")
            # "No. 5" abbreviates "number"; "A: No. The voice is not credited." answers
            numbered = word not in ("no", "nos") or text[brk_end:brk_end + 1].isdigit()
            if (word in ABBREVIATIONS and numbered) or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"[a-z](?:\.[a-z])+", word):
                continue
            if re.fullmatch(r"\(?\d{1,3}(?:\.\d{1,3})*\)?|[ivx]{1,5}|[a-z]", word) and start == cell and len(before) < 12:
                continue  # "1. The ..." — the label, not a sentence
        end = brk_start
        if text[start:end].strip():
            spans.append((base + start, base + end))
        start = brk_end
        if "|" in text[brk_start:brk_end]:
            cell = start
    if text[start:].strip():
        spans.append((base + start, base + len(text.rstrip())))
    return spans or [(base, base + len(text))]


class _RunInTitle(tuple[int, str]):
    """A heading path entry pushed by a run-in title ("2. Term. The ..."), not by a heading of its own."""


@dataclass
class _State:
    """What the segmenter knows at the current point of the document."""

    mode: Optional[str] = None  # recital | signature | toc
    sections: list[tuple[str, str]] = field(default_factory=list)  # (kind, label)
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, title)
    seen: dict[str, str] = field(default_factory=dict)  # last label of each kind (roman/letter choice)
    in_definitions: bool = False
    definitions_seen: bool = False  # a definition was read under the current Definitions heading
    run_in: Optional[tuple[int, str]] = None  # the heading a run-in title ("2. Term. The ...") pushed

    def close_run_in(self, level: int) -> None:
        """A clause numbered at this level ends the run-in heading of an earlier clause at the same level."""
        if self.run_in is None:
            return
        if not self.headings or self.headings[-1] is not self.run_in:
            self.run_in = None  # a later heading already replaced it
        elif self.run_in[0] > level:
            self.headings.pop()
            self.run_in = None

    def section(self) -> Optional[str]:
        """'4.2(a)(iv)': the last numbered level and the lettered levels under it."""
        if not self.sections:
            return None
        idx = max((i for i, (k, _) in enumerate(self.sections) if k == "kw" or k.startswith("num")), default=0)
        parts = [label for _, label in self.sections[idx:]]
        return "".join(parts)

    def push_label(self, label: str) -> None:
        """Place a clause label in the section stack."""
        kind = label_kind(label, self.seen)
        self.seen[kind] = label.strip("()")
        kinds = [k for k, _ in self.sections]
        if kind in kinds:
            del self.sections[kinds.index(kind):]
        elif kind.startswith("num"):
            depth = int(kind[3:])
            self.sections = [(k, lab) for k, lab in self.sections if k == "kw" or (k.startswith("num") and int(k[3:]) < depth)]
        self.sections.append((kind, label))

    def push_heading(self, level: int, title: str) -> None:
        """Place a heading in the heading path."""
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, title))

    def push_run_in(self, level: int, title: str) -> None:
        """Place a run-in title ("1. Sharing your voice. By ...") under the headings that enclose its
        paragraph: it never replaces one, whatever level the source gave that heading (a Word
        "Heading 2" above "1. ..." is still the section's title)."""
        enclosing = [h[0] for h in self.headings if not isinstance(h, _RunInTitle)]
        self.push_heading(max(level, max(enclosing, default=0) + 1), title)
        self.run_in = self.headings[-1] = _RunInTitle(self.headings[-1])


def _heading_level(block: Block, label: Optional[str], title: str) -> int:
    """Outline level of a heading: from the source, else from its label, else from its case."""
    if block.level is not None:
        return max(block.level, 1)
    if label:
        if " " in label:
            return 1
        if label[0].isdigit():
            return label.count(".") + 1
        return 3
    return 1 if title.isupper() else 2


def _explanation_title(body: str) -> bool:
    """Whether a paragraph is an explanation's title in sentence case ("Frequently asked questions (not part
    of the Agreement)"), or starts with one that a PDF ran into the first question ("Part B: Frequently
    asked questions (not part of the terms) Can I ..."); not one that puts the terms next to it."""
    found = _EXPLANATORY_HEADING.search(body, 0, 100)
    if found is None or _WITH_TERMS.search(body, 0, found.end()):
        return False
    if len(body) < 100:
        return not _OPERATIVE_VERB.search(body)
    return found.start() == 0 and not _OPERATIVE_VERB.search(body, 0, found.end())


def _zone_for_text(state: _State, block: Block, body: str, heading: bool) -> str:
    """The zone of one block, updating the document-level mode on the way."""
    if block.kind == "running":
        return "running"
    if heading:
        if RECITALS_TITLE.match(body):
            state.mode = "recital"
        elif CONTENTS_TITLE.match(body):
            state.mode = "toc"
        elif _SIGNATURE_START.match(body):
            state.mode = "signature"
        elif _EXPLANATORY_HEADING.search(body) and not _WITH_TERMS.search(body):
            state.mode = "explanatory"  # until an annex or the signatures: its questions may be headings
        elif state.mode == "explanatory" and _BINDING_PART.search(body):
            state.mode = None
        elif _ANNEX_HEADING.match(body) or state.mode in ("recital", "toc", "signature"):
            if not (state.mode == "toc" and _TOC_ENTRY.search(body)):
                state.mode = None
        state.in_definitions = bool(_DEFINITIONS_HEADING.match(body))
        state.definitions_seen = False
        return "toc" if state.mode == "toc" else "heading"
    if state.mode == "toc":
        if _TOC_ENTRY.search(body) and len(body) < 120:
            return "toc"
        state.mode = None
    if _SIGNATURE_START.match(body):
        state.mode = "signature"
        return "signature"
    if _SIGNATURE_LINE.match(body) and (len(body) <= _SIGNATURE_FIELD_MAX or "__" in body):
        return "signature"  # "Date: ______", "Name: Jane Doe"; not an offer's "Date: ... Rate: $300 ... Usage: ..."
    if state.mode == "signature":
        label = match_label(block.text)
        # A numbered clause, or a long sentence that still promises something, is contract text again.
        if (label and not label.group("bullet")) or (len(body) > 150 and _OPERATIVE_VERB.search(body)):
            state.mode = None
        else:
            return "signature"
    if state.mode == "explanatory" and len(body) < 60 and _BINDING_PART.search(body):
        state.mode = None
    if state.mode == "explanatory":
        return "explanatory"
    if _explanation_title(body):
        state.mode = "explanatory"
        return "explanatory"
    if starts_recital(body):
        # "WHEREAS ...; NOW, THEREFORE, the parties agree as follows:" in one clause ends the recitals too.
        state.mode = None if _RECITALS_END.search(body) else "recital"
        return "recital"
    if state.mode == "recital":
        if _RECITALS_END.search(body):
            state.mode = None
            return "recital"
        m = match_label(block.text)
        if m and (m.group("num") or m.group("dotted") or m.group("kw")):
            state.mode = None
        else:
            return "recital"
    if block.kind == "table":
        return "table"
    return "operative"


def _short_title(title: str) -> bool:
    """A numbered clause's run-in title in sentence case ("4. Machine learning. We ..."): a few words
    without a verb of their own."""
    return len(title.split()) <= 5 and CLAUSE_VERB.search(title.lower()) is None


def segment_document(doc: Document) -> Document:
    """Fill doc.segments (and doc.language) from its blocks."""
    state = _State()
    segments: list[Segment] = []
    answered = -1  # the block read with the question before it
    for k, (start, block) in enumerate(doc.blocks):
        if k == answered:
            continue
        text = block.text
        m = match_label(text)
        label = label_text(m) if m else None
        body = text[m.end():].strip() if m else text.strip()
        following = doc.blocks[k + 1][1].text if k + 1 < len(doc.blocks) else ""
        # "Where will the Lessons be used?" over "Only in the app.": the question still heads its answer (the
        # heading path), but is read with it as one sentence, as when both share a paragraph
        labelled_answer = _answers(text, following)  # "Q: ...?" / "A: ..."
        asked = block.kind in ("paragraph", "heading") and (labelled_answer or _short_answer(text, " " + following))
        heading = block.kind == "heading" or (
            block.kind in ("paragraph",)
            and (looks_like_heading(text) or titles_its_subsections(text, following) or titles_its_paragraph(text, following))
            and not _SIGNATURE_LINE.match(body)
        )
        if block.kind == "footnote":
            segments.append(Segment(start, start + len(text), "operative", block.label, tuple(t for _, t in state.headings), split_sentences(text, start), kind="footnote"))
            continue
        if label and block.kind not in ("running", "table"):
            state.push_label(label)
            if not heading:
                state.close_run_in(_heading_level(block, label, ""))
        elif heading and not label and block.kind != "running":
            state.sections.clear()
        zone = _zone_for_text(state, block, body, heading)
        title = body.strip(" .:-–—")
        if heading and zone != "toc":
            state.push_heading(_heading_level(block, label, title), title)
            if asked and zone == "heading":
                zone = "operative"  # it heads its answer, and is read with it
        defines = None
        run_in_title = None
        title_end = -1  # where a run-in title ends, in the document's text
        body_start = start + text.index(body) if body else start
        if zone == "operative":
            # "Article 5 — Voix de synthèse. Le Musée ...": the dash after the label opens the title
            dash = _LABEL_DASH.match(body) if label else None
            shift = dash.end() if dash else 0
            run_in = _RUN_IN_HEADING.match(body[shift:])
            run_in_title = None
            explains = run_in is not None and _EXPLANATORY_HEADING.search(run_in.group("title")) is not None
            if run_in and (explains or looks_like_heading(run_in.group("title")) or (label and _short_title(run_in.group("title")))):
                # "4. Grant of Rights. The Performer grants ..." names section 4 and what it holds;
                # without a number it names only its own paragraph.
                run_in_title = run_in.group("title")
                title_end = body_start + shift + run_in.end("title") + 1
                if label:
                    state.push_run_in(_heading_level(block, label, run_in_title) + 1, run_in_title)
                    run_in_title = None
            elif label and (colon := _COLON_TITLE.match(body[shift:])) and _short_title(colon.group("title")):
                # "3. Sublicensing: the Company shall not ...": a title for the clause's hits only, not a heading
                title_end = body_start + shift + colon.end("title") + 1
            if explains:
                zone = "explanatory"  # "3. Statutory notice. Under California Labor Code section 927, ..."
            # '1. Definitions. "Work Product" means ...': the definition follows the clause's run-in title
            clause = body[max(0, title_end - body_start):].lstrip() if title_end >= 0 else body
            d = DEFINITION.match(clause) if zone == "operative" and not _PARTY_SHALL_INCLUDE.match(clause) else None
            if d:
                zone, defines = "definition", (d.group("q") or d.group("bare")).strip()
            elif zone == "operative" and state.in_definitions:
                dc = _DEF_BARE_COLON.match(body)
                if dc:
                    zone, defines = "definition", dc.group("term").strip()
                elif m and m.group("num") and state.definitions_seen:
                    # "DEFINITIONS" / three definitions / "1. The Performer grants ...": the clauses have
                    # begun, and "4. Fee: USD 750." below is a clause, not a glossary entry
                    state.in_definitions = False
            if zone == "definition":
                state.definitions_seen = True
        headings = tuple(t for _, t in state.headings)
        if heading and zone == "heading":
            headings = headings[:-1]  # a heading's path is what encloses it
        elif zone == "running":
            headings = ()
        elif zone in ("operative", "definition") and run_in_title:
            headings += (run_in_title,)
        end = start + len(text)
        if zone == "operative" and (asked or labelled_answer):
            answered = k + 1
            end = doc.blocks[answered][0] + len(following)
        segments.append(
            Segment(
                start, end, zone, state.section() if block.kind != "running" else None,
                headings, split_sentences(doc.text[start:end], start), kind=block.kind, defines=defines, title_end=title_end,
            )
        )
    doc.segments = segments
    doc.language = detect_language(doc.text)
    return doc
