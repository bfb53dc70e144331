"""`mockint assess QUESTION_ID FILE [--json]` scores a file exactly as the app does."""

import json

from click.testing import CliRunner

from mockint.cli import cli
from mockint.scenario.bank_load import bank_for_kind
from mockint.scoring.answer_text import scored_text
from mockint.scoring.assess import split_fields
from mockint.scoring.coverage import cover_question
from mockint.scoring.score import Answer, score_answer
from mockint.scoring.star import analyse

OVERFITTING = (
    "Overfitting is when the model memorises noise in the training data and generalises "
    "badly to unseen data. I notice it as a gap between training and validation error on "
    "learning curves. Fixes: more data, L2 regularisation or weight decay, dropout, early "
    "stopping."
)


def run(*args):
    return CliRunner().invoke(cli, ["assess", *map(str, args)])


def test_json_shape_and_same_numbers_as_the_app(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(OVERFITTING)
    res = run("overfitting", f, "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out) == {
        "question",
        "score",
        "covered",
        "total",
        "points",
        "contradictions",
        "follow_up",
        "mistakes",
    }
    assert out["question"] == "overfitting"
    assert all(set(p) == {"id", "covered", "matched", "status", "evidence"} for p in out["points"])
    assert all(p["status"] == "made" and p["evidence"] for p in out["points"])
    assert out["follow_up"] is None and out["mistakes"] == []
    q = bank_for_kind("phone_screen").question("overfitting")
    app = cover_question(scored_text("phone_screen", {"answer": OVERFITTING}), q)
    assert out["covered"] == len(app.covered) == out["total"]
    assert out["score"] == score_answer(Answer(q.id, app)).value == 100
    assert out["contradictions"] == []
    assert out["points"][1]["matched"]  # the words of the deciding clause


def test_a_point_said_wrong_is_probed_first(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Bagging trains models in parallel on bootstrap samples and averages them. Boosting "
        "trains them one after another, each fixing the errors of the previous one. Bagging "
        "reduces bias, and boosting reduces variance."
    )
    out = json.loads(run("bagging-boosting", f, "--json").output)
    status = {p["id"]: p["status"] for p in out["points"]}
    assert status == {"bagging": "made", "boosting": "made", "bias-variance": "wrong"}
    wrong = next(p for p in out["points"] if p["id"] == "bias-variance")
    assert wrong["evidence"] == "Bagging reduces bias, and boosting reduces variance."
    assert out["follow_up"]["point"] == "bias-variance"
    assert out["score"] < 100 * 2 / 3  # a wrong point costs more than a missing one


def test_contradiction_is_listed_and_costs_the_point(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "High bias means the model overfits; it is error from being sensitive to the "
        "training sample. Irreducible noise stays."
    )
    out = json.loads(run("bias-variance-explain", f, "--json").output)
    said = [c["text"].lower() for c in out["contradictions"]]
    assert any("high bias means the model overfits" in x for x in said)
    diagnosis = next(p for p in out["points"] if p["id"] == "diagnosis")
    assert diagnosis["status"] == "wrong" and not diagnosis["covered"]
    human = run("bias-variance-explain", f)
    assert human.exit_code == 0
    assert 'said wrong (swap): "High bias means the model overfits;' in human.output


def test_behavioural_file_is_split_by_headings_and_gets_star(tmp_path):
    text = (
        "Situation: our churn model drifted.\n"
        "Task: I owned the fix.\n"
        "Action:\nI compared the feature distributions, found a broken join, wrote a test "
        "and I retrained the model with a time-based split.\n"
        "Result: recall went back up by 12 points within two days.\n"
        "Reflection: I now add data checks first."
    )
    fields, found = split_fields("behavioural", text)
    assert found and fields["task"] == "I owned the fix."
    assert fields["action"].startswith("I compared")
    f = tmp_path / "story.md"
    f.write_text(text)
    out = json.loads(run("project-failure", f, "--json").output)
    q = bank_for_kind("behavioural").question("project-failure")
    cov = cover_question(scored_text("behavioural", fields), q)
    want = score_answer(Answer(q.id, cov, (), analyse(fields))).value
    assert out["score"] == round(want, 2)


def test_design_headings(tmp_path):
    fields, found = split_fields(
        "system_design", "## Requirements\np99 under 200 ms\n## Deep dive\nTwo-tower retrieval"
    )
    assert found and fields == {
        "requirements": "p99 under 200 ms",
        "deep-dive": "Two-tower retrieval",
    }


def test_bad_input_is_one_line(tmp_path):
    res = run("no-such-question", tmp_path / "x.txt")
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "mockint: unknown question 'no-such-question' (see `mockint banks list`)"
    ]
    res = run("overfitting", tmp_path / "missing.txt")
    assert res.exit_code == 2 and "missing.txt: No such file or directory" in res.output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    res = run("overfitting", bad)
    assert res.exit_code == 2 and "not UTF-8 text" in res.output
