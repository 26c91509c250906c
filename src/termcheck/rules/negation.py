"""Negation scope: whether a negation cue governs a match, NegEx-style, for contract English and French."""

from __future__ import annotations

import re
from typing import Optional

from termcheck.numbering import ANSWER_LABEL, YES_NO_BOXES
from termcheck.parties import ALIAS_WORD, COUNTERPARTY_ALIAS_WORD
from termcheck.rules.precompiled import code_regex
from termcheck.verbs import CLAUSE_VERB, MODALS

# Negation cues (NegEx-style, contract flavoured), English and French.
NEG_CUE = code_regex(
    r"\b(?:not|no|never|none|neither|nor|cannot|can't|can’t|won't|won’t|shan't|isn't|aren't|doesn't|don't|didn't|wasn't"
    r"|without|nothing|nobody|in\s+no\s+event|under\s+no\s+circumstances?|prohibit\w*|forbid\w*|refrain\w*|preclud\w*"
    r"|(?:prevented|barred|debarred|restricted)\s+from"  # "The Performer is prevented from requesting deletion"
    r"|ne|pas|jamais|aucun\w*|nul|nulle|nullement|sans|ni|interdit\w*|s['’]interdit\w*|exclus?|exclues?|à\s+l['’]exclusion"
    # « et non à titre perpétuel » (not the « non » of « licence non exclusive »)
    r"|non(?=\s+(?:à|pour|de|sur|dans)\b))\b"
    # the elided « n' » ends the text before a match that starts at its verb (« n'accepte »): no \b after it
    r"|\bn['’]"
)
# French "may not object": « ne pourra pas s'opposer », which accepts what follows (the matcher's holder reads it too)
MAY_NOT_OBJECT_FR = (
    r"\bne\s+(?:pourra|pourront|peut|peuvent|pourrait|pourraient|saurait|sauraient)\s+(?:pas|plus|jamais|en\s+aucun\s+cas)"
    r"\s+s['’](?:y\s+)?opposer\b"
)
# Phrases that contain a cue but do not negate what follows (expanders, limits, gating words).
_PSEUDO_NEG = code_regex(
    r"not\s+limited\s+to|including\s+but\s+not\s+limited|including,?\s+without\s+limitation|without\s+limitation"
    r"|without\s+limiting|no\s+later\s+than|not\s+later\s+than|not\s+less\s+than|no\s+less\s+than|no\s+more\s+than"
    r"|not\s+to\s+exceed"  # a cap: "a fee not to exceed 5.5% of the purchase price"
    r"|no[t]?\s+(?:lower|higher|greater|fewer|smaller|worse|longer|shorter|larger|bigger)\s+than"  # "clips each no longer than three minutes"
    r"|not\s+more\s+than|nothing\s+(?:herein|in\s+this\s+\w+)\s+shall\s+limit|not\s+only|without\s+prejudice"
    # when, not whether: "The fee is not paid in advance; it is paid within 30 days"
    r"|not\s+(?:be\s+)?(?:paid|payable|due)\s+(?:in\s+advance|up\s*front|upfront|on\s+signature)"
    # a double negation grants: "is not prohibited from assigning", "shall not fail to credit", "shall not refuse"
    r"|not\s+(?:be\s+)?(?:prohibited|precluded|prevented|restricted|barred)\s+from|(?:not|never)\s+fail\s+to"
    # ... and "shall not object to any sublicence granted by the Company" accepts it
    r"|(?:shall|will|may|must)\s+not\s+(?:refuse|deny|decline|reject|object\s+to|oppose|contest|challenge|dispute)\b"
    # ... « L'Artiste ne pourra pas s'opposer à la cession de l'Enregistrement à des tiers »
    r"|" + MAY_NOT_OBJECT_FR +
    # ... « sans que l'Artiste puisse s'y opposer » (whatever it said the artist may not stop, it allows)
    r"|sans\s+que\s+(?:[\w'’]+\s+){0,3}?puisse(?:nt)?\s+s['’](?:y\s+)?opposer\b"
    r"|whether\s+or\s+not|if\s+not|or\s+not|no\s+matter|not\s+(?:be\s+)?required\s+to\s+but"
    # a fallback's condition: "released into the public domain and, where that is not possible, licensed under CC0"
    r"|(?:where|if|when|to\s+the\s+extent)\s+(?:that|this|it|such\s+\w+|(?:the\s+)?(?:dedication|waiver|assignment|transfer|release))?\s*(?:is|are)\s+not"
    r"\s+(?:legally\s+)?(?:possible|permitted|allowed|available|effective|valid|enforceable|practicable|feasible|recogni[sz]ed)"
    r"|without\s+(?:the\s+|any\s+|further\s+|prior\s+|its\s+|their\s+|his\s+|her\s+|your\s+|my\s+|our\s+|additional\s+)*"
    r"(?:[\w-]+['’]s\s+(?:prior\s+|further\s+|additional\s+)*)?(?:written\s+|express\s+)?(?:notice|consent|approval|permission|payment|compensation|charge|cost|fee|restriction|limitation|regard|reference|need)"
    # "shared, without your name, with other researchers", « partagés, sans votre nom, avec d'autres chercheurs »
    r"|without\s+(?:your|their|his|her|my)\s+(?:names?|identity)\b|sans\s+(?:votre|vos|leur|leurs|son|sa|ses|mon|ma)\s+(?:noms?|identité)\b"
    # "train AI models on them to animate Mira without the Performer": who is left out, not a negation
    r"|without\s+(?:the\s+)?(?:performer|artist|actor|actress|talent|model|singer|narrator|me|you|him|her|them|" + ALIAS_WORD + r")\b(?![''’]s)(?!\s+(?:first|prior|being|having|giving|signing|approving|agreeing|consenting))"
    r"|sans\s+(?:que\s+cette\s+liste\s+soit\s+limitative|préjudice|limitation\s+de\s+durée|limite\s+de\s+(?:durée|temps))"
    r"|non\s+limitativement|au\s+plus\s+tard|pas\s+moins\s+de|no\s+(?:fee|cost|charge)\s+(?:to|for)"
    # « n'importe quel support » is "any medium", not a negation
    r"|n['’]importe\b"
    # French "ne explétif": « avant que vous ne la retiriez » negates nothing (no "pas", "plus", "jamais" ...)
    r"|(?:avant|à\s+moins|de\s+peur|de\s+crainte)\s+qu(?:e\s+|['’])(?:[\w'’]+\s+){0,3}?n(?:e\s+|['’])"
    r"(?!(?:[\w'’]+\s+){0,2}?(?:pas|plus|jamais|rien|aucun\w*|guère|point)\b)"
    # « ne pourront être utilisées que pour le catalogue » is "only", not a negation
    r"|\bn(?:e\s+|['’])(?:(?!(?:pas|plus|jamais|rien|aucun\w*|guère|point|nullement|ni)\b)[\w'’]+\s+){1,4}?qu(?:e\b|['’])"
)
# Verbs in -s that carry a subject of their own ("... and waives any right").
_FINITE_S = r"waives|grants|consents|acknowledges|assigns|confirms|accepts|authori[sz]es|warrants|undertakes|transfers|requires"
_AND_FINITE_VERB = rf"\b(?:and|or)\s+(?:hereby\s+)?(?:irrevocably\s+)?(?:{_FINITE_S})"
# Words that open a contrasting clause, English and French (the matcher's holder reads them too).
CONTRAST_WORDS = r"but|however|whereas|while|mais|toutefois|cependant"
# A negation does not reach across a new clause with its own verb ("..., and the Company may ...").
_SCOPE_BREAK = code_regex(
    rf"[;:]|\.\s|\b(?:{CONTRAST_WORDS}|provided\s+that|except\s+that|unless)\b"
    # (not past a negation of its own: in ", and we do not have to credit you" the "not" is the new clause's)
    rf"|,?\s*\b(?:and|or|et|ou)\s+(?:(?!(?:not|never|no|ne|pas)\b)\w+\s+){{0,3}}?(?:{MODALS}|agrees?|is|are|has|have|sera)\b"
    # ... and after a comma a longer subject: "are not affected, and Submissions already delivered to customers cannot"
    rf"|,\s*(?:and|or|et|ou)\s+(?:\w+\s+){{4,6}}?(?:{MODALS}|is|are|has|have|sera)\b"
    # "shall not be credited and waives any right": a verb in -s after "and" has its own subject, not the modal
    rf"|{_AND_FINITE_VERB}\b"
    r"|,\s+(?:the\s+)?(?:performer|company|producer|artist|actor|talent|model|licensee|licensor|studio|client|agency|i|you|we|" + ALIAS_WORD + "|" + COUNTERPARTY_ALIAS_WORD + r")\b"
    # a leading condition is closed by its comma: "If you would rather I didn't, tell me and I will take them down"
    r"|^\W*(?:\d[\d.]*\s+)?(?:if|when|whenever|once|should)\b[^,;]*,"
)
# "..., and may sell" / "... and waives": a match that starts with its own modal or -s verb starts a clause.
_LEADING_VERB = code_regex(rf"(?:{MODALS}|{_FINITE_S})(?:\b|(?=not\b))")  # "cannot be recalled" leads with "can"
# ... and so does one that starts with a short subject and its modal: "Choir members are not paid, and [their
# names will be printed]"
_LEADING_SUBJECT = code_regex(rf"(?:[\w'’]+\s+){{1,3}}?(?:{MODALS})\b")
_RELATIVE = code_regex(r",\s*(?:which|who)\b")
# ... a verb the clause before has, said with its own "not": "faces that do not look like you, and may sell them"
# (here, not in CLAUSE_VERB, which also tells headings and list items from sentences)
_DO_NOT = code_regex(r"\b(?:do|does|did)\s+(?:not|never)\b")
_JOINS_SUBJECTS = code_regex(r",?\s*\b(?:and|or|et|ou)\s")
# ... but "and hereby waives" joins a verb of its own: "does not assert, and hereby waives, all moral rights"
_JOINS_A_VERB = code_regex(rf"{_AND_FINITE_VERB}$")
_NOT_VERB = code_regex(r"\b(?:shall|will|may|must|can|could|should|do|does|did)\s+not\b|\bcannot\b|\bnever\b")
# ... or a "not" whose modal went with the scope break before it: "..., and will| not use them to train AI or allow"
_LEFT_NOT = code_regex(r"^\s*not\b")
# A condition after a whole negated predicate is not negated: "Your payment will not be affected| if you withdraw", "Models
# already trained will not be changed if you ask us to delete" (not "will not, if you ask, delete", "even if you ask",
# nor "will not delete them if you ask us to delete them", where the condition repeats the refused verb)
_NEGATED_VERB_THEN_IF = code_regex(
    r"(?:\b(?:shall|will|may|must|can|could|should)\s+not|\bcannot|\bwon['’]t)\s+(?:be\s+)?(?P<verb>[a-z]+)\b"
    r"(?:(?!\beven\b)[^,;.:])*?\s(?P<cond>if|whenever)\s+(?:you|i|we|he|she|they|the\s+[\w-]+|" + ALIAS_WORD + r")\b"
)
# "sublicense, assign, pledge or grant as security or otherwise encumber or ": verbs and nothing else.
_VERB_LIST = code_regex(r"^(?:\s*(?:otherwise\s+)?[a-z'’-]+(?:\s+[a-z'’-]+){0,2}\s*(?:,|\bor\b|\band\b)\s*(?:or\s+|and\s+)?)+\s*(?:otherwise\s*)?$")
# "shall not have the power to modify, alter or otherwise change": the list follows the power, not "not".
_POWER_TO = code_regex(
    r"^\s*(?:have|has|be\s+(?:entitled|permitted|allowed|authori[sz]ed|able))\s+(?:(?:the|any)\s+)?(?:(?:right|power|authority|ability)\s+)?to\b"
)
# "shall not use the Recordings to create, train or improve any ...", "will not be used to train ... or to
# create ...": the prohibition reaches the purpose.
_PURPOSE = code_regex(
    r"^\s*(?:use|exploit|process|employ|utili[sz]e|licen[cs]e|sublicen[cs]e|sell|share|disclose|provide"
    r"|be\s+(?:used|exploited|processed|employed|utili[sz]ed|licen[cs]ed|sold|shared|disclosed|provided))"
    # ... and "may not license the Recording for any other purpose, including the training of text-to-speech systems",
    # "shall not use, reproduce or communicate any part of the recordings for the purpose of training"
    r",?\s+(?:[\w'’-]+,?\s+){0,16}?(?:to|in\s+order\s+to|for\s+the\s+purposes?\s+of"
    r"|for\s+(?:any\s+)?(?:other\s+)?(?:purposes?|uses?),?\s+including(?:\s+(?:but\s+not\s+limited\s+to|without\s+limitation))?,?)\s+"
)
# "will not create new lines in the Caster's voice with any synthesis tool": the prohibition reaches the tool made with
_INSTRUMENT = code_regex(
    r"^\s*(?:create|make|generate|produce|build|synthesi[sz]e|clone|record|alter)\s+(?:[\w'’-]+,?\s+){0,12}?"
    r"(?:with|using|through|via|by\s+means\s+of)\s+"
)
# « ne pourront en aucun cas être utilisées pour entraîner ... », « s'interdit d'utiliser la voix pour entraîner
# ... »: the French prohibition reaches the purpose too.
_FR_PURPOSE = code_regex(
    r"(?:\bne\s+(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront|sera|seront)\s+"
    r"(?:(?:pas|jamais|plus|nullement|aucunement|en\s+aucun\s+cas)\s+)?(?:être\s+)?"
    r"|\bs['’]interdi\w*\s+(?:\w+\s+)?(?:de\s+|d['’])|\bs['’]engage\w*\s+à\s+ne\s+(?:pas|jamais)\s+"
    # ... or the use named as a noun: « s'interdit toute utilisation des Images pour entraîner ... »
    r"|\bs['’]interdi\w*\s+(?:toute?s?\s+|tous\s+)?(?=(?:utilisation|exploitation|usage|emploi)s?\b))"
    # (« d'utiliser, de reproduire ou de communiquer tout ou partie de l'enregistrement ... à des fins de »)
    r"(?:utilisée?s?|exploitée?s?|employée?s?|utiliser|exploiter|employer|utilisations?|exploitations?|usages?|emplois?),?\s+"
    r"(?P<gap>(?:(?!qu(?:e\b|['’]))[\w'’-]+,?\s+){0,18}?)(?:pour\b|afin\s+d(?:e\s+|['’])|à\s+des\s+fins\s+d(?:e\s+|['’]))"
)
# ... not past a verb of another clause: « s'interdit d'utiliser l'enregistrement dans une autre œuvre, et le
# Producteur pourra l'utiliser pour entraîner » permits the training
_FR_OWN_VERB = code_regex(r"\b(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront|sera|seront|est|sont|a|ont|aura|auront)\b")
# ... up to a new clause: « pour la publicité, et utilisera les enregistrements pour entraîner » (not « , ou pour créer »)
_FR_NEW_CLAUSE = code_regex(r"[,;]\s*(?:et|ou|mais)\s+(?!(?:pour|afin|à|de|d['’]|des|du|la|le|les|l['’]|un|une)\b)")
# "use the Replica in any other game or " (the match is the next verb): one predicate, "or" then a verb,
# with or without a comma before the "or" ("use the replica in any other motion picture, or "), also
# after other predicates listed with commas ("sell the Set, include it in a paid special or ")
_OR_NEXT_VERB = code_regex(r"^\s*[a-z]+\b[^,;:]*(?:,\s*[a-z]+\b[^,;:]*)*,?\s(?:or|nor)\s*$")
# ... when the negated verb is a use of the work, active or passive ("will not be added to any sound library or used
# [in any other production]"; not "shall not be entitled to any further payment for use of the Recordings [in any media]")
_NEGATED_USE = code_regex(
    r"^\s*(?:be\s+)?(?:use|used|add|added|include|included|incorporate|incorporated|exploit|exploited|put|sample|sampled"
    r"|reproduce|reproduced|show|shown|play|played|broadcast|publish|published|distribute|distributed|insert|inserted|edit|edited)\b"
)
_LEADING_BE = code_regex(r"^\s*be\s+")
# ... and a second clause joined to the first ("will not sell the Recordings, and may use them [in any other production]")
_JOINED_CLAUSE = code_regex(r",\s*(?:and|but|yet|however|although|though|while|whereas)\b")
# ... or an exception that the place belongs to ("may not pass the recording to any third party, other than its
# agencies, [for the sole purpose of] placing the advertisements")
# The English words of an exception, which both readings below share.
_EXCEPTION_WORDS = r"except|save\s+for|besides|other\s+than|apart\s+from"
_EXCEPTION_WORD = code_regex(rf"\b(?:{_EXCEPTION_WORDS}|unless|excluding)\b")
# ... or a use for a purpose: "will not create a synthetic voice from the Replies or [use them to train any AI model]"
_USE_FOR = code_regex(r"(?:use|using|exploit)\s+(?:it|them|these|those|the\s+\w+|any\s+\w+)\s+(?:to|for)\b")
# ... or another place or purpose of the same verb: "shall not use the replica as a principal performer or [in any other production]"
_SAME_VERB_COMPLEMENT = code_regex(r"(?:in|on|for|within)\s+(?:any|an|a|the|other)\b")
_DEALING_VERB = code_regex(
    r"(?:sell|resell|license|licence|sublicen[sc]e|assign|transfer|give|provide|disclose|share|distribute|rent|lease|lend"
    r"|offer|publish|make|allow|permit|authori[sz]e|supply|deliver|grant)\b"
)
# ... a right to deal with the recordings ("waives any [right to sublicense]"), not a right the waiver takes
# from its holder ("waives the [right to object to derogatory treatment]", "waives the [Waived Rights]")
_DEALT_WITH = code_regex(
    r"(?:rights?\s+to\s+|droits?\s+(?:de\s+|d['’]))?(?:" + _DEALING_VERB.pattern
    + r"|(?:céder|concéder|vendre|revendre|transférer|sous-licencier|communiquer|transmettre|partager)\b)"
)
_NEG_SUBJECT = code_regex(r"\b(?:neither|nor|no|none)\s+(?!one\b)")
# « s'interdit de porter atteinte à sa réputation, et de céder les images à des tiers »: a French
# prohibition governs each infinitive coordinated with its first one, however long the first.
_FR_PROHIBITION = code_regex(r"\bs['’]interdi\w*\s+(?:\w+\s+)?(?:de\b|d['’])|\bs['’]engage\w*\s+à\s+ne\s+(?:pas|jamais)\b")
_FR_NEXT_INFINITIVE = code_regex(r"(?:,|\bet|\bou|\bni)\s+(?:à\s+ne\s+pas\s+)?(?:de\s+|d['’])(?:(?:les|la|le|l['’]|en|y|leur|lui|se|s['’])\s*)?$")
# "No consent is required to ...": a negated subject whose predicate is a requirement negates the requirement.
_REQUIREMENT = code_regex(r"\b(?:requir\w*|need|needs|needed|necessary)\b")
# ... and a requirement negated after its subject: "The Performer's consent is not required for ... to"
_NOT_REQUIRED = code_regex(r"\s*(?:be\s+)?(?:required|needed|necessary)\b")
# ... when what is not required is a step before the act; "No published use need carry a credit line"
# negates the act itself, which is what the subject would have had to do.
_PRECONDITION = code_regex(
    r"\b(?:consent|consents|approval|approvals|permission|permissions|authori[sz]ation\w*|notice|notices|notification\w*"
    r"|payment|payments|fee|fees|compensation|remuneration|consideration|agreement|formality|formalities|signature\w*"
    r"|action|step|steps|licen[cs]e|licen[cs]es|release|document|documents|writing|confirmation|waiver)\b"
)
# "no rights to the Images, and all rights ... belong to": a new subject ends the negated one.
_NEW_SUBJECT = code_regex(r",\s*(?:and|or|but)\b|\b(?:and|or|but)\s+(?:all|the|any|each|every|its|their|his|her|our|your)\b")
# "Nothing shall limit the right to ...", "no limit on the right to ...": the negation is of the limit.
_UNDOES_NEGATION = code_regex(
    r"\b(?:limit|limits|limited|limiting|restrict\w*|prevent\w*|affect|affects|reliev\w*|excus\w*"
    r"|prejudice\w*|impair\w*|derogat\w*|preclud\w*|exceed\w*|more\s+than|less\s+than"
    r"|reduc\w*|withh[oe]ld\w*|suspend\w*|deduct\w*|offset\w*"
    # « Aucune disposition du présent contrat n'empêche la Société d'utiliser ... », « Rien ne limite ... »
    r"|empêch\w*|limite|limitent|limitera|restreint|restreignent|restreindra)\b"
    # "will not stop using the Recordings after this Agreement ends": not stopping is going on
    # (the verb stopped is the match's own when the window ends at "stop")
    r"|\b(?:stop|stops|cease|ceases|discontinue|discontinues)(?:\s+to)?(?:\s+(?:use|using|exploit\w*|distribut\w*|sell\w*|publish\w*|keep\w*|retain\w*|pay\w*|credit\w*)\b|\s*$)"
)
_POST_NEG = code_regex(
    r"^[^.;:]{0,40}?\b(?:is|are|shall\s+be|will\s+be|be|being)\s+(?:strictly\s+)?(?:not\s+(?:be\s+)?(?:permitted|allowed|authori[sz]ed|granted|possible|given)|prohibited|forbidden|excluded)\b"
    r"|^\W*(?:est|sont|sera|seront)\s+(?:strictement\s+)?(?:interdit|exclu|prohib)"
    # a label that says it: "| AI training not permitted | ...", "Sublicensing prohibited." (no verb; the cell or line ends)
    r"|^\s*(?:[\w/'’-]+\s+){0,2}?(?:not\s+(?:permitted|allowed|authori[sz]ed)|prohibited|forbidden)\s*(?:$|[|:.;\n])"
    # « Le retrait du consentement n'est pas possible », « ... est impossible après la publication »
    r"|^[^.;:]{0,40}?(?:\bn['’](?:est|était)|\bne\s+(?:sont|sera|seront|serait))\s+(?:pas|plus|jamais)\s+(?:possibles?|permise?s?|autorisée?s?|admise?s?|acceptée?s?|recevables?)\b"
    r"|^[^.;:]{0,40}?\b(?:est|sont|sera|seront)\s+impossibles?\b"
    # "any purported sublicence shall be void": what would be granted is of no effect
    r"|^(?:(?!\b(?:may|can|must|shall|will|but)\b)[^.;:]){0,60}?\b(?:(?:shall|will)\s+be\s+(?:deemed\s+)?(?:(?:null\s+and\s+)?void|invalid|ineffective)|(?:is|are)\s+(?:null\s+and\s+)?void|(?:is|are|shall\s+be|will\s+be)\s+of\s+no\s+(?:force\s+or\s+)?effect)\b"
    # a form's field answered no: "Right to request deletion: No", "Third-party use: not permitted", or a
    # table row's next cell: "| AI / synthetic voice | Not permitted |", the label's last words after the
    # match ("Transfer to third parties: Not allowed", matched up to "third")
    r"|^(?:\s*|(?:[ \t/-]*[\w'’-]+){1,3}[ \t]*)[:|]\s*(?:no|none|non|not\s+(?:permitted|allowed|applicable|included|granted|offered|available|provided|given|agreed)|n/?a)"
    r"(?:\s+(?:after|once|following|from|beyond|during)\b[^|\n.;]{0,40})?\s*(?:$|[\n.;|,])"
    # a question answered no: "Can I ask for my voice to be removed? A: Not while the licence lasts."
    # (not "A: Not until the recordings are delivered", which says when)
    rf"|^[^.;!?]{{0,60}}\?\s*(?:\|\s*)?(?:{ANSWER_LABEL}\s*)?(?:no|not|non|never|none|jamais)\b"  # ... or in the next cell: "? | No |"
    r"(?!\s+(?:until|before|unless|only|just|yet|later|earlier|sooner|more|less|always|necessarily|avant|seulement)\b)"
)
# A table row's first cell that refuses whatever the row lists: "Not permitted", "Prohibited uses",
# « Usages interdits » (a few words around it, nothing more).
_REFUSED_ROW_LABEL = code_regex(
    r"\W*(?:[\w/'’-]+\s+){0,2}?(?:not\s+(?:permitted|allowed|authori[sz]ed|included|granted|licen[cs]ed)|prohibited|forbidden|excluded"
    r"|interdite?s?|exclue?s?|non\s+(?:autorisée?s?|permise?s?|inclus(?:es?)?))(?:\s+[\w/'’-]+){0,2}?[\s:]*$"
)
# "non-exclusive", "not transferable", "un-credited"; never the French article ("un cachet").
_PREFIX_NEG = code_regex(r"\b(?:non|not)(?:-\s?|\s)?$|\bun-$")
# "Licensee waives any right to license the Materials": a right given up is one its holder no longer has,
# when the match is what the right was to do (not "waives any right to approve the use of ... for AI
# training", where the use goes ahead without the approval).
_WAIVED_RIGHT = code_regex(
    r"\b(?:waives?|waived|waiving|renounces?|relinquish(?:es)?|surrenders?)\s+(?:(?:any|all|the|its|his|her|their|every|and|such)\s+)*"
    # (the match may start at the right itself: "waives any [right to sublicense]")
    r"(?:(?:present|future|further|other)\s+)?(?:rights?\s+(?:(?:it|he|she|they)\s+(?:may|might)\s+have\s+)?to\s+(?:[\w'’-]+\s+)?)?$"
    r"|\brenonce\w*\s+(?:à\s+)?(?:(?:tout|son|leur|au|le)\s+)*(?:droits?\s+(?:de|d['’])\s*(?:[\w'’-]+\s+)?)?$"
)
# ... unless the waiver is itself denied: "does not waive", « ne renonce pas »
_DENIED_WAIVER = code_regex(r"(?:\bnot|\bnever|\bne|\bn['’])\s*$")
# A lead-in that ends in a prohibition ("The Company shall not:") negates every item that completes it.
_NEGATED_LEAD_IN = code_regex(
    r"(?:\b(?:shall|will|may|must|can|could|should|do|does|agrees?|undertakes?|is|are|be)\s+not\b"
    r"|\b(?:cannot|can['’]t|won['’]t|shan['’]t|doesn['’]t|don['’]t|never)\b"
    r"|\b(?:is|are|be)\s+(?:strictly\s+)?(?:prohibited|forbidden)\s+from\b|\brefrain\s+from\b"
    r"|\bne\s+(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront|sera|seront)\b|\bs['’]interdit\b|\bs['’]engage\s+à\s+ne\s+pas\b)"
    # ... with no new verb after it: "The Company, which is not an agent, may:" permits.
    r"(?:(?!\b(?:may|shall|will|can|must|pourra|pourront|peut|peuvent|doit)\b)[^.;:!?]){0,60}:\s*$"
    r"|\b(?:under\s+no\s+circumstances?|in\s+no\s+event|neither\s+party|no\s+party)\s+(?:may|shall|will|can)\b[^.;:!?]{0,60}:\s*$"
)
# What a permission leaves out: "for any lawful purpose except: (a) ...; (b) training artificial intelligence";
# what a prohibition leaves out is allowed ("shall not use the Recordings for any purpose except:").
_EXCEPT_LEAD_IN = code_regex(r"\b(?:except|excepting|excluding|other\s+than|but\s+not|sauf|hormis|à\s+l['’]exclusion\s+(?:de|des|du))\s*:\s*$")
_NEGATION_WORD = code_regex(
    r"\b(?:(?:shall|will|may|must|can|could|should|do|does|is|are|be)\s+not|cannot|can['’]t|won['’]t|shan['’]t|never|no|ne)\b"
)

