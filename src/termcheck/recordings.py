"""The contract's own names for what the performer records ('record 24 guided meditations (the
"Sessions")'), and marking them in the matched text.

The rules know the recordings as "the Recordings", "the Footage", "the Content" and a few dozen more
words (the {object} lexicon entry). A contract may name what it records with a word of its own: "the
Sessions", "the Role-Plays", "the Q&A". Such a term is found where the contract defines it as something
recorded, and each capitalised use of it in the lower-cased text the rules read is replaced by a run of
RECORDING_MARK of the same length (offsets stay valid), which {object} and {recording_word} match. A term
that names one finished work ("the Audiobook", "the Series") is marked with OWN_WORK_MARK instead, which
{object} and {recording_word} match too, and {own_work} alone: distributing the Audiobook is one use of
the recordings, where distributing "the Recordings" says nothing of how.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from termcheck.parties import ALIAS_MARK, ALIAS_WORD, COUNTERPARTY_MARK, PERFORMER_WORDS, alias_spans, mark_aliases, singular
from termcheck.rules.precompiled import code_regex

# A letter (so word boundaries hold around it) that no English or French contract uses.
RECORDING_MARK = "ꔷ"
_RECORDING = RECORDING_MARK * 2 + "*"
# ... and another for a name that is one finished work, the recordings as a whole: 'records the audiobook of
# "Winter Orchard" (the "Audiobook")' ("may distribute the Audiobook" is one use, where "the Recordings" is any)
OWN_WORK_MARK = "ꔸ"
_OWN_WORK = OWN_WORK_MARK * 2 + "*"
# What the loader adds to the built-in lexicon entries: "the Sessions", "each Session's page".
RECORDING_PHRASES = {"object": [_RECORDING, _OWN_WORK], "recording_word": [_RECORDING, _OWN_WORK], "own_work": [_OWN_WORK]}
# The live performances a performer plays in ('performs in the concert of 6 June 2027 (the "Concert")'): works too
_LIVE_WORKS = "concert recital récital gala spectacle".split()
# The kinds of finished work a name of the recordings may be
_WORKS = frozenset(
    "audiobook podcast album single documentary film course episode series programme program audioguide special "
    "pack voicebank documentaire série émission".split() + _LIVE_WORKS
)

# The shows a performer presents or appears in: "presents two series of ...", "appears ... in episodes of ..."
_SHOWS = r"series|shows?|programmes?|programs?|episodes?|podcasts?|bulletins?|émissions?|séries?"
# Words before a term defined in passing that say it is recorded: 'record 24 guided meditations (the
# "Sessions")', 'consultations ..., recorded on audio and video (the "Role-Plays")', 'will film the
# question-and-answer session (the "Q&A")'.
_RECORDED = code_regex(
    r"\b(?<!of\s)(?:record|records|recorded|recording|film|films|filmed|filming|capture|captures|captured|capturing"
    r"|live-streamed|livestreamed|live-streams?|livestreams?"  # 'lead live-streamed walking tours of Lisbon ... (the "Tours")'
    # ... or streams it: 'commentate live on the championship, which the Club streams (the "Streams")'
    r"|streams|streamed"  # (not "streaming", which names where: "its own streaming platform (the \"Platform\")")
    r"|photograph|photographs|photographed|videotape|videotaped|enregistr\w*|filmée?s?|captée?s?"
    # ... or relayed live: « la représentation ..., retransmise en direct dans les cinémas (la « Retransmission ») »
    r"|retransmise?s?"
    # ... or lends a voice to it: « La Comédienne prête sa voix au spot radio « Printemps Bio » (le « Spot ») », 'lends her
    # voice to the radio spot for Ardent Bikes (the "Spot")'
    r"|prête\s+sa\s+voix|prêtent\s+leurs?\s+voix|lends?\s+(?:his|her|their|my|your)\s+voice"
    # ... or voices it: 'will voice a test commercial (animatic) for Brightbrew Coffee (the "Test Commercial")'
    # (the verb after a modal or "to", not the noun of "its voice assistant (the "Assistant")"); or narrates it:
    # 'narrates walking tours of Bath for the City Walks app (the "Tours")', 'will narrate the novel "The Salt Road" (the "Audiobook")'
    r"|(?:(?<=\bwill\s)|(?<=\bshall\s)|(?<=\bto\s))(?:voice|narrate)|voiced|narrated|narrates|narrating"
    # ... or presents or hosts a show: 'The Child presents two series of "Bug Hunters" (the "Series")' (not 'presents
    # the Festival')
    # (« L'Animatrice présente l'émission jeunesse « Les Petits Curieux » (l'« Émission ») »)
    rf"|(?:presents?|presented|presenting|hosts?|hosted|hosting|présente|présentent|anime|animent)(?=\s+(?:[\w'’-]+\s+){{0,3}}?(?:l['’])?(?:{_SHOWS}|courses?|lessons?"
    r"|bulletins?)\b))\b"
)
# ... or says the performer appears in the work the term names: 'appears as a valuer in episodes of "Attic Treasures"
# (the "Programme")' (the programme holds the performance: exploiting it exploits the performer)
_APPEARS = code_regex(
    # (or is interviewed for it: 'agree to be interviewed for the documentary "The Last Ferry" (the "Film")')
    rf"\b(?:appears?|appeared|appearing|features|featured|interviewed)(?=\s+(?:[\w'’-]+\s+){{0,5}}?(?:{_SHOWS}|films?|documentar(?:y|ies))\b)"
    # ... or interprets it into sign language: 'British Sign Language interpretation of the evening news bulletins (the "Bulletins")'
    rf"|\b(?:interpretation\s+of|interprets|interpreting)(?=\s+(?:[\w'’-]+\s+){{0,5}}?(?:{_SHOWS}|films?|documentar(?:y|ies)|news)\b)"
    # ... or sings on the record the term names: 'will sing with the Hope Choir on the album "Still Here" (the "Album")'
    r"|\b(?:sings?|sang|sung|singing)(?=\s+(?:[\w'’-]+\s+){0,5}?(?:on|for)\s+(?:the|a|an|its|their|this)\s+(?:[\w'’-]+\s+){0,2}?(?:albums?|singles?|records?|eps?)\b)"
    # ... or performs in the concert it names: 'performs in the concert of 6 June 2027 (the "Concert")', « participe au
    # concert de l'Orchestre (le « Concert ») »
    r"|\b(?:performs?|performed|performing|plays?|played|participates|participe|participent|joue|jouent)"
    rf"(?=\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(_LIVE_WORKS)})s?\b)"
)
# ... or names the finished work the recordings it has just named are made for: 'will film six haircut tutorials (the
# "Videos") for the Sharp Lines Academy online course (the "Course")' (selling the course sells the videos), a work one
# performer's recordings make up (not 'six comedy sketches (the "Sketches") for the series "Late Shift" (the "Series")',
# a show with others in it, which "for inclusion in the Series" limits the sketches to)
_NAMED_FOR = code_regex(r"\([^()]{0,20}[\"“«][^\"”»]{1,40}[\"”»]\s*\)\s*(?:for|pour)\s+(?:the|a|an|its|le|la|l['’]|son|sa)\b")
# ... or a voice pack or voicebank the lines are recorded for: 'record 400 commentary lines for a voice pack in the game
# "Rift Arena" (the "Pack")' (one voice's lines make it up)
_VOICE_COLLECTION = code_regex(r"\b(?:voice|announcer|commentary|caster|narrator)\s+packs?\b|\bvoicebanks?\b", re.IGNORECASE)
# Each kind of work one performer's recordings make up, and what says they make it up after the word that records them
_MADE_UP_BY = {
    **dict.fromkeys("course audiobook album single audioguide".split(), _NAMED_FOR),
    **dict.fromkeys(("pack", "voicebank"), _VOICE_COLLECTION),
}
# ... unless the term names the occasion, not what it yields: 'two recording sessions (the "Sessions")'
_OCCASION = code_regex(
    # (not the content a session is: 'records guided breathing sessions (the "Sessions")')
    r"\b(?<!guided\s)(?<!breathing\s)(?<!meditation\s)(?<!relaxation\s)(?<!mindfulness\s)(?<!sleep\s)(?<!yoga\s)(?<!workout\s)"
    r"(?<!hypnosis\s)(?<!hypnotherapy\s)(?<!breathwork\s)(?<!stretching\s)(?<!pilates\s)"
    r"(?:sessions?|days?|dates?|shoots?|bookings?|appointments?|events?|engagements?|services|studios?|equipment"
    r"|tasks?|jobs?|séances?|journées?|tournages?|tâches?)\W*$"
)
# ... nor when it names what the recordings are made for or put in, its own word after one of these: 'record
# the dialogue ... for the game Starfall Chronicle (the "Game")', '... for a virtual choir sample library ("the
# Library")', 'present the result as a hologram in its exhibition ("the Exhibition")' (read after the last of
# _RECORDED's words; « enregistre les dialogues ... pour la version française de la série (les « Prises ») »
# names the dialogues)
_MADE_FOR = code_regex(
    r"\b(?:for|in|into|as|within|pour|dans)\s+(?:(?:the|a|an|its|their|our|his|her|this|each|every|le|la|les|un|une|son|sa|ses)\b|l['’]|[\"“«])"
)
# ... nor when it names people or businesses: 'companies that need speech data ("Requesters")', 'film you as a
# background performer ("Extra")'
_WHO = code_regex(
    r"\b(?:who|whom|people|persons|individuals|users|compan(?:y|ies)|businesses|organi[sz]ations?|qui)\b"
    r"|\b(?:as|comme)\s+(?:a|an|the|un|une|le|la)\s+(?:[\w-]+\s+){0,2}?(?:" + PERFORMER_WORDS + r"|extras?|figurants?)\W*$"
)
# ... nor the product the recordings go into: 'dub additional episodes of the same series, "Las Crónicas de
# Brisa" (the "Series")', unless it is what was recorded: 'will film a 6-hour video course (the "Course")'
_PRODUCT = frozenset(
    "game games series show shows programme programmes program programs app apps application software library platform "
    "website site channel course courses exhibition campaign product products album film movie jeu série émission "
    "application logiciel "
    # ... or a thing that plays them: 'record lines for the talking bear "Barnaby" (the "Toy")'
    "toy toys doll dolls robot robots device devices jouet jouets poupée poupées".split()
)
# The pieces of content a recording's kind may come before: 'video scenarios', 'audio lessons' (not 'video game')
_CONTENT_PIECES = frozenset(
    "scenario scene lesson class tutorial message story diary testimonial greeting prompt segment sketch piece reading "
    "vignette monologue entry postcard letter tour walkthrough".split()
)
# What a definition clause says the term is: '"Takes" means all audio recordings made ...' (its first words)
_MEANS = code_regex(r"\b(?:means?|shall\s+mean|includes?|refers?\s+to|désignen?t?|s'entend(?:ent)?\s+de)\b")
_RECORDING_NOUN = code_regex(
    r"\b(?:recordings?|footage|videos?|audio|photographs?|photos|images|clips|takes|scans|captures"
    r"|(?:television|tv|comedy|stand-up|magic|music)\s+specials?"  # 'perform in a one-hour television special (the "Special")'
    r"|(?:voice|audio|spoken|recorded)\s+prompts?"  # '"Prompts" means the voice prompts the Artist records' (not a text prompt)
    r"|enregistrements?|vidéos|photographies|captations?)\b(?!\s+(?:sessions?|studio|equipment|days?|séances?))"
)
# ... its first words, which the recordings' noun heads: "all audio and video recordings", not "any person to
# whom Vendor delivers Recordings", "the Performer's right to require deletion of the Recordings"
_IS_RECORDINGS = code_regex(
    r"\s*(?:(?:the|all|any|each|every|those|such|a|an|one|les|tous|toutes|des|le|la|l['’])\s*)*"
    r"(?:(?!(?:of|to|for|by|whom|which|who|that|made|de|du|des|par|qui)\b)[\w'’,-]+\s+){0,4}?" + _RECORDING_NOUN.pattern
)
_NOUN_REACH = 60  # characters before the term where a recording's noun is the thing it names
_NOT_JUST_WHERE_FROM = code_regex(
    r"[\"“”«»(),;]|\b(?:to|for|with|into|as|behalf|who|which|that|including|and|or|pour|avec|qui|et|ou)\b", re.IGNORECASE
)
_WHERE_FROM = code_regex(r"(?:from|of|on|at|by|made|recorded|taken|captured|de|du|des|sur|par)\b", re.IGNORECASE)
_PARTY_MARKS = frozenset((ALIAS_MARK, COUNTERPARTY_MARK))
# a party's word, which the rules read as the party ("the Contributors", "the Licensor")
_PARTY_WORD = code_regex(PERFORMER_WORDS + r"|licensees?|clients?|customers?|compan(?:y|ies)|producers?|studios?|sponsors?|brands?")
_ARTICLES = frozenset("the a an l le la les".split())
_FIRST_WORDS = 60  # characters after "means" that say what the term is
# Terms that name something else than recordings, whatever words come before them: a grant's length,
# place or uses ("the Term"), the money ("the Fee"), the document.
_NOT_RECORDINGS = frozenset(
    "term period duration territory media purpose purposes uses use rights fee fees payment payments compensation "
    "royalty royalties advance agreement contract terms release licence license addendum rider consent form policy "
    "schedule exhibit annex date party parties services project production campaign contrat durée territoire droits "
    "rémunération study studies research trial survey sale sales étude projet recherche property information ip propriété".split()
)


def recording_terms(
    text: str, marked: str, definitions: Mapping[str, tuple[int, int]], clause_defined: Iterable[str],
    object_word: "re.Pattern[str]",
) -> list[str]:
    """The terms (as the text writes them) that the contract defines as what the performer records and
    that the rules would not read as recordings already; definitions maps each lower-cased term to where
    it is defined (its clause, or the words before a term defined in passing), clause_defined names those
    a clause defines, marked is the lower-cased text with the parties' names marked."""
    by_clause = frozenset(clause_defined)
    found = []
    for term, (a, b) in definitions.items():
        words = re.findall(r"[^\W_]+(?:[-&][^\W_]+)*", term)
        if not words:
            continue
        words = [w for w in words if w not in _ARTICLES] or words
        said = marked[a:b]
        if _PARTY_WORD.fullmatch(words[-1]):
            # a party's word is the party's, unless the contract makes it a thing made from the recordings: a trained
            # model ('train a dialogue model (the "Model")'), a replica the rules' own phrase just named ('an AI docent
            # (the "Docent")')
            if not (
                _trained_model(marked, a, b, term in by_clause) if len(words) == 1 and singular(words[0]) == "model"
                else term not in by_clause and _names_an_object(marked, a, b, words, object_word)
            ):
                continue
        elif words[-1] in _NOT_RECORDINGS or any(object_word.fullmatch(w) for w in words):
            continue
        elif term in by_clause:
            means = _MEANS.search(said)
            if words[-1] in _PRODUCT or means is None or not _IS_RECORDINGS.match(said, means.end(), means.end() + _FIRST_WORDS):
                continue
        elif not _names_an_object(marked, a, b, words, object_word):  # 'create a digital double of the Extra (the "Double")'
            # a word that records, read as written (a capitalised one is a name's: 'Northbeat Records Ltd
            # ("Label")', 'Film Festival ("Festival")'), or a recording's noun near the term
            appears = [m.end() for m in _APPEARS.finditer(text, a, b)]
            recorded = sorted(
                [m.end() for m in _RECORDED.finditer(text, a, b)] + _last_noun(text, a, b) + _recorded_kind(marked, a, b, words[-1])
                + appears + _performers_work(marked, a, b, words[-1])
            )
            in_work = bool(recorded) and _names_a_work(words[-1]) and (
                bool(appears) and recorded[-1] == appears[-1]
                or singular(words[-1]) in _MADE_UP_BY and _MADE_UP_BY[singular(words[-1])].search(text, recorded[-1], b) is not None
            )
            if (
                not recorded or _names_the_occasion(said, marked, recorded[-1], words[-1]) or _WHO.search(marked, recorded[-1], b)
                or (_names_where_put(marked, recorded[-1], b, words[-1]) and not in_work)
                or (words[-1] in _PRODUCT and not in_work and not _recorded_itself(marked, recorded[-1], words[-1]))
            ):
                continue
        spans = alias_spans(text, [_as_written(text, term)])
        # a party's name ('Northlight Recording Studios ("Northlight")') is the party's
        if spans and not _PARTY_MARKS.intersection(marked[spans[0][0]:spans[0][1]]):
            found.append(_as_written(text, term))
    return found


