"""A scripted session for the report tests, written through the same store APIs the app uses.

The banks and problem titles live here rather than being read from scenarios/, so edits to
the bundled content never move the golden files. Times come from a FakeClock.
"""

from __future__ import annotations

from mockint.engine.clock import FakeClock
from mockint.engine.session import Session
from mockint.recording import Recorder
from mockint.scenario.bank import Bank, KeyPoint, Question
from mockint.scenario.model import MixArea, Phase, ProblemPick, Scenario, Stage
from mockint.scenario.serialize import scenario_to_dict
from mockint.store.answers import AnswerRow, save_answer
from mockint.store.coding import finish_run, start_run
from mockint.store.sessions import Store

START = 1_700_000_000.0


def _q(id, prompt, points, **kw) -> Question:
    return Question(
        id=id,
        prompt=prompt,
        minutes=kw.pop("minutes", 5),
        key_points=tuple(KeyPoint(*p) for p in points),
        **kw,
    )


BANKS = {
    "phone_screen": Bank(
        "phone-screen",
        "phone_screen",
        "Phone screen",
        (
            _q(
                "overfitting",
                "How do you tell that a model overfits, and what do you do about it?",
                [
                    (
                        "gap",
                        "Compares training and validation error.",
                        ("validation error", "held-out", "train-test gap"),
                    ),
                    (
                        "regularize",
                        "Names a remedy: regularisation, more data, early stopping.",
                        (
                            "regularization",
                            "regularisation",
                            "dropout",
                            "early stopping",
                            "more data",
                        ),
                    ),
                    ("curves", "Reads learning curves.", ("learning curve",)),
                ],
                terminology=("generalization", "variance", "cross-validation"),
                mistakes=("Tuning on the test set.", "Calling any high error overfitting."),
                area="ml_deep_dive",  # ML fundamentals count as technical
                outline="Define it as fitting noise.\n\n- Detect: a gap on held-out data.\n"
                "- Fix: regularise, add data, stop early.",
            ),
            _q(
                "metrics",
                "Which metric would you report for a fraud model with 0.1% positives?",
                [
                    (
                        "imbalance",
                        "Notices the class imbalance.",
                        ("imbalance", "imbalanced", "rare class"),
                    ),
                    (
                        "pr",
                        "Prefers precision and recall or PR-AUC over accuracy.",
                        ("precision", "recall", "PR-AUC", "threshold"),
                        ("accuracy ... good metric",),
                    ),
                ],
                terminology=("accuracy", "threshold"),
                mistakes=("Reporting accuracy alone.",),
            ),
            _q(
                "role-goals",
                "What do you want from your next role?",
                [
                    ("scope", "Names the scope of work wanted.", ("ownership", "scope")),
                ],
                look_for=("A concrete answer tied to this role.",),
            ),
        ),
    ),
    "system_design": Bank(
        "system-design",
        "system_design",
        "ML system design",
        (
            _q(
                "feed-ranking",
                "Design the ranking service for a news feed.",
                [
                    (
                        "requirements-latency",
                        "Sets a latency budget per request.",
                        ("latency", "p99"),
                    ),
                    (
                        "capacity-qps",
                        "Estimates requests per second.",
                        ("qps", "requests per second"),
                    ),
                    ("high-level-funnel", "Retrieval then ranking.", ("retrieval", "ranking")),
                    (
                        "deep-dive-features",
                        "Online and offline features from one store.",
                        ("feature store",),
                    ),
                    (
                        "trade-offs-freshness",
                        "Weighs freshness against cost.",
                        ("freshness", "staleness"),
                    ),
                ],
                minutes=20,
                mistakes=("Scoring every item with the heavy model.",),
                components=(
                    "candidate retrieval",
                    "ranking model",
                    "feature store",
                    "parallelism plan (data, tensor, pipeline)",
                    "monitoring",
                ),
            ),
        ),
    ),
    "behavioural": Bank(
        "behavioural",
        "behavioural",
        "Behavioural",
        (
            _q(
                "disagreement",
                "Tell me about a time you disagreed with a teammate on a technical choice.",
                [
                    ("listen", "Listened and restated the other view.", ("listened", "their view")),
                    (
                        "data",
                        "Settled it with data or an experiment.",
                        ("experiment", "benchmark", "data"),
                    ),
                    (
                        "outcome",
                        "A shared outcome and a working relationship after.",
                        ("agreed", "relationship"),
                    ),
                ],
                competencies=("conflict",),
                mistakes=("Making the teammate the villain.",),
            ),
        ),
    ),
    "hiring_manager": Bank(
        "hiring-manager",
        "hiring_manager",
        "Hiring manager",
        (_q("why-team", "Why this team?", [("fit", "Links past work to the team.", ("team",))]),),
        questions_to_ask=("What does success look like in six months?",),
    ),
    "ml_deep_dive": Bank(
        "ml-deep-dive",
        "ml_deep_dive",
        "ML deep dive",
        (
            _q(
                "bias-variance",
                "Explain the bias-variance trade-off.",
                [("tradeoff", "Both errors.", ("bias",))],
            ),
        ),
    ),
}

