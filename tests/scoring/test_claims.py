"""The claim matcher's rules, each on a sentence of its own (mockint/scoring/claims.py)."""

import pytest

from mockint.scenario.bank import Claim, Mistake
from mockint.scoring.claims import Analysis
from mockint.scoring.lemmas import lemma

CONCEPTS = {
    "bagging": ["bagging", "random forest"],
    "boosting": ["boosting", "gradient boosting"],
    "bias": ["bias"],
    "variance": ["variance", "jumpy"],
    "capacity": ["capacity", "bigger model"],
    "step": ["step", "update"],
    "gradient": ["gradient"],
    "resampling": ["oversample", "smote"],
    "split": ["split", "splitting"],
    "regularization": ["regularization", "weight decay"],
    "monitoring": ["monitoring"],
    "test-set": ["test set"],
    "tuning": ["tune", "tuning"],
    "kept-out": ["without telling", "didn't tell", "without asking"],
    "went-over": ["went to his director"],
    "cut-it": ["i cut the"],
    "safeguard": ["tests", "backtest"],
    "trimmed": ["trimmed"],
    "scratch": ["from scratch"],
    "dropped": ["legal's problem"],
}
CONTRASTS = [["bagging", "boosting"], ["bias", "variance"]]


def claim(text: str) -> Claim:
    subject, _, prop = text.rpartition("->")
    s, p = subject.split(), prop.split()
    return Claim(
        text,
        tuple(p[0].split("|")),
        tuple(s[0].split("|")) if s else (),
        p[1] if len(p) > 1 else "",
        s[1] if len(s) > 1 else "",
    )


def verdicts(answer: str, text: str) -> list[str]:
    a = Analysis(answer, CONCEPTS, CONTRASTS)
    return sorted({f.status for f in a.findings(claim(text))})


@pytest.mark.parametrize(
    "answer, text, expected",
    [
        ("Bagging mainly reduces variance.", "bagging -> variance down", ["made"]),
        ("Boosting mainly reduces variance.", "bagging -> variance down", ["wrong"]),  # swap
        ("Boosting mainly reduces bias.", "bagging -> variance down", []),  # two swaps
        (
            "Bagging reduces bias, and boosting reduces variance.",
            "bagging -> variance down",
            ["wrong"],
        ),
        ("Bagging reduces variance and boosting reduces bias.", "boosting -> bias down", ["made"]),
        ("Bagging never reduces variance.", "bagging -> variance down", ["wrong"]),
        ("Bagging does not really reduce variance.", "bagging -> variance down", ["wrong"]),
        ("Bagging increases variance.", "bagging -> variance down", ["wrong"]),
        ("A bigger model has lower bias.", "capacity up -> bias down", ["made"]),
        ("Less capacity raises bias.", "capacity up -> bias down", ["made"]),  # two inversions
        ("More capacity raises bias and lowers variance.", "capacity up -> bias down", ["wrong"]),
        ("Take a step against the gradient.", "step -> gradient against", ["made"]),
        ("Take a step in the direction of the gradient.", "step -> gradient against", ["wrong"]),
        ("Oversample after the split.", "resampling -> split after", ["made"]),
        ("We split first and only then oversample.", "resampling -> split after", ["made"]),
        ("Oversample before splitting.", "resampling -> split after", ["wrong"]),
        ("Random forests average deep, high-variance trees.", "bagging -> variance down", []),
        ("Unlike boosting, bagging reduces variance.", "bagging -> variance down", ["made"]),
        ("Boosting can also reduce variance.", "bagging -> variance down", []),  # shared
        (
            "Bagging trains trees in parallel. Boosting reduces variance.",
            "bagging -> variance down",
            ["wrong"],
        ),
        # What a subject beats or outperforms is compared against: it owns nothing.
        (
            "Bagging often beats boosting at reducing variance.",
            "bagging -> variance down",
            ["made"],
        ),
        (
            "On small data bagging outperforms boosting and reduces variance.",
            "bagging -> variance down",
            ["made"],
        ),
        (  # "than" may stand three words before what is compared
            "We used bagging, which reduces variance better than a tuned boosting.",
            "bagging -> variance down",
            ["made"],
        ),
        # A noun of change after the concept gives its direction ("more" grades the noun).
        (
            "Random forests give more variance reduction than one tree.",
            "bagging -> variance down",
            ["made"],
        ),
        ("Bagging brings a clear variance reduction.", "bagging -> variance down", ["made"]),
        ("Bagging brings more variance.", "bagging -> variance down", ["wrong"]),
        # "more of X" is an amount of X: the verb before it gives the direction.
        ("Bagging removes much more of the variance.", "bagging -> variance down", ["made"]),
        ("Bagging adds more of the variance.", "bagging -> variance down", ["wrong"]),
        # A participle of neglect after the pair negates its own object.
        ("Bagging reduces variance ignoring label noise.", "bagging -> variance down", ["made"]),
    ],
)
def test_rules(answer, text, expected):
    assert verdicts(answer, text) == expected


def test_a_subject_from_an_earlier_clause_credits_but_never_faults():
    assert verdicts(
        "Bagging, which averages trees, reduces variance.", "bagging -> variance down"
    ) == ["made"]
    assert (
        verdicts("Bagging, which averages trees, increases variance.", "bagging -> variance down")
        == []
    )


def test_a_condition_and_its_consequence_are_one_statement():
    assert verdicts("If you use bagging, variance goes up.", "bagging -> variance down") == [
        "wrong"
    ]
    assert verdicts("If you use bagging, variance goes down.", "bagging -> variance down") == [
        "made"
    ]
    # What a property is compared against never owns it.
    assert verdicts("It is less jumpy than bagging.", "bagging -> variance down") == []
    # Any other clause before it still only credits ("with X," opens a setting: see below).
    assert verdicts("Bagging is popular, and variance goes up.", "bagging -> variance down") == []


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Weight decay helps.", True),
        ("We use no weight decay here.", False),  # negated: neither made nor wrong
        ("Plain weight decay will not fix it alone.", True),  # the negation is about what follows
    ],
)
def test_a_bare_concept_is_credited_or_nothing(answer, made):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("regularization"))
    assert [f.status for f in found] == (["made"] if made else [])


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We tune the hyperparameters on the test set.", True),
        ("Never tune on the test set.", False),
        ("Avoid tuning, thresholds and feature choices on the test set.", False),
        ("A classic leak is to tune on the test set.", False),  # described, not made
        ("If it sits in the test set, we tune on it.", True),  # a condition and its consequence
        ("We scored the test set, and then we tuned on it.", True),  # "it" refers back
        ("We scored the test set, and then we tuned the model.", False),  # no link: unsure
        ("We tune on the test set by its mean squared error.", True),
        ("A common error is to tune on the test set.", False),  # a warning, not a measure
        ("The test set is touched once. Tuning happens on validation.", False),  # two clauses
    ],
)
def test_mistakes(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("test-set -> tuning"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, negated",
    [
        ("Don't skip monitoring.", False),  # two negations
        ("Monitoring is not needed.", True),
        ("Flag no more than 500 cases with monitoring.", False),  # a limit, not a negation
    ],
)
def test_negation(answer, negated):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("regularization -> monitoring"))
    t = Analysis(answer, CONCEPTS, CONTRASTS).text
    m = next(k for k, key in enumerate(t.keys) if key == lemma("monitoring"))
    assert t.negated(0, len(t.tokens), {m}) is negated
    assert found == []  # no subject named: nothing to judge


def test_spellings_and_inflections_meet():
    assert lemma("regularisation") == lemma("regularization")
    assert lemma("Regularising") == lemma("regularizes")
    assert lemma("modelling") == lemma("modeled")
    assert lemma("labelled") == lemma("labels")
    assert lemma("behaviour") == lemma("behavior")
    # A plural the dictionary lacks meets its singular, typed either way.
    assert lemma("LLMs") == lemma("llms") == lemma("LLM") == "llm"
    assert lemma("GPUs") == lemma("gpus") == lemma("gpu") and lemma("logits") == "logit"
    assert lemma("As") == "as" and lemma("bias") == "bias" and lemma("Its") == lemma("its")