# A thing the performer records that the contract names with a common noun and never defines: "1. Mia Clarke (the
# "Artist") records the menu prompts for the Bank's phone line. 2. The Bank may use the prompts for three years"
# (a plural after the verb and a determiner or a number, up to where the phrase ends)
_RECORDS_THE = code_regex(
    r"\b(?:records?|recorded|voices|narrates|reads)\s+(?:the|all|some|several|\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|twenty|thirty|fifty|a\s+(?:set|series|number|few)\s+of)\s+(?:[a-z-]+\s+){0,3}?(?P<noun>[a-z]{4,}s)\b"
    r"(?=\s*(?:[.,;:(\n]|$|(?:for|of|in|on|at|with|to|that|which|and|from|during|as)\b))"
)
# ... said of the performer, right before the verb: "The Artist records", "I will record", "you agree to read"
_PERFORMER_SAYS = code_regex(
    rf"(?:{ALIAS_WORD}|\b(?:{PERFORMER_WORDS}))[\"”»)]*\s+(?:will\s+|shall\s+|agrees?\s+to\s+|is\s+to\s+|also\s+)?$"
)
# ... not an amount ("records 3 hours of audio"), nor the words of a script read ("reads 500 sentences" are recorded)
_NOT_CARRIED = frozenset("hours minutes seconds days weeks months years times pages scripts instructions terms".split())