TITLES = {"top-k": "Top k frequent items", "linear-regression": "Linear regression from scratch"}

SCENARIO = Scenario(
    id="report-loop",
    title="Report test loop",
    description="A short loop for the report tests.",
    stages=(
        Stage(
            "phone-screen",
            "phone_screen",
            "Phone screen",
            10,
            "Talk.",
            questions=("overfitting", "metrics", "role-goals"),
        ),
        Stage(
            "coding",
            "coding",
            "Technical coding",
            30,
            "Code.",
            problems=(ProblemPick("top-k"), ProblemPick("linear-regression")),
        ),
        Stage(
            "system-design",
            "system_design",
            "ML system design",
            20,
            "Design.",
            phases=(
                Phase("requirements", "Requirements", 2, 4),
                Phase("capacity", "Capacity estimation", 2, 2),
                Phase("high-level", "High-level design", 4, 6),
                Phase("deep-dive", "Deep dive", 5, 7),
                Phase("trade-offs", "Trade-offs and scaling", 2, 3),
            ),
            questions=("feed-ranking",),
        ),
        Stage(
            "behavioural", "behavioural", "Behavioural", 15, "Stories.", questions=("disagreement",)
        ),
        Stage(
            "ml-deep-dive",
            "ml_deep_dive",
            "ML deep dive",
            20,
            "Depth.",
            questions=("bias-variance",),
        ),
        Stage(
            "hiring-manager",
            "hiring_manager",
            "Hiring manager",
            10,
            "Motivation.",
            questions=("why-team",),
        ),
    ),
    mix=(
        MixArea("coding", 40, ("coding",)),
        MixArea("system_design", 40, ("ml-deep-dive", "system-design")),
        MixArea("behavioural", 20, ("phone-screen", "behavioural", "hiring-manager")),
    ),
)

TOPK_CODE = '''import heapq
from collections import Counter


def top_k(items, k):
    """The k most frequent items, most frequent first."""
    counts = Counter(items)
    return [x for x, _ in heapq.nlargest(k, counts.items(), key=lambda kv: (kv[1], kv[0]))]
'''

LINREG_CODE = """import numpy as np


def fit(X, y):
    w = np.zeros(X.shape[1])
    for i in range(len(X)):  # one row at a time
        w += 0.01 * (y[i] - X[i] @ w) * X[i]
    return w
"""


def _test(id, visible, verdict="accepted", message="", ms=3.2):
    return {"id": id, "visible": visible, "verdict": verdict, "message": message, "time_ms": ms}


TOPK_RUN = {
    "problem": "top-k",
    "verdict": "wrong_answer",
    "passed": 2,
    "total": 3,
    "tests": [
        _test("example-1", True),
        _test("ties", True, "wrong_answer", "expected ['a', 'b'], got ['b', 'a']"),
        _test("single", True, ms=1.0),
    ],
    "complexity": None,
    "vectorized": None,
}
TOPK_SUBMIT = {
    "problem": "top-k",
    "verdict": "accepted",
    "passed": 5,
    "total": 5,
    "tests": [
        _test("example-1", True),
        _test("ties", True),
        _test("single", True, ms=1.0),
        _test("hidden-1", False, ms=12.5),
        _test("hidden-large", False, ms=48.25),
    ],
    "complexity": {
        "target": "O(n log k)",
        "measured": "about O(n^1.1)",
        "slope": 1.08,
        "ok": True,
        "reference_slope": 1.02,
        "times_ms": [0.4, 1.7, 7.1, 29.0],
        "sizes": [1000, 4000, 16000, 64000],
    },
    "vectorized": None,
}
LINREG_SUBMIT = {
    "problem": "linear-regression",
    "verdict": "wrong_answer",
    "passed": 3,
    "total": 4,
    "tests": [
        _test("example-1", True),
        _test("bias-column", True),
        _test("hidden-1", False),
        _test(
            "hidden-collinear",
            False,
            "wrong_answer",
            "values differ beyond rtol=1e-05: max abs error 0.31 at [2]",
            20.0,
        ),
    ],
    "complexity": None,
    "vectorized": {
        "ok": False,
        "message": "solution.py ran 41 Python lines at n=100 and 2041 at "
        "n=2000: an explicit Python loop does the work; use whole-array (NumPy or torch) "
        "operations instead",
        "lines": [41, 2041],
    },
}

STAR = {
    "situation": "Our ranking team was about to ship a new model <script>alert('x')</script> "
    "and a teammate wanted to skip the offline evaluation.",
    "task": "I had to decide with them whether the launch could wait a week.",
    "action": "We listened to their view first and wrote down the risk they saw. Then we agreed "
    "on a small experiment: I ran a two day benchmark on last month's traffic, shared the "
    "notebook, and we walked the team through the results in our sync.",
    "result": "The benchmark found a 3% drop for new users, we fixed it before launch and we "
    "agreed on a checklist that cut later review time by half.",
    "reflection": "I now bring a proposed experiment to a disagreement instead of an opinion.",
}