def test_a_cause_and_its_consequence_are_one_statement():
    assert verdicts("Because we use bagging, variance goes up.", "bagging -> variance down") == [
        "wrong"
    ]


def test_a_possessive_names_the_thing_and_synonyms_meet():
    assert lemma("judge's") == lemma("judge")
    assert lemma("it's") != lemma("it")  # "it is", not a possessive
    assert verdicts("The bagging's effect: variance goes down.", "bagging -> variance down") == [
        "made"
    ]


def test_words_of_one_synonym_group_meet():
    """The lexicon's synonym groups: "word" is said for "token", "pick" for "choose"."""
    concepts = {"limit": ["token limit"], "choice": ["choose the model"]}
    found = Analysis("There is a word limit, so we pick the model carefully.", concepts, []).found
    assert sorted(m.name for m in found) == ["choice", "limit"]


def test_a_subject_the_prompt_names_may_stay_implicit_to_credit_never_to_fault():
    def plain(answer: str, prompt: str) -> list[str]:
        a = Analysis(answer, CONCEPTS, CONTRASTS, prompt=prompt)
        return sorted({f.status for f in a.findings(claim("bagging -> variance down"))})

    asks = "What does bagging do to the error?"
    assert plain("Averaging many trees makes the variance go down.", asks) == ["made"]
    assert plain("Averaging many trees makes the variance go up.", asks) == []
    # Not the question's topic, or a contrasted subject named: the property needs its owner.
    assert plain("Averaging many trees makes the variance go down.", "What is an ensemble?") == []
    assert plain("Boosting is sequential. The variance goes down.", asks) == []


def test_a_relative_clause_belongs_to_the_clause_before():
    assert verdicts(
        "We use boosting, which mainly reduces variance.", "bagging -> variance down"
    ) == ["wrong"]


def test_a_measure_said_the_other_way_round_inverts_the_direction():
    """The lexicon's `inverse` wordings: "high training accuracy" is low training error."""
    from mockint.scenario.lexicon import load_lexicon

    concepts = {
        "overfitting": ["overfitting", "overfit"],
        "training-error": list(load_lexicon().concepts["training-error"]),
    }

    def said(answer: str) -> list[str]:
        a = Analysis(answer, concepts, [])
        return sorted({f.status for f in a.findings(claim("overfitting -> training-error down"))})

    assert said("An overfit model has a very low training error.") == ["made"]
    assert said("An overfit model has a very high training accuracy.") == ["made"]
    assert said("An overfit model has a low training accuracy.") == ["wrong"]


def test_words_ending_in_x_keep_their_stem():
    assert lemma("fixes") == lemma("fixed") == lemma("fix")
    assert lemma("mixed") == lemma("mix")


def test_a_purpose_clause_belongs_to_the_action_after_it():
    assert verdicts("To reduce variance, use bagging.", "bagging -> variance down") == ["made"]
    assert verdicts("To reduce variance, use boosting.", "bagging -> variance down") == ["wrong"]


def test_the_verb_not_the_adjective_on_the_concept_gives_the_direction():
    assert verdicts("Bagging reduces the high variance.", "bagging -> variance down") == ["made"]
    assert verdicts("Bagging fixes high variance.", "bagging -> variance down") == ["made"]


def test_an_opening_setting_belongs_to_the_clause_after_it():
    assert verdicts("With boosting, variance goes down.", "bagging -> variance down") == ["wrong"]
    assert verdicts("For bagging, variance goes down.", "bagging -> variance down") == ["made"]


def test_a_direction_word_before_a_phrase_led_by_a_preposition_is_not_its_adjective():
    concepts = {**CONCEPTS, "inference": ["at inference"], "dropout": ["dropout"]}
    a = Analysis("Dropout is turned off at inference.", concepts, [])
    assert {f.status for f in a.findings(claim("inference -> dropout off"))} == {"made"}
    a = Analysis("At inference dropout stays on.", concepts, [])
    assert {f.status for f in a.findings(claim("inference -> dropout off"))} == {"wrong"}


def test_a_problem_in_a_condition_is_fixed_by_the_action_after_it():
    concepts = {**CONCEPTS, "overfitting": ["overfits"], "dropout": ["dropout"]}
    cl = claim("capacity|dropout -> overfitting down")

    def said(answer: str) -> set[str]:
        return {f.status for f in Analysis(answer, concepts, []).findings(cl)}

    assert said("If the model overfits, add dropout.") == {"made"}
    # The size of the problem ("is high") says nothing about what the action does.
    assert said("If variance is high, use a bigger model.") == set()


@pytest.mark.parametrize(
    "answer, made",
    [
        ("When the API returns an error, we retry immediately.", True),  # an error as a thing
        ("We watch the error rate and retry immediately.", True),
        ("A classic error is to retry immediately.", False),  # a mistake described
    ],
)
def test_error_as_a_thing_does_not_mark_a_warning(answer, made):
    concepts = {"no-backoff": ["retry immediately"]}
    m = Mistake("Retrying with no backoff.", "", claim("no-backoff"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


def test_a_demonstrative_points_a_mistake_back_to_the_clause_before():
    concepts = {"safeguard": ["human labels"], "unnecessary": ["mostly unnecessary"]}
    m = Mistake("Calling a safeguard unnecessary.", "", claim("safeguard -> unnecessary"))
    said = "People ask for human labels, but with a strong model that's mostly unnecessary."
    assert Analysis(said, concepts, []).mistake_made(m) is not None


def test_a_sentence_opening_with_a_pronoun_takes_a_mistake_from_the_one_before():
    concepts = {"flash": ["flashattention"], "approximate": ["an approximation"]}
    m = Mistake("Saying FlashAttention approximates.", "", claim("flash -> approximate"))
    said = "FlashAttention is the big one. It's an approximation that skips pairs."
    assert Analysis(said, concepts, []).mistake_made(m) is not None
    later = "FlashAttention is the big one. Sparse methods are an approximation."
    assert Analysis(later, concepts, []).mistake_made(m) is None


@pytest.mark.parametrize(
    "answer, made",
    [
        ("A system prompt alone is enough to stop injection.", True),
        ("A system prompt is usually enough against injection.", True),  # a gap word
        ("A system prompt alone is not enough to stop injection.", False),
        ("A system prompt is never enough against injection.", False),
    ],
)
def test_a_negator_between_the_words_of_a_wording_breaks_it(answer, made):
    concepts = {"prompt-guard": ["system prompt"], "sufficient": ["is enough"]}
    m = Mistake("Trusting the prompt alone.", "", claim("prompt-guard -> sufficient"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Each expert specialises in a topic, like a math expert.", True),
        ("A common misconception is that each expert specialises in a topic.", False),
        ("It's a myth that each expert specialises in a topic.", False),
    ],
)
def test_a_misconception_or_myth_reports_a_mistake_rather_than_making_it(answer, made):
    concepts = {"expert": ["expert"], "topic": ["specialises in a topic"]}
    m = Mistake("Experts as topic specialists.", "", claim("expert -> topic"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I escalated to her director to get it fixed.", True),
        ("I was tempted to escalate to her director.", False),
        ("I resisted the urge to escalate to her director.", False),
        ("My first instinct was to escalate to her director.", False),
    ],
)
def test_a_move_the_speaker_was_tempted_to_make_is_not_made(answer, made):
    concepts = {"escalate": ["escalate", "escalated"], "director": ["director"]}
    m = Mistake("Going over their head.", "", claim("escalate -> director"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We hashed the names, so the data was anonymous.", True),
        ("We hashed the names, and the data went to the vendor.", False),
        ("We hashed the names. So the data was anonymous.", False),  # another sentence
    ],
)
def test_a_consequence_after_a_comma_is_one_statement_for_a_mistake(answer, made):
    concepts = {"hashing": ["hashed"], "anonymous": ["anonymous"]}
    m = Mistake("Hashed data called anonymous.", "", claim("hashing -> anonymous"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We tuned the threshold on the test set.", True),
        ("Contamination, such as tuning on the test set, is common in practice.", False),
    ],
)
def test_contamination_names_the_practice_as_a_danger(answer, made):
    assert tunes_on_test(answer) is made


def tunes_on_test(answer: str) -> bool:
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    return Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We tuned on the test set to save a week.", True),
        ("Tuning on the test set is too risky for a launch decision.", False),
        ("Tuning on the test set is, in my view, too risky.", False),
        ("So tuning on the test set was out.", False),
        ("We ruled out tuning on the test set early.", False),
        ("We tuned on the test set too.", True),  # "too" at the end is "also"
        ("I refused to tune on the test set.", False),
        ("We tuned on the test set, I think, twice.", True),
    ],
)
def test_a_practice_called_too_risky_or_ruled_out_is_not_made(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, []).mistake_made(m) is not None) is made