def carried_nouns(marked: str, object_word: "re.Pattern[str]") -> list[str]:
    """The common nouns (plural) the performer records that the rules would not read as recordings: "records
    the menu prompts" (the prompts); marked is the lower-cased text with the parties' names marked."""
    found = []
    for m in _RECORDS_THE.finditer(marked):
        noun = m.group("noun")
        if (
            noun in found or noun in _NOT_CARRIED or noun in _NOT_RECORDINGS or {noun, singular(noun)} & _PRODUCT
            or _OCCASION.search(noun) or _PARTY_WORD.fullmatch(noun) or object_word.fullmatch(noun)
            or not _PERFORMER_SAYS.search(marked, max(0, m.start() - 60), m.start())
        ):
            continue
        found.append(noun)
    return found


def mark_carried_nouns(marked: str, nouns: Iterable[str]) -> str:
    """marked with each use of the nouns after a determiner (and a word between: "the menu prompts") marked as
    the recordings' name."""
    pattern = re.compile(
        r"\b(?:the|these|those|such|all|any|each|every|its|their|said)\s+(?:[a-z-]+\s+)?(?P<noun>"
        + "|".join(re.escape(n) for n in nouns) + r")\b"
    )
    out = list(marked)
    for m in pattern.finditer(marked):
        out[m.start("noun"):m.end("noun")] = RECORDING_MARK * len(m.group("noun"))
    return "".join(out)