# "No further payment is due beyond the USD 500 session fee": what the exception names is kept, not
# denied, up to the next clause ("other than the session fee of [USD 500]").
_EXCEPTED = code_regex(
    # "beyond" names a limit in time as often ("not used beyond the Term for [AI training]"): only right before
    r"\bbeyond(?:\s+(?:the|a|an|its|their|his|her|my|your|our))?\s*$"
    # ... or before the fee it names: "No payment beyond the day rate of [USD 180] will be made"
    r"|\bbeyond\s+(?:the|a|an|its|their|his|her|my|your|our)\s+(?:[\w-]+\s+){0,2}?(?:rate|fee|fees|sum|amount|payment|price)(?:\s+of)?\s*$"
    rf"|\b(?:{_EXCEPTION_WORDS}|excepting|aside\s+from"
    # « aucune autre somme que le cachet »: the noun may stand between « autre » and « que »
    r"|sauf|hormis|excepté|autres?\s+(?:[\w-]+\s+)?que|en\s+dehors\s+(?:de|du|des|d['’])|à\s+part)(?P<rest>[^,;:.()]{0,40})$"
)
_KEPT_OUT = code_regex(
    r"\b(?:not|never)\s+(?:be\s+)?(?:included|incorporated|placed|used|added|put|uploaded|stored)\s+(?:in|into|on)\s+"
    r"(?:any|a|an)\s+(?:[\w-]+\s+){0,4}?(?:that|which|whose)\b"
)
_NO_DUTY = code_regex(
    r"\bno\s+(?:(?:such|further|express|legal|binding|other)\s+)?(?:undertaking|obligation|commitment|guarantee|promise|assurance|duty)s?"
    r"\s+(?:(?:whatsoever|whatever|of\s+any\s+kind)\s+)?(?:to|that)\b"
)
# an item of a list run into one sentence: "... (b) disclose ..., or (c) sell ..."
_INLINE_ITEM = code_regex(r"(?<![\w)])\((?P<marker>[a-z]|[ivx]{1,4}|\d{1,2})\)\s")
_ITEM_OWN_MODAL = code_regex(rf"\b(?:{MODALS}|agrees?|except|unless|provided|then)\b")  # ("if ... (ii) ..., then the royalty")
_SENTENCE_END = code_regex(r"[.!?]\s")
_FAIL_TO = code_regex(r"\b(?:fail|neglect|omit)\s+to\b")
_RIEN = code_regex(r"\brien\b")  # « Rien dans le présent contrat ... »: a global negation with no cue word
_GLOBAL_NEG = code_regex(r"^(?:\W*\d[\d.]*\s+)?(?:nothing|no\s+(?:provision|term|part)\s+of|rien\s+dans|aucune\s+(?:disposition|stipulation))\b")
_PAREN = code_regex(r"\([^()]*\)")
# A title in quotes is a name, whatever its words: 'the Recordings of the show "Never Again"', « Non merci »
# (two words at least: a quoted "not" is still the sentence's own)
_QUOTED_TITLE = code_regex(r'"\s*[^"\s]+\s+[^"\n]{1,60}"|“\s*[^“”\s]+\s+[^“”\n]{1,60}”|«\s*[^«»\s]+\s+[^«»\n]{1,60}»')