def test_a_hedge_between_commas_does_not_cut_its_clause():
    from mockint.scoring.clauses import Text

    t = Text("Weight decay is, I believe, the cheaper fix, and it works.")
    assert [t.lower[c.start : c.end][-1] for c in t.clauses] == ["fix", "works"]


@pytest.mark.parametrize(
    "answer, made",
    [
        ("If you tune on the test set, the final number stops being honest.", False),
        ("If we tuned on the test set we got a better number.", True),  # a report
        ("Tune on the test set if you are in a hurry.", True),  # "if" after the practice
        ("Keep a validation split, otherwise you end up tuning on the test set.", False),
        ("Keep a validation split, then we tune on the test set.", True),
        # A naive move supposed to show where it fails, not one made.
        ("If we just tuned on the test set, the number would look better than it is.", False),
        ("If I naively tune on the test set, the estimate is biased.", False),
    ],
)
def test_a_practice_supposed_with_if_you_is_not_made(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, []).mistake_made(m) is not None) is made


def test_a_claim_supposed_with_if_you_is_not_said_wrong():
    said = "If you think boosting reduces variance, check the learning curves."
    assert verdicts(said, "bagging -> variance down") == []
    assert verdicts("Boosting reduces variance, check the curves.", "bagging -> variance down") == [
        "wrong"
    ]


def test_a_setting_governs_the_clause_after_it_only_where_it_leads():
    assert verdicts("With bagging, variance goes up.", "bagging -> variance down") == ["wrong"]
    said = "We compared a few models, with bagging as the baseline, and variance went up."
    assert verdicts(said, "bagging -> variance down") == []


@pytest.mark.parametrize(
    "answer, made",
    [
        ("With a good rubric, human validation of the grader is redundant.", True),
        ("We kept human validation of the grader on a weekly sample.", False),
    ],
)
def test_human_validation_is_a_safeguard_of_the_lexicon(answer, made):
    from mockint.scenario.lexicon import load_lexicon

    lex = load_lexicon()
    m = next(m for m in lex.mistakes if m.claim and m.claim.text == "safeguard -> unnecessary")
    assert (Analysis(answer, lex.concepts, []).mistake_made(m) is not None) is made


DROPOUT = {
    "dropout": ["dropout", "randomly switch off"],
    "inference-time": ["inference", "serving"],
    "training-time": ["training"],
}
DROPOUT_CONTRASTS = [["inference-time", "training-time"]]


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A setting opening the sentence governs the clause after it.
        ("At inference, dropout is switched off.", ["made"]),
        ("At inference, you keep dropout active.", ["wrong"]),
        ("During training, dropout is switched off.", ["wrong"]),
        # Dropout switching units off is what it does, not whether it is on.
        ("During training, dropout randomly switches off some units.", []),
        # A wording of the concept ("randomly switch off") is not its direction too.
        ("During training, we randomly switch off units.", []),
    ],
)
def test_opening_phrases_and_switching_verbs(answer, expected):
    a = Analysis(answer, DROPOUT, DROPOUT_CONTRASTS)
    got = sorted({f.status for f in a.findings(claim("inference-time -> dropout off"))})
    assert got == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("The classic approach is to tune on the test set.", True),
        ("A classic mistake is to tune on the test set.", False),
        ("Another classic is to tune on the test set.", False),
    ],
)
def test_classic_warns_only_of_a_mistake_or_an_instance(answer, made):
    mistake = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    a = Analysis(answer, CONCEPTS, CONTRASTS)
    assert (a.mistake_made(mistake) is not None) is made


def test_too_marks_a_shared_property_only_at_the_end_of_its_clause():
    # "too" at the end adds a subject ("as well"); before a word it grades that word.
    assert verdicts("Boosting reduces variance too.", "bagging -> variance down") == []
    assert verdicts("Boosting reduces variance too quickly.", "bagging -> variance down") == [
        "wrong"
    ]


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We tuned on the test set and that was my fault.", False),  # owned
        ("We tuned on the test set and that was QA's fault.", True),  # blamed
    ],
)
def test_a_practice_owned_as_ones_own_fault_is_not_made(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, []).mistake_made(m) is not None) is made


def test_a_practice_is_set_aside_only_by_words_outside_its_own():
    concepts = {**CONCEPTS, "fake-weakness": ["too much of a perfectionist"]}
    weakness = Mistake("A strength dressed up as a weakness.", "", claim("fake-weakness"))
    said = "My weakness is that I am too much of a perfectionist."
    assert Analysis(said, concepts, []).mistake_made(weakness) is not None
    tuned = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    said = "Tuning on the test set is too risky here."
    assert Analysis(said, CONCEPTS, []).mistake_made(tuned) is None


