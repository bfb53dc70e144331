"""Malformed scenario files: one clear line `FILE[:LINE]: field: what is wrong`, exit 2."""

import json
import re

import pytest

from mockint.paths import bundled_dir

GOOD = """\
id = "mini"
title = "Mini loop"

[mix.coding]
weight = 60
stages = ["code"]

[mix.talk]
weight = 40
stages = ["chat"]

[[stages]]
id = "code"
kind = "coding"
title = "Coding"
minutes = 30
expect = "Write code."

[[stages]]
id = "chat"
kind = "behavioural"
title = "Chat"
minutes = 20
expect = "Tell stories."
"""

# (name, change applied to GOOD, expected field, expected message part, expected line or None)
CASES = [
    (
        "bad-toml",
        lambda t: t.replace('title = "Mini loop"', 'title = "Mini loop'),
        "toml",
        "invalid TOML",
        2,
    ),
    (
        "unknown-top-key",
        lambda t: t.replace('title = "Mini loop"', 'title = "Mini loop"\ncolour = "red"'),
        "colour",
        "unknown key",
        3,
    ),
    (
        "unknown-stage-key",
        lambda t: t.replace("minutes = 20", "minutes = 20\nlength = 3"),
        "stages[1].length",
        "unknown key",
        24,
    ),
    (
        "wrong-type-minutes",
        lambda t: t.replace("minutes = 30", 'minutes = "thirty"'),
        "stages[0].minutes",
        "must be a number, got a string",
        16,
    ),
    (
        "bool-minutes",
        lambda t: t.replace("minutes = 30", "minutes = true"),
        "stages[0].minutes",
        "must be a number, got a boolean",
        16,
    ),
    (
        "zero-length",
        lambda t: t.replace("minutes = 20", "minutes = 0"),
        "stages[1].minutes",
        "must be greater than 0",
        23,
    ),
    (
        "negative-length",
        lambda t: t.replace("minutes = 30", "minutes = -5"),
        "stages[0].minutes",
        "must be greater than 0, got -5",
        16,
    ),
    (
        "weights-not-100",
        lambda t: t.replace("weight = 40", "weight = 30"),
        "mix",
        "weights must sum to 100, they sum to 90",
        None,
    ),
    (
        "unknown-kind",
        lambda t: t.replace('kind = "behavioural"', 'kind = "karaoke"'),
        "stages[1].kind",
        "unknown stage kind 'karaoke'",
        21,
    ),
    (
        "duplicate-stage-id",
        lambda t: t.replace('id = "chat"', 'id = "code"'),
        "stages[1].id",
        "duplicate stage id 'code'",
        20,
    ),
    (
        "missing-title",
        lambda t: t.replace('title = "Coding"\n', ""),
        "stages[0]",
        "missing required key 'title'",
        12,
    ),
    (
        "missing-mix",
        lambda t: t.split("[mix.coding]")[0] + "[[stages]]" + t.split("[[stages]]", 1)[1],
        "(file)",
        "missing required key 'mix'",
        None,
    ),
    (
        "mix-unknown-stage",
        lambda t: t.replace('stages = ["chat"]', 'stages = ["lunch"]'),
        "mix.talk.stages",
        "unknown stage 'lunch'",
        10,
    ),
    (
        "stage-fed-twice",
        lambda t: t.replace('stages = ["chat"]', 'stages = ["code"]'),
        "mix.talk.stages",
        "already feeds",
        10,
    ),
    ("bad-id", lambda t: t.replace('id = "mini"', 'id = "Mini Loop!"'), "id", "not a valid id", 1),
    (
        "stages-not-array",
        lambda t: 'stages = "all"\n' + t.split("[[stages]]")[0],
        "stages",
        "must be an array",
        1,
    ),
    (
        "phase-range-inverted",
        lambda t: (
            t + '\n[[stages.phases]]\nid = "p"\ntitle = "P"\nmin_minutes = 9\nmax_minutes = 4\n'
        ),
        "stages[1].phases[0].max_minutes",
        "less than min_minutes",
        30,
    ),
]


@pytest.mark.parametrize("name,change,field,message,line", CASES, ids=[c[0] for c in CASES])
def test_malformed_scenario_gets_one_clear_line(tmp_path, cli, name, change, field, message, line):
    path = tmp_path / f"{name}.toml"
    text = change(GOOD)
    assert text != GOOD
    path.write_text(text)
    res = cli("scenarios", "validate", str(path))
    assert res.returncode == 2, res.stdout + res.stderr
    err = res.stderr.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    where = f"{path}:{line}" if line else str(path)
    assert err.startswith(f"{where}: {field}: "), err
    assert message in err