def _names_an_object(marked: str, start: int, end: int, words: list[str], object_word: "re.Pattern[str]") -> bool:
    """Whether one of the rules' own phrases for the recordings, said just before end, holds the term's word:
    'create a digital double of the Extra (the "Double")', « créer son double numérique (le « Double ») » (the
    word alone is no recording: "double the fee"); not a term that says the phrase itself ('the "Digital Double"'),
    which the rules read already."""
    if object_word.search(" ".join(words)):
        return False
    forms = {w for word in words for w in (word, singular(word))}
    return any(
        forms.intersection(re.findall(r"[^\W_]+", m.group())) for m in object_word.finditer(marked, max(start, end - _NOUN_REACH), end)
    )


def _last_noun(text: str, start: int, end: int) -> list[int]:
    """Where a recording's noun ends, when it is the last thing named before end: nothing after it but a
    few words that say where it comes from ("videos from the Streamer's live streams"), not a quote, a
    person, where it goes ('recordings of my voice to the Open Voice Foundation') or more of a list
    ('photos, video tapes, electronic images, documentation, trademarks and copyrights')."""
    nouns = list(_RECORDING_NOUN.finditer(text, max(start, end - _NOUN_REACH), end))
    if not nouns:
        return []
    after = text[nouns[-1].end():end].strip()
    return [] if after and (not _WHERE_FROM.match(after) or _NOT_JUST_WHERE_FROM.search(after)) else [nouns[-1].end()]