def _mask(text: str, pattern: "re.Pattern[str]") -> str:
    """Replace every match of pattern with spaces (offsets unchanged)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _without_asides(text: str, nested: bool = False) -> str:
    """text with what negates nothing in it masked (offsets unchanged): asides in parentheses (one level inside
    another too, with nested), titles in quotes and words that only look like a negation ("not limited to")."""
    unparenthesised = _mask(_mask(text, _PAREN), _PAREN) if nested else _mask(text, _PAREN)
    return _mask(_mask(unparenthesised, _QUOTED_TITLE), _PSEUDO_NEG)


# Words of a clause an amendment strikes out: 'Clause 4 ("perpetual and irrevocable licence") is deleted and
# replaced with ...' quotes what no longer applies (the quote opened after a clause's name, closed right before the verb).
_STRUCK_QUOTE_OPENS = code_regex(
    r"\b(?:clause|section|paragraph|article|sentence|words?|wording)\b[\s\d.()a-z]{0,12}?\(?\s*[\"“«][^\"”»\n]*$"
)
_STRUCK_AFTER = code_regex(
    r"^[^\"”»\n]*[\"”»]\s*\)?(?:\s+(?:in|of|from)\s+(?:clause|section|paragraph|article)\s+[\w.()]+)?\s*"
    r"(?:is|are|shall\s+be|will\s+be|has\s+been|have\s+been)\s+(?:hereby\s+)?(?:deleted|struck|removed|omitted)\b"
)


def _struck_out(lower: str, s_start: int, m_start: int, m_end: int) -> bool:
    """Whether the match is in the quoted words of a clause that an amendment deletes."""
    return bool(
        _STRUCK_QUOTE_OPENS.search(lower, max(s_start, m_start - 60), m_start)
        and _STRUCK_AFTER.match(lower[m_end:m_end + 80])
    )


def is_negated(
    lower: str, s_start: int, m_start: int, m_end: int, masked: list[tuple[int, int]], clause_start: Optional[int] = None
) -> bool:
    """True when a negation cue governs the match: just before it in its clause, or right after it
    (clause_start, where the sentence's clause begins, lets a list's item reach its lead-in)."""
    if _PREFIX_NEG.search(lower[max(s_start, m_start - 5):m_start]) or _struck_out(lower, s_start, m_start, m_end):
        return True
    waived = _WAIVED_RIGHT.search(lower, max(s_start, m_start - 90), m_start)
    if waived and _DEALT_WITH.match(lower, m_start, m_end):
        # ... but a waiver itself denied gives nothing up: "does not waive any right to sublicense", « ne renonce pas »
        return not _DENIED_WAIVER.search(lower, max(s_start, waived.start() - 20), waived.start())
    pre = lower[s_start:m_start]
    # (an item's marker looks like an aside, which is masked below)
    list_start = s_start if clause_start is None else min(s_start, clause_start)
    item = _forbidden_inline_item(lower[list_start:m_start]) if "(" in pre else None
    if item is not None:
        # "shall not ... or (c) fail to credit the Performer": forbidding a failure promises the act
        return not _FAIL_TO.search(item)
    # Most matches have no negation word before them in their sentence: masking only removes cues, so
    # the rest of the reading could not find one either (a cheap exit: usage-scope runs this on every
    # "for any purpose" of a long commercial contract).
    if not NEG_CUE.search(pre) and not _RIEN.search(pre):
        return _negated_after(lower, m_end)
    # (after that exit: the condition's negated verb is a cue before the match, so a sentence without one skips this scan)
    if _condition_after_negated_verb(lower, s_start, m_start, m_end):
        return False
    if masked:
        chars = list(pre)
        for a, b in masked:
            for i in range(max(a, s_start), min(b, m_start)):
                chars[i - s_start] = " "
        pre = "".join(chars)
    # A parenthetical aside "(but not clause (b))" does not negate the main clause.
    pre = _without_asides(pre, nested=True)
    # "..., and may sell the Recordings": a match that starts with its own verb starts a new clause.
    leading = _LEADING_VERB.match(lower, m_start, m_end) or _LEADING_SUBJECT.match(lower, m_start, m_end)
    if leading:
        pre += leading.group()
    cut = 0
    for brk in _SCOPE_BREAK.finditer(pre):
        # "No image or recording will be sold": an "or" before any verb (since the last comma) joins
        # subjects, not clauses ("..., therefore, neither this Agreement nor any right or obligation shall be").
        since = max(cut, pre.rfind(",", cut, brk.start()) + 1)
        if (
            _JOINS_SUBJECTS.match(brk.group()) and not _JOINS_A_VERB.search(brk.group())
            and not CLAUSE_VERB.search(pre, since, brk.start()) and not _DO_NOT.search(pre, since, brk.start())
        ):
            continue
        cut = brk.end()
    # "No additional compensation is due for promotional use, which is included in the fee of $750": a
    # match inside a trailing relative clause (no comma closes it before the match) is that clause's.
    relative = list(_RELATIVE.finditer(pre, cut))
    if relative and "," not in pre[relative[-1].end():]:
        cut = relative[-1].end()
    pre = pre[cut:]
    words = pre.split()
    if words and _GLOBAL_NEG.match(" ".join(words[:4])):
        # "Nothing in this Agreement shall be construed as a waiver of ...", but not "Nothing shall
        # limit the Company's right to sell ...", where the negation is of the limit.
        return not _UNDOES_NEGATION.search(pre)
    window = " ".join(words[-8:])
    cues = list(NEG_CUE.finditer(window))
    if cues:
        after = window[cues[-1].end():]
        if _follows_an_exception(after):
            return False
        requirement = _REQUIREMENT.search(after) if _NEG_SUBJECT.match(window, cues[-1].start()) else None
        if requirement and _PRECONDITION.search(after, 0, requirement.start()):
            return False  # "No consent is required to sublicense": what is negated is the requirement
        # ... and "The Performer's consent is not required for the Company to sublicense"
        if _NOT_REQUIRED.match(after):
            scoped = " ".join(words)  # the window is its tail; the subject may come before the window
            if _PRECONDITION.search(scoped, 0, len(scoped) - len(window) + cues[-1].start()):
                return False
        # « ne limite pas le droit de ... »: French puts the negated verb between "ne" and "pas"
        verb_from = cues[-2].end() if len(cues) > 1 and cues[-1].group() in ("pas", "jamais") and cues[-2].group() == "ne" else cues[-1].end()
        return not _UNDOES_NEGATION.search(window, verb_from)
    if _far_negation(pre, lower[m_start:m_end]):
        return True
    return _negated_after(lower, m_end)


def _condition_after_negated_verb(lower: str, s_start: int, m_start: int, m_end: int) -> bool:
    """Whether the match is in an if-clause that follows a negated verb of its own, which it does not take."""
    probe = lower[s_start:m_end]
    hits = list(_NEGATED_VERB_THEN_IF.finditer(probe))
    hit = hits[-1] if hits else None  # the negated verb nearest the match
    if hit is None or s_start + hit.start("cond") > m_start or NEG_CUE.search(probe, hit.end("verb"), m_start - s_start):
        return False
    return hit.group("verb")[:5] not in lower[m_start:m_end]


def _negated_after(lower: str, m_end: int) -> bool:
    """Whether what follows the match says no to it: a field answered no, a question answered no, or a
    form's no box ticked ("Use in other projects: [ ] Yes [X] No")."""
    if _POST_NEG.search(lower[m_end:m_end + 80]):
        return True
    boxes = YES_NO_BOXES.match(lower, m_end)
    return bool(boxes and boxes.group("no"))