@pytest.mark.parametrize(
    "answer, made",
    [
        # "bad" qualifies the practice's own words: it describes, it does not warn.
        ("Hallucinations come only from bad training data.", True),
        ("It is a bad idea to say hallucinations come only from training data.", False),
    ],
)
def test_a_warning_word_on_the_practices_own_words_describes_it(answer, made):
    concepts = {**CONCEPTS, "hallucination": ["hallucination"], "training-data": ["training data"]}
    m = Mistake("Blaming only the data.", "", claim("hallucination -> training-data"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


def test_getting_away_from_something_does_not_set_a_practice_aside():
    concepts = {**CONCEPTS, "leave-team": ["my team", "my manager"]}
    m = Mistake("Running down the current team.", "", claim("leave-team"))
    assert Analysis("I mostly want to get away from my manager.", concepts, []).mistake_made(m)
    tuned = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    said = "We tuned on a split kept away from the test set."
    assert Analysis(said, CONCEPTS, []).mistake_made(tuned) is None


@pytest.mark.parametrize(
    "answer, made",
    [
        # A danger dismissed is not a danger named: the practice is defended, so it is made.
        ("Leakage isn't really a risk here, so we tune on the test set.", True),
        ("We tune on the test set; there's no leakage risk at our size.", True),
        # Named as a danger, it stays described, not made.
        ("A classic leak is to tune on the test set.", False),
        ("The risk is that people tune on the test set.", False),
        ("Avoid the classic mistake: some tune on the test set.", False),
    ],
)
def test_a_dismissed_warning_does_not_set_a_mistake_aside(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, status",
    [
        ("Boosting halves the bias in a few rounds.", "made"),
        ("Boosting roughly doubles the bias.", "wrong"),
        ("With boosting the bias plummets.", "made"),
    ],
)
def test_doubling_and_halving_are_directions(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("boosting -> bias down"))
    assert [f.status for f in found] == [status]


@pytest.mark.parametrize(
    "answer, status",
    [
        ("Capacity affects variance. With bagging I'd keep it low.", "made"),
        ("Capacity affects variance. With bagging it goes down.", "made"),
        ("Capacity affects variance. With bagging it goes up.", "wrong"),
        # Not named before: "it" stands for something else.
        ("With bagging I'd keep it low.", None),
        # The amount grades the noun after it ("give it more trees"): "it" is the model.
        ("Capacity affects variance. With bagging, give it more trees.", None),
    ],
)
def test_it_by_an_amount_stands_for_the_quantity_the_question_asks_about(answer, status):
    c = claim("bagging -> variance down")
    prompt = "What does bagging do to the variance of a model?"
    found = Analysis(answer, CONCEPTS, CONTRASTS, prompt=prompt, claims=[c]).findings(c)
    assert [f.status for f in found] == ([status] if status else [])


@pytest.mark.parametrize(
    "answer, status",
    [
        # "blow up", "set up", "end up": particles of a verb, not amounts.
        ("With bagging the training can blow up the variance.", None),
        ("Bagging sets up the variance term first.", None),
        ("Bagging brings the variance down.", "made"),
        ("Bagging turns the variance up.", "wrong"),
    ],
)
def test_a_phrasal_verbs_up_or_down_is_no_direction(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("bagging -> variance down"))
    assert [f.status for f in found] == ([status] if status else [])


@pytest.mark.parametrize(
    "answer, status",
    [
        # "The more ..., the less ...": one statement across its comma.
        ("The bigger the capacity, the lower the bias.", "made"),
        ("The bigger the capacity, the higher the bias.", "wrong"),
        ("The more capacity, the higher the bias.", "wrong"),
        ("The more capacity you add, the more the bias drops.", "made"),
        ("The more capacity you add, the more the bias grows.", "wrong"),
    ],
)
def test_the_more_the_less_is_one_statement(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("capacity up -> bias down"))
    assert [f.status for f in found] == [status]


@pytest.mark.parametrize(
    "answer, said_wrong",
    [
        ("Bagging reduces bias.", True),
        # Named as the contamination to avoid, the swap describes the danger.
        ("Contamination, like believing that bagging reduces bias, misleads the team.", False),
    ],
)
def test_a_contamination_reports_a_swap_rather_than_saying_it(answer, said_wrong):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("bagging -> variance down"))
    assert ("wrong" in [f.status for f in found]) is said_wrong


@pytest.mark.parametrize(
    "answer, status",
    [
        # A negator after the pair, right before the contrasted concept, denies that one.
        ("Bagging reduces variance and not bias.", "made"),
        ("Bagging reduces variance and never the bias.", "made"),
        ("Bagging does not reduce variance.", "wrong"),
    ],
)
def test_a_negator_before_the_contrasted_concept_denies_that_one(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("bagging -> variance down"))
    assert [f.status for f in found] == [status]


@pytest.mark.parametrize(
    "answer, status",
    [
        # "a bigger one": "one" after an amount stands for the concept graded before it.
        ("A small capacity keeps the variance low and a bigger one raises the variance.", "made"),
        ("A bigger capacity keeps the variance low and a small one raises the variance.", "wrong"),
    ],
)
def test_one_after_an_amount_stands_for_the_concept_graded_before(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("capacity up -> variance up"))
    assert status in [f.status for f in found]
    assert ({"made", "wrong"} - {status}).isdisjoint(f.status for f in found)


@pytest.mark.parametrize(
    "answer, status",
    [
        # After a condition, an amount that opens the next clause is the subject's again.
        ("If the capacity is too big the variance rises; too small and the bias grows.", "made"),
        ("If the capacity is too small the variance rises; too big and the bias grows.", "wrong"),
    ],
)
def test_an_amount_opening_a_clause_restates_the_subjects(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("capacity down -> bias up"))
    assert {f.status for f in found} == {status}


@pytest.mark.parametrize(
    "answer, status",
    [
        # An order word in front of both is said of the subject, as written.
        ("After the split we oversample.", "made"),
        ("Before splitting we oversample.", "wrong"),
        ("We oversample before splitting.", "wrong"),
    ],
)
def test_an_order_word_in_front_of_both_is_said_of_the_subject(answer, status):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("resampling -> split after"))
    assert [f.status for f in found] == [status]


@pytest.mark.parametrize(
    "answer, status",
    [
        # A comparative says "more" of the concept by itself.
        ("Bagging leaves the predictions jumpier.", "wrong"),
        ("Bagging leaves them less jumpy.", "made"),
    ],
)
def test_a_comparative_of_the_concept_is_its_direction(answer, status):
    concepts = {**CONCEPTS, "variance": ["variance", "jumpy"]}
    found = Analysis(answer, concepts, CONTRASTS).findings(claim("bagging -> variance down"))
    assert [f.status for f in found] == [status]


@pytest.mark.parametrize(
    "answer, made",
    [
        # A negator after "and" belongs to a statement of its own.
        ("We tuned on the test set and never looked back.", True),
        ("We tune on the test set and nobody has complained.", True),
        # Before the mistake, it still negates it.
        ("We never tune on the test set and we keep it sealed.", False),
        ("We tune on validation and never on the test set.", False),
    ],
)
def test_a_negator_after_and_does_not_reach_back_to_a_mistake(answer, made):
    m = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We tune on the test set.", True),
        # "often" says it of some cases: not the absolute the mistake is about ...
        ("Teams often tune on the test set.", False),
    ],
)
def test_a_frequency_word_keeps_an_absolute_mistake_from_being_made(answer, made):
    absolute = Mistake("Always tuning on the test set.", "", claim("tuning -> test-set"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(absolute) is not None) is made
    # ... while a mistake that is no absolute is made however often it is done.
    plain = Mistake("Tuning on the test set.", "", claim("tuning -> test-set"))
    assert Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(plain) is not None


def test_a_contrasted_property_named_only_as_the_yardstick_is_no_swap():
    said = "Bagging gives much steadier predictions than the variance of one deep tree."
    assert Analysis(said, CONCEPTS, CONTRASTS).findings(claim("bagging -> bias down")) == []
    said = "Bagging lowers the variance."
    found = Analysis(said, CONCEPTS, CONTRASTS).findings(claim("bagging -> bias down"))
    assert [f.status for f in found] == ["wrong"]


@pytest.mark.parametrize(
    "answer, said_wrong",
    [
        ("Bagging reduces bias.", True),
        # Listed as instances of what is discussed, it describes them.
        ("Other common forms: bagging reduces bias, boosting reduces variance.", False),
        ("Typical causes include believing that bagging reduces bias.", False),
        ("The classic ones I've seen: bagging reduces bias, boosting reduces variance.", False),
    ],
)
def test_a_list_of_instances_reports_rather_than_says(answer, said_wrong):
    found = Analysis(answer, CONCEPTS, CONTRASTS).findings(claim("bagging -> variance down"))
    assert ("wrong" in [f.status for f in found]) is said_wrong


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I changed the pipeline without telling the team.", True),
        ("We shipped it over the weekend without asking anyone.", True),
        ("I'd rather build it first, so I didn't tell them.", True),
        # Someone else doing it is a story about them, not the speaker's conduct.
        ("The vendor changed the schema without telling us.", False),
        ("They changed the schema without telling us, so I escalated.", False),
        ("My director backed it without asking for a second opinion.", False),
        ("She backed my plan without asking for a second opinion.", False),
        ("It is a model that raises alerts without telling anyone why.", False),
        ("I kept the old chart, which looks fine even if it didn't tell us much.", False),
        # With no person named before it, the speaker's own plan counts.
        ("So my plan is to change the config quietly, without telling the team.", True),
        ("So the plan is to change the config quietly, without telling the team.", False),
    ],
)
def test_a_mistake_by_the_speaker_needs_the_speaker_to_do_it(answer, made):
    m = Mistake("Acting without telling.", "", claim("kept-out"), by_speaker=True)
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made
    # A mistake not marked so is made whoever does it.
    anyone = Mistake("Acting without telling.", "", claim("kept-out"))
    assert Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(anyone) is not None


