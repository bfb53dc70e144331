"""The words the claim matcher (`mockint.scoring.claims`) reads as structure: negators
that begin their own phrase, order relations, warnings that a sentence describes a bad
practice, conditions and causes, pronouns. Kept apart so the rules stay short to read."""

ONLY_WORDS = frozenset({"only", "just", "merely", "solely"})
# After the claim's pair, these open a phrase of their own ("adds up the sizes of the
# weights ignoring sign"): they negate what follows them, not the claim.
AFTER_PHRASE_NEGATORS = frozenset(
    {"no", "without", "none", "nothing", "ignoring", "avoiding", "skipping", "neglecting"}
)
# Relations of order: said from the property's side ("split before oversampling") they
# read the other way round ("oversampling after the split").
ORDER = frozenset({"before", "after"})
# Words that mark a sentence as describing a bad practice, not recommending it, or a move
# the speaker did not make ("I was tempted to escalate", "I resisted the urge to").
_WARNINGS_TEXT = """mistake pitfall trap bug error wrong bad leak leakage danger dangerous careful
    beware risk classic cheat cheating optimistic inflate inflated contaminate contamination
    peek misleading unrealistic future silently unnoticed misconception myth tempt tempted
    temptation urge instinct resist resisted gotcha forget"""
WARNINGS = frozenset(_WARNINGS_TEXT.split())
# Comparatives the lemmatiser files under "wrong"/"bad" ("the worse experience"): they grade
# something, they do not warn about it.
GRADES = frozenset({"worse", "worst"})
# The narrower set that also voids a claim said wrong: "a classic mistake is to think
# bagging reduces bias" reports the error ("error" and "wrong" are too common in ML talk).
_MISTAKE_WORDS_TEXT = (
    "mistake pitfall trap leak leakage misconception myth cheat peek contaminate contamination"
    " gotcha forget"
)
MISTAKE_WORDS = frozenset(_MISTAKE_WORDS_TEXT.split())
# Words that open a condition, a cause or a setting whose consequence follows after a
# comma ("if X, Y", "because X, Y", "with the cache, Y", "for a support bot, Y"): one
# statement.
# Of these, the ones that open a setting, not a condition ("With L1, ...", "At inference,
# ...", "During training, ..."): they govern the clause after them only when they lead
# the sentence.
SETTINGS = frozenset(
    {"with", "for", "at", "during", "in", "on", "under", "within", "throughout", "after", "before"}
)
CONDITIONS = frozenset({"if", "when", "whenever", "because", "since", "once"}) | SETTINGS
# Words that open a consequence of the clause before ("we hashed the names, so the data was
# anonymous"): for mistakes, one statement with it.
CONSEQUENCES = frozenset({"so", "therefore", "hence", "thus"})
# Verbs whose object is what the subject is compared against ("boosting usually beats
# neural nets on tables"): the object owns no property (lemmas).
BEATS = frozenset({"beat", "beating", "outperform", "outdo", "outrank"})
# Words before what something is measured against ("than", "versus the baseline").
YARDSTICKS = frozenset({"than", "versus", "vs", "vs.", "compared", "relative"})
# Words that only strengthen an amount word after a verb ("removes much more of it").
INTENSIFIERS = frozenset({"much", "far", "even", "lot", "way", "still"})
# Nouns of change that follow the concept they change ("variance reduction", "a latency
# increase"): the direction of that compound, whatever amount word grades it ("more
# variance reduction") (lemmas).
CHANGE_NOUNS = frozenset({"reduction", "increase", "decrease", "drop", "rise", "growth", "cut"})
# After "if", these suppose a practice in general ("if you tune on the test set, ..."): the
# sentence says what would follow, it does not report doing it.
GENERIC_YOU = frozenset({"you", "you're", "you've", "you'd", "someone", "anyone", "one"})
# After "if we"/"if I", these suppose a naive move to show where it fails ("if we just
# used accuracy, we'd score 99%").
NAIVE = frozenset({"just", "simply", "naively", "blindly"})
# Words that may stand between a verb and the adjective of its object ("fix the high bias").
ARTICLES = frozenset({"the", "a", "an", "its", "their", "this", "that"})
# A concept worded from one of these ("at inference") is not described by the word before.
PREPOSITIONS = frozenset({"at", "in", "on", "during", "for", "with", "by", "from", "to"})
# Words that open a clause of purpose before its action ("to reduce variance, use ...").
PURPOSE = frozenset({"to"})
# Words that open a condition naming a problem before the action that fixes it ("if it
# overfits, add dropout").
REMEDY = frozenset({"if", "when", "whenever"})
# Words that open a relative clause on the clause before ("..., which change weekly").
RELATIVES = frozenset({"which", "who", "whose"})
# Words that open an example set between commas inside a clause ("X, like an emoji, is ...").
EXAMPLE_OPENERS = frozenset({"like", "such", "including", "especially", "e.g"})
# Words that open a clause qualifying its sentence, not its main statement.
SUBORDINATORS = frozenset(
    {
        "where",
        "when",
        "whenever",
        "while",
        "because",
        "since",
        "although",
        "though",
        "unless",
        "until",
    }
)
# Words that join two statements of one clause ("precision goes up and recall goes down").
COORDINATORS = frozenset({"and", "but", "while", "whereas", "or"})
# Pronouns that refer a clause back to a concept named before it in the sentence.
PRONOUNS = frozenset({"it", "it's", "its", "they", "they're", "them"})
# Words that point back to what was just said ("..., but that's mostly unnecessary"):
# for mistakes only, like the pronouns.
DEMONSTRATIVES = frozenset({"that's", "this", "that", "those", "these"})
# Words that open a sentence continuing the one before about the same thing ("Take a spam
# filter. There I'd favour recall."): the subject named there is this sentence's.
BACK_REFERENCES = frozenset({"it", "it's", "they", "they're", "there", "here", "this", "these"})
# Words that open a clause widening what the sentence already said ("..., including for
# time-based data", "..., even for transactions"): for mistakes, one statement with it.
EXTENDERS = frozenset({"including", "even", "especially", "also"})
# Words that, before "from", keep a practice away from what it must not touch ("a test
# set kept separate from tuning"): a mistake said with one in its clause is not made.
KEPT_APART = frozenset({"separate", "separately", "apart", "isolated", "away", "untouched"})
# Verbs before "away from" that move the speaker, not the practice ("get away from") (lemmas).
FLEE = frozenset({"get", "run", "move", "break", "escape"})
# Before "out", these reject a practice ("so plain data parallelism is out", "we ruled
# it out") (lemmas).
PUT_ASIDE = frozenset({"be", "rule"})
# "error" names a measure after these ("mean squared error"), not a mistake.
_MEASURED_TEXT = """squared absolute mean training train validation test generalization
    percentage relative prediction reconstruction standard irreducible forecast returns
    return returned throws raises"""