def _forbidden_inline_item(pre: str) -> Optional[str]:
    """The words of the match's item before it, when the match is in a later item of a list run into its
    clause whose lead-in forbids: "shall not (a) use ..., (b) disclose ..., or (c) [sell] ...", with no
    modal of its own in any item; None otherwise."""
    items = list(_INLINE_ITEM.finditer(pre))
    # the list's first item is the last "(a)", "(i)" or "(1)": an earlier list may have come before
    first = next((k for k in range(len(items) - 1, -1, -1) if items[k]["marker"] in ("a", "i", "1")), None)
    if first is None or first == len(items) - 1:
        return None  # no list, or the match is in its first item (the plain reading governs that)
    if _ITEM_OWN_MODAL.search(pre, items[first].end()) or _SENTENCE_END.search(pre, items[first].end()):
        return None
    if not negates_items(pre[:items[first].start()].rstrip().rstrip(":") + ":"):
        return None
    return pre[items[-1].end():]


def _follows_an_exception(after_cue: str) -> bool:
    """True when the match is named by an exception to the negation before it ('no further payment beyond
    the [USD 500] fee'), within a few words and no new verb of the exception's word."""
    excepted = _EXCEPTED.search(after_cue)
    if not excepted:
        return False
    rest = excepted["rest"] or ""
    return len(rest.split()) <= 5 and not CLAUSE_VERB.search(rest)


