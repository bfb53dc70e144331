import json
import sqlite3

import pytest

from mockint import __version__


def test_version(cli):
    res = cli("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"mockint, version {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("run",),
        ("resume",),
        ("scenarios",),
        ("scenarios", "list"),
        ("scenarios", "show"),
        ("scenarios", "validate"),
        ("problems",),
        ("problems", "list"),
        ("grade",),
    ],
)
def test_help_everywhere(cli, args):
    res = cli(*args, "--help")
    assert res.returncode == 0, res.stderr
    assert "Usage: mockint" in res.stdout


def test_scenarios_list_and_show(cli):
    res = cli("scenarios", "list")
    assert res.returncode == 0
    assert res.stdout.startswith("aiml-engineer  AI/ML engineer loop  (6 stages, 5h30)")
    res = cli("scenarios", "show", "aiml-engineer")
    assert "Capacity estimation: 5-5 min" in res.stdout
    assert "coding: 40% from coding" in res.stdout
    res = cli("scenarios", "show", "nope", "--json")
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "nope: id: no scenario with this id (known: aiml-engineer, llm-engineer)"
    )


def test_llm_engineer_loop_lists_its_stages_mix_and_banks(cli):
    res = cli("scenarios", "list")
    assert "llm-engineer   LLM engineer loop  (6 stages, 4h45)" in res.stdout
    res = cli("scenarios", "show", "llm-engineer", "--json")
    assert res.returncode == 0
    data = json.loads(res.stdout)
    assert [s["id"] for s in data["stages"]] == [
        "phone-screen",
        "coding",
        "llm-deep-dive",
        "system-design",
        "behavioural",
        "hiring-manager",
    ]
    assert {a: m["weight"] for a, m in data["mix"].items()} == {
        "coding": 35,
        "system_design": 45,
        "behavioural": 20,
    }
    stages = {s["id"]: s for s in data["stages"]}
    assert stages["llm-deep-dive"]["bank"] == "llm-deep-dive"
    assert "llm-basics" in stages["phone-screen"]["topics"]


def test_run_rejects_bad_options_without_starting(cli):
    res = cli("run", "--stages", "coding,dinner")
    assert res.returncode == 2
    assert "--stages: unknown stage 'dinner'" in res.stderr
    res = cli("run", "--pace", "0")
    assert res.returncode == 2 and "--pace" in res.stderr
    res = cli("run", "--pace", "fast")
    assert res.returncode == 2 and "'fast' is not a valid float" in res.stderr


def test_broken_database_is_one_line_exit_2(tmp_path, cli):
    bad = tmp_path / "bad.db"
    bad.write_text("garbage " * 200)
    for args in (("run", "--db", str(bad)), ("resume", "--db", str(bad)), ("--db", str(bad))):
        res = cli(*args)
        assert res.returncode == 2
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(
            f"mockint: {bad}: not a usable mockint database"
        )
    assert bad.read_text().startswith("garbage")


def test_resume_with_nothing_to_resume(tmp_path, cli):
    res = cli("resume", "--db", str(tmp_path / "empty.db"))
    assert res.returncode == 1
    assert res.stderr.strip() == "mockint: no unfinished session to resume"


def test_db_env_variable_is_used(tmp_path, cli, monkeypatch):
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("MOCKINT_DB", str(target))
    res = cli("resume")
    assert res.returncode == 1
    assert target.exists()  # the database was created where MOCKINT_DB points
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_run_with_stages_leaves_home_offering_the_whole_loop(monkeypatch, tmp_path):
    """`run --stages` plays those stages; home afterwards starts the full scenario."""
    from click.testing import CliRunner

    from mockint import cli as cli_module

    seen = {}
    monkeypatch.setattr(cli_module, "_run_app", lambda store, **kw: seen.update(kw))
    res = CliRunner().invoke(
        cli_module.cli, ["run", "--stages", "coding", "--db", str(tmp_path / "m.db")]
    )
    assert res.exit_code == 0, res.output
    assert [s.id for s in seen["start"].stages] == ["coding"]
    assert len(seen["default_scenario"].stages) == 6


def test_scenarios_show_prints_the_ids_that_stages_takes(cli, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from mockint import cli as cli_module

    res = cli("scenarios", "show", "aiml-engineer")
    rows = [line.split() for line in res.stdout.splitlines() if line.startswith("  1. ")]
    assert rows and rows[0][3] == "phone-screen" and rows[0][4] == "phone_screen"
    seen = {}
    monkeypatch.setattr(cli_module, "_run_app", lambda store, **kw: seen.update(kw))
    for given in ("phone-screen,behavioural", "phone_screen,behavioural"):
        res = CliRunner().invoke(
            cli_module.cli, ["run", "--stages", given, "--db", str(tmp_path / "m.db")]
        )
        assert res.exit_code == 0, res.output
        assert [s.id for s in seen["start"].stages] == ["phone-screen", "behavioural"]
