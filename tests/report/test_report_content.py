"""The report's content additions: a stated complexity compared with the reference and the
measurement, and a discussion viewed before solving, recorded and scored."""

from mockint.report.collect import build_report
from mockint.report.markdown import render_markdown
from mockint.store.sessions import Store
from tests.report import scripted

FACTS = {
    "top-k": {
        "reference": {"time": "O(n log k)", "space": "O(k)"},
        "complexity": {"target": "O(n log k)", "exponent": 1.0},
    },
    "linear-regression": {"reference": {"time": "O(n d^2 + d^3)", "space": "O(n d)"}},
}


def _report(store, sid):
    return build_report(
        store,
        sid,
        bank_for=scripted.BANKS.get,
        problem_title=scripted.TITLES.get,
        problem_facts=FACTS.get,
    )


def test_claim_and_early_peek_in_the_report(tmp_path):
    store = Store(tmp_path / "r.db")
    sid = scripted.build(store)
    base = _report(store, sid)
    at = scripted.START + 5000
    store.add_event(
        sid,
        1,
        "complexity_claimed",
        at=at,
        data={"problem": "top-k", "time": "O(n^2)", "space": "O(k)"},
    )
    store.add_event(
        sid,
        1,
        "complexity_claimed",
        at=at + 1,
        data={"problem": "top-k", "time": "O(n log k)", "space": "O(k)"},
    )
    store.add_event(
        sid,
        1,
        "solution_viewed",
        at=at + 2,
        data={"problem": "linear-regression", "before_solving": True},
    )
    store.add_event(
        sid, 1, "solution_viewed", at=at + 3, data={"problem": "top-k", "before_solving": False}
    )
    r = _report(store, sid)
    coding = next(s for s in r["stages"] if s["kind"] == "coding")
    topk, linreg = coding["content"]["problems"]
    assert topk["claim"]["time"] == "O(n log k)"  # the last claim counts
    assert (
        topk["claim"]["advice"][0]
        == "Time: you said O(n log k), the same as the reference solution."
    )
    assert any(line.startswith("Measured: about n^") for line in topk["claim"]["advice"])
    assert (
        topk["solution_viewed"] == "after_solving" and linreg["solution_viewed"] == "before_solving"
    )
    assert linreg["claim"] is None
    part = next(p for p in coding["score"]["parts"] if p["name"] == "solution viewed")
    assert part["contribution"] == -20 and "linear-regression" in part["why"]
    assert coding["score"]["value"] == base_coding(base) - 20
    md = render_markdown(r)
    assert "Stated complexity: time O(n log k), space O(k)" in md
    assert "discussion and reference viewed before solving" in md
    store.close()


def base_coding(report):
    return next(s for s in report["stages"] if s["kind"] == "coding")["score"]["value"]