@pytest.mark.parametrize(
    "answer, made",
    [
        # "wrong" said of a person judges them; it does not name the move as a danger.
        ("I felt strongly that he was wrong, so I went to his director.", True),
        ("To prove him wrong, I went to his director.", True),
        # Said of the move itself, it still warns.
        ("It would have been wrong to go over him, so I never went to his director.", False),
        ("The wrong move would be if I went to his director.", False),
    ],
)
def test_wrong_said_of_a_person_is_no_warning(answer, made):
    m = Mistake("Going over the manager's head.", "", claim("went-over"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Under the deadline I cut the tests.", True),
        # A word that negates its object, between the words of a wording, breaks it.
        ("Under the deadline I refused to cut the tests.", False),
        ("Under the deadline I never cut the tests.", False),
    ],
)
def test_a_negating_word_inside_a_wording_breaks_it(answer, made):
    m = Mistake("Cutting a safeguard.", "", claim("cut-it"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We trimmed the backtest to hit the date.", True),
        # What a result is measured against owns nothing.
        ("The new model trimmed stockouts by a fifth versus the backtest.", False),
        ("It trimmed stockouts by a fifth compared to the backtest.", False),
    ],
)
def test_a_yardstick_after_versus_owns_nothing(answer, made):
    m = Mistake("Cutting a safeguard.", "", claim("safeguard -> trimmed"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I'd train the network from scratch.", True),
        ("I'd train from scratch, and only later compare.", True),
        # "only" opening a condition names a rare case, not what one does by default.
        ("I'd train from scratch only with a huge dataset.", False),
        ("I'd train from scratch only if nothing pretrained fits.", False),
    ],
)
def test_only_with_a_condition_names_a_rare_case(answer, made):
    m = Mistake("Training from scratch by default.", "", claim("scratch"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("After I flagged it, it was legal's problem.", True),
        ("After I flagged it, it was legal’s problem.", True),
        # A possessive in a wording must be said: this is not "legal's problem".
        ("It could become a legal or trust problem.", False),
        ("That is a legal problem.", False),
    ],
)
def test_a_possessive_in_a_wording_must_be_said(answer, made):
    m = Mistake("Leaving the concern to others.", "", claim("dropped"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Boosting reduces variance.", ["wrong"]),  # a swap
        # Said not to happen reliably, the swapped statement says nothing certain ...
        ("Boosting reduces variance unreliably.", []),
        # ... and the right one is said wrong.
        ("Bagging reduces variance inconsistently at best.", ["wrong"]),
    ],
)
def test_a_manner_of_unreliability_negates(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


def test_a_direction_of_two_words_is_used_once():
    """ "goes up" is one direction: once it is said of one concept, its "up" is not left
    over to be said of the next ("recall goes up and precision drops")."""
    concepts = {"threshold": ["threshold"], "precision": ["precision"], "recall": ["recall"]}
    said = (
        "When you raise the threshold, the model flags more items, so recall goes up and "
        "precision drops."
    )
    found = Analysis(said, concepts, [["precision", "recall"]]).findings(
        claim("threshold up -> precision up")
    )
    assert "made" not in [f.status for f in found]


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A negator before a subject named after the property says what is avoided ...
        ("I keep a held-out test set so I'm not overfitting.", ["made"]),
        # ... one before the property still denies it.
        ("Overfitting is never caught with a held-out test set.", ["wrong"]),
    ],
)
def test_a_negated_subject_after_the_property_is_what_is_avoided(answer, expected):
    concepts = {"overfitting": ["overfitting"], "held-out": ["held-out test set"]}
    found = Analysis(answer, concepts, []).findings(claim("overfitting -> held-out"))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("The target model proposes the tokens.", ["wrong"]),  # a swap
        # A participle after a determiner describes the tokens: no one is said to propose.
        ("The target model then checks all of those proposed tokens at once.", []),
    ],
)
def test_a_participle_after_a_determiner_describes_a_thing(answer, expected):
    concepts = {"draft": ["draft model"], "target": ["target model"], "propose": ["propose"]}
    found = Analysis(answer, concepts, [["draft", "target"]]).findings(claim("draft -> propose"))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Bagging increases variance.", ["wrong"]),
        # The clause goes on to say it turns out badly: a warning, not a belief.
        ("Bagging that increases variance gives noisy, worse predictions.", []),
    ],
)
def test_a_statement_said_to_turn_out_badly_is_a_warning(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Warmup ramps the rate up at the start. With Adam you don't need it.", True),
        ("It's common to ramp up with a warmup. With Adam you don't need it.", False),
    ],
)
def test_a_pronoun_may_point_to_the_topic_of_the_sentence_before(answer, made):
    """For a mistake, "it" may stand for the concept that opens the sentence before (its
    topic), not for one named later in it."""
    concepts = {"warmup": ["warmup"], "unneeded": ["don't need"]}
    m = Mistake("Saying warmup is unneeded.", "", claim("warmup -> unneeded"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Precision is, of everything the model flagged, the share that was fraud.", ["made"]),
        ("Recall is, of everything the model flagged, the share that was fraud.", ["wrong"]),
    ],
)
def test_a_clause_that_stops_at_its_verb_goes_on_in_the_next(answer, expected):
    concepts = {
        "precision": ["precision"],
        "recall": ["recall"],
        "of-flagged": ["of everything the model flagged"],
    }
    found = Analysis(answer, concepts, [["precision", "recall"]]).findings(
        claim("precision -> of-flagged")
    )
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        # A warning word naming who does a job ("the risk team") is no warning ...
        ("I changed the config without telling the on-call engineer or the risk team.", True),
        # ... one naming a danger still is.
        ("Changing it without telling anyone is a real risk.", False),
    ],
)
def test_a_warning_word_that_names_a_team_is_no_warning(answer, made):
    m = Mistake("Acting without telling.", "", claim("kept-out"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # A danger judged small is dismissed, not warned about ...
        ("I trimmed the backtest; the queue was long and I judged the risk as low.", True),
        # ... one left standing still warns.
        ("I trimmed the backtest, which was a real risk to the launch.", False),
    ],
)
def test_a_danger_judged_small_is_no_warning(answer, made):
    m = Mistake("Cutting a safeguard.", "", claim("safeguard -> trimmed"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I didn't loop them in.", True),
        # A phrasal verb's particle may follow a longer object ...
        ("I didn't loop the retention team in at that stage.", True),
        # ... but only a particle: other words keep the usual gap.
        ("I didn't loop anyone on the retention team or the sales side in.", False),
    ],
)
def test_a_particle_may_follow_the_object_of_its_verb(answer, made):
    concepts = {"kept-out": ["didn't loop in"]}
    m = Mistake("Acting without telling.", "", claim("kept-out"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


THRESHOLD = {"threshold": ["threshold"], "precision": ["precision"], "recall": ["recall"]}


@pytest.mark.parametrize(
    "answer, expected",
    [
        # The direction after a coordinator is the next concept's, not the one before it.
        ("If I raise the threshold, precision goes up and recall goes down.", ["made"]),
        ("If I raise the threshold, recall goes up and precision goes down.", ["wrong"]),
    ],
)
def test_a_direction_before_a_coordinator_belongs_to_the_concept_before_it(answer, expected):
    found = Analysis(answer, THRESHOLD, [["precision", "recall"]]).findings(
        claim("threshold up -> recall down")
    )
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A leading condition governs the consequence chained to its main clause ...
        ("If I raise the threshold, fewer items get flagged, so recall drops.", ["made"]),
        ("If I raise the threshold, more items get flagged, so recall goes up.", ["wrong"]),
        # ... but not a clause that starts a statement of its own.
        ("If I raise the threshold, fewer get flagged, and later recall goes up.", []),
    ],
)
def test_a_condition_governs_the_consequences_of_its_main_clause(answer, expected):
    found = Analysis(answer, THRESHOLD, [["precision", "recall"]]).findings(
        claim("threshold up -> recall down")
    )
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Bagging raises the variance of the ensemble.", ["wrong"]),
        # A compound describes the noun after it: nothing about which way variance goes.
        ("Bagging works best with high-variance learners like deep trees.", []),
    ],
)
def test_a_hyphened_compound_describes_the_noun_after_it(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("At eval time dropout stays on.", ["wrong"]),
        # What forgetting a step leads to is reported, not held.
        ("A classic gotcha is forgetting eval mode, which leaves dropout on at eval time.", []),
        ("People often forget eval mode, which leaves dropout on at eval time.", []),
    ],
)
def test_what_a_forgotten_step_leads_to_is_reported(answer, expected):
    concepts = {"eval": ["eval time", "eval mode"], "dropout": ["dropout"]}
    found = Analysis(answer, concepts, []).findings(claim("eval -> dropout off"))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("We dropped the backtest to ship on Friday.", True),
        ("We dropped the whole backtest.", True),
        # After a preposition the wording's next word belongs to that phrase.
        ("Complaints dropped sharply after the backtest.", False),
    ],
)
def test_a_wording_does_not_reach_across_a_preposition(answer, made):
    concepts = {"cut-it": ["dropped the backtest"]}
    m = Mistake("Cutting a safeguard.", "", claim("cut-it"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I didn't ask them before I changed the schema.", True),
        ("I didn't tell the team.", True),
        # Asking or telling someone *to* do something is a request, not consulting them.
        ("I didn't ask them to slow down.", False),
        ("I didn't tell the team to stop.", False),
    ],
)
def test_asking_someone_to_act_is_a_request(answer, made):
    concepts = {"kept-out": ["didn't ask", "didn't tell"]}
    m = Mistake("Acting without asking.", "", claim("kept-out"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("When it overfits, the validation loss goes down.", ["wrong"]),
        # A superlative names a point ("where it was lowest"), not which way it goes.
        ("Keep the checkpoint from the epoch where the validation loss was lowest.", []),
    ],
)
def test_a_superlative_names_a_point_not_a_direction(answer, expected):
    concepts = {"validation-error": ["validation loss"]}
    found = Analysis(answer, concepts, []).findings(claim("validation-error up"))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        # An opening phrase takes the subject of the clause after it ...
        ("Without telling her team, I turned the flag on for a fifth of traffic.", True),
        ("Without telling our team, they turned the flag on.", False),
    ],
)
def test_an_opening_phrase_takes_the_subject_after_it(answer, made):
    concepts = {"kept-out": ["without tell"]}
    m = Mistake("Acting without telling.", "", claim("kept-out"), by_speaker=True)
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