def _far_negation(pre: str, match: str) -> bool:
    """A negation more than eight words back that still governs the match: a prohibition followed by a
    list of verbs ("shall not sublicense, assign, pledge or otherwise encumber or transfer"), a second
    verb after "or" in the same predicate ("shall not use the Replica in any other game or sell it"), or a
    negated subject ("neither this Agreement nor any right or obligation contained within shall be assignable")."""
    tail = pre[-240:]
    verbs = list(_NOT_VERB.finditer(tail))
    if not verbs and len(pre) <= len(tail):
        verbs = list(_LEFT_NOT.finditer(tail))
    if verbs:
        listed = tail[verbs[-1].end():]
        power = _POWER_TO.match(listed)
        if _VERB_LIST.match(listed[power.end():] if power else listed):
            return True
        # (the tool may open the match itself: "will not alter the Creator's face or voice in the Content [with AI] tools")
        purpose = _PURPOSE.match(listed) or _INSTRUMENT.match(listed + match)
        # ... through the verbs and objects that follow, up to a clause with a verb of its own or an exception ("may not
        # use the Sessions outside the app, except for short excerpts of up to 30 seconds [in advertisements for the app]")
        if (
            purpose and len(listed.split()) <= 30 and not CLAUSE_VERB.search(listed, purpose.end())
            and not _EXCEPTION_WORD.search(listed)
        ):
            return True
        # "shall not use the Digital Replica in any other game or [sell] it": a second verb after "or"
        # (not "shall not result in any diminution of the fee or [royalties]")
        if (
            _OR_NEXT_VERB.match(listed) and (_DEALING_VERB.match(match) or _SAME_VERB_COMPLEMENT.match(match) or _USE_FOR.match(match))
            and len(listed.split()) <= 14
            and not CLAUSE_VERB.search(listed)
        ):
            return True
        # ... or a place of the negated verb's past a long object or a second verb: "will not use the Capture or the cast's
        # volumetric data [in any other production]", "will not add the Walla to any library or use it [in any other production]"
        if (
            _SAME_VERB_COMPLEMENT.match(match) and _NEGATED_USE.match(listed) and len(listed.split()) <= 14
            and not CLAUSE_VERB.search(_LEADING_BE.sub("", listed, count=1))
            and not _JOINED_CLAUSE.search(listed) and not _EXCEPTION_WORD.search(listed)
        ):
            return True
    if _FR_PROHIBITION.search(tail) and _FR_NEXT_INFINITIVE.search(tail):
        return True
    fr_purpose = list(_FR_PURPOSE.finditer(tail))
    if (
        fr_purpose and len(tail[fr_purpose[-1].end():].split()) <= 30 and not CLAUSE_VERB.search(tail, fr_purpose[-1].end())
        and not _FR_OWN_VERB.search(fr_purpose[-1]["gap"])
        and not _FR_NEW_CLAUSE.search(tail, fr_purpose[-1].end())
    ):
        return True
    # "will not be included in any dataset that the Company [sells or licenses] to AI developers": what the
    # thing is kept out of is described, not done with it
    kept_out = _KEPT_OUT.search(tail)
    if kept_out and len(tail[kept_out.end():].split()) <= 12 and not _UNDOES_NEGATION.search(tail, kept_out.end()):
        return True
    # "gives no undertaking to name the Performer in the programme's [closing credits]": the duty denied
    # reaches through its own complement
    duty = _NO_DUTY.search(tail)
    if duty and len(tail[duty.end():].split()) <= 20 and not _UNDOES_NEGATION.search(tail, duty.end()):
        return True
    subjects = list(_NEG_SUBJECT.finditer(tail))
    if not subjects:
        return False
    rest = tail[subjects[-1].end():]
    # The match must sit in the negated subject's own predicate: "... shall be [assignable]", not
    # "no right to maintain this Agreement through payment of a [royalty]".
    return (
        len(rest.split()) <= 20 and 1 <= len(CLAUSE_VERB.findall(rest)) <= 2 and not _UNDOES_NEGATION.search(rest)
        and not _REQUIREMENT.search(rest) and not _NEW_SUBJECT.search(rest)  # "no rights ..., and all rights belong to"
    )