def _head_forms(head: str) -> str:
    """A regex alternation of the term's last word as written and in the singular ("Classes", "Class")."""
    return "|".join(sorted({re.escape(head), re.escape(singular(head))}))


def _recorded_kind(marked: str, start: int, end: int, head: str) -> list[int]:
    """Where a recording's kind ends when it is said just before the term's own word: 'perform in volumetric video
    scenarios for the training programme (the "Scenarios")' (a piece of content, not a product: 'video game')."""
    if singular(head) not in _CONTENT_PIECES:
        return []
    return [
        start + m.end(1)
        for m in re.finditer(rf"\b(video|audio|filmed|recorded|photographic|volumetric)\s+(?:{_head_forms(head)})\b", marked[start:end])
    ]


# A machine-learning model, which "the Model" names where the contract defines it so (not the performer a model
# release calls "the Model"): 'train a dialogue model (the "Model")', '"Model" means the AI model trained on the Data'
_TRAINED_MODEL = code_regex(
    r"\b(?:ai|machine[\s-]+learning|ml|language|dialogue|conversational|speech|voice|acoustic|generative|neural|foundation"
    r"|text-to-speech|tts|synthesis|recognition|deep[\s-]+learning|predictive|computer)\s+models?\b"
    r"|\bmodels?\s+(?:trained|built|developed|fine-tuned)\b|\btrain(?:s|ed|ing)?\s+(?:a|an|the|its|one)\s+(?:[\w-]+\s+){0,2}?models?\b"
)


