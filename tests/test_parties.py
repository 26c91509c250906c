"""The contract's own names for its performer and for the other side: which party definitions give them, and how their uses are marked."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from termcheck.api import check_text
from termcheck.engine import safe_lower, text_for_rules
from termcheck.extract import extract_bytes
from termcheck.parties import ALIAS_MARK, COUNTERPARTY_MARK, mark_aliases, party_names
from termcheck.rules.loader import load_rules

RULES = load_rules()


def names(text: str) -> tuple[list[str], list[str]]:
    """The names termcheck finds in a contract text for its performer and for the other side."""
    return party_names(extract_bytes("contract.txt", text.encode("utf-8")))


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Parties: Cadence Speech GmbH ("Cadence") and the voice partner ("Partner").', ["Partner"]),
        ('This Agreement is made between Northfield Simulation Center ("the Center") and the individual named below ("the Patient Actor").', ["Patient Actor"]),
        ('This Agreement is between Polyglot Data Services Ltd. ("Company") and the individual accepting it ("Contractor").', ["Contractor"]),
        ('This agreement is between Wavelength Audio Network Inc. ("Network") and the host named below ("Host").', ["Host"]),
        # ("Interpreter" is a performer word of its own since the forty-eighth session: no marking needed)
        ('Between Polyvox Interpreting Services B.V. ("Polyvox") and the interpreter named in the assignment ("Interpreter").', []),
        ('Between Polyvox Interpreting Services B.V. ("Polyvox") and the linguist named in the assignment ("Linguist").', ["Linguist"]),
        ('Between Quiet Hours Media Ltd ("Network") and the co-host ("Host").', ["Host"]),
        ('By submitting your video ("Video") to ClipHound LLC ("ClipHound"), you ("Owner") agree to the following.', ["Owner"]),
        ('This Agreement is made between Bizzingo Inc. ("Bizzingo") and Joseph Theismann, an individual whose address is 1 Ridge Road ("Theismann").', ["Theismann", "Joseph Theismann"]),
        ('"Contractor" means the individual who signs this Agreement.', ["Contractor"]),
        ('"Contractor" means the individual listed in Schedule A.', ["Contractor"]),
        # ... not the things a schedule lists
        ('"Licensed Uses" means the uses listed in Schedule A.', []),
        ('"Approved Media" means the media named in the booking form.', []),
        # people who use what is licensed are not the performer
        ('"Permitted Users" means any person who buys a subscription.', []),
        ("Contrat entre la société Voxa SAS (« Voxa ») et Madame Claire Dubois, demeurant à Lyon (ci-après « le Partenaire »).", ["Partenaire", "Claire Dubois", "Madame Dubois"]),
        ('These terms are between Chorus Labs Pte. Ltd. ("Chorus") and you, the individual completing recording tasks ("Member").', ["Member"]),
        ('These terms apply to the voice owner who lists a voice clone ("Lister").', ["Lister"]),
        # "Co-Presenter" is not a company's "Co." (a corporate suffix never has a hyphen after it)
        ('Between Greyline Audio LLC ("Network") and the co-presenter named below ("Co-Presenter").', ["Co-Presenter"]),
        # ... and "Co-Host" is a performer word of its own (sixty-ninth session): nothing to mark
        ('Between Greyline Audio LLC ("Network") and the co-host named below ("Co-Host").', []),
        ('Between Harbour & Co. ("Harbour") and the guest named below ("Guest").', []),
        # a small ensemble by its name, facing a business, signs as one performer (seventieth session) ...
        ('Between Lumen Films (the "Videographer") and the Aurora String Quartet (the "Quartet").', ["Quartet"]),
        ('This licence is between Harbour Sound Ltd ("Harbour") and The Marsh Chapel Choir (the "Choir").', ["Choir"]),
        # ... not an orchestra, which employs its musicians, nor a business with an ensemble word in its name
        ('Between the City Symphony Orchestra (the "Orchestra") and the musician signing below (the "Musician").', []),
        ('Between Chorus Synth Inc. ("Chorus") and Harbour Sound Ltd ("Harbour").', []),
        # a service's own subscriber, opposite the business (a product name may come before the noun)
        ('These terms are between Echoline Ltd ("Echoline") and its Pro Plan subscriber ("Subscriber").', ["Subscriber"]),
        # a thing the performer makes is not the performer
        ('All recordings made by the Performer during the sessions ("Recordings") belong to the Company.', []),
        ('The voice samples you upload ("Your Voice") are stored in the EU.', []),
        # a business, whatever its role is called
        ('(a) I consent to Lingua Data LLC ("Supplier") recording my voice.', []),
        ('Catalogue Owner: Deepwell Music Library LLC ("Owner")', []),
        ('This Agreement is between Meridian Optics Ltd., a company incorporated in England ("Supplier"), and Halvorsen AS ("Buyer").', []),
        # a defined "Person" is any legal person; a definition that only mentions a person names no party
        ('"Third Party" means any Person other than the parties.', []),
        ('"Noteholder" means the Person in whose name a Note is registered.', []),
        ('"Session" means the recording session described in the Schedule.', []),
        # a common-noun party that is a business, and one that faces no business
        ('Between Acme Ltd ("Acme") and the production company ("Producer").', []),
        ('This agreement is between Corvid Data Ltd ("Corvid") and its affiliate ("Affiliate").', []),
        ('The project ("Project") and the team ("Team") are described below.', []),
        # names the rules already read as the performer need no marking (the person's name does)
        ('This Agreement is between Vocalia Ltd ("Vocalia") and the individual named below ("Performer").', []),
        ('This Agreement is made between Apex Arcade Inc., a Delaware corporation ("Publisher"), and Marcus Webb, an individual ("Athlete").', ["Marcus Webb"]),
        # ... and a titled name before a defined name the rules read as the performer, in any sentence
        ('This licence is given by Dr Elena Sokolova ("the Lecturer") to the University of Hartwell ("the University").', ["Elena Sokolova", "Dr Sokolova"]),
        # ... and without a title, a name right after "by" is the one who gives the licence
        ('This licence is given by Elena Sokolova ("the Lecturer") to the University of Hartwell ("the University").', ["Elena Sokolova"]),
        ('This consent is given by Jane Morrow ("the Presenter") to North Vale Television Limited ("the Station").', ["Jane Morrow"]),
        # ... or a name that is all its description says, opposite a body with no legal form (fifty-eighth session)
        ('Between the Chapter of St Aldhelm\'s Cathedral (the "Cathedral") and Ruth Ellison (the "Narrator").', ["Ruth Ellison"]),
        ('Between the Chapter of St Aldhelm\'s Cathedral (the "Cathedral") and Orion Pictures (the "Narrator").', []),
        # ... not the one the performer gives permission to (fifty-eighth session)
        ('I, Amara Diallo, give Harbourside Community Radio (the "Station") permission to use my recorded vocals.', []),
        # ... or a stage name: "known as", « sous le nom de »
        ('Between Glimmer Cosmetics Ltd ("Glimmer") and the performer known as Velvet Storm ("Artist").', ["Velvet Storm"]),
        ("Entre la société Cirque Nova SAS (« le Producteur ») et l'artiste connue sous le nom de Lila Rose (« l'Artiste »).", ["Lila Rose"]),
        # a football club by its initials is a body, so the person opposite it is the performer (fifty-ninth session)
        ('Between Harbour City FC (the "Club") and Leon Brandt (the "Player").', ["Player", "Leon Brandt"]),
        # ... not a business's name without its legal form
        ('This licence is given by Nova Sound ("the Artist") to Harbour Films Ltd ("the Producer").', []),
        ('This licence is given by Blue Harbor Media ("the Artist") to Harbour Films Ltd ("the Producer").', []),
        # ... not a capitalised description that is no name, nor a business's name
        ('This Agreement is made between Apex Arcade Inc. ("Publisher") and The Voice Artist Named Below ("Artist").', []),
        ('This Agreement is made between Apex Arcade Inc. ("Publisher") and Harbor Sound ("Artist").', []),
        # too short to mark safely, unless the quotes hold its article: ("the SP") is always "the SP"
        ('Between Vocalia Ltd ("Vocalia") and the individual named below ("VA").', []),
        ('Between Vocalia Ltd ("Vocalia") and the individual named below (the "VA").', []),
        ('This Agreement is made between Northfield Simulation Center ("the Center") and the individual named below ("the SP").', ["the SP"]),
        # a loan-out company lends the performer: it is on the performer's side, business or not
        ('Between Acme Studios Inc. ("Studio") and Bright Voice LLC, a Delaware company ("Lender"), furnishing the services of Jane Doe.', ["Lender"]),
        ('Between Acme Studios Inc. ("Studio") and Bright Voice LLC f/s/o Jane Doe ("Lender").', ["Lender"]),
        # ... or is said to be the performer's own company
        ('This Agreement is made between Quill & Reed Productions Inc., a corporation wholly owned by the actor Marcus Bell (the "Lender"), and Grove Ltd (the "Licensee").', ["Lender"]),
        ('Between Acme Studios Inc. ("Studio") and Bright Voice LLC, the personal services company of Jane Doe ("PSC").', ["PSC"]),
        # a person's name alone, opposite a business with a legal form, with or without the business's own name
        # (the name itself is the performer's too: 'the words "Voiced by Jane Doe"')
        ('This Agreement is made between Riverside Audio Ltd ("Network") and Jane Doe ("Host").', ["Host", "Jane Doe"]),
        ('This Agreement is made between Riverside Audio Ltd and Jane Doe (the "Host").', ["Host", "Jane Doe"]),
        # ... a person by name and trade after the business (up to three words before the trade), whose defined
        # name may repeat a trade that is also a business's word
        ('This agreement is between HomeView Inc. ("HomeView") and Marco Bellini, a licensed real estate agent (the "Agent").', ["Agent", "Marco Bellini"]),
        ('Entre VinoTech SAS (« VinoTech ») et Claire Martin, sommelière (la « Sommelière »).', ["Sommelière", "Claire Martin"]),
        # ... but a person the contract names by the other side's word is the other side
        ('This agreement is between Jane Doe, an individual ("Producer"), and the model signing below ("Model").', []),
        ('This agreement is between StrollTales Ltd and Maria Costa, a licensed tour guide (the "Guide").', ["Guide", "Maria Costa"]),
        ('This Agreement is made between Dr. Jane van Doe ("Host") and Riverside Audio Ltd ("Network").', ["Host", "Jane van Doe"]),
        # (« Animatrice » is a word the rules read as the performer already, sixty-sixth session: only the name is added)
        ("Cet accord est conclu entre Studio Lumière SAS (le « Producteur ») et Marie Dupont (l'« Animatrice »).", ["Marie Dupont"]),
        # ... not a business named without its legal form, nor a name opposite no business
        ('This Agreement is made between Acme Pictures Inc. ("Licensor") and Blue Harbor Media ("Media Co").', []),
        ('This Agreement is made between Acme Pictures Inc. ("Licensor") and Northwind Productions ("Northwind").', []),
        ('This Agreement is made between Jane Doe ("Host") and John Roe ("Guest Host").', []),
        ('Jane Doe ("Host") will present the show.', []),
        # a form's line: a performer's label before a name that is all it says, with or without a defined name
        ('Publisher: Kestrel House Audio Ltd ("Kestrel")\nNarrator: Bethany Clarke ("Narrator")', ["Bethany Clarke"]),
        ("The Broadcaster: Northern Sound Radio Ltd\nThe Artist: Owen Pryce", ["Owen Pryce"]),
        # two fields on one line, each ended by a full stop
        ("Station: Coastline FM Ltd. Singer: Ruby Kaye.", ["Ruby Kaye"]),
        # ... not a business under a performer's label, nor a name under another label
        ("Artist: Harbor Sound Productions Ltd", []),
        ("Director: Jane Smith", []),
        # a name with a performer's trade after it, opposite a business
        # ("Coach" is itself a performer word since the sixty-fourth session, so it needs no alias of its own)
        ('Between Pulsefit Equipment Ltd ("Pulsefit") and Carla Nunes, fitness instructor ("Coach").', ["Carla Nunes"]),
        # ("Comedian" is a performer word of its own since the forty-fourth session, like "Narrator" above)
        ('Between Laughline Media Inc. ("Laughline") and Dana Whitfield, comedian ("Comedian").', ["Dana Whitfield"]),
        # ... not a business whose trade only mentions one
        ('Between Pulsefit Equipment Ltd ("Pulsefit") and Acme Talent, a model agency ("Agency").', []),
        # a person opposite an institution named with no legal form (fiftieth session), and a "Parties:" line
        ('This agreement is between the Harbour Memorial Museum (the "Museum") and Ruth Adler (the "Witness").', ["Witness", "Ruth Adler"]),
        ('Parties: Coastline FM Ltd ("the Station") and Dev Patel ("the Presenter").', ["Dev Patel"]),
        # ... or the parties as the subject that agrees (fifty-fifth session)
        ('National Hockey Circuit Inc. (the "League") and Marcus Bell (the "Commentator") agree:', ["Marcus Bell"]),
        ('Glowtide Media Ltd ("Glowtide") and Priya Raman ("Host") agree as follows.', ["Host", "Priya Raman"]),
        # ... not two people agreeing, and not a person named in a sentence that only says what someone agrees to
        ('Ruth Adler (the "Witness") and Sam Cole (the "Interviewer") agree as follows.', []),
        ('Glowtide Media Ltd will pay Marcus Bell (the "Commentator") once the parties agree on a date.', []),
        # ... not two people, with no business or institution between them
        ('This agreement is between Ruth Adler (the "Witness") and Sam Cole (the "Interviewer").', []),
        # ... two people who are the parties together, one name for both: each is the performer
        ('This agreement is between Ben Carter and Aisha Rahman (each a "Host") about the podcast.', ["Host", "Ben Carter", "Aisha Rahman"]),
        ('This agreement is between Ben Carter and Glowtide Media Ltd (each a "Party").', []),
        # a defined list of works is no person "listed in Schedule 1" (sixty-first session)
        ('1.2 "Courses" means the e-learning courses listed in Schedule 1.', []),
        ('1.2 "Lead" means the actor listed in Schedule 1.', ["Lead"]),
        # a role the contract gives the one it films, by what that one allows, whatever the trade (sixty-third session)
        ("1. The Mediator allows the Museum to film her for its gallery videos.", ["Mediator"]),
        ("1. La Médiatrice autorise le Musée des Beaux-Arts à la filmer.", ["Médiatrice"]),
        ("The Guide agrees to be filmed during the tour.", ["Guide"]),
        ("The Pastor agrees to be recorded during the Sunday service.", []),  # a word the rules already read as the performer
        # ... not a parent who lets a child be filmed, nor the other side by its own word
        ("1. The Parent allows the School to film her child in the play.", []),
        ("1. The Company allows the Photographer to film them.", []),
        # ... or by being filmed at its work, a person's trade by its ending (sixty-fourth session)
        ("1. Le Sommelier est filmé lors de dix dégustations commentées.", ["Sommelier"]),
        ("1. The Florist will be filmed while arranging the flowers.", ["Florist"]),
        ("1. The Dinner will be filmed during the gala.", []),
        ("1. The Ceremony will be recorded during the festival.", []),
        ("1. The Swimmer will be filmed during the relay.", ["Swimmer"]),
        ("1. The Segment will be recorded during the show.", []),
    ],
)
def test_performer_aliases(text: str, expected: list[str]) -> None:
    assert names(text)[0] == expected


@pytest.mark.parametrize(
    "text, check, expected",
    [
        # the alias reads as the performer wherever a rule names the performer ...
        ('Parties: Cadence Speech GmbH ("Cadence") and the voice partner ("Partner").\n\n'
         "2. The Partner may terminate this agreement at any time on three months' notice.\n\n"
         "3. Upon termination Cadence shall delete the Partner Voice and the training recordings.", "deletion", "pass"),
        ('"Contractor" means the individual who signs this Agreement.\n\n'
         "7. Sentivox shall delete the Contractor's recordings within 30 days after the Contractor asks.", "deletion", "pass"),
        ('This Agreement is between Polyglot Data Services Ltd. ("Company") and the individual accepting it ("Contractor").\n\n'
         "3. The Contractor retains all right, title and interest in the Recordings.", "ownership", "pass"),
        ("Contrat entre la société Voxa SAS (« Voxa ») et Madame Claire Dubois, demeurant à Lyon (ci-après « le Partenaire »).\n\n"
         "Article 5. Voxa supprimera les enregistrements dans les 30 jours à la demande du Partenaire.", "deletion", "pass"),
        ('This Agreement is made between Northfield Simulation Center ("the Center") and the individual named below ("the SP").\n\n'
         "6.1 The SP's name will appear in the credits of each teaching video.", "attribution", "pass"),
        # ... who gives the document: "given by the simulated patient who signs below"
        ('This consent is given by the simulated patient who signs below ("the SP") to Northfield Medical School.\n\n'
         "5. The SP may ask at any time for any Recording to be deleted; the School will delete it within 14 days.", "consent-withdrawal", "pass"),
        # ... and only there: a business called "Partner" stays the other side
        ('Parties: Cadence Speech GmbH ("Cadence") and Vocalia Ltd ("Partner").\n\n'
         "2. The Partner may terminate this agreement at any time on three months' notice.\n\n"
         "3. Upon termination Cadence shall delete the Partner Voice and the training recordings.", "deletion", "fail"),
        ('"Contractor" means any contractor engaged by Sentivox.\n\n'
         "7. Sentivox shall delete the Contractor's recordings within 30 days after the Contractor asks.", "deletion", "fail"),
        ('This Agreement is between Polyglot Data Services Ltd. ("Company") and the individual accepting it ("Contractor").\n\n'
         "3. The Company retains all right, title and interest in the Recordings.", "ownership", "fail"),
    ],
)
def test_alias_reads_as_the_performer(text: str, check: str, expected: str) -> None:
    result = check_text(text, rules=RULES).check(check)
    assert result is not None and result.status == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('This Agreement is made between Lumen Voice Ltd ("Lumen") and the individual named below (the "Contributor").', ["Lumen"]),
        ('This Agreement is entered into by Acme, Inc., a Delaware corporation ("Acme"), and Jo Park ("Talent").', ["Acme"]),
        ('"Lumen" means Lumen Voice Limited, a company registered in England.', ["Lumen"]),
        ('Between Northwind Studios, a production company ("Northwind"), and the performer named below ("Artist").', ["Northwind"]),
        ("Contrat entre la société Voxa SAS (« Voxa ») et Madame Claire Dubois (ci-après « le Partenaire »).", ["Voxa"]),
        # the article inside the quotes: ("the Center")
        ('This Agreement is made between Northfield School of Medicine Simulation Center ("the Center") and the individual named below ("the Participant Actor").', ["Center"]),
        # names the rules already read as the other side, or as the performer, need no marking
        ('This Agreement is between Polyglot Data Services Ltd. ("Company") and the individual accepting it ("Contractor").', []),
        ('This Agreement is between Harbour Audio Ltd ("Licensor") and Acme Inc. ("Licensee").', []),
        # a group around a party, a kind of party, a thing a party owns, and a description that is "not limited to"
        ('This agreement binds Corvid Data Ltd and its affiliates (the "Corvid Group").', []),
        ('"Person" means an individual, partnership, corporation or trust.', []),
        ('Between Acme Ltd ("Acme") and Zed Ltd ("Zed"), for hearing aids sold under Acme\'s brand names ("Acme\'s Products").', ["Acme", "Zed"]),
        ('The plan includes, but is not limited to, the marks and the Operations Manual ("Manual").', []),
        # ... nor what the other side makes, whatever business word comes before it
        ("La Comédienne enregistre des phrases à partir desquelles la Société crée une voix de synthèse (la « Voix »).", []),
        # ... nor the model it makes of the voice: the business is named by its legal form (sixty-ninth session)
        ('The Talent licenses Shoppy Ltd to create a synthetic version of the Talent\'s voice (the "Voice Model").', ["Shoppy Ltd"]),
        # the one the performer's grant is made to is the other side, whatever its form (fifty-eighth session)
        ('I, Amara Diallo, give Harbourside Community Radio (the "Station") permission to use my recorded vocals.', ["Station"]),
        # ... nor the study a participant takes part in, whoever runs it (fifty-eighth session)
        ('The Voice Health Study at Kingsford Medical School (the "Study") uses machine learning to find signs of disease.', []),
        # where it is and under which law come after what it is
        ('This Agreement is made by and between Accuray Incorporated, a Delaware corporation with its executive offices '
         'located at 1310 Chesapeake Terrace, Sunnyvale, California 94089, USA ("Accuray"), and the artist named below ("Artist").', ["Accuray"]),
        # a document, a date and a law are not the other side, whatever business words come before them
        ('This Multiple LINAC Distributor Agreement ("Agreement") is made by and between Acme Inc. and Zed Ltd.', []),
        ('If Supplier cannot meet the Due Date, the Parties shall discuss an acceptable alternate date ("Production Date").', []),
        ('The director must be qualified under the Delaware General Corporation Law ("DGCL").', []),
        # the performer's own name is never the other side's
        ('Parties: Cadence Speech GmbH ("Cadence") and the voice partner ("Partner").', ["Cadence"]),
        # ... nor is the company that lends the performer's services
        ('Between Acme Studios Inc. ("Acme") and Bright Voice LLC, a Delaware company ("Lender"), furnishing the services of Jane Doe.', ["Acme"]),
        # a definition that gives several names: the first is the business's own
        ('Welcome to Grindr LLC\'s ("Grindr", "We", "Us", "Our") mobile application.', ["Grindr"]),
        # one business named by its legal form and never defined: its name, and its first word where the
        # contract uses it alone as a subject
        ("This Agreement is between Glowtide Media Ltd and you.\nGlowtide may end the licence at any time.", ["Glowtide Media", "Glowtide"]),
        ("This Agreement is between Glowtide Media Ltd and you.\nThe licence lasts two years.", ["Glowtide Media"]),
        # ... or a one-word name never defined, which pays the performer or is granted the recordings
        ("AlertVox will pay the Creator 30% of net sales.", ["AlertVox"]),
        ("2. The Creator grants AlertVox a licence to sell the Recordings.", ["AlertVox"]),
        ("I hereby grant to Northwind the right to use my voice.", ["Northwind"]),
        # ... not an article, a pronoun or a party word before the verb, nor what the name owns
        ("The Studio Team will pay the Performer on delivery.", []),
        ("Each Party shall pay the Performer's costs.", []),
        ("The Performer grants Company a licence.", []),
        ("The Performer grants AlertVox's customers a licence.", []),
        # ... but not two, one of which may be the performer's own company
        ("This Agreement is between Acme Studios Inc. and Jane Doe Productions LLC.", []),
        # an institution by its proper name needs no legal form, wherever it is defined
        ('I am a student at Northgate Drama School ("the School").', ["School"]),
        ('I consent to the University of Leeds ("University") using my voice.', ["University"]),
        ("Entre l'Université de Lyon (« l'Université ») et le participant (« le Participant »).", ["Université"]),
        ('St Brennan\'s Teaching Hospital NHS Trust ("the Trust") is producing training videos.', ["Trust"]),
        # ... a festival, a theatre, a club by its name; a community interest company by its legal form
        ('Festival: Northlight International Film Festival ("Festival")\nGuest: the filmmaker named below ("Guest")', ["Festival"]),
        ('The Laughline Comedy Club ("Club") and the comedian signing below agree as follows.', ["Club"]),
        ('Organiser: Northlight Screen CIC ("Northlight")', ["Northlight"]),
        # ... but not a common noun, nor a product that ends in a word an institution might ("Voice Library")
        ('This is a drama school ("School").', []),
        ('The Guest will speak at a film festival ("Festival").', []),
        ('You list a voice on the Resonant Voice Library ("Library").', []),
        # ... nor the thing the description names by its common noun before an institution (sixty-third session)
        ('The Artist will record the English audio guide for the Harbour Museum (the "Guide").', []),
        ('The Narrator records the tour for the charity Open Doors (the "Charity").', ["Charity"]),
        # a form's line that names a business by its role, not a date or a project
        ("Organiser: Vesper Sound Ltd\nSinger: the undersigned", ["Organiser"]),
        ("Date: 18 May 2027\nProject: Acme Ltd rebrand", []),
        # ... two on one line (fifty-first session), and a sentence's colon after a full stop is no field
        ("Station: Coastline FM Ltd. Singer: Ruby Kaye.", ["Station"]),
        ("The fee is paid monthly. Note: Acme Ltd may change the rate.", []),
        # a body defined by its own kind (fiftieth session): « l'association Sciences en Ville (ci-après « l'Association ») »
        ("J'autorise l'association Sciences en Ville (ci-après « l'Association ») à filmer ma conférence.", ["Association"]),
        # a word of the one business's name, which the contract uses as a subject (sixty-second session)
        ("1. Mia Clarke records the prompts for the phone line of Northbank plc.\n\n2. The Bank may use the prompts.", ["Bank"]),
        ("1. The Artist records the lobby messages for Harbour Hotels Ltd.\n\n2. The Hotel may play the messages.", ["Hotel"]),
        # ... not a word the name does not hold, nor where two businesses are named
        ("1. Mia Clarke records the prompts for Northbank plc.\n\n2. The Board may use the prompts.", []),
        ("1. Mia Clarke records the prompts for Northbank plc and Southbank Ltd.\n\n2. The Bank may use the prompts.", []),
        # an agency the performer authorises or appoints, whose name may end in a performer's word (sixty-seventh session)
        ("The Creator authorises Mirrorverse Talent to create an AI twin of the Creator.", ["Mirrorverse Talent"]),
        ("The Athlete appoints Apex Brands as exclusive licensing agent.", ["Apex Brands"]),
    ],
)
def test_counterparty_aliases(text: str, expected: list[str]) -> None:
    assert names(text)[1] == expected


@pytest.mark.parametrize(
    "text, check, expected",
    [
        # the other side's own name holds what the rules give the other side
        ('This Agreement is made between Lumen Voice Ltd ("Lumen") and the individual named below (the "Contributor").\n\n'
         '1. "Term" means the period beginning on the Effective Date and continuing for so long as Lumen retains the Data.\n\n'
         "2. The Contributor grants Lumen a licence to use the Data during the Term.", "perpetual-license", "fail"),
        ('This Agreement is made between Lumen Voice Ltd ("Lumen") and the individual named below (the "Contributor").\n\n'
         "2. The licence lasts for so long as the Contributor keeps the account open.", "perpetual-license", "pass"),
        # an undefined business's short name holds the right it is given: no way out for the performer
        ("This Agreement is between Glowtide Media Ltd and you.\n\nGlowtide may end the licence at any time.", "consent-withdrawal", "fail"),
        # ... as does a one-word name the contract never defines, once it pays the performer or is granted the recordings
        ("The Creator grants AlertVox a licence to sell the Recordings.\n\nAlertVox may end this agreement on sixty (60) days' notice. "
         "AlertVox will then stop using the Recordings.", "consent-withdrawal", "fail"),
        ("The Creator grants AlertVox a licence to sell the Recordings.\n\nThe Creator may end this agreement on sixty (60) days' notice. "
         "AlertVox will then stop using the Recordings.", "consent-withdrawal", "pass"),
        # the loan-out company holds the performer's rights: its grant of a logo licence is no grant of the recordings
        ('This Agreement is made between Acme Studios Inc. ("Studio") and Bright Voice LLC ("Lender"), furnishing the services of Jane Doe.\n\n'
         "1. Lender grants Studio a licence to use the Recordings for three (3) years.\n"
         "2. Studio grants Lender a perpetual licence to use the Studio's logo on Lender's website.", "perpetual-license", "pass"),
    ],
)
def test_counterparty_alias_reads_as_the_other_side(text: str, check: str, expected: str) -> None:
    result = check_text(text, rules=RULES).check(check)
    assert result is not None and result.status == expected


@pytest.mark.parametrize(
    "text, check, expected",
    [
        # performers who sign together in the first person hold what "we" may do (sixty-second session)
        ("We, the Couple, allow Golden Hour Films to use clips from our wedding film.\n\n"
         "We may ask the Videographer to remove any clip at any time, and it will be removed within fourteen (14) days.", "consent-withdrawal", "pass"),
        ("We, Ana Lima and Rui Costa, give Brightlake Studio permission to use our photos.\n\nWe may withdraw this permission at any time.",
         "consent-withdrawal", "pass"),
        # ... not a business's "we"
        ("We, the Studio, grant the Performer a copy of the recordings.\n\nWe may end this agreement at any time by notice, and then stop "
         "using the recordings.", "consent-withdrawal", "fail"),
    ],
)
def test_signers_who_say_we_are_the_performer(text: str, check: str, expected: str) -> None:
    result = check_text(text, rules=RULES).check(check)
    assert result is not None and result.status == expected


def test_the_signers_we_keeps_offsets() -> None:
    text = "We, the Couple, allow Acme Films to use our photos. Acme will credit us."
    marked = text_for_rules(extract_bytes("release.txt", text.encode("utf-8")))
    assert len(marked) == len(text)
    assert marked.startswith(ALIAS_MARK * 2 + ", the couple") and " her photos" in marked and f"credit {ALIAS_MARK * 2}." in marked


def test_the_two_marks_differ_and_keep_offsets() -> None:
    text = 'Between Lumen Voice Ltd ("Lumen") and the voice partner ("Partner"). Lumen pays the Partner.'
    doc = extract_bytes("contract.txt", text.encode("utf-8"))
    marked = text_for_rules(doc)
    assert len(marked) == len(doc.text) and ALIAS_MARK != COUNTERPARTY_MARK
    assert marked.endswith(f"{COUNTERPARTY_MARK * 5} pays the {ALIAS_MARK * 7}.")


def test_findings_quote_the_contract_not_the_mark() -> None:
    text = ('Parties: Cadence Speech GmbH ("Cadence") and the voice partner ("Partner").\n\n'
            "5. The Partner Voice is listed under a name the Partner chooses.")
    result = check_text(text, rules=RULES).check("attribution")
    assert result is not None and result.status == "pass"
    assert result.findings and all(ALIAS_MARK not in f.quote + f.message for f in result.findings)
    assert "the Partner chooses" in result.findings[0].quote


def test_a_performer_alias_marks_its_plural_and_the_other_side_does_not() -> None:
    """Two people defined as 'each a "Host"' are "the Hosts"; a counterparty's "Licensees" are not the Licensee."""
    text = "the Hosts and the Host; the Licensee and its Licensees"
    marked = mark_aliases(text, safe_lower(text), ["Host"], plurals=True)
    assert marked.startswith(f"the {ALIAS_MARK * 5} and the {ALIAS_MARK * 4};")
    marked = mark_aliases(text, safe_lower(text), ["Licensee"], COUNTERPARTY_MARK)
    assert marked.endswith(f"the {COUNTERPARTY_MARK * 8} and its licensees")


_WORDS = st.sampled_from(["Partner", "partner", "PARTNER", "Partners", "the", "Partner's", "partnership", "Voice", " ", "\n", ",", "é", "ß", "İ"])


@given(st.lists(_WORDS, max_size=40).map(" ".join))
@example("A partner of the Partner, the PARTNER's partnership.")
def test_marking_keeps_offsets_and_marks_only_the_capitalised_term(text: str) -> None:
    lower = safe_lower(text)
    marked = mark_aliases(text, lower, ["Partner"])
    assert len(marked) == len(text)
    for i, (a, b) in enumerate(zip(lower, marked)):
        if a != b:
            assert b == ALIAS_MARK and text[i].lower() in "partner"
    words = [w for w in text.replace("'", " ").replace(",", " ").split()]
    assert marked.count(ALIAS_MARK * 7) == sum(1 for w in words if w in ("Partner", "PARTNER"))
