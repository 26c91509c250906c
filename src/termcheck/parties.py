"""The contract's own names for the performer ('the voice partner ("Partner")') and for the other side
('Lumen Voice Ltd ("Lumen")'), and marking them in the matched text.

The rules know the performer as "the Performer", "the Talent", "you" and a few dozen more words (the
{performer} lexicon entry). A contract may call its performer something else: "the individual
accepting it ("Contractor")", "the voice partner ("Partner")". Such a name is found where the contract
defines its parties, and each capitalised use of it in the lower-cased text the rules read is replaced
by a run of ALIAS_MARK of the same length (offsets stay valid), which the {performer} entry matches.
"""

from __future__ import annotations

import re
from typing import Iterable

from termcheck.models import Document
from termcheck.rules.precompiled import code_regex

# A letter (so word boundaries hold around it) that no English or French contract uses.
ALIAS_MARK = "ꙮ"
# The regex of a marked name, for the code that recognises performer words itself (holder, negation).
ALIAS_WORD = ALIAS_MARK * 2 + "+"
# What the loader adds to the built-in lexicon entries, so every rule that names the performer reads
# a marked name as the performer: "the Partner's" is "[the] ꙮꙮ* s" (the apostrophe separates words), « du
# Partenaire » "du ꙮꙮ*".
_ALIAS = ALIAS_MARK * 2 + "*"
# The other side's own name ('Lumen Voice Ltd ("Lumen")') is marked the same way, with a letter of its own.
COUNTERPARTY_MARK = "ꕥ"
COUNTERPARTY_ALIAS_WORD = COUNTERPARTY_MARK * 2 + "+"
_COUNTERPARTY_ALIAS = COUNTERPARTY_MARK * 2 + "*"
ALIAS_PHRASES = {
    "performer": [f"[the] {_ALIAS}"],
    "performer_possessive": [f"[the] {_ALIAS} s", f"du {_ALIAS}", f"de [la|l] {_ALIAS}"],
    "counterparty": [f"[the] {_COUNTERPARTY_ALIAS}"],
}

# The words the rules' code reads as the performer (the {performer} lexicon entry is the rules' own list),
# a marked alias among them.
PERFORMER_WORDS = (
    r"performers?|talents?|artists?|actors?|actress(?:es)?|voice\s+(?:actors?|artists?|talents?|owners?)|models?|contributors?|participants?|licensors?"
    r"|releasors?|grantors?|creators?|influencers?|speakers?|presenters?|submitters?|submittors?|guests?|interviewees?"
    r"|narrators?|undersigned|i|me|you|ambassadors?|vocalists?|singers?|musicians?|dancers?|instructors?|lecturers?|streamers?|sellers?|donors?"
    r"|athletes?|endorsers?|spokespersons?|spokesmodels?|personalit(?:y|ies)|employee|volunteers?|reader|casters?|commentators?|announcers?"
    r"|comedians?|comic|magicians?|impersonators?|puppeteers?|storytellers?|buskers?|battlers?|poets?|journalists?|reporters?|newsreaders?|celebrit(?:y|ies)|meteorologists?|forecasters?|callers?"
    r"|interpreters?|entertainers?|beatboxers?|aerialists?|acrobats?|jugglers?|clowns?|soloists?|rappers?|pianists?|guitarists?|drummers?|violinists?|cosplayers?|troupes?|choreographers?|bands?|duos?|officiants?|barbers?|chefs?|mimes?|auctioneers?|pastors?|preachers?|jockeys?|coach(?:es)?|teachers?|docents?|anchors?|therapists?|hypnotherapists?|signers?|elders?|survivors?|pundits?|trainers?|describers?|sitters?|stringers?|co-?hosts?|contestants?"
    r"|(?:your|my)\s+(?:child|children|son|daughter)|(?:notre|votre|mon)\s+(?:enfant|fils|fille)"
    r"|freelancer|worker|annotator|tasker|rater"
    r"|artistes?(?:-interprètes?)?|interprètes?|acteurs?|actrices?|mannequins?|comédien(?:ne)?s?|modèles?|cédants?|concédants?|je|vous"
    r"|créat(?:eur|rice)s?|participant(?:e)?s?|contribut(?:eur|rice)s?|donneu(?:r|se)s?(?:\s+de\s+voix)?|influenceu(?:r|se)s?|locut(?:eur|rice)s?"
    r"|intervenant(?:e)?s?|choristes?|figurant(?:e)?s?|chanteu(?:r|se)s?|danseu(?:r|se)s?|musicien(?:ne)?s?|narrat(?:eur|rice)s?|lect(?:eur|rice)s?|témoins?|format(?:eur|rice)s?|poètes?|poétesses?|humoristes?|invitée?s?|instruct(?:eur|rice)s?|animat(?:eur|rice)s?|professeure?s?"
    r"|conteu(?:r|se)s?|doubleu(?:r|se)s?|marionnettistes?|improvisat(?:eur|rice)s?|conférenci(?:er|ère)s?" + "|" + ALIAS_WORD
)
# A name that is one of those words ("the Performer", « l'Artiste »): the matcher reads it as the performer.
PERFORMER_NAME = code_regex(rf"^(?:the\s+|a\s+|le\s+|la\s+|l['’])?(?:{PERFORMER_WORDS})$", re.IGNORECASE)
# The other side's words, English and French: who licenses, buys, publishes or runs the platform (read
# where the rules look for a party: the holder of a right, "The Company shall include the Credit").
COUNTERPARTY_WORDS = (
    r"company|producers?|licensees?|client|vendor|studio|platform|releasees?|photographers?|we|us|agency|brand|customer"
    r"|distributor|publisher|network|broadcaster|label|société|producteur|cessionnaire|licencié|exploitant|prestataire|nous"
    r"|" + COUNTERPARTY_ALIAS_WORD
)
_COUNTERPARTY_NAME = code_regex(rf"^(?:the\s+|a\s+|la\s+|le\s+|l['’])?(?:{COUNTERPARTY_WORDS})$", re.IGNORECASE)