MEASURED = frozenset(_MEASURED_TEXT.split())
# ... or before these ("error rate", "error codes"): a thing measured or sent, not a mistake.
_ERROR_THINGS_TEXT = "rate rates code codes message messages budget bars handling analysis"
ERROR_THINGS = frozenset(_ERROR_THINGS_TEXT.split())
MAX_GAP = 2  # other words allowed between the words of one wording
# Prepositions that open a phrase of their own: a wording's next word after one of them
# belongs to that phrase ("dropped sharply after the test" is not "dropped the test").
GAP_BREAKERS = frozenset(
    {
        "after",
        "before",
        "during",
        "about",
        "since",
        "until",
        "than",
        "into",
        "from",
        "across",
        "through",
    }
)
NEG_REACH = 3  # how far outside the subject..property span a negator still counts
# Words after a mistake's words that end the reach of a negation over it: a statement of
# its own, a purpose or a reason ("... in the prompt so it leaves out what's not allowed").
NEG_STOPS = frozenset({"and", "but", "so", "because"})
# Relations said by verbs of switching, which a concept may also do to something else
# ("dropout switches off units"), and those verbs (lemmas).
SWITCHES = frozenset(["on", "off"])
SWITCH_VERBS = frozenset(["switch", "turn", "shut", "knock"])
# After "classic", words that make it name an instance of a mistake ("another classic is",
# "a classic example"), lemmas; "" is the end of the sentence.
INSTANCE_NOUNS = frozenset(["", "be", "example", "case", "one", "sign", "symptom"])
# Verbs whose "up"/"down" is a particle of a phrasal verb, not an amount ("the loss blows
# up", "set up a baseline", "it boils down to"); lemmas. "Turn up", "scale down", "cut
# down", "slow down" and "speed up" do say which way, and are not here.
_PHRASAL_TEXT = """blow broke set pick end show make sum look back break give come follow open
    free split clean catch mess screw warm spin shut write tie wrap sign line pop boil track
    let hold put take mix hang"""
PHRASAL_PARTICLE_VERBS = frozenset(_PHRASAL_TEXT.split())
# A mistake whose text says one of these is about an absolute ("always a whole word");
# a frequency word before its claim ("often whole words") says it of some cases only.
ABSOLUTES = frozenset({"always", "never", "every", "each", "only"})
FREQUENCY_HEDGES = frozenset(
    {"often", "sometimes", "usually", "typically", "mostly", "occasionally", "frequently"}
    | {"might", "may", "could"}  # possible in some case, not in every one
)
# Who is said to do something: the speaker or someone else ("it" is as often an object).
PERSONS = frozenset({"i", "we", "he", "she", "they", "you"})
SPEAKERS = frozenset({"i", "we"})
# "he was wrong", "proved them wrong": a person judged, with words that only grade it.
OTHERS = frozenset({"he", "she", "they", "him", "her", "them"})
DEGREES = frozenset(
    {"just", "simply", "plainly", "pretty", "clearly", "completely", "totally", "flat", "dead"}
)
# A danger judged small ("I judged the risk as low") is dismissed.
SMALL = frozenset({"low", "minimal", "negligible", "small", "tiny"})
# A warning word before one of these names who does a job ("the risk team").
GROUPS = frozenset(
    {"team", "teams", "committee", "officer", "department", "function", "group", "lead", "owner"}
)
# "only" before one of these opens a condition: a rare case, not a habit.
RESTRICTIONS = frozenset({"if", "when", "once", "where", "with", "unless"})
# Outcomes that say a practice turns out badly ("gives noisy, worse predictions").
BAD_OUTCOMES = frozenset(
    {"worse", "worst", "noisy", "noisier", "broken", "garbage", "harmful", "unstable", "degraded"}
)
# Verbs a clause may stop at, its complement in the next ("Recall is, of everything ...").
COPULAS = frozenset({"is", "are", "was", "were", "means", "measures", "asks"})
# Particles of phrasal verbs, which may follow the verb's object ("loop the team in").
PARTICLES = frozenset({"in", "out", "up"})