def refused_by_row_label(lower: str, row_start: int, m_start: int) -> bool:
    """True when a match sits after the first cell of a table row that refuses what the row lists:
    "| Not permitted | Training any model on the Images. Selling the Images to AI developers. |"."""
    label_end = lower.find("|", row_start, m_start)  # a row's text has no outer bars: "not permitted | ..."
    return label_end >= 0 and _REFUSED_ROW_LABEL.match(lower, row_start, label_end) is not None


def negates_items(lead_in: str) -> bool:
    """True when a (lower-cased) lead-in forbids what its items go on to say: 'the company shall not:'."""
    tail = lead_in[-160:]
    if _EXCEPT_LEAD_IN.search(tail):
        return _NEGATION_WORD.search(tail) is None
    return _NEGATED_LEAD_IN.search(tail) is not None


# A negation inside a subordinate clause of the match is that clause's ("a scene in which Performer did not appear").
_SUBORDINATE = code_regex(r"\b(?:which|who|whom|whose|that|where|when|if|unless|whether|because|qui|que|dont|où|si)\b")


# A clause break inside a gap (";", ", and"), and the subordinate openers whose comma hands a negation back to the
# main clause ("if you ask us to, we will not remove it")
_CLAUSE_BREAK = code_regex(r";|,\s+(?:and|but|so)\b")
_CONDITIONS = frozenset({"if", "when", "unless", "si"})