def test_good_file_validates(tmp_path, cli):
    path = tmp_path / "mini.toml"
    path.write_text(GOOD)
    res = cli("scenarios", "validate", str(path))
    assert res.returncode == 0, res.stderr
    assert "ok (mini, 2 stages, 50 min)" in res.stdout


def test_missing_file_and_not_utf8(tmp_path, cli):
    res = cli("scenarios", "validate", str(tmp_path / "nope.toml"))
    assert (
        res.returncode == 2
        and res.stderr.strip() == f"{tmp_path / 'nope.toml'}: (file): no such file"
    )
    bad = tmp_path / "latin.toml"
    bad.write_bytes(b'title = "caf\xe9"\n')
    res = cli("scenarios", "validate", str(bad))
    assert res.returncode == 2 and "not UTF-8" in res.stderr


def test_run_with_a_broken_scenario_path_fails_cleanly(tmp_path, cli):
    path = tmp_path / "broken.toml"
    path.write_text(GOOD.replace("minutes = 30", "minutes = 0"))
    res = cli("run", str(path))
    assert res.returncode == 2
    assert res.stderr.strip().startswith(f"{path}:16: stages[0].minutes: must be greater than 0")


def test_bundled_default_scenario(cli):
    res = cli("scenarios", "show", "aiml-engineer", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == {"id", "title", "stages", "mix"}
    assert [(s["kind"], s["minutes"]) for s in data["stages"]] == [
        ("phone_screen", 45),
        ("coding", 60),
        ("ml_deep_dive", 90),
        ("system_design", 60),
        ("behavioural", 45),
        ("hiring_manager", 30),
    ]
    for s in data["stages"]:
        assert (
            {"id", "kind", "title", "minutes"}
            <= set(s)
            <= {"id", "kind", "title", "minutes", "bank", "topics", "problems"}
        )
    coding = data["stages"][1]["problems"]
    assert len(coding) == 2 and "pytorch" in coding[1]["topics"]
    assert {k: v["weight"] for k, v in data["mix"].items()} == {
        "coding": 40,
        "system_design": 40,
        "behavioural": 20,
    }
    assert data["mix"]["coding"]["stages"] == ["coding"]
    text = (bundled_dir("scenarios") / "aiml-engineer.toml").read_text()
    for minutes in ("min_minutes = 5", "max_minutes = 10", "min_minutes = 15", "max_minutes = 20"):
        assert minutes in text


def test_user_scenarios_are_listed_and_broken_ones_reported(isolated_data, cli):
    folder = isolated_data / "mockint" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "mini.toml").write_text(GOOD)
    (folder / "broken.toml").write_text("id = ")
    res = cli("scenarios", "list")
    assert res.returncode == 0
    ids = [line.split()[0] for line in res.stdout.splitlines()]
    assert ids == ["aiml-engineer", "llm-engineer", "mini"]
    assert re.search(r"broken\.toml:1: toml: invalid TOML", res.stderr)
    res = cli("run", "broken")
    assert res.returncode == 2 and "broken.toml:1: toml: invalid TOML" in res.stderr


def test_difficulty_and_preparation_are_read_and_checked(tmp_path):
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.errors import ScenarioError
    from mockint.scenario.load import parse_scenario
    from mockint.scenario.serialize import scenario_from_dict, scenario_to_dict

    sc = find_scenario("aiml-engineer")
    assert sc.difficulty == 4.5 and sc.preparation == "6-10 weeks"
    assert sc.profile == "difficulty 4.5 of 5 · typical preparation 6-10 weeks"
    back = scenario_from_dict(scenario_to_dict(sc))
    assert (back.difficulty, back.preparation) == (4.5, "6-10 weeks")
    assert (
        scenario_from_dict(
            {
                k: v
                for k, v in scenario_to_dict(sc).items()
                if k not in ("difficulty", "preparation")
            }
        ).profile
        == ""
    )
    path = tmp_path / "x.toml"
    with pytest.raises(ScenarioError) as err:
        parse_scenario(GOOD.replace("title = ", "difficulty = 7\ntitle = ", 1), path)
    assert str(err.value).endswith("difficulty: must be between 1 and 5, got 7")