DIAGNOSIS = {"training-error": ["training error"], "bias": ["bias"], "variance": ["variance"]}


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A condition goes on through a clause joined without a comma ...
        ("If training error is low but validation error is high, that's high bias.", ["wrong"]),
        ("If training error is high and validation error is close, that's high bias.", ["made"]),
        # ... and a judging word on an error runs against its size: good is low.
        ("If training error is good but validation is worse, that's high bias.", ["wrong"]),
        ("If training error gets worse and validation is close, that's high bias.", ["made"]),
    ],
)
def test_a_condition_joined_without_a_comma_and_judged_errors(answer, expected):
    found = Analysis(answer, DIAGNOSIS, [["bias", "variance"]]).findings(
        claim("training-error up -> bias up")
    )
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Precision is the share of flagged cases that are fraud.", False),
        # The description of the other subject holds the property: it is said of precision.
        ("I'd watch precision, which is the share of all the real fraud that we catch.", True),
        ("I'd watch recall, which is the share of all the real fraud that we catch.", False),
        # Not said right after the subject: it still names the other one.
        (
            "I'd count the share of all the real fraud that we catch and how many alarms are real.",
            False,
        ),
    ],
)
def test_a_description_of_the_other_subject_gives_its_property(answer, made):
    concepts = {
        "precision": ["precision", "how many alarms"],
        "recall": ["recall", "share of all the real fraud that we catch"],
        "of-real": ["of all the real fraud"],
    }
    m = Mistake("Defining precision as recall.", "", claim("precision -> of-real"))
    found = Analysis(answer, concepts, [["precision", "recall"]]).mistake_made(m)
    assert (found is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Fine-tuning keeps facts up to date.", ["wrong"]),
        # Judged a poor way to do it, the swapped statement is denied.
        ("Fine-tuning is a poor way to keep facts up to date.", []),
    ],
)
def test_a_poor_way_to_do_something_denies_it(answer, expected):
    concepts = {"rag": ["retrieval"], "tune": ["fine-tuning"], "fresh": ["up to date"]}
    found = Analysis(answer, concepts, [["rag", "tune"]]).findings(claim("rag -> fresh"))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I'd tune the batch size first. It matters more than anything.", True),
        # "It" opening a sentence does not reach into a clause that only qualifies the one before.
        ("I'd tune the step size, meaning how far it moves per batch. It matters most.", False),
    ],
)
def test_a_pronoun_does_not_reach_into_a_qualifying_clause(answer, made):
    concepts = {
        "batch": ["batch size", "batch"],
        "top": ["matters more than anything", "matters most"],
    }
    m = Mistake("Batch size first.", "", claim("batch -> top"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # An example between commas does not split the statement around it ...
        ("BPE sends anything rare, like an emoji, to the unknown token.", True),
        # ... another clause does.
        ("BPE splits anything rare, which is good, to the unknown token.", False),
    ],
)
def test_an_example_between_commas_does_not_split_a_clause(answer, made):
    concepts = {"bpe": ["bpe"], "unk": ["to the unknown token"]}
    m = Mistake("BPE maps rare words to an unknown token.", "", claim("bpe -> unk"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # "away from" in the mistake's own words sets nothing aside ...
        ("The KL term is there to push the policy away from the reference.", True),
        # ... said of something else it keeps the practice apart.
        ("The KL term must stay well away from the reward model.", False),
    ],
)
def test_away_from_in_the_mistakes_own_words_sets_nothing_aside(answer, made):
    concepts = {"kl": ["kl term"], "away": ["push the policy away"], "rm": ["reward model"]}
    m = Mistake("The KL term pushes the policy away.", "", claim("kl -> away|rm"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # "and" with a finite verb starts a statement the earlier negation does not reach ...
        ("With BPE, an emoji can't be stored and gets mapped to the unknown token.", True),
        ("BPE can't handle it and is forced to send it to the unknown token.", True),
        # ... a bare verb after "and" still shares it.
        ("With BPE I would never drop bytes and send them to the unknown token.", False),
        ("With BPE nothing is dropped or sent to the unknown token.", False),
    ],
)
def test_a_negation_does_not_reach_past_and_with_a_new_verb(answer, made):
    concepts = {"bpe": ["bpe"], "unk": ["to the unknown token"]}
    m = Mistake("BPE maps rare characters to an unknown token.", "", claim("bpe -> unk"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        # the property after "than" is the yardstick: it goes the other way ...
        ("A gap, with training error much lower than validation error.", ["made"]),
        ("Validation error ends up higher than training error.", ["made"]),
        # ... and said the wrong way round it is still wrong.
        ("A gap, with training error much higher than validation error.", ["wrong"]),
        ("Validation error ends up lower than training error.", ["wrong"]),
    ],
)
def test_a_property_after_than_is_the_yardstick(answer, expected):
    concepts = {"val": ["validation error"], "train": ["training error"]}
    a = Analysis(answer, concepts, [["val", "train"]])
    assert sorted({f.status for f in a.findings(claim("val up"))}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        # a negation in a relative clause after the pair negates that clause's verb ...
        ("Bagging reduces variance that trees can't.", ["made"]),
        ("Bagging reduces variance that never goes away alone.", ["made"]),
        # ... one in the pair's own clause still does.
        ("Bagging does not reduce variance that much.", ["wrong"]),
    ],
)
def test_a_negation_in_a_relative_clause_does_not_deny_the_claim(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Instead, I would use bagging to reduce variance.", ["made"]),
        ("I'd use bagging to reduce variance instead.", ["made"]),
        ("I'd use boosting instead of bagging to reduce variance.", []),
    ],
)
def test_instead_alone_affirms_what_it_goes_with(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        # "a few" is an amount, not a direction ...
        ("Bagging gives a jumpy estimate from a few hundred trees.", []),
        # ... "few" alone still is one.
        ("Bagging leaves few jumpy trees, so variance is low.", ["made"]),
    ],
)
def test_a_few_is_an_amount_not_a_direction(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        # the act and the object it would cut are split by "and" with a new verb ...
        ("I cut the custom dashboard and used our existing backtest.", False),
        # ... the act on its own object is made ...
        ("I cut the backtest and shipped on time.", True),
        # ... and a subject followed by "and is" keeps its predicate.
        ("The test set is where we tune, and is touched every day.", True),
        # A word ending in "ed" that is no past form is no new verb ("speed", "need").
        ("We tune the weights and speed settings on the test set.", True),
    ],
)
def test_and_with_a_new_verb_starts_a_new_act(answer, made):
    cut = Mistake("Cutting a safeguard.", "", claim("safeguard -> cut-it"))
    tune = Mistake("Tuning on the test set.", "", claim("test-set -> tuning"))
    m = tune if "test set" in answer else cut
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I went ahead without telling her.", True),
        # a negator then "just": more was done, not less
        ("I didn't just tell her the answer, I walked her through it.", False),
        ("We tune on the test set every week.", True),
        # after "before"/"after" the words date the act
        ("Keep a test set split off before any tuning.", False),
    ],
)
def test_not_just_and_a_dated_act_make_no_mistake(answer, made):
    concepts = {**CONCEPTS, "kept-out": ["without telling", "didn't tell"]}
    cut = Mistake("Kept her out.", "", claim("kept-out"))
    tune = Mistake("Tuning on the test set.", "", claim("test-set -> tuning"))
    m = tune if "test set" in answer else cut
    assert (Analysis(answer, concepts, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # A mistake about an order is made by the words after "before": they are its point.
        ("I oversample with SMOTE on the full dataset before splitting.", True),
        ("I oversample with SMOTE after splitting, on the training part only.", False),
    ],
)
def test_a_mistake_about_order_is_not_a_dated_act(answer, made):
    concepts = {"resampling": ["oversample", "smote"], "split": ["split", "splitting"]}
    m = Mistake("Resampling before splitting.", "", claim("resampling -> split before"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # A pronoun stands for the thing named before it, in its sentence or the one before.
        ("The cache keeps an entry per pair of tokens, so its size grows quadratically.", True),
        ("We keep a cache per request. It grows quadratically with length.", True),
        ("Caches are cheap, and they grow quadratically.", True),
        # "those"/"these" as pronouns, for a plural named after a preposition.
        ("With caches, those grow quadratically with length.", True),
        # Never for a verb or an adverb said before it, nor with nothing named before it.
        ("I cache results, and it grows quadratically with length.", False),
        ("It grows quadratically with length.", False),
        # A wording whose first word takes an object is a verb there ("cache the prompt").
        ("We keep the cache warm, so it speeds the prompt up.", False),
        # Three sentences back is too far.
        ("The cache is small. Attention is not. Batches help. It grows quadratically.", False),
    ],
)
def test_a_pronoun_may_stand_for_the_thing_a_mistake_names(answer, made):
    concepts = {
        "quad": ["cache grows quadratically", "cache size grows quadratically", "cache the prompt"]
    }
    m = Mistake("Saying the cache grows quadratically.", "", claim("quad"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A judging word on a problem runs against its size, as on an error: worse is more.
        ("Dropout makes overfitting worse.", ["wrong"]),
        ("Dropout makes overfitting less likely.", ["made"]),
        ("Caching makes latency worse.", ["wrong"]),
    ],
)
def test_a_judging_word_on_a_problem_runs_against_its_size(answer, expected):
    concepts = {"dropout": ["dropout"], "overfitting": ["overfitting"]}
    concepts |= {"caching": ["caching"], "latency": ["latency"]}
    c = "caching -> latency down" if "Caching" in answer else "dropout -> overfitting down"
    found = Analysis(answer, concepts, []).findings(claim(c))
    assert sorted({f.status for f in found}) == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        # What others are said to believe, then rejected: the speaker's opposite.
        ("People say bagging reduces variance, but in practice it does little.", ["wrong"]),
        ("Some think bagging cuts bias, but that's not true.", []),  # a wrong claim rejected
        # Reported and agreed with, or contrasted without rejecting: as said.
        ("People say bagging reduces variance, and they are right.", ["made"]),
        ("People say bagging reduces variance, but boosting reduces bias.", ["made"]),
        # A report word at the very end of an answer is no report.
        ("Bagging reduces variance, as many say", ["made"]),
    ],
)
def test_a_report_of_what_others_say_that_the_speaker_rejects(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


def test_a_mistake_reported_and_rejected_is_not_made():
    m = Mistake("Tuning on the test set.", "", claim("test-set -> tuning"))
    said = "People think you can tune on the test set, but in practice it is never done."
    assert Analysis(said, CONCEPTS, CONTRASTS).mistake_made(m) is None
    own = "We tune on the test set, but only once."
    assert Analysis(own, CONCEPTS, CONTRASTS).mistake_made(m) is not None


@pytest.mark.parametrize(
    "answer, made",
    [
        # "error"/"mistake" as a measure or a thing does not name the practice.
        ("Provider errors are usually transient, so we retry immediately.", True),
        ("We retry immediately, so mistakes get corrected quickly.", True),
        ("It lowers the remaining error, so we retry immediately.", True),
        # A naming frame warns.
        ("Retrying immediately is a mistake.", False),
        ("The mistake people make is to retry immediately.", False),
        ("Common mistakes: we retry immediately and log nothing.", False),
    ],
)
def test_error_or_mistake_warns_only_when_it_names_the_practice(answer, made):
    concepts = {"no-backoff": ["retry immediately"]}
    m = Mistake("Retrying with no backoff.", "", claim("no-backoff"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


@pytest.mark.parametrize(
    "answer, expected",
    [
        # The claim's own subject sits by the property's direction word: each part of the
        # clause has its own subject, so no swap.
        ("Dropout randomly zeroes units during training and is off at inference.", []),
        ("Dropout is off during training and on at inference.", ["wrong"]),
    ],
)
def test_no_swap_when_the_own_subject_sits_nearer(answer, expected):
    a = Analysis(answer, DROPOUT, DROPOUT_CONTRASTS)
    got = sorted({f.status for f in a.findings(claim("inference-time -> dropout off"))})
    assert got == expected


def test_a_swap_stays_when_the_contrasted_subject_sits_nearer():
    a = Analysis("Bagging reduces bias and boosting reduces variance.", CONCEPTS, CONTRASTS)
    assert {f.status for f in a.findings(claim("bagging -> variance down"))} == {"wrong"}


def test_a_subject_opening_a_conjunct_owns_nothing_before_it():
    concepts = {"random": ["random search"], "grid": ["grid"], "few": ["few parameters matter"]}
    said = "Use it, since few parameters matter and a grid wastes runs."
    a = Analysis(said, concepts, [["random", "grid"]])
    assert not [f for f in a.findings(claim("random -> few")) if f.status == "wrong"]
    # ... while a grid named before the property still owns it.
    a = Analysis("A grid means few parameters matter.", concepts, [["random", "grid"]])
    assert {f.status for f in a.findings(claim("random -> few"))} == {"wrong"}


@pytest.mark.parametrize(
    "answer, expected",
    [
        # A negation in a statement of its own, after "and", is not the claim's.
        ("Bagging reduces variance and nobody disputes that.", ["made"]),
        ("Bagging reduces variance and boosting does not.", ["made"]),
        ("Bagging does not reduce variance.", ["wrong"]),
    ],
)
def test_a_negation_after_and_belongs_to_its_own_statement(answer, expected):
    assert verdicts(answer, "bagging -> variance down") == expected


def test_a_negation_before_and_with_a_new_predicate_is_not_the_claims():
    concepts = {"dpo": ["dpo"], "reward": ["reward model"], "direct": ["directly"]}
    a = Analysis("DPO has no reward model and optimises directly.", concepts, [])
    assert {f.status for f in a.findings(claim("dpo -> direct"))} == {"made"}


@pytest.mark.parametrize(
    "answer, expected",
    [
        # "one by one": the negation may deny the manner, not the act.
        ("The target model doesn't check the drafts one by one.", []),
        ("The target model doesn't check the drafts.", ["wrong"]),
    ],
)
def test_a_denied_manner_concludes_nothing(answer, expected):
    concepts = {"target": ["target model"], "verify": ["check the drafts"]}
    a = Analysis(answer, concepts, [])
    assert sorted({f.status for f in a.findings(claim("target -> verify"))}) == expected


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I'd only train from scratch when the data is unusual.", False),
        ("I'd only train from scratch with a huge dataset.", False),
        ("I'd train from scratch on our own data.", True),
    ],
)
def test_only_before_the_words_with_a_condition_names_a_rare_case(answer, made):
    m = Mistake("Training from scratch by default.", "", claim("scratch"))
    assert (Analysis(answer, CONCEPTS, CONTRASTS).mistake_made(m) is not None) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        # How a thing seems, or a thing named, is not a warning.
        ("We retry immediately, since slow replies look bad to users.", True),
        ("We retry immediately whenever something's wrong upstream.", True),
        ("Retrying immediately is bad.", False),
    ],
)
def test_looking_bad_or_something_wrong_is_no_warning(answer, made):
    concepts = {"no-backoff": ["retry immediately"]}
    m = Mistake("Retrying with no backoff.", "", claim("no-backoff"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


def test_a_quoted_negator_is_a_label():
    concepts = {"acc": ["accurate"], "misleading": ["catches nothing"]}
    said = 'A model saying "not fraud" is accurate and catches nothing.'
    assert {
        f.status for f in Analysis(said, concepts, []).findings(claim("acc -> misleading"))
    } == {"made"}
    said = "A model that is not accurate catches nothing."
    assert {
        f.status for f in Analysis(said, concepts, []).findings(claim("acc -> misleading"))
    } == {"wrong"}


@pytest.mark.parametrize(
    "answer, made",
    [
        # The pronoun stands for the threshold, not for raising it.
        ("Raising the threshold increases precision; lowering it increases recall.", False),
        ("Raising the threshold is simple; it increases recall.", True),
    ],
)
def test_a_pronoun_after_a_change_verb_is_the_thing_not_the_change(answer, made):
    concepts = {"raise": ["raising the threshold"], "recall-up": ["increases recall"]}
    m = Mistake("Saying a higher threshold raises recall.", "", claim("raise -> recall-up"))
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


def statuses(said: str, concepts: dict[str, list[str]], text: str) -> set[str]:
    return {f.status for f in Analysis(said, concepts, []).findings(claim(text))}


def test_memory_bound_names_a_bottleneck_not_memory():
    concepts = {"quant": ["quantisation"], "memory": ["memory"]}
    assert (
        statuses("Quantisation speeds up memory-bound decoding.", concepts, "quant -> memory down")
        == set()
    )
    assert statuses("Quantisation raises memory.", concepts, "quant -> memory down") == {"wrong"}


@pytest.mark.parametrize(
    "answer, made",
    [
        # A thing right before the auxiliary is who does it, not the speaker.
        ("I found that a dedupe step was silently dropping late events.", False),
        ("I was silently dropping the hard cases.", True),
        ("To hit the date we silently dropped the hard cases.", True),
    ],
)
def test_a_thing_doing_it_is_not_the_speaker(answer, made):
    concepts = {"quiet": ["silently dropping", "silently dropped"]}
    m = Mistake("Quietly lowering quality.", "", claim("quiet"), by_speaker=True)
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


def test_two_contrasted_concepts_hyphened_name_the_pair():
    a = Analysis(
        "It is the high-variance side of the bias-variance trade-off.", CONCEPTS, CONTRASTS
    )
    assert a.findings(claim("bagging -> bias up")) == []
    assert "bias" not in {m.name for m in a.found}
    assert "bias" in {m.name for m in Analysis("It has high bias.", CONCEPTS, CONTRASTS).found}


def test_a_negation_in_a_where_clause_is_that_clauses():
    concepts = {"rag": ["retrieval"], "fresh": ["internal documents"]}
    said = "Use retrieval for internal documents where not everyone can see everything."
    assert statuses(said, concepts, "rag -> fresh") == {"made"}
    assert statuses("Retrieval is not for internal documents.", concepts, "rag -> fresh") == {
        "wrong"
    }


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Some people tune on the test set. I wouldn't: it leaks.", False),
        ("Some people tune on the test set. I do the same.", True),
    ],
)
def test_others_doing_it_then_refused_is_not_made(answer, made):
    assert tunes_on_test(answer) is made