# 'between Cadence Speech GmbH ("Cadence") and the voice partner ("Partner")', '(the "Talent")',
# '(hereinafter "Contractor")', '("the Center")', « (ci-après « le Partenaire ») »
_PARTY_DEFINITION = code_regex(
    r"""\(\s*(?:(?:the|hereinafter|hereafter|referred|to|as|called|ci-après|dénommée?|désignée?|appelée?|le|la|l)[\s,'’]+)*
        ["“«]\s*(?:(?P<article>le|la|l['’]|the|The)\s*)?(?P<term>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*["”»]
        (?:\s*(?:,|;|\bor\b|\band\b)\s*(?:\bor\s+|\band\s+)?["“«][^"”»\n]{1,40}["”»])*\s*\)""",  # ... and its other names: ("Grindr", "We", "Us")
    re.VERBOSE,
)
# A definition clause: '"Contractor" means the individual who ...', '"Partner" refers to you'.
_MEANS = code_regex(r"\b(?:means|shall\s+mean|refers\s+to|désigne)\s+(?P<what>[^.;]{0,120})", re.IGNORECASE)
# A performer's trade after a name ("Carla Nunes, fitness instructor", "Dana Whitfield, an actor"): the
# performer's words, and trades the rules do not name the performer by.
_PERFORMER_TRADES = PERFORMER_WORDS + r"|trainers?|comedians?|hosts?|guides?|estate\s+agents?|realtors?"
# What a schedule lists besides people: '"Licensed Uses" means the uses listed in Schedule A' names no one.
_LISTED_THINGS = (
    r"(?:uses?|usages?|media|purposes?|materials?|recordings?|works?|fees?|rates?|rights?|territor\w*|products?|terms?|services?"
    r"|items?|channels?|platforms?|files?|images?|photos?|photographs?|videos?|clips?|deliverables?|dates?|amounts?|sums?|countries"
    r"|brands?|campaigns?|projects?|productions?"
    # ... or the works, places and times a contract lists: '"Courses" means the e-learning courses listed in Schedule 1'
    r"|courses?|modules?|lessons?|episodes?|programmes?|programs?|games?|films?|series|books?|titles?|apps?|applications?"
    r"|tracks?|songs?|scripts?|scenes?|characters?|roles?|languages?|locations?|venues?|events?|shows?|stores?|websites?"
    r"|vehicles?|devices?|sessions?|periods?|documents?|exhibitions?|advertisements?|ads|commercials?|spots?)\b"
)
# A description that makes a party a person: it starts with who the party is ("the undersigned
# individual", "an individual residing at", "the host named below", "you"), or gives a person's name
# and says so ("Joseph Theismann, an individual whose address is ...") or by trade.
_PERSON = code_regex(
    r"""^\W*(?:and|et|by|with|to)?\s*(?:
        (?:the|an?|any)\s+(?:[\w-]+\s+){0,2}?(?:individual|natural\s+(?-i:person)|(?-i:person)|undersigned|signatory)\b
      | (?:the|an?)\s+(?:(?!"""+_LISTED_THINGS+r""")[\w-]+\s+){0,2}?(?:named|signing|identified|listed|who\s+signs?|who\s+has\s+signed)\s+(?:below|above|herein|in\s+(?:the\s+|this\s+|each\s+)?(?:schedule|signature\s+block|booking\s+form|order\s+form|cover\s+sheet|assignment|booking|engagement\s+letter|purchase\s+order|statement\s+of\s+work))\b
      | (?:you|(?-i:I))(?:\W*$|,)
      | (?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*,\s+(?:an?\s+individual|a\s+natural\s+person|born|residing|né|née|demeurant)\b
      # ... by trade, which ends the description
      | (?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*,\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:""" + _PERFORMER_TRADES + r""")\W*$
      | (?:la\s+|le\s+)?(?:personne\s+physique|soussignée?)\b
      | (?:M\.|Mme|Madame|Monsieur)\s+[A-Z]
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A defined group that uses what the contract licenses ('"Permitted Users" means any person who buys a
# subscription'): people, but not the performer.
_AUDIENCE = code_regex(r"\b(?:users?|subscribers?|visitors?|viewers?|listeners?|audiences?)\b", re.I)
# Words that make a party a business (or another party than the performer), whatever else its description says.
_BUSINESS = code_regex(
    r"\b(?:(?-i:Inc|Ltd|LLC|LLP|LP|PLC|plc|GmbH|AG|BV|NV|SA|SAS|SARL|SàRL|Pte|Pty|Oy|AB|AS|ASA|Srl|SpA|S\.A|Corp|Co|CIC)\b\.?(?!-)"
    r"|company|companies|corporation|incorporated|limited|entity|organi[sz]ation|partnership|firm|business|agency|studio|studios|producer"
    r"|production|network|label|publisher|platform|client|customer|buyer|purchaser|licensee|vendor|distributor|broadcaster|employer"
    r"|university|institute|foundation|trust|estate(?!\s+agents?\b)|society|association|sponsor|brand|service|services|photographer|filmmaker"
    r"|videographer|director|(?<!estate\s)agent|representative|guardian|parent|société|entreprise|producteur|cessionnaire|licencié|capital|rcs"
    r"|siret|immatriculée?|charity|charities|council|school|college|museum|hospital|affiliates?|subsidiar(?:y|ies)|successors?|assigns|filiales?)\b",
    re.IGNORECASE,
)
# A party described only by a common noun ("the co-host", "the voice partner"), opposite a business.
# "its Pro Plan subscriber" names a product before the noun.
_COMMON_NOUN_PARTY = code_regex(
    r"^\W*(?:and|et)\s+(?:(?:the|le|la|l['’])\s*(?:[a-z][a-z-]*\s+)?|(?:its|their|son|sa)\s+(?:[\w-]+\s+){0,2}?)[a-z][a-z-]*"
    # ... "the host engaged for the event"
    r"(?:\s+(?:engaged|booked|hired|contracted|appearing|performing|presenting)\b[^()]{0,60})?\s*$"
)
_BETWEEN = code_regex(r"\b(?:between|parties|entre)\b", re.IGNORECASE)
# A small ensemble by its proper name ("the Aurora String Quartet"), which signs as one performer. (An orchestra,
# an opera or a ballet is an institution: it employs its musicians. "Chorus Synth Inc." is a business.)
_ENSEMBLE_PARTY = code_regex(
    r"^\W*(?:and|et|with)?\s*(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){0,5}"
    r"(?:Quartet|Trio|Quintet|Sextet|Octet|Duo|Choir|Chorus|Ensemble|Band|Singers|Players|Consort|Collective|Troupe)\s*,?\s*$"
)
# (a full stop ends a description, not the one after an entity's abbreviated form: 'Acme Studios Inc. ("Acme")')
_PARTY_BOUNDARY = code_regex(
    r"(?<!\binc)(?<!\bltd)(?<!\bco)(?<!\bcorp)(?<!\bllc)(?<!\bplc)(?<!\bpty)(?<!\bpte)(?<!\bl\.l\.c)(?<!\bs\.a)(?<!\bn\.v)(?<!\bb\.v)"
    r"[.;:!?\n]\s*|\bbetween\b|\bamong\b|\bentre\b|\b(?:entered\s+into|made|executed|concluded)\s+(?:by|with)\b|\bappl(?:y|ies)\s+to\b|\)",
    re.IGNORECASE,
)
# ... or the performer by a word the rules know, as the description's head ("the voice owner who lists a voice
# clone"), not inside it ("all recordings made by the Performer ("Recordings")").
_PERFORMER_NOUN = code_regex(
    rf"^\W*(?:and|et|to|by|with)?\s*(?:the|an?|any)\s+(?:[\w-]+\s+)?(?:{PERFORMER_WORDS})(?:\W*$|\s+(?:who|whose|that|named|identified|signing|listed|accepting|completing|submitting|taking)\b)",
    re.IGNORECASE,
)
# A loan-out company lends the performer: 'Bright Voice LLC ("Lender"), furnishing the services of Jane
# Doe', 'Bright Voice LLC f/s/o Jane Doe ("Lender")'. It stands on the performer's side.
_LOAN_OUT_AFTER = code_regex(
    r"[\s,]*(?:(?:which\s+|who\s+)?(?:is\s+)?(?:hereby\s+)?(?:furnishing|furnishes|lending|lends|providing|provides)\s+(?:the\s+)?"
    r"(?:exclusive\s+|personal\s+)?services\s+of\b|f/s/o\b)",
    re.IGNORECASE,
)
# ... or is said to be the performer's own: "a corporation wholly owned by the actor Marcus Bell", "the personal
# services company of Jane Doe"
_LOAN_OUT_IN = code_regex(
    r"\bf/s/o\b|\bfor\s+the\s+services\s+of\b|\bloan[\s-]*out\b|\bpersonal\s+services?\s+(?:company|corporation)\s+of\b"
    r"|\b(?:wholly|solely|entirely|fully)[\s-]+owned\s+by\s+(?:the\s+)?(?:actor|actress|artist|performer|talent|singer|narrator|model"
    r"|voice\s+(?:actor|artist)|musician|dancer|presenter|host|athlete)\b",
    re.IGNORECASE,
)
# A person's name, with a title or not: "Jane Doe", "Dr Jane van Doe", « Madame Claire Dubois »
_TITLE = r"(?P<title>Mr|Mrs|Ms|Mx|Dr|Prof|M|Mme|Madame|Monsieur)\.?\s+"
_NAME = (
    r"(?P<name>(?!(?:The|A|An|This|That|Each|Any|Our|Your|Its|Le|La|Les|Un|Une)\b)[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+(?:van|von|de|da|del|della|di|du|des|der|den|le|la|bin|al))*(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+){1,2})"
)
# A party described by a person's name alone, opposite a business with a legal form: 'between Riverside
# Audio Ltd ("Network") and Jane Doe ("Host")'. Not a business's name without its form ("Blue Harbor Media"),
# whose last word names a trade (besides the business words of _BUSINESS).
_PERSONAL_NAME = code_regex(rf"^\W*(?:(?:and|et)\s+)?(?:{_TITLE})?{_NAME}\s*,?\s*$")
# ... with a trade in lower case after it, which the contract may name in any language: "Claire Martin, sommelière"
_TRADE_AFTER_NAME = code_regex(r",\s+(?:an?\s+|the\s+|une?\s+)?(?:[a-zà-ÿ-]+\s+){0,2}[a-zà-ÿ-]+\s*$")
# ... and that name at the head of the performer's description, which the contract may use in place of the
# defined one ('Jane Doe ("Host")', 'Marcus Webb, an individual ("Athlete")', « Madame Claire Dubois, demeurant à
# Lyon »; 'each bulletin ends with the words "Digital presenter based on Jane Doe"'). Case-sensitive: a
# description in lower case ("the individual named below") names nobody.
_NAME_AT_HEAD = code_regex(rf"^\W*(?:(?:and|et|by|with|to)\s+)?(?:{_TITLE})?{_NAME}\s*(?:,|$)")
# Two people who are the parties together, one defined name for both: 'between Ben Carter and Aisha Rahman (each a
# "Host")' (a co-hosted show, a duo): each is the performer
_PLAIN_NAME = _NAME.replace("(?P<name>", "(?:")
_EACH_DEFINITION = code_regex(r"""\(\s*each\s+(?:a|an)\s+["“](?P<term>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})["”]\s*\)""")
_TWO_PEOPLE_BEFORE = code_regex(rf"\b(?:between|by)\s+(?P<first>{_PLAIN_NAME})\s+(?:and|&)\s+(?P<second>{_PLAIN_NAME})\s*,?\s*$")
# ... or a titled name just before a defined name the rules read as the performer: 'This licence is given by
# Dr Elena Sokolova ("the Lecturer")' (the title makes it a person, whatever the sentence says before it)
_TITLED_NAME_AT_END = code_regex(rf"(?:^|[\s,(])(?-i:{_TITLE}){_NAME}\s*,?\s*$")
# ... or a name after "by", which makes it the one who gives: 'This consent is given by Jane Morrow ("the Presenter")'
_GIVER_NAME_AT_END = code_regex(rf"\bby\s+(?:{_TITLE})?{_NAME}\s*,?\s*$")
# ... or a stage name: 'the performer known as Velvet Storm ("Artist")', « connue sous le nom de Lila Rose »
_KNOWN_AS_AT_END = code_regex(rf"\b(?:(?:known|billed|performing)\s+as\s+|sous\s+le\s+nom\s+(?:de\s+|d['’]))(?:{_TITLE})?{_NAME}\s*,?\s*$")
# Where a description gives the performer's own name beside a defined name the rules read as the performer, in
# order: a titled name, a giver's name, a stage name, or a name that is all the description says ("between the
# Chapter of St Aldhelm's Cathedral (...) and Ruth Ellison (the "Narrator")")
_NAME_PLACES = (_TITLED_NAME_AT_END, _GIVER_NAME_AT_END, _KNOWN_AS_AT_END, _NAME_AT_HEAD)
# The one a grant is made to, named right after the verb: 'I, Amara Diallo, give Harbourside Community Radio (the "Station")'
# (a name, capitalised, and nothing else after the verb: not 'grants Stickerly a licence to create animated stickers')
_GRANTEE_AT_END = code_regex(
    r"\b(?i:give|gives|grant|grants|allow|allows|authori[sz]e|authori[sz]es|permit|permits)\s+(?:to\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*\s*$"
)
# ... and the words up to that "by": "This consent is given by"
_GIVEN_BY = code_regex(r"^.*?\b(?:given|signed|granted)\s+by\b", re.IGNORECASE | re.DOTALL)
_TRADE_WORD = code_regex(
    r"\b(?:media|group|holdings?|partners|entertainment|records|recordings|films?|pictures|productions?|audio|sound|digital"
    r"|labs?|technologies|technology|tech|systems|solutions|ventures|international|global|enterprises?|communications"
    r"|games|gaming|interactive|music|publishing|press|industries|consulting|creative|design|events?|podcasts?"
    r"|radio|television|tv|voice|voices|talent|management|marketing|data|ai|analytics|software|robotics|health|bank)$",
    re.IGNORECASE,
)
# "Riverside Audio Ltd and Jane Doe": the last of two parties named without a parenthesis between them
_AND_AFTER_ENTITY = code_regex(r"^.*\b(?:and|et)\s+(?=\S)", re.DOTALL)
_MIN_ALIAS = 3  # shorter terms ("VA") also occur as ordinary words and abbreviations
# A legal entity's form, which makes a defined party a business that signs: 'Lumen Voice Ltd ("Lumen")'.
_ENTITY_FORM = code_regex(
    r"\b(?:Inc|Ltd|LLC|LLP|PLC|plc|GmbH|AG|BV|NV|SA|SAS|SARL|SàRL|Pte|Pty|Oy|AB|Srl|SpA|S\.A|Corp|CIC|LTD|Ltée)\b\.?(?!-)"
    r"|\b(?:Limited|LIMITED|Corporation|CORPORATION|corporation|Incorporated|INCORPORATED|[Ss]ociété)\b"  # not "not limited to"
)
# An institution by its proper name, which needs no legal form to be one party: "Northgate Drama School",
# "University of Leeds", « l'Université de Lyon » (not "a drama school", "the university's ethics board")
_INSTITUTION_WORD = (
    r"School|University|College|Academy|Institute|Foundation|Trust|Museum|Hospital|Conservatoire|Conservatory|Orchestra|Festival|Theatre|Theater|Opera|Ballet|Gallery|Club"
    r"|FC|AFC|RFC"  # a football or rugby club by its initials: "Harbour City FC"
    r"|Université|École|Ecole|Institut|Fondation|Musée|Théâtre|Galerie"
)
_INSTITUTION = code_regex(
    rf"(?-i:(?:[A-Z][\w'’&.-]*\s+){{1,5}}(?:{_INSTITUTION_WORD})"
    r"|(?:University|College|Institute|Academy|School|Université|Institut|École|Ecole)\s+(?:of|de|du|des)\s+(?:[A-Z][\w'’&.-]*\s*){1,4})[\s,]*$"
)
# ... anywhere in the sentence that names the parties: "between the Harbour Memorial Museum (the "Museum") and Ruth Adler"
_INSTITUTION_NAMED = code_regex(rf"(?-i:(?:[A-Z][\w'’&.-]*\s+){{1,5}}(?:{_INSTITUTION_WORD}))\b")
_TAIL = 80  # characters: how far back a party's description names what its defined name stands for
# ... before where it is and under which law: "Accuray Incorporated, a Delaware corporation[, with its executive offices located at ...]"
_ADDRESS = code_regex(
    r",?\s+(?:with|having|whose|located|residing|domiciled|(?:duly\s+)?(?:organi[sz]ed|existing|incorporated|registered)\s+(?:and\s+existing\s+)?(?:under|in)\b)",
    re.IGNORECASE,
)
_DOCUMENT = code_regex(r"\b(?:agreements?|contracts?|amendments?|addend(?:um|a)|schedules?|exhibits?|laws?|acts?|codes?|plans?)\b", re.IGNORECASE)
# The sentence that names the parties: "This Agreement is made between ...", "by and among ..." (stricter
# than _BETWEEN, which a common-noun performer needs: "the Parties shall discuss an acceptable alternate
# date ("Production Date")" names no business)
_PARTIES_SENTENCE = code_regex(r"\b(?:between|among|amongst|entre)\b", re.IGNORECASE)
# ... or a line that lists them: "Parties: Coastline FM Ltd ("the Station") and Dev Patel ("the Presenter")" (matched
# at the sentence's start only: an alternative searched at every word cost a tenth of the parties' reading)
_PARTIES_LINE = code_regex(r"[ \t]*(?:the[ \t]+)?(?:parties|les[ \t]+parties)[ \t]*:", re.IGNORECASE)
# ... or the parties are the sentence's subject: 'National Hockey Circuit Inc. (the "League") and Marcus Bell (the
# "Commentator") agree:' (matched at the last party's definition)
_PARTIES_AGREE = code_regex(r"\([^()\n]{1,60}\)\s*,?\s*(?:hereby\s+)?(?:agree|enter\s+into)\b", re.IGNORECASE)
# A defined name that is a thing, not a business: "Production Date", "Fund", "Licensed Products"
_THING = code_regex(
    r"\b(?:agreement|contract|date|law|act|code|fund|plan|schedule|exhibit|annex|appendix|products?|services?|territory"
    r"|term|period|programme|program|system|marks?|property|premises|shares?|stock|notes?|policy|committee|board|account"
    r"|project|works?|deliverables?|materials?|content|data|technology|software|patents?|trademarks?|documents?|information"
    # the study a participant takes part in, not who runs it: 'The Voice Health Study at Kingsford Medical School (the "Study")'
    r"|study|studies|trial|trials|survey|experiment|étude|projet"
    # what the performer gives: 'so that Presently Ltd can build a digital avatar of the Talent (the "Avatar")'
    r"|avatars?|replicas?|clones?|recordings?|footage|videos?|photographs?|photos|images?|clips?|scans?|captures?|likeness|voices?"
    # ... or what the recordings make up: 'record 2,000 navigation prompts for RouteRight Ltd (the "Voice Pack")'
    r"|packs?|voicebanks?|prompts?|samples?|takes|audiobooks?|podcasts?|episodes?|albums?|songs?|tracks?|performances?"
    # ... or the model made of them: 'licenses Shoppy Ltd to create a synthetic version of the voice (the "Voice Model")'
    # (not a bare "Model", often the performer)
    r"|(?:voice|ai|synthetic|digital|speech|language|tts|3d|body|motion)\s+models?"
    # ... in French: 'la Société crée une voix de synthèse (la « Voix »)'
    r"|voix|enregistrements?|vidéos?|captations?|photographies?|contenus?|données|contrat|œuvres?|interprétations?|prestations?|doubles?|répliques?)$",
    re.IGNORECASE,
)
# A definition that gives a name, not a kind: '"Lumen" means Lumen Voice Ltd' (not "means an individual, corporation ...")
_PROPER_NAME = code_regex(r"\W*(?:the\s+|The\s+)?[A-Z0-9][\w&.-]*\s")
# A business named by its legal form among the parties, with no defined name of its own: "between
# Glowtide Media Ltd and you" (the capitalised words just before the form)
_UNDEFINED_ENTITY = code_regex(rf"\b(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,3}}),?\s+(?:{_ENTITY_FORM.pattern})")
# ... up to the next party ("and Jane Doe", "; and")
_NEXT_PARTY = code_regex(r"\b(?:and|et)\b|;")
_LEADING_PARTY_WORDS = frozenset("between and by among amongst the entre et la le".split())
# ... and its first word used alone as the subject of a promise: "Glowtide may end the licence"
_ACTS = r"\s+(?:may|shall|will|must|can|agrees|reserves|grants|is|has|does|retains|owns)\b"
# A business name (one to three capitalised words) the contract never defines, which pays the performer or is granted the
# recordings: "AlertVox will pay the Creator 30%", "The Creator grants AlertVox a licence" (a proper name
# with no article: not "The Studio Team will pay", not "Each Party shall pay")
_NAME_WORD = r"(?P<name>(?!(?:The|A|An|This|That|These|Those|Each|Either|Any|All|No|It|He|She|They|We|You|I|Our|Your|Its|Their|Such|Both|Neither)\b)[A-Z][\w&-]*[a-z][\w&-]*(?:\s+[A-Z][\w&-]*[a-z][\w&-]*){0,2})"
# ... and a capitalised word after "The" as the subject of a promise: "The Bank may end this agreement"
_THE_WORD_ACTS = code_regex(rf"\bThe\s+(?P<word>[A-Z][a-z]{{2,}}){_ACTS}")
_OPENING = 4000  # characters from the start where a contract names its parties
_PAYS_THE_PERFORMER = code_regex(rf"\b(?:will|shall|must|agrees\s+to)\s+pay\s+(?:to\s+)?(?i:the\s+)?(?i:{PERFORMER_WORDS})\b")
# ... its payer opening the sentence or the numbered clause (looked for back from the promise to pay)
_PAYER_BEFORE = code_regex(rf"(?:^|[.;:\n]\s*|\d\.\s+){_NAME_WORD}\s+$")
# An ensemble the rules read as the performer that hires or pays another performer is the other side: "The Band will pay the
# Musician USD 200 per show", "The Troupe hires the Dancer" (a band is the performer when it records for a label; the
# one it engages is the performer of this contract). Found from the verb, as above.
_HIRES_A_PERFORMER = code_regex(
    r"\b(?:pay|pays|engage|engages|hire|hires|employ|employs|book|books|emploie|rémunère|rémunérera)\s+(?:to\s+)?"
    rf"(?:(?i:the|le|la|les|au|aux|à\s+la)\s+|[lL]['’]\s*)?(?P<paid>(?i:{PERFORMER_WORDS}))\b"
)
_HIRER_BEFORE = code_regex(
    r"(?:^|[.;:\n]\s*|\d\.\s+)(?:The\s+|Le\s+|La\s+|L['’]\s*)?(?P<name>[A-Z][\w-]+)\s+"
    r"(?:(?:will|shall|must|hereby)\s+|agrees\s+to\s+|s['’]engage\s+à\s+)?$"
)
# (only an ensemble: "The Artist will pay the Musicians" in a record deal leaves the Artist the performer)
_ENSEMBLES = frozenset("band troupe duo".split())
# (found from the verb, then the performer looked for just before it: a pattern that opened on the performer's
# words tried them at every word of the text, a third of the rules' time on a commercial contract)
# ... or authorised, or appointed to act: "The Creator authorises Mirrorverse Talent to create an AI twin", "The Athlete appoints
# Apex Brands as licensing agent" (an agency's name may end in a performer word: "Talent", "Models")
_GRANTED_TO_A_NAME = code_regex(rf"\b(?:grants?|assigns?|licen[cs]es?|authori[sz]es|appoints)\s+(?:to\s+)?{_NAME_WORD}\b(?!['’])")
_PERFORMER_BEFORE = code_regex(rf"\b(?:{PERFORMER_WORDS})\s+(?:hereby\s+)?$", re.IGNORECASE)
# A role the contract gives the one it films and never defines, by what that one allows: "The Mediator allows the Museum
# to film her", « La Médiatrice autorise le Musée à la filmer », "The Guide agrees to be filmed" (any trade, not only
# those the rules name: the role is read as the performer wherever it is used)
_LETS_ITSELF_BE_RECORDED = code_regex(
    r"\b(?:The|La|Le|L['’])\s*(?P<role>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)\s+(?:"
    r"(?:allows|authori[sz]es|permits)\b[^.;\n]{1,80}?\bto\s+(?:film|record|photograph|videotape|capture|interview)\s+(?:him|her|them)\b(?!\s+(?:child|children|son|daughter|pupil|student))"
    r"|(?:agrees|consents)\s+to\s+be\s+(?:filmed|recorded|photographed|videotaped|interviewed)\b"
    r"|(?:autorise|permet)\b[^.;\n]{1,80}?\bà\s+(?:le|la|l['’])\s*(?:filmer|photographier|enregistrer|capter|interviewer)\b"
    r"|accepte\s+d['’]être\s+(?:filmée?|photographiée?|enregistrée?)\b"
    # ... or by being filmed at something it does: "The Sommelier will be filmed during ten tastings", « Le Sommelier est
    # filmé lors de dix dégustations » (a person's trade by its ending: not "The Dinner will be filmed during the gala")
    r"|(?P<passive>(?:is|will\s+be|shall\s+be)\s+(?:filmed|recorded|photographed|videotaped)\s+(?:while|during|at\s+work|when)"
    r"|(?:est|sera)\s+(?:filmée?|photographiée?|enregistrée?)\s+(?:lors|pendant|durant|au\s+travail|en\s+train)))\b"
)
# the endings of a person's trade ("Sommelier", "Instructor", « Coiffeuse », « Pharmacienne »), read where a role is only
# passively filmed
_TRADE_ENDING = code_regex(r"(?:er|or|ist|iste|eur|euse|rice|ien|ienne|ian|ant|ante|(?<!m)ent|ente)$")  # (not "Segment", "Document")
_NOT_A_TRADE = frozenset("dinner trailer order banner poster cover event concert content parent".split())
# A defined name that something belongs to: "Manufacturer's Products"
_POSSESSIVE = code_regex(r"['’]")
# A group defined around a party is not one business: "the Company and its affiliates (the "Group")".
_GROUP = code_regex(r"\b(?:affiliat\w*|subsidiar\w*|successors?|assigns|group|groupe|filiales?|any|each|every|all|control\w*)\b", re.IGNORECASE)


# A form's party line: a label, a name and perhaps a defined name. "The Artist: Owen Pryce" and 'Narrator: Bethany
# Clarke ("Narrator")' give the performer's name (a performer's label or defined name before a person's name);
# "The Broadcaster: Northern Sound Radio Ltd" names the other side by its role, when no defined name does
# ('Studio: Paperlantern Ltd ("Studio")' is read as a definition) and the label is a role's ("-er", "-or",
# "-ist", "-ee" or an institution), not "Date:" or "Project:".
# (two fields may share a line, each ended by a full stop: "Station: Coastline FM Ltd. Singer: Ruby Kaye.")
_FORM_LINE = code_regex(
    r"(?m)(?:^|(?<=\.[ \t]))[ \t]*(?P<label>[A-Z][A-Za-z -]{1,30}?)[ \t]*:[ \t]*(?P<what>[^\n():\"“”«»]{2,100}?)[ \t]*"
    r"(?:\(\s*(?:the\s+)?[\"“](?P<term>[^\"”\n]{1,40})[\"”]\s*\)(?:,[^\n()]{0,80})?)?[ \t]*"  # ... ("Minor"), by her parent ...
    r"(?:\.?[ \t]*$|\.(?=[ \t]+[A-Z][A-Za-z -]{1,30}?[ \t]*:))"
)
_ROLE_LABEL = code_regex(rf"(?:The\s+)?(?:[A-Z][a-z]+(?:er|or|ist|ee)|{_INSTITUTION_WORD}|Clinic|Theatre|Theater|Station)")
# ... a performer's label with a word before it ("Child performer: Maya Okafor"), or a minor's ("Minor: Sofia Rivera")
_PERFORMER_LABEL = code_regex(rf"(?:[A-Za-z]+\s+)?(?:{PERFORMER_WORDS})|(?:the\s+)?(?:child|minor|young\s+performer)", re.IGNORECASE)
# ... and a child's age after the name: "Maya Okafor, age 9", "Sofia Rivera (aged 11)"
_AGE_AFTER = code_regex(r",?\s*\(?\s*(?:age|aged)\s+\d{1,2}\s*\)?\s*$", re.IGNORECASE)


def party_names(doc: Document) -> tuple[list[str], list[str]]:
    """The contract's own names for its performer and for the other side, read in one pass over the
    places it defines its parties (a name the performer has is never the other side's)."""
    text = doc.text
    performer: dict[str, str] = {}
    other: dict[str, str] = {}
    for seg in doc.segments:
        if seg.zone in ("signature", "toc", "running"):
            continue
        if seg.zone == "definition" and seg.defines:
            means = _MEANS.search(text, seg.start, seg.end)
            if means:
                what = means.group("what")
                if _names_a_person(what) and not _BUSINESS.search(seg.defines) and not _AUDIENCE.search(seg.defines):
                    _keep(performer, seg.defines)
                # ... a business by its name ('"Lumen" means Lumen Voice Ltd'), not a kind ('"Person" means an individual, corporation ...')
                elif _PROPER_NAME.match(what) and _is_business_party(what, named_as_party=False):
                    _keep_counterparty(other, seg.defines)
        for start, end in seg.sentences:
            if _names_the_parties(text, start, end):
                for name in _undefined_businesses(text, start, end):
                    _keep_counterparty(other, name)
            for m in _EACH_DEFINITION.finditer(text, start, end):
                people = _TWO_PEOPLE_BEFORE.search(text, max(start, m.start() - 120), m.start())
                if people and not _BUSINESS.search(people.group()):
                    _keep(performer, m.group("term"))
                    _keep(performer, people.group("first"))
                    _keep(performer, people.group("second"))
            for m in _PARTY_DEFINITION.finditer(text, start, end):
                description = _description(text, start, m.start())
                # (a person the contract names by the other side's word is the other side: 'Jane Doe, an
                # individual ("Producer")')
                if _COUNTERPARTY_NAME.match(m.group("term")):
                    continue
                # the one a grant is made to is never the performer: 'I, Amara Diallo, give Harbourside Community Radio
                # (the "Station") permission'
                grantee = _GRANTEE_AT_END.search(description)
                if grantee is None and _on_performer_side(text, (start, end), m, description):
                    _keep(performer, _with_short_article(m), trade=_trade_named(description, m.group("term")))
                    for person in _personal_names(description, _NAME_AT_HEAD):
                        _keep(performer, person)
                elif PERFORMER_NAME.match(m.group("term")):
                    for person in next(filter(None, (_personal_names(description, where) for where in _NAME_PLACES)), []):
                        _keep(performer, person)
                elif _names_a_thing(description, m.group("term")):
                    continue  # 'record the English audio guide for the Harbour Museum (the "Guide")': the guide, not the museum
                elif _is_business_party(description, named_as_party=_names_the_parties(text, start, m.start())):
                    _keep_counterparty(other, m.group("term"))
                elif grantee and _names_a_person(description[:grantee.start()]):
                    _keep_counterparty(other, m.group("term"))  # the performer's grant is made to the other side
                elif _names_its_kind(description, m.group("term")):
                    _keep_counterparty(other, m.group("term"))
    for m in _PAYS_THE_PERFORMER.finditer(text):
        payer = _PAYER_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if payer:
            _keep_counterparty(other, payer.group("name"))
    for m in _HIRES_A_PERFORMER.finditer(text):
        hirer = _HIRER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        name = hirer.group("name") if hirer else ""
        if singular(name.lower()) in _ENSEMBLES and singular(name.lower()) != singular(m.group("paid").lower()):
            other.setdefault(name.lower(), name)  # (a performer word: _keep_counterparty keeps none)
    for m in _GRANTED_TO_A_NAME.finditer(text):
        if _PERFORMER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            _keep_counterparty(other, m.group("name"))
    for name in _short_names(text):
        _keep_counterparty(other, name)
    for m in _LETS_ITSELF_BE_RECORDED.finditer(text, 0, _OPENING):
        role = m.group("role").lower()
        if m.group("passive") and (not _TRADE_ENDING.search(role) or role in _NOT_A_TRADE):
            continue
        if not _COUNTERPARTY_NAME.match(m.group("role")):
            _keep(performer, m.group("role"))
    for m in _FORM_LINE.finditer(text):
        label, what, term = m.group("label"), _AGE_AFTER.sub("", m.group("what")), m.group("term")
        if (_PERFORMER_LABEL.fullmatch(label) or (term and PERFORMER_NAME.match(term))) and _PERSONAL_NAME.match(what) and not _BUSINESS.search(what):
            for person in _personal_names(what, _NAME_AT_HEAD):
                _keep(performer, person)
            if term and len(term) >= _MIN_ALIAS and not PERFORMER_NAME.match(term):
                _keep(performer, term)  # 'Child performer: Maya Okafor, age 9 ("Child")': "the Child's voice"
        elif not term and _ROLE_LABEL.fullmatch(label) and (_ENTITY_FORM.search(what) or _INSTITUTION.search(what)):
            _keep_counterparty(other, label.removeprefix("The ").strip())
    return list(performer.values()), [name for key, name in other.items() if key not in performer]


def _names_the_parties(text: str, start: int, end: int) -> bool:
    """Whether the sentence from start to end names the parties ("between ... and ...", "Parties: ...")."""
    return bool(_PARTIES_SENTENCE.search(text, start, end) or _PARTIES_LINE.match(text, start, end))


def _undefined_businesses(text: str, start: int, end: int) -> list[str]:
    """The name of the one business a parties sentence names by legal form without defining a name for
    it ("between Glowtide Media Ltd and you"), and its first word where the contract uses it alone as a
    subject ("Glowtide may end the licence"). Two such businesses ("between Acme Inc. and Zed Ltd") leave
    no way to tell which faces the performer (one may be the performer's loan-out company): none."""
    found = []
    for m in _UNDEFINED_ENTITY.finditer(text, start, end):
        rest = text[m.end():end]
        own = rest[:next_party.start()] if (next_party := _NEXT_PARTY.search(rest)) else rest
        if _PARTY_DEFINITION.search(own) or _LOAN_OUT_AFTER.match(own) or _LOAN_OUT_IN.search(own):
            continue  # defined (read with its definition), or the performer's own company
        words = m.group("name").split()
        while words and words[0].lower() in _LEADING_PARTY_WORDS:
            words.pop(0)
        if words:
            found.append(words)
    if len(found) != 1:
        return []
    words = found[0]
    names = [" ".join(words)]
    if len(words) > 1 and re.search(rf"\b{re.escape(words[0])}{_ACTS}", text):
        names.append(words[0])
    return names


def _short_names(text: str) -> list[str]:
    """The words a contract that names one business by its legal form, and defines no name for it, calls it by:
    "... the telephone banking line of Northbank plc. 2. The Bank may use the prompts" (a word of the name, or
    the end of one: "Bank" of "Northbank", "Hotel" of "Harbour Hotels Ltd"). The business is looked for where
    contracts name their parties, in the opening (_OPENING characters): a scan of the whole of a long contract
    cost more than the rest of the parties' reading."""
    entities = {" ".join(m.group("name").split()) for m in _UNDEFINED_ENTITY.finditer(text, 0, _OPENING)}
    if len(entities) != 1:
        return []
    words = [w.lower() for w in entities.pop().split()]
    found = []
    for m in _THE_WORD_ACTS.finditer(text):
        word = m.group("word").lower()
        if not PERFORMER_NAME.match(word) and any(w.endswith(word) or singular(w) == word for w in words):
            found.append(m.group("word"))
    return found


def _is_business_party(description: str, named_as_party: bool) -> bool:
    """Whether a description is of one business, in its last words (those the name stands for): an
    entity's legal form ("Lumen Voice Ltd"), or a business word among the parties an agreement is between
    ("between Northwind Studios and ..."); not a document ('This Distributor Agreement ("Agreement")').
    """
    address = _ADDRESS.search(description)
    tail = description[:address.start() if address else len(description)][-_TAIL:]
    if not tail.strip() or _names_a_person(description) or _GROUP.search(tail) or _DOCUMENT.search(tail):
        return False
    return bool(_ENTITY_FORM.search(tail) or (named_as_party and _BUSINESS.search(tail)) or _INSTITUTION.search(tail))


def _names_a_thing(description: str, term: str) -> bool:
    """Whether the description names what the term stands for by its common noun, written small and with no proper name
    after it: 'the English audio guide for the Harbour Museum (the "Guide")' (not 'the charity Open Doors (the "Charity")',
    its kind before its name)."""
    word = term.split()[-1].lower()
    found = list(re.finditer(rf"\b{re.escape(word)}s?\b(?!\s+[A-ZÀ-Ý])", description))
    # (the noun last, with no business's legal form after it: not 'a studio, Bright Studio Ltd ("Studio")')
    return bool(found) and not _ENTITY_FORM.search(description, found[-1].end())


def _names_its_kind(description: str, term: str) -> bool:
    """Whether a business is defined by the kind of body its description names before its proper name: « l'association
    Sciences en Ville (ci-après « l'Association ») », 'the charity Open Doors (the "Charity")'."""
    # (its kind before its proper name: not a common noun, 'This is a drama school ("School")')
    named = re.search(rf"(?i:\b{re.escape(term)})\s+[A-ZÀ-Ý]", description)
    return bool(_BUSINESS.search(term)) and named is not None and not _names_a_person(description)


def _keep_counterparty(found: dict[str, str], term: str) -> None:
    """Remember the other side's name unless it is too short, a party word the rules know, or something
    a party owns ("Manufacturer's Products")."""
    term = " ".join(term.split())
    if (
        len(term) >= _MIN_ALIAS and not _POSSESSIVE.search(term) and not _THING.search(term)
        and not PERFORMER_NAME.match(term) and not _COUNTERPARTY_NAME.match(term)
    ):
        found.setdefault(term.lower(), term)


def _description(text: str, sentence_start: int, at: int) -> str:
    """The words that describe a party, before its defined name: back to the previous party or the sentence's start."""
    window = text[max(sentence_start, at - 160):at]
    cuts = list(_PARTY_BOUNDARY.finditer(window))
    return window[cuts[-1].end():] if cuts else window


def _names_a_person(description: str) -> bool:
    """Whether a party's description says it is a person ("the undersigned individual") or the performer
    ("the voice owner who lists a voice clone"), and not a business."""
    return bool(_PERSON.match(description) or _PERFORMER_NOUN.match(description)) and not _BUSINESS.search(description)


def _on_performer_side(text: str, sentence: tuple[int, int], m: re.Match[str], description: str) -> bool:
    """Whether a defined party is the performer or stands on the performer's side: a person ("the
    undersigned individual", 'Jane Doe ("Host")' opposite a business), a common-noun party or a small ensemble
    opposite a business ("the voice partner", "the Aurora String Quartet"), or a loan-out company that lends the performer."""
    start, end = sentence
    return (
        _names_a_person(description)
        # ... named after the business it faces: "between StrollTales Ltd and Maria Costa, a licensed tour guide"
        or _names_a_person(_after_business(description))
        # ... after who gives the document: "This consent is given by the simulated patient who signs below"
        or _names_a_person(_GIVEN_BY.sub("", description, count=1))
        # ... or a party described only by a common noun ("the voice partner") or an ensemble's name ("the Aurora String
        # Quartet"), opposite a business
        or any(_facing_a_business(kind, text, start, m.start(), description) for kind in (_COMMON_NOUN_PARTY, _ENSEMBLE_PARTY))
        or bool(_LOAN_OUT_IN.search(description) or _LOAN_OUT_AFTER.match(text, m.end()))
        or _named_person(text, start, end, m.start(), description)
    )


def _named_person(text: str, start: int, end: int, at: int, description: str) -> bool:
    """Whether a party is described by a person's name alone ('and Jane Doe ("Host")') in the sentence that
    names the parties, which also names a business by its legal form or an institution by its name."""
    described = _after_business(description)
    name = _TRADE_AFTER_NAME.sub("", described)
    if not _PERSONAL_NAME.match(name) or _BUSINESS.search(described) or _TRADE_WORD.search(name.strip(" ,")):
        return False
    if not (_names_the_parties(text, start, at) or _PARTIES_AGREE.match(text, at, end)):
        return False
    name_at = at - len(described)
    others = text[start:name_at] + " " + text[at:end]
    return bool(_ENTITY_FORM.search(others) or _INSTITUTION_NAMED.search(others))


def _trade_named(description: str, term: str) -> bool:
    """Whether a defined name repeats the trade a person was described by: 'Marco Bellini, a licensed real
    estate agent (the "Agent")' (not 'Jane Doe, an individual ("Producer")')."""
    own = _after_business(description)
    return bool(_PERSON.match(own)) and own.rstrip(" ,").lower().endswith(term.lower())


def _after_business(description: str) -> str:
    """A description's words after a business named before it ('Riverside Audio Ltd and Jane Doe' -> 'Jane Doe'), or all of it."""
    head = _AND_AFTER_ENTITY.match(description)
    return description[head.end():] if head and _ENTITY_FORM.search(description, 0, head.end()) else description


def _personal_names(description: str, where: re.Pattern[str]) -> list[str]:
    """The person's name a performer's description gives where `where` looks (after a business named before
    it: 'Riverside Audio Ltd and Jane Doe'), with its title and surname when it has a title ("Dr Elena
    Sokolova", "Dr Sokolova"); none if the name is a party word or a business's."""
    own = _after_business(description)
    found = where.search(own)
    if not found or _BUSINESS.search(found["name"]) or _TRADE_WORD.search(found["name"]):
        return []
    words = found["name"].split()
    if any(PERFORMER_NAME.match(word) or _COUNTERPARTY_NAME.match(word) for word in words):
        return []
    if not found["title"]:
        return [" ".join(words)]
    title = " ".join(own[found.start("title"):found.start("name")].split())  # as written: "Dr", "Dr."
    return [" ".join(words), f"{title} {words[-1]}"]


def _facing_a_business(kind: re.Pattern[str], text: str, start: int, at: int, description: str) -> bool:
    """Whether a party described only as `kind` ('the voice partner', 'the Aurora String Quartet') names no business and
    faces one in the sentence that names the parties ('between Lumen Films (the "Videographer") and ...')."""
    if not kind.match(description) or _BUSINESS.search(description):
        return False
    return bool(_BETWEEN.search(text, start, at)) and bool(_BUSINESS.search(text, start, at) or _ENTITY_FORM.search(text, start, at))


def _with_short_article(m: re.Match[str]) -> str:
    """A defined name, with the article the quotes hold when the name alone is too short to mark: ("the SP")
    is used as "the SP" every time, which a state's "VA" or a "PR" department never is."""
    term, article = m.group("term"), m.group("article")
    if len(term) >= _MIN_ALIAS or not article or article.lower() not in ("the", "le", "la"):
        return term
    return f"{article.lower()} {term}"


def _keep(found: dict[str, str], term: str, trade: bool = False) -> None:
    """Remember a name unless it is too short, already a performer word, or a business's word (unless it is
    the trade the person it names was just described by)."""
    term = " ".join(term.split())
    if len(term) >= _MIN_ALIAS and not PERFORMER_NAME.match(term) and (trade or not _BUSINESS.search(term)):
        found.setdefault(term.lower(), term)


def mark_aliases(text: str, lower: str, aliases: Iterable[str], mark: str = ALIAS_MARK, plurals: bool = False) -> str:
    """lower with each capitalised use of an alias in text ("Partner", "PARTNER") replaced by mark letters (and,
    with plurals, its plural: two people defined as 'each a "Host"' are "the Hosts")."""
    out = []
    last = 0
    names = list(aliases)
    if plurals:
        names += [f"{name}s" for name in names if name[-1:].isalpha() and not name.endswith("s")]
    for start, end in alias_spans(text, names):
        if start < last:
            continue
        out.append(lower[last:start])
        out.append(mark * (end - start))
        last = end
    out.append(lower[last:])
    return "".join(out)


# A release its signers give together in the first person: "We, the Couple, allow Golden Hour Films ...", "We,
# Ana Lima and Rui Costa, give ...", "We, the parents of Maya Lee, give ...", "We, the undersigned, consent ..."
# (not "We, the Company, grant": a business's "we", which the rules already read as the other side's)
_SIGNERS_WE = code_regex(
    r"(?m)^[ \t]*(?:\d+\.[ \t]*)?We,?[ \t]+(?P<who>the[ \t]+undersigned\b[^,\n]{0,40}|the(?:[ \t]+[A-Za-z'’-]+){1,5}"
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+and[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?),[ \t]*(?:hereby[ \t]+)?"
    r"(?:allow|give|grant|consent|authori[sz]e|permit|license|licence|agree)\b"
)
# ... and in French: « Nous, parents de l'élève, autorisons l'École ... », « Nous soussignés, ... donnons »
_SIGNERS_NOUS = code_regex(
    r"(?m)^[ \t]*(?:\d+\.[ \t]*)?Nous,?[ \t]+(?P<who>soussigné(?:e)?s\b[^\n]{0,60}?|[^,\n]{2,60}?),[ \t]*"
    r"(?:autorisons|donnons|accordons|consentons|cédons|concédons|acceptons)\b"
)
# ... whose words are then the performer's: "we" and "us" marked as the performer's name, "our" read as a
# performer's possessive of the same length ("her"); « nous », « notre », « nos » read as « vous », « votre », « vos »
_FIRST_PERSON_PLURAL = code_regex(r"\b(?:we|us|our)\b", re.IGNORECASE)
_NOUS = code_regex(r"\b(?:nous|notre|nos)\b", re.IGNORECASE)
# ... parents and guardians among them, who sign for the child they give away the rights of (not a business)
_PARENTS = code_regex(r"\b(?:parents?|guardians?)\b", re.IGNORECASE)


def mark_signers_we(text: str, lower: str) -> str:
    """lower with "we", "us" and "our" (« nous », « notre », « nos ») read as the performer's where the performers
    sign together in the first person ("We, the Couple, allow ...", « Nous, parents de l'élève, autorisons ... »);
    lower as it is otherwise."""
    we, nous = _sign_as(_SIGNERS_WE, text), _sign_as(_SIGNERS_NOUS, text)
    if not (we or nous):
        return lower
    out = list(lower)
    for m in _FIRST_PERSON_PLURAL.finditer(text) if we else ():
        out[m.start():m.end()] = "her" if m.group().lower() == "our" else ALIAS_MARK * 2
    for m in _NOUS.finditer(text) if nous else ():
        out[m.start():m.end()] = "v" + m.group()[1:].lower()
    return "".join(out)


def _sign_as(signers: re.Pattern[str], text: str) -> bool:
    """Whether performers sign the text as the signers pattern finds them, not a business ("the Company", "la Société
    Atelier Lune SAS"); parents and guardians, who sign for the child they give away the rights of, are no business."""
    found = signers.search(text)
    if found is None:
        return False
    who = found.group("who")
    return not (_BUSINESS.search(_PARENTS.sub(" ", who)) or _COUNTERPARTY_NAME.match(who))


def singular(word: str) -> str:
    """An English plural's singular ("stories", "classes", "hotels"), or the word as it is."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z)es$", word):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _word_char(char: str) -> bool:
    """Whether a character continues a word (as regex \\w reads it)."""
    return char.isalnum() or char == "_"


def alias_spans(text: str, aliases: Iterable[str]) -> list[tuple[int, int]]:
    """Where each alias is used as written, in capitals or capitalised ("a partner of the Company" is not
    the defined Partner), as a whole word; longest first where two overlap."""
    spans: list[tuple[int, int]] = []
    for name in aliases:
        for form in {name, name.upper(), name[:1].upper() + name[1:]}:
            # a literal search for the first word, then the rest ("Voice Partner" may break over a line):
            # several times faster over a long contract than a regex search
            first = form.split(" ", 1)[0]
            rest = re.compile(re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w])") if first != form else None
            at = text.find(first)
            while at >= 0:
                end = at + len(first)
                if not (at and _word_char(text[at - 1])):
                    if rest is None:
                        if not (end < len(text) and _word_char(text[end])):
                            spans.append((at, end))
                    else:
                        m = rest.match(text, at)
                        if m:
                            spans.append(m.span())
                at = text.find(first, end)
    return sorted(spans, key=lambda span: (span[0], -span[1]))