def build(store: Store) -> int:
    """Runs the loop and returns the session id. Leaves it active: deep dive skipped,
    hiring manager never reached."""
    clock = FakeClock(START)
    sid = store.create_session(scenario_to_dict(SCENARIO), pace=1.0, now=clock.now())
    session = Session(SCENARIO, clock)
    session.subscribe(Recorder(store, sid))

    # Phone screen: two answers, a pause in the middle, 9 minutes used of 10.
    session.start()
    clock.advance(150)
    save_answer(
        store,
        sid,
        AnswerRow(
            0,
            "overfitting",
            0,
            fields={
                "answer": "If the validation error rises while training error keeps falling, the "
                "model overfits; I would add regularisation, try early stopping and look at "
                "cross-validation scores. Not <b>bold</b> & not a tag."
            },
            seconds={"answer": 150.0},
            ratings={"clarity": 4, "depth": 3},
            done=True,
        ),
        now=clock.now(),
    )
    session.pause()
    clock.advance(60)  # paused: not charged
    session.resume()
    clock.advance(390)
    save_answer(
        store,
        sid,
        AnswerRow(
            0,
            "metrics",
            1,
            fields={
                "answer": "Accuracy is useless here; I would pick a threshold. Later I said "
                "accuracy is a good metric after all."
            },
            seconds={"answer": 390.0},
            ratings={"clarity": 2},
            done=True,
        ),
        now=clock.now(),
    )
    store.save_note(sid, 0, "Ask about on-call.", now=clock.now())
    session.finish_stage()

    # Coding: a wrong run, a hint, an accepted submit; a slow, partly wrong second problem.
    session.start()
    clock.advance(300)
    run = start_run(
        store,
        sid,
        1,
        "top-k",
        kind="run",
        at=clock.now(),
        elapsed=session.elapsed(1),
        code=TOPK_CODE.replace("kv[0]", "-kv[0]"),
    )
    clock.advance(4)
    finish_run(store, run, at=clock.now(), result=TOPK_RUN, verdict="wrong_answer")
    clock.advance(56)
    store.add_event(
        sid,
        1,
        "hint_shown",
        at=clock.now(),
        elapsed=session.elapsed(1),
        data={"problem": "top-k", "number": 1},
    )
    clock.advance(240)
    run = start_run(
        store,
        sid,
        1,
        "top-k",
        kind="submit",
        at=clock.now(),
        elapsed=session.elapsed(1),
        code=TOPK_CODE,
    )
    clock.advance(9)
    finish_run(store, run, at=clock.now(), result=TOPK_SUBMIT, verdict="accepted")
    clock.advance(600)
    run = start_run(
        store,
        sid,
        1,
        "linear-regression",
        kind="submit",
        at=clock.now(),
        elapsed=session.elapsed(1),
        code=LINREG_CODE,
    )
    clock.advance(1)
    run2 = start_run(
        store,
        sid,
        1,
        "linear-regression",
        kind="run",
        at=clock.now(),
        elapsed=session.elapsed(1),
        code=LINREG_CODE,
    )
    finish_run(store, run2, at=clock.now(), result=None, verdict="cancelled")
    clock.advance(11)
    finish_run(store, run, at=clock.now(), result=LINREG_SUBMIT, verdict="wrong_answer")
    clock.advance(1980 - session.elapsed(1))  # 33 minutes of a 30-minute stage
    session.finish_stage()

    # System design: notes per phase, a scratchpad and the components checklist.
    session.start()
    clock.advance(1100)
    save_answer(
        store,
        sid,
        AnswerRow(
            2,
            "feed-ranking",
            0,
            fields={
                "requirements": "p99 under 150 ms per feed request; ranking must reflect likes within a minute.",
                "capacity": "About 20k requests per second at peak.",
                "high-level": "Candidate retrieval from follows and embeddings, then a ranking model.",
                "deep-dive": "The ranker is a gradient boosted tree over user and post features.",
                "trade-offs": "",
                "scratchpad": "200e6 * 10 / 86400 = 23k/s",
                "components": "candidate retrieval, ranking model, parallelism plan (data, tensor, pipeline), cache",
            },
            seconds={
                "requirements": 240.0,
                "capacity": 120.0,
                "high-level": 400.0,
                "deep-dive": 340.0,
            },
            ratings={"structure": 3},
            done=True,
        ),
        now=clock.now(),
    )
    session.finish_stage()

    # Behavioural: one STAR story.
    session.start()
    clock.advance(480)
    save_answer(
        store,
        sid,
        AnswerRow(
            3,
            "disagreement",
            0,
            fields=STAR,
            seconds={
                "situation": 60.0,
                "task": 30.0,
                "action": 240.0,
                "result": 90.0,
                "reflection": 60.0,
            },
            ratings={"ownership": 5},
            done=True,
        ),
        now=clock.now(),
    )
    session.finish_stage()

    session.skip_stage()  # the deep dive
    return sid