def negated_in_gap(inner: str, negating: Optional["re.Pattern[str]"]) -> bool:
    """True when a match spans a negation its phrase does not contain: the gap of "license ... to
    others" caught "licence does not include the right to authorise others". negating matches the
    trigger's phrases that hold a negation of their own ("never to assert ... moral rights"): a negation
    inside a match of one of them is that phrase's own ("This licence shall not be irrevocable" is still
    negated, although "not revocable" is a phrase of the same trigger)."""
    text = _without_asides(inner)
    own = [(m.start(), m.end()) for m in negating.finditer(inner)] if negating is not None else []
    for cue in NEG_CUE.finditer(text):
        # "used in a scene in which Performer did not appear": the negation is the scene's; but after the
        # comma that closes a condition ("if you ask us to, we will not remove it") it is the main clause's
        openers = list(_SUBORDINATE.finditer(text, 0, cue.start()))
        opener = openers[-1] if openers else None
        if opener is not None and not (opener.group() in _CONDITIONS and "," in text[opener.end():cue.start()]):
            return False
        # "You may ask us to remove it; you are not obliged to give a reason, and we will remove it": the
        # negation is a clause of its own between the two the match joins
        if _between_clauses(text, cue.start(), cue.end()):
            continue
        # "waives and agrees never to assert any moral rights": the negation belongs to a phrase of its own
        if not any(a <= cue.start() and cue.end() <= b for a, b in own):
            return True
    return False


def _between_clauses(text: str, start: int, end: int) -> bool:
    """A negation that a semicolon opens and a later break (";", ", and") closes, inside a match's gap."""
    opened = text.rfind(";", 0, start)
    return opened >= 0 and _CLAUSE_BREAK.search(text, end) is not None and not _CLAUSE_BREAK.search(text, opened + 1, start)