def _trained_model(marked: str, start: int, end: int, by_clause: bool) -> bool:
    """Whether a term "Model" is defined as a machine-learning model: the first words after a clause's "means",
    or the words that end just before a term defined in passing."""
    if by_clause:
        means = _MEANS.search(marked, start, end)
        return means is not None and _TRAINED_MODEL.search(marked, means.end(), min(end, means.end() + _FIRST_WORDS)) is not None
    last = list(_TRAINED_MODEL.finditer(marked, max(start, end - _NOUN_REACH), end))
    return bool(last) and not marked[last[-1].end():end].strip(" ,")


# The performer's own finished work, just before its term: 'a licence to sell and stream your course (the "Course")'
_YOUR = code_regex(r"\b(?:your|my|votre|vos|mon|ma|mes)\b")


def _performers_work(marked: str, start: int, end: int, head: str) -> list[int]:
    """Where "your" or "my" ends when the term's own word, one of the works a performer makes, follows it within a few
    words and ends the words before the term: 'stream your course (the "Course")' (the performer's course is theirs)."""
    if singular(head) not in _WORKS:
        return []
    forms = _head_forms(head)
    return [
        m.end() for m in _YOUR.finditer(marked, max(start, end - _NOUN_REACH), end)
        if re.match(rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:{forms})s?\W*$", marked[m.end():end])
    ]


def _names_the_occasion(said: str, marked: str, at: int, head: str) -> bool:
    """Whether the term names the occasion, not what it yields: 'two recording sessions (the "Sessions")' (an
    occasion named after the thing recorded leaves it the thing: 'record indoor cycling classes at PedalPower's
    studio (the "Classes")')."""
    return _OCCASION.search(said) is not None and (_OCCASION.search(head) is not None or not _recorded_itself(marked, at, head))


def _recorded_itself(marked: str, at: int, head: str) -> bool:
    """Whether the term's last word comes within a few words after at (where a word that records ends): the
    thing recorded ("film a 6-hour video course"), not a product named further on."""
    # (either number: 'presents a weekly show on Riverside Community Radio (the "Shows")')
    return re.match(rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:l['’])?(?:{_head_forms(head)})s?\b", marked[at:at + 80]) is not None


def _names_where_put(marked: str, start: int, end: int, head: str) -> bool:
    """Whether the term's last word (singular or plural) follows one of _MADE_FOR's words between start and end."""
    put = _MADE_FOR.search(marked, start, end)
    stem = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return put is not None and re.search(rf"\b{re.escape(stem)}(?:s|es)?\b", marked[put.start():end]) is not None


def _as_written(text: str, term: str) -> str:
    """The term as the contract first writes it in quotes ('"Role-Plays"'), else capitalised."""
    m = re.search(r"[\"“«]\s*(" + re.escape(term) + r")\s*[\"”»]", text, re.IGNORECASE)
    return m.group(1) if m else term[:1].upper() + term[1:]


def mark_recordings(text: str, marked: str, terms: Iterable[str]) -> str:
    """marked with each capitalised use of the terms, singular or plural ("any Session"), marked (with
    OWN_WORK_MARK where the term names one finished work: "the Audiobook")."""
    terms = list(terms)
    works = [t for t in terms if _names_a_work(t)]
    others = [t for t in terms if t not in works]
    if works:
        marked = mark_aliases(text, marked, _forms(works), OWN_WORK_MARK)
    return mark_aliases(text, marked, _forms(others), RECORDING_MARK) if others else marked


def _names_a_work(term: str) -> bool:
    """Whether a term's last word, singular or plural, is a kind of finished work ("the Audiobook", "the Episodes")."""
    head = term.lower().split()[-1]
    return head in _WORKS or singular(head) in _WORKS


def _forms(terms: Iterable[str]) -> list[str]:
    """Each term as written and its plural or singular ("the Classes" and "any Class")."""
    forms: list[str] = []
    for term in terms:
        forms.append(term)
        one = singular(term)
        if one != term:
            if len(term) > 4:
                forms.append(one)  # "the Classes" and "any Class", "the Stories" and "each Story"
        elif term[-1:].isalpha():
            forms.append(term + ("es" if re.search(r"(?:ss|x|z|ch|sh)$", term) else "s"))
    return forms