def test_those_in_a_wording_is_said_as_such():
    # Its lemma "that" would find any relative clause ("of all fraud that we flag").
    concepts = {"recall": ["recall"], "flagged": ["of those flagged"]}
    assert statuses("Recall is the share of all fraud that we flag.", concepts, "flagged") == set()
    assert statuses("Of those flagged, most were fraud.", concepts, "flagged") == {"made"}


def test_a_hyphened_pair_before_trade_off_names_the_pair_uncontrasted():
    # The question need not contrast bias with variance for "bias-variance" to be a pair.
    a = Analysis("It is the high-variance side of the bias-variance trade-off.", CONCEPTS, [])
    assert "bias" not in {m.name for m in a.found}
    assert "bias" in {m.name for m in Analysis("A high-bias model.", CONCEPTS, []).found}


def mistake_in(answer: str, concepts: dict[str, list[str]], text: str, mistake: str = "") -> bool:
    m = Mistake(mistake or "A mistake.", "", claim(text))
    return Analysis(answer, concepts, []).mistake_made(m) is not None


@pytest.mark.parametrize(
    "answer, made",
    [
        ("After negative downsampling, we use the raw probabilities.", True),
        ("We use the raw probabilities, and we do negative downsampling.", False),
    ],
)
def test_a_leading_after_clause_sets_the_main_one(answer, made):
    concepts = {"neg": ["negative downsampling"], "raw": ["raw probabilities"]}
    assert mistake_in(answer, concepts, "neg -> raw") is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("To keep checkpoints small, I'd save only the weights.", True),
        ("As training goes on, I raise the learning rate.", True),
        ("I keep checkpoints small. Separately, I'd save only the weights.", False),
    ],
)
def test_a_leading_purpose_or_time_and_its_action_are_one_mistake(answer, made):
    concepts = {
        "ckpt": ["checkpoints"],
        "weights-only": ["only the weights"],
        "late": ["as training goes on"],
        "raise": ["raise the learning rate"],
    }
    text = "late -> raise" if "training" in answer else "ckpt -> weights-only"
    assert mistake_in(answer, concepts, text) is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("For example one number might be a single token.", False),
        ("Each number is a single token.", True),
        ("A number could never be split into two tokens.", True),
    ],
)
def test_a_possibility_is_not_an_absolute(answer, made):
    concepts = {"num": ["number"], "one-token": ["single token", "never be split"]}
    said = "Saying each number is a single token."
    assert mistake_in(answer, concepts, "num -> one-token", said) is made


