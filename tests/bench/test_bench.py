"""The benchmark's arithmetic and configuration variants (the measuring itself is `make bench`)."""

from bench.load import LoadResult, median_result, percentile, run_load
from bench.pipelines import default_policies_config, neural_config
from bench.run import targets


def test_percentile_is_the_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.50) == 50
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7.0


def test_repeated_runs_report_medians_and_all_errors():
    runs = [LoadResult(10, 100, errors, p50, p50 * 2, p50 * 3, rate)
            for errors, p50, rate in ((0, 10.0, 50.0), (2, 30.0, 40.0), (1, 20.0, 60.0))]
    merged = median_result(runs)
    assert (merged.p50, merged.p95, merged.throughput) == (20.0, 40.0, 50.0)
    assert merged.errors == 3 and merged.messages == 300


def test_an_unreachable_server_counts_every_message_as_an_error():
    result = run_load("http://127.0.0.1:9/webhooks/rest/webhook", 2, lambda user: ["hallo", "dag"],
                      "unreachable", timeout=2)
    assert (result.messages, result.errors) == (4, 4)


def test_the_neural_variant_swaps_only_the_two_classifiers():
    names = [component["name"] for component in neural_config()["pipeline"]]
    assert "DIETClassifier" in names and "ResponseSelector" in names
    assert not any(name.endswith("LinearIntentClassifier") for name in names)
    assert not any(name.endswith("LinearAnswerSelector") for name in names)
    assert names[-2:] == ["components.question_confidence.QuestionConfidence",
                          "components.pasted_agreement.PastedAgreement"]
    policies = [policy["name"] for policy in default_policies_config()["policies"]]
    assert policies == ["MemoizationPolicy", "RulePolicy", "UnexpecTEDIntentPolicy", "TEDPolicy"]


def _figures(p95_at_10: float):
    level = {"p50": 20.0, "p95": 50.0, "p99": 60.0, "throughput": 100.0, "errors": 0}
    loaded = {1: dict(level), 10: dict(level, p95=p95_at_10), 50: dict(level)}
    stock = {users: dict(level, throughput=25.0) for users in (1, 10, 50)}
    quality = {"right_answers": 0.98, "out_of_scope_rejected": 1.0}
    return {"assistant_faq": loaded, "assistant_interview": loaded, "stock": stock,
            "held_out": {"assistant": quality, "bm25": {"right_answers": 0.55, "out_of_scope_rejected": 0.65}},
            "memory_mb": {"rasa_server": 900.0}, "training": {"from_scratch_s": 90.0},
            "first_answer_s": 12.0}


def test_targets_say_which_are_met_and_which_are_not():
    assert "| NO |" not in targets(_figures(p95_at_10=120.0))
    missed = [line for line in targets(_figures(p95_at_10=400.0)).splitlines() if "| NO |" in line]
    assert len(missed) == 1 and "p95 at 10 users" in missed[0]


def test_cross_validation_reads_the_intent_test_accuracy(tmp_path, monkeypatch):
    import subprocess

    from bench import cross_validation

    log = ("Intent evaluation results\ntrain Accuracy: 0.990 (0.002)\ntest Accuracy: 0.877 (0.011)\n"
           "Response Selection evaluation results\ntrain Accuracy: 0.000 (0.000)\n"
           "test Accuracy: 0.000 (0.000)\n")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: (tmp_path / "cv.log").write_text(log))
    figures = cross_validation.cross_validate(tmp_path)
    assert (figures["test_accuracy"], figures["test_accuracy_std"]) == (0.877, 0.011)


def test_the_agreement_benchmark_scores_covered_per_topic(tmp_path):
    from bench.agreement_check import Checked, report, scores
    from bot.agreement.check import check_pasted_text

    result = check_pasted_text("Titel van de overeenkomst\n\nArtikel 8 Geschillen\n"
                               "Een geschil wordt voorgelegd aan een mediator.")
    expected = {letter: "missing" for letter in "abcdefghij"}
    checked = [
        Checked("een.txt", {**expected, "i": "covered"}, "agreement", result, None, 0.2),
        Checked("twee.txt", {**expected, "a": "covered"}, "agreement", result, None, 0.4),
        Checked("scan.pdf", expected, "unreadable", None, "scan", 0.01),
    ]
    by_topic = {score.topic: score for score in scores(checked)}
    assert (by_topic["i"].true_positive, by_topic["i"].false_positive) == (1, 1)
    assert by_topic["i"].precision == 0.5 and by_topic["i"].recall == 1.0
    assert by_topic["a"].recall == 0.0 and by_topic["a"].precision is None
    text, handled = report(checked)
    assert handled and "| i | 50% | 100% | 1/2 |" in text and "median 300 ms" in text
    refused_wrongly = checked[:2] + [Checked("scan.pdf", expected, "agreement", None, "scan", 0.01)]
    assert report(refused_wrongly)[1] is False
