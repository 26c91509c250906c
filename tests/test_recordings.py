"""The contract's own names for its recordings: which defined terms are read as recordings, and the marking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.api import check_text, load_ruleset
from termcheck.engine import marked_texts
from termcheck.extract import extract_bytes
from termcheck.recordings import OWN_WORK_MARK, RECORDING_MARK, carried_nouns, mark_carried_nouns, mark_recordings, recording_terms

RULES = load_ruleset()


def _terms(text: str) -> list[str]:
    doc = extract_bytes("case.txt", text.encode())
    lower, unmarked, (spans, in_passing) = marked_texts(doc, RULES)
    return recording_terms(doc.text, unmarked, spans, spans.keys() - in_passing, RULES.object_word)


@pytest.mark.parametrize("text,term", [
    ('The Narrator will record 24 guided meditations from scripts supplied by Stillwater (the "Sessions").', "Sessions"),
    ('The Actor will play patients in consultations with students, recorded on audio and video (the "Role-Plays").', "Role-Plays"),
    ('The Festival will film the question-and-answer session after the screening of the Guest\'s film (the "Q&A").', "Q&A"),
    ('The Club may film and record my set on the night written below (the "Set").', "Set"),
    ('1. DEFINITIONS\n1.1 "Reads" means all audio recordings of the Scripts made by the Narrator.', "Reads"),
    # voice prompts are recorded; a text prompt is not (seventy-third session)
    ('1. "Prompts" means the voice prompts the Artist records for the Company.', "Prompts"),
    # what is recorded, not what it is for; a recording's noun as the last thing named
    ('Brightside will film twelve comedy sketches for its online channel (the "Sketches").', "Sketches"),
    ("La Formatrice enregistre les dialogues pour la version française de la série (les « Prises »).", "Prises"),
    ('Clipforge will cut short highlight videos from the Streamer\'s live streams (the "Highlights").', "Highlights"),
    # ... with an occasion named after it: the term still comes right after the word that records
    ('The Instructor will teach and record indoor cycling classes at PedalPower\'s studio (the "Classes").', "Classes"),
    # ... or a recording's kind said just before a piece of content
    ('The Actor will perform in volumetric video scenarios for the Northshire Police training programme (the "Scenarios").', "Scenarios"),
    # sessions that are the content recorded, not the occasion
    ('The Narrator records guided breathing sessions (the "Sessions").', "Sessions"),
    ('The Coach will record twenty yoga sessions for the app (the "Sessions").', "Sessions"),
    # narrated content
    ('The Guide narrates walking tours of Bath for the City Walks app (the "Tours").', "Tours"),
    # a show presented
    ('The Child presents two series of "Bug Hunters" for Kestrel Kids TV (the "Series").', "Series"),
    # a programme the performer appears in (sixty-second session)
    ('The Expert appears as a valuer in episodes of "Attic Treasures" (the "Programme").', "Programme"),
    # ... and in French, « présente l'émission » (sixty-third session)
    ("L'Animatrice présente l'émission jeunesse « Les Petits Curieux » (l'« Émission »).", "Émission"),
    # ... and the book narrated (sixty-fourth session)
    ('The Narrator will narrate the novel "The Salt Road" (the "Audiobook").', "Audiobook"),
    # ... and what is live-streamed (replays of it are sold)
    ('The Guide will lead live-streamed walking tours of Lisbon on the Wanderlive platform (the "Tours").', "Tours"),
    # ... or streamed; a show presented, named in the plural (sixty-fifth session)
    ('The Commentator will commentate on the championship, which the Club streams (the "Streams").', "Streams"),
    ('The Presenter will present a weekly two-hour show on Riverside Community Radio (the "Shows").', "Shows"),
    # ... or a digital double, named by the word the rules' own phrase for it holds
    ('The Producer may create a digital double of the Extra (the "Double").', "Double"),
    ("Le Producteur peut créer son double numérique (le « Double »).", "Double"),
    # ... or the concert the performer plays in
    ('The Musician performs in the concert of 6 June 2027 (the "Concert").', "Concert"),
    ("Le Musicien participe au concert de l'Orchestre du 6 juin 2027 (le « Concert »).", "Concert"),
    ("La Danseuse participe au spectacle « Vagues » du 3 mai 2027 (le « Spectacle »).", "Spectacle"),
    # ... or the work one is interviewed for, or a performance relayed live (sixty-sixth session)
    ('I agree to be interviewed for the podcast "Deep Roots" (the "Podcast").', "Podcast"),
    ("Le Choriste participe à la représentation de « Carmen », retransmise en direct dans les cinémas (la « Retransmission »).", "Retransmission"),
    # ... or the performer's own work, and what is made from the recordings that a performer's word names
    ('You grant Learnly a licence to sell and stream your course (the "Course") on the Learnly platform.', "Course"),
    ('The Lab will use the Recordings to train a dialogue model (the "Model").', "Model"),
    ('The Actor will record material from which the Museum will build an AI docent (the "Docent").', "Docent"),
    # ... or the spot one lends a voice to, or the bulletins one interprets into sign language (sixty-seventh session)
    ("La Comédienne prête sa voix au spot radio « Printemps Bio » de la marque Verdure (le « Spot »).", "Spot"),
    ('The Narrator lends her voice to the radio spot for Ardent Bikes (the "Spot").', "Spot"),
    ('The Interpreter will provide sign language interpretation of the evening news bulletins (the "Bulletins").', "Bulletins"),
])
def test_a_term_defined_as_what_is_recorded_is_read_as_the_recordings(text, term):
    assert _terms(text) == [term]


@pytest.mark.parametrize("text, term, other, other_terms", [
    # selling access to the course sells the videos it is made of; a series with others in it is another thing
    ('The Barber will film six haircut tutorials (the "Videos") for the Sharp Lines Academy online course (the "Course").', "Course",
     'The Performer will appear in six comedy sketches recorded in May 2027 (the "Sketches") for the series "Late Shift" (the "Series").', ["Sketches"]),
    # a voice pack is made of one voice's lines: selling the pack sells the recordings (sixty-fourth session); a game is not
    ('The Caster will record 400 commentary lines for a voice pack in the game "Rift Arena" (the "Pack").', "Pack",
     'The Caster will record 400 commentary lines for the game "Rift Arena" (the "Game").', []),
])
def test_a_work_the_recordings_make_up_is_the_recordings_own_work(text, term, other, other_terms):
    assert _terms(text) == [term]
    doc = extract_bytes("case.txt", text.encode())
    assert OWN_WORK_MARK * len(term) in marked_texts(doc, RULES).lower
    assert _terms(other) == other_terms


def test_the_record_the_performer_sings_on_is_the_recordings_own_work():
    """'will sing ... on the album "Still Here" (the "Album")': the album holds the performance (sixty-fourth session)."""
    assert _terms('The Singer will sing with the Hope Choir on the album "Still Here" (the "Album").') == ["Album"]
    assert _terms('The Singer will sing at the launch of the album "Still Here" (the "Launch").') == []


@pytest.mark.parametrize("text", [
    # the occasion, not what it yields
    'The Performer will attend two recording sessions at the studio (the "Sessions").',
    'The Performer will record voice lines at the studio (the "Studio").',
    'The Actor will voice a character in a new video game for consoles (the "Game").',
    'The Host will present a video call with fans each month (the "Call").',
    # a festival presented is no show recorded
    'Acme Events presents the Harbour Festival each summer (the "Festival").',
    'CrowdVoice connects people who complete short recording tasks ("Taskers") with companies.',
    # what the recordings are made for or put in
    'Actor will record the dialogue of the character "Rei" for the English version of the game Starfall (the "Game").',
    'Vesper will record the choir singing vowels for a virtual choir sample library ("the Library").',
    'The Museum will film the Artist and present the result as a hologram in its exhibition "Voices" ("the Exhibition").',
    # ... or the thing that plays them (seventy-second session)
    'The Actor will record lines for the talking bear "Barnaby" (the "Toy").',
    # a party's name, a business named by its trade
    'This agreement is between Northbeat Records Ltd ("Label") and the session vocalist ("Vocalist").',
    # a definition whose first words are not the recordings
    '1. DEFINITIONS\n1.1 "Client" means any person to whom Vendor delivers Recordings.',
    '1. DEFINITIONS\n1.1 "Withdrawal Right" means the Performer\'s right to require deletion of the Recordings.',
    # a term the rules already read as recordings
    '1. DEFINITIONS\n1.1 "Recordings" means all audio recordings made at the Sessions.',
    # ... as a teacher's lessons have been since the seventy-first session ({object} and {recording_word} name them)
    'The Teacher will present audio lessons for the course (the "Lessons").',
    # a person filmed in a role; an idiom; a list that goes on past the recordings; a name after an image
    'Northlight Pictures Ltd may film you as a background performer ("Extra") in the feature.',
    '... whether held beneficially or of record (collectively, a "Stock Sale").',
    'all designs, photos, video tapes, electronic images, documentation and copyrights (the "Work Results"), that',
    'How the product is communicated Card images General Counsel\'s Office ("GCO") will review them.',
    # a grant's length, named after a recording
    'The Company may use the recordings for two years from the date they are recorded (the "Term").',
    # a word of the rules' phrase for the recordings, said alone ("double" is no recording)
    'The Agency will double the session fee for each extra day of the Shoot (the "Double Rate").',
    # a concert the performer only attends
    'The Guest will attend the gala concert of 6 June 2027 as a member of the audience (the "Concert").',
    # where streams go, not what is streamed
    'The Company streams films to its members through its own streaming platform (the "Platform").',
    # a model release's "Model" is the performer, and a docent one hires is a person
    'This release is given by Jane Doe, a fashion model (the "Model"), to Studio North.',
    'The Museum hires Sam Okafor as a gallery docent (the "Docent").',
])
def test_other_terms_are_not_marked(text):
    assert _terms(text) == []


def test_the_marked_name_reads_as_the_recordings_in_a_clause():
    doc = extract_bytes("case.txt", (
        'The Narrator will record 24 guided meditations (the "Sessions").\n\n'
        "Stillwater will take down any Session, and each Session's page, within 30 days of a request."
    ).encode())
    lower, unmarked, _ = marked_texts(doc, RULES)
    assert len(lower) == len(unmarked) == len(doc.text)
    marked = lower[lower.index("take down"):]
    assert "session" not in marked and marked.count(RECORDING_MARK * 7) == 2


@pytest.mark.parametrize("term, text, marked", [
    ("Classes", "ask KitchenCraft to take down any Class", "Class"),
    ("Class", "each of the Classes", "Classes"),
    ("Sessions", "any Session", "Session"),
    ("Stories", "each Story", "Story"),
    ("Set", "the Sets", "Sets"),
])
def test_a_term_is_marked_singular_or_plural(term, text, marked):
    """'the Classes' and 'any Class': an -es plural loses its -es (not 'Classe'), an -ies one its -ies ('Story')."""
    out = mark_recordings(text, text.lower(), [term])
    start = text.index(marked)
    assert out[start:start + len(marked)] == RECORDING_MARK * len(marked)


@pytest.mark.parametrize("term, own_work", [
    ("Audiobook", True), ("Series", True), ("Episodes", True), ("Documentary", True),
    ("Sessions", False), ("Tours", False), ("Readings", False),
])
def test_a_term_that_names_one_finished_work_has_a_mark_of_its_own(term, own_work):
    """'the Audiobook' is the recordings and one use of them ("may distribute the Audiobook"); 'the Sessions' only the recordings."""
    text = f"may distribute the {term} online"
    out = mark_recordings(text, text.lower(), [term])
    start = text.index(term)
    assert out[start:start + len(term)] == (OWN_WORK_MARK if own_work else RECORDING_MARK) * len(term)


def test_the_finished_work_is_one_use_and_still_the_recordings():
    """'Greyhen may distribute the Audiobook' names one use; 'in any media' or a perpetual grant still counts."""
    opening = '1. The Narrator records the audiobook of "Winter Orchard" (the "Audiobook") for Greyhen Audio.\n\n2. '
    assert check_text(opening + "Greyhen may distribute the Audiobook for three (3) years.", rules=RULES).check("usage-scope").status == "pass"
    assert check_text(opening + "Greyhen may distribute the Audiobook in any media.", rules=RULES).check("usage-scope").status == "fail"
    assert check_text(opening + "Greyhen may distribute the Audiobook in perpetuity.", rules=RULES).check("perpetual-license").status == "fail"


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="abc Session s.,'\n", max_size=40),
    after=st.text(alphabet="abc Session s.,'\n", max_size=40),
)
def test_marking_keeps_every_offset_and_touches_only_the_term(before, after):
    text = f"{before} the Sessions {after}"
    lower = text.lower()
    marked = mark_recordings(text, lower, ["Sessions"])
    assert len(marked) == len(lower)
    for i, (a, b) in enumerate(zip(lower, marked)):
        if a != b:
            assert b == RECORDING_MARK and text[i].isalpha()
    assert RECORDING_MARK * 8 in marked


@pytest.mark.parametrize("text, nouns", [
    # what the performer records, named by a common noun and never defined (sixty-second session)
    ('1. Mia Clarke (the "Artist") records the menu prompts for the Bank\'s phone line.', ["prompts"]),
    ("The Artist records twenty short phrases for the Tonebox app.", ["phrases"]),
    ("I will record the safety briefings, in English and French.", ["briefings"]),
    # ... not an amount, the rules' own words, an occasion, or someone else's recording
    ("The Artist records 3 hours of audio for the Company.", []),
    ("The Narrator records the chapters and the recordings are delivered weekly.", ["chapters"]),
    ("The Actor records the scenes during two sessions.", ["scenes"]),
    ("The Company records the calls for quality purposes.", []),
    ("The Artist records the songs for the album.", []),
    ("The Artist records two episodes for the series.", []),
])
def test_a_plural_the_performer_records_is_carried(text, nouns):
    doc = extract_bytes("case.txt", text.encode())
    assert carried_nouns(marked_texts(doc, RULES).unmarked, RULES.object_word) == nouns


def test_a_carried_noun_is_marked_after_a_determiner_only():
    marked = "the artist records the menu prompts. the bank may use the prompts. it prompts users."
    out = mark_carried_nouns(marked, ["prompts"])
    assert len(out) == len(marked)
    assert out.count(RECORDING_MARK * 7) == 2 and out.endswith("it prompts users.")


def test_a_carried_noun_reads_as_the_recordings():
    opening = '1. Mia Clarke (the "Artist") records the menu prompts for the telephone line of Northbank plc.\n\n2. '
    assert check_text(opening + "Northbank may use the prompts on its phone line for three (3) years.", rules=RULES).check("license-term").value == 3.0