def test_a_direction_verb_acting_on_another_concept_through_a_determiner():
    concepts = {"explore": ["exploration"], "loops": ["feedback loops"]}
    said = "I watch for feedback loops and adding some exploration."
    assert statuses(said, concepts, "explore -> loops down") == set()


@pytest.mark.parametrize(
    "answer, made",
    [
        (
            "I put the permission list in the prompt so the model leaves out what's not allowed.",
            True,
        ),
        ("I put the permission list in the prompt because nothing else was allowed.", True),
        ("I never put the permission list in the prompt.", False),
    ],
)
def test_a_negation_in_a_purpose_or_reason_after_the_mistake_is_not_its(answer, made):
    concepts = {"perm": ["permission list"], "prompt": ["in the prompt"]}
    assert mistake_in(answer, concepts, "perm -> prompt") is made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("Fitting the scaler on all the data is fine, so no target information can leak.", True),
        ("Fitting the scaler on all the data is a classic leak.", False),
    ],
)
def test_a_danger_denied_four_words_away_is_a_defence(answer, made):
    concepts = {"scaler": ["fitting the scaler"], "all": ["on all the data"]}
    assert mistake_in(answer, concepts, "scaler -> all") is made


def test_a_number_with_a_thousands_comma_does_not_end_the_clause():
    concepts = {"shuffle-split": ["shuffle the images and split"]}
    said = "I'd shuffle the 8,000 images and split them at random."
    assert statuses(said, concepts, "shuffle-split") == {"made"}
    assert statuses("I'd shuffle the images, and later split.", concepts, "shuffle-split") == set()


@pytest.mark.parametrize(
    "answer, made",
    [
        ("I saw that the pipeline, which the platform team owned, silently dropped rows.", False),
        ("I saw the problem, and I silently dropped rows.", True),
    ],
)
def test_after_a_relative_clause_its_head_is_the_subject(answer, made):
    concepts = {"quiet": ["silently dropped"]}
    m = Mistake("Quietly lowering quality.", "", claim("quiet"), by_speaker=True)
    assert (Analysis(answer, concepts, []).mistake_made(m) is not None) == made


@pytest.mark.parametrize(
    "answer, made",
    [
        ("When pressure came in week two to skip shadow mode, we held the line.", False),
        ("The ops team wanted to use the model without any human review.", False),
        ("I wanted to use the model without any human review.", True),
        ("We decided to skip shadow mode.", True),
    ],
)
def test_an_act_others_wanted_or_pressed_for_is_not_made(answer, made):
    concepts = {"cut": ["skip shadow mode", "without any human review"]}
    assert mistake_in(answer, concepts, "cut") is made
