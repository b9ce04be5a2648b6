"""The scripts behind make test-unit's coverage figures and make mutation's report."""

import json

from scripts.coverage_report import per_package
from scripts.mutation import equivalent_mutants, module_of, results, scores


def test_coverage_is_summed_per_top_level_package():
    report = {"files": {
        "bot/a.py": {"summary": {"num_statements": 10, "covered_lines": 9, "num_branches": 4, "covered_branches": 3}},
        "bot/draft/b.py": {"summary": {"num_statements": 10, "covered_lines": 10, "num_branches": 6,
                                       "covered_branches": 6}},
        "scripts/c.py": {"summary": {"num_statements": 5, "covered_lines": 0, "num_branches": 2,
                                     "covered_branches": 0}},
    }}
    figures = per_package(report, ["bot", "channels"])
    assert (figures["bot"].line_percent, figures["bot"].branch_percent) == (95.0, 90.0)
    assert figures["channels"].statements == 0 and set(figures) == {"bot", "channels"}


def test_mutants_are_scored_per_module_with_equivalents_set_apart(tmp_path):
    (tmp_path / "bot").mkdir()
    codes = {"bot.a.x_f__mutmut_1": 1, "bot.a.x_f__mutmut_2": 0, "bot.a.x_f__mutmut_3": 0,
             "bot.a.x_f__mutmut_4": 33, "bot.a.x_f__mutmut_5": None, "bot.a.x_f__mutmut_6": 36}
    (tmp_path / "bot" / "a.py.meta").write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    listed = tmp_path / "equivalent.md"
    listed.write_text("# Equivalent\n\n- `bot.a.x_f__mutmut_2`: same behaviour.\nnot a `bot.a.x_f__mutmut_3` line\n",
                      encoding="utf-8")
    assert results(tmp_path) == codes and module_of("bot.a.x_f__mutmut_1") == "bot.a"
    explained = equivalent_mutants(listed)
    assert list(explained) == ["bot.a.x_f__mutmut_2"]
    module = scores(results(tmp_path), explained)["bot.a"]
    assert (len(module.killed), len(module.equivalent), len(module.unchecked)) == (2, 1, 1)
    assert sorted(module.survived) == ["bot.a.x_f__mutmut_3", "bot.a.x_f__mutmut_4"]
    assert module.score == 50.0


def test_changed_data_files_reach_the_mutated_copy(tmp_path):
    from scripts.mutation import sync_data_files

    (tmp_path / "setup.cfg").write_text(
        "[mutmut]\nsource_paths =\n    bot/\nalso_copy =\n    domain.yml\n", encoding="utf-8")
    (tmp_path / "domain.yml").write_text("intents: []", encoding="utf-8")
    (tmp_path / "bot" / "draft").mkdir(parents=True)
    (tmp_path / "bot" / "draft" / "format.yml").write_text("new", encoding="utf-8")
    (tmp_path / "bot" / "code.py").write_text("x = 1", encoding="utf-8")
    mutants = tmp_path / "mutants"
    assert sync_data_files(tmp_path, mutants) == []  # nothing mutated yet: nothing to sync
    (mutants / "bot" / "draft").mkdir(parents=True)
    (mutants / "bot" / "draft" / "format.yml").write_text("old", encoding="utf-8")
    (mutants / "bot" / "code.py").write_text("x = 2  # mutated", encoding="utf-8")
    assert sync_data_files(tmp_path, mutants) == [mutants / "bot" / "draft" / "format.yml",
                                                  mutants / "domain.yml"]
    assert (mutants / "bot" / "draft" / "format.yml").read_text(encoding="utf-8") == "new"
    assert (mutants / "bot" / "code.py").read_text(encoding="utf-8") == "x = 2  # mutated"
    assert sync_data_files(tmp_path, mutants) == []


def test_a_shard_names_modules_and_mutmut_is_asked_for_exactly_their_mutants(tmp_path, monkeypatch):
    from scripts import mutation

    assert mutation.shard_patterns(["bot.language", "bot/interview/turn.py", "channels.rest.*", " "]) == [
        "bot.language.*", "bot.interview.turn.*", "channels.rest.*"]
    (tmp_path / "bot").mkdir()
    codes = {"bot.language.x_f__mutmut_1": None, "bot.languages.x_g__mutmut_1": None,
             "bot.answering.x_h__mutmut_1": None}
    (tmp_path / "bot" / "a.py.meta").write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    calls = []
    monkeypatch.setattr(mutation, "_mutmut", lambda arguments: calls.append(arguments) or 0)
    monkeypatch.setattr(mutation, "report", lambda patterns=None: calls.append(("report", patterns)) or 0)
    assert mutation.run(["bot.language"], tmp_path) == 0
    assert calls == [["bot.language.*"], ("report", ["bot.language.*"])]
    assert mutation._matching(codes, ["bot.language.*"]) == ["bot.language.x_f__mutmut_1"]
    calls.clear()
    assert mutation.run(["bot.nothing"], tmp_path) == 2 and calls == []


def test_mutmut_runs_at_the_lowest_priority_on_few_workers():
    from scripts.mutation import mutmut_command

    command = mutmut_command(["bot.language.*"], workers=1)
    assert command[:3] == ["nice", "-n", "19"]
    assert command[-4:] == ["run", "--max-children", "1", "bot.language.*"]


def test_a_function_written_after_the_test_map_makes_mutmut_trace_the_tests_again(tmp_path, monkeypatch):
    from scripts import mutation

    (tmp_path / "bot").mkdir()
    codes = {"bot.a.x_old__mutmut_1": 1, "bot.a.x_new__mutmut_1": 33, "bot.b.x_dead__mutmut_1": 33}
    (tmp_path / "bot" / "a.py.meta").write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    stats = tmp_path / mutation.STATS_FILE

    def write_map(mapped):
        stats.write_text(json.dumps({"tests_by_mangled_function_name": mapped}), encoding="utf-8")

    write_map({"bot.a.x_old": ["tests/test_a.py::test_old"], "bot.a.x_new": []})
    assert mutation.unmapped_functions(tmp_path) == ["bot.a.x_new", "bot.b.x_dead"]
    assert mutation.refresh_stale_test_map(["bot.b.*"], tmp_path) is True and not stats.exists()
    # The full trace maps the new function; the dead one stays unreached, and is noted as such.
    write_map({"bot.a.x_old": ["tests/test_a.py::test_old"], "bot.a.x_new": ["tests/test_a.py::test_new"]})
    mutation.note_unreached_functions(tmp_path)
    assert mutation.refresh_stale_test_map([], tmp_path) is False and stats.exists()
    calls = []
    monkeypatch.setattr(mutation, "_mutmut", lambda arguments: calls.append(arguments) or 0)
    monkeypatch.setattr(mutation, "report", lambda patterns=None: 0)
    assert mutation.run(["bot.a"], tmp_path) == 0 and stats.exists() and calls == [["bot.a.*"]]
