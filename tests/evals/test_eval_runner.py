"""The eval runner itself: metrics on hand-made results, input errors, thresholds, the command line."""

from __future__ import annotations

import doctest
import json

import pytest

import evals.metrics
import evals.report
import evals.runner
from evals.__main__ import main
from evals.metrics import citation_problems, summarize
from evals.report import THRESHOLDS, check_thresholds, load_thresholds
from evals.runner import EvalError, Question, load_questions, to_record

PASSAGE = "Målet är 2500 kameror nationellt. Det var 1600 förut."
STORED = {"a#1": PASSAGE}
ISSUE_BARS = {  # the bars of the issue; thresholds.toml may only be stricter
    ("min", "overall", "hit_at_3"): 0.95,
    ("min", "overall", "refusal_accuracy"): 0.85,
    ("min", "overall", "citation_validity"): 1.0,
    ("min", "sv", "key_fact_recall"): 0.85,
    ("min", "en", "key_fact_recall"): 0.6,
    ("max", "overall", "false_refusal_rate"): 0.10,
}


def cite(n=1, quote="Målet är 2500 kameror nationellt.", text=PASSAGE, chunk_id="a#1", doc_id="a"):
    return {"n": n, "doc_id": doc_id, "chunk_id": chunk_id, "text": text, "quote": quote}


def result(
    qid,
    answer="Målet är 2500 kameror nationellt. [1]",
    citations=None,
    retrieved=("a",),
    refused=False,
    answerable=True,
    lang="sv",
    facts=("2500",),
    sources=("a",),
    latency=10.0,
):
    expected = (tuple(facts), tuple(sources)) if answerable else ((), ())
    question = Question(qid, "Hur många?", lang, answerable, *expected)
    answer = {
        "answer": answer,
        "refused": refused,
        "citations": [cite()] if citations is None else citations,
        "retrieved": [{"doc_id": d, "chunk_id": f"{d}#1", "score": 1.0} for d in retrieved],
        "latency_ms": latency,
    }
    return to_record(question, answer, STORED, "hybrid")


def test_doc_examples_hold():
    for module in (evals.metrics, evals.runner, evals.report):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_hit_at_k_and_mrr_over_retrieved_passages():
    records = [
        result("first", retrieved=("a", "b")),
        result("second", retrieved=("b", "a")),
        result("third", retrieved=("b", "c", "d", "a")),
        result("missed", retrieved=("b", "c")),
    ]
    m = summarize(records)["overall"]
    assert (m["hit_at_1"], m["hit_at_3"]) == (0.25, 0.5)
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 1 / 4 + 0) / 4)


def test_unanswerable_questions_count_only_for_refusals():
    records = [
        result("ok"),
        result(
            "refused-ok", answer="Det framgår inte.", citations=[], refused=True, answerable=False, retrieved=("z",)
        ),
        result("answered", answerable=False),
        result("false", answer="Det framgår inte.", citations=[], refused=True),
    ]
    m = summarize(records)["overall"]
    assert (m["answerable"], m["unanswerable"]) == (2, 2)
    assert (m["hit_at_1"], m["refusal_accuracy"], m["false_refusal_rate"], m["key_fact_recall"]) == (1.0, 0.5, 0.5, 0.5)
    assert m["pass_rate"] == 0.5
    assert records[2]["failures"] == ["should have refused"] and records[3]["failures"] == ["false refusal"]


def test_missing_fact_fails_the_question():
    record = result("q", facts=("2500", "drönare"))
    assert record["failures"] == ["missing fact: drönare"] and not record["passed"]
    assert summarize([record])["overall"]["key_fact_recall"] == 0.0


def test_citation_validity_detects_a_quote_not_in_the_passage():
    bad = result("bad", answer="Målet är 3000 kameror. [1]", citations=[cite(quote="Målet är 3000 kameror.")])
    assert bad["failures"] == [
        "missing fact: 2500",
        "invalid citation [1]: quote not in its passage: 'Målet är 3000 kameror.'",
        "answer sentence not in its cited passage [1]: 'Målet är 3000 kameror.'",
    ]
    assert bad["citations_valid"] is False
    assert summarize([result("good"), bad])["overall"]["citation_validity"] == 0.5


def test_citation_validity_detects_a_dangling_marker():
    problems = citation_problems("Målet är 2500 kameror nationellt. [1] Förut 1600. [3]", [cite()], STORED)
    assert problems == ["invalid citation [3]: no citation has that number"]


def test_citation_validity_checks_every_quoted_sentence_and_the_stored_passage():
    answer = "Målet är 2500 kameror nationellt. [1]"  # a valid answer text: only the quote or passage is wrong
    two = cite(quote="Målet är 2500 kameror nationellt. … Det var 1700 förut.")
    assert citation_problems(answer, [two], STORED) == [
        "invalid citation [1]: quote not in its passage: 'Det var 1700 förut.'"
    ]
    forged = cite(text=PASSAGE + " Tillagt.")
    assert citation_problems(answer, [forged], STORED) == [
        "invalid citation [1]: passage text differs from the stored passage"
    ]
    assert citation_problems(answer, [cite(chunk_id="gone#9")], STORED) == [
        "invalid citation [1]: passage 'gone#9' is not in the store"
    ]
    assert citation_problems("Inga markörer.", [cite()], STORED) == ["invalid citation: the answer has no [n] marker"]


def test_per_language_metrics():
    records = [result("sv", lang="sv"), result("en", lang="en", answer="Nothing. [1]", facts=("61",))]
    by_lang = summarize(records)["by_lang"]
    assert list(by_lang) == ["sv", "en"]
    assert (by_lang["sv"]["key_fact_recall"], by_lang["en"]["key_fact_recall"]) == (1.0, 0.0)


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "a", "question": "?", "lang": "sv", "answerable": true', "line 3: not valid JSON"),
        ('["a list"]', "line 3: expected a JSON object, got list"),
        ('{"id": "a", "question": "?", "lang": "sv"}', "line 3: missing field 'answerable'"),
        (
            '{"id": "a", "question": "?", "lang": "sv", "answerable": "yes"}',
            "line 3: field 'answerable' must be a bool",
        ),
        (
            '{"id": "a", "question": "?", "lang": "sv", "answerable": true, "expected_facts": ["(2500"]}',
            "line 3: expected fact",
        ),
        (
            '{"id": "a", "question": "?", "lang": "sv", "answerable": true, "history": "Vem?"}',
            "line 3: field 'history'",
        ),
    ],
)
def test_malformed_questions_file_names_the_line(tmp_path, line, message):
    good = json.dumps({"id": "ok", "question": "Vem?", "lang": "sv", "answerable": False})
    path = tmp_path / "q.jsonl"
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(EvalError, match=message.replace("(", r"\(")):
        load_questions(path)


def test_duplicate_ids_and_empty_file_are_errors(tmp_path):
    line = json.dumps({"id": "same", "question": "Vem?", "lang": "sv", "answerable": False})
    (tmp_path / "dup.jsonl").write_text(f"{line}\n{line}\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(EvalError, match="duplicate question ids: same"):
        load_questions(tmp_path / "dup.jsonl")
    with pytest.raises(EvalError, match="no questions"):
        load_questions(tmp_path / "empty.jsonl")


def test_command_line_reports_a_malformed_file_in_one_line(tmp_path, capsys):
    path = tmp_path / "q.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    assert main(["--questions", str(path), "--out", str(tmp_path / "r.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: line 1: not valid JSON") and "\n" not in err and "Traceback" not in err


def test_the_eval_set_itself_loads():
    questions = load_questions(evals.runner.DEFAULT_QUESTIONS)
    assert {q.lang for q in questions} == {"sv", "en"} and any(not q.answerable for q in questions)


def test_check_thresholds_lists_each_violation():
    summary = {
        "overall": {"hit_at_3": 0.9, "citation_validity": 1.0, "false_refusal_rate": 0.0, "refusal_accuracy": None},
        "by_lang": {"en": {"key_fact_recall": 0.5}},
    }
    thresholds = {
        "min": {
            "overall": {"hit_at_3": 0.95, "citation_validity": 1.0, "refusal_accuracy": 0.85},
            "en": {"key_fact_recall": 0.6},
            "sv": {"key_fact_recall": 0.85},
        },
        "max": {"overall": {"false_refusal_rate": 0.1}},
    }
    assert check_thresholds(summary, thresholds) == [
        "hit_at_3 (overall) = 0.900, below the minimum 0.95",
        "key_fact_recall (en) = 0.500, below the minimum 0.6",
    ]
    assert evals.report.unchecked(summary, thresholds) == ["refusal_accuracy (overall)", "key_fact_recall (sv)"]


def test_thresholds_file_meets_the_issue_bars():
    thresholds = load_thresholds(THRESHOLDS)
    assert thresholds["retriever"] == "hybrid"
    for (bound, scope, metric), bar in ISSUE_BARS.items():
        value = thresholds["seed"][bound][scope][metric]
        assert value >= bar if bound == "min" else value <= bar, (
            f"{bound}.{scope}.{metric} = {value} is laxer than {bar}"
        )


def test_misspelt_threshold_metric_is_an_error(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("[min.overall]\nhit_at3 = 0.95\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"unknown metrics: hit_at3"):
        load_thresholds(path)


def test_command_line_runs_a_set_of_your_own_in_a_store_of_its_own(tmp_path, capsys, monkeypatch, seed_copy):
    user_data = tmp_path / "user-data"
    monkeypatch.setenv("DATA_DIR", str(user_data))
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps(
            {
                "id": "sv-x",
                "question": "Vem är utvecklingschef på Noa?",
                "lang": "sv",
                "answerable": True,
                "expected_facts": ["Anders Hall"],
                "expected_sources": ["000_a5d2021ba032f9f0"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "easy.toml").write_text("[min.overall]\npass_rate = 0.0\n", encoding="utf-8")
    (tmp_path / "hard.toml").write_text("[max.overall]\nlatency_p50_ms = 0.0\n", encoding="utf-8")
    args = [
        "--corpus",
        str(seed_copy),
        "--questions",
        str(questions),
        "--out",
        str(tmp_path / "out" / "r.jsonl"),
        "--no-compare",
        "--thresholds",
    ]
    assert main(args + [str(tmp_path / "easy.toml")]) == 0
    assert main(args + [str(tmp_path / "hard.toml")]) == 1
    out = capsys.readouterr().out
    assert "VIOLATED: q: latency_p50_ms (overall)" in out and "| txt |" not in out  # one format: no format table
    saved = json.loads((tmp_path / "out" / "r.jsonl").read_text(encoding="utf-8"))
    assert saved["id"] == "sv-x" and saved["format"] == "txt" and (tmp_path / "out" / "summary.md").exists()
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["violations"]
    assert not user_data.exists(), "the eval must not touch the user's DATA_DIR"


def test_command_line_rejects_a_missing_corpus_in_one_line(tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "a", "question": "Vem?", "lang": "sv", "answerable": False}) + "\n")
    assert main(["--corpus", str(tmp_path / "nope"), "--questions", str(questions)]) == 2
    assert capsys.readouterr().err.strip() == f"error: no such corpus: {tmp_path / 'nope'}"


def test_citation_validity_covers_the_answer_text_not_only_the_quote():
    """One changed word in an answer sentence (kameror -> kamerorna) fails, though the quote is right."""
    faithful = result("faithful")
    changed = result("changed", answer="Målet är 2500 kamerorna nationellt. [1]")
    assert faithful["citations_valid"] and not changed["citations_valid"]
    assert summarize([faithful, changed])["overall"]["citation_validity"] == 0.5
    problems = citation_problems("Målet är 2500 kamerorna nationellt. [1]", [cite()], STORED)
    assert problems == ["answer sentence not in its cited passage [1]: 'Målet är 2500 kamerorna nationellt.'"]


def test_a_leading_short_answer_must_occur_in_the_sentence_it_introduces():
    assert citation_problems("2500 kameror: Målet är 2500 kameror nationellt. [1]", [cite()], STORED) == []
    assert citation_problems("3000 kameror: Målet är 2500 kameror nationellt. [1]", [cite()], STORED) != []
    assert citation_problems("Målet är 2500 kameror nationellt. [1] Och mer därtill.", [cite()], STORED) != []


def test_a_follow_up_is_asked_with_the_answers_given_as_the_chat_asks_it():
    class Scripted:  # records what the eval hands the engine; answers by echoing the question
        def __init__(self):
            self.histories = []

        def answer(self, question, history, retriever=None):
            from qa.types import Answer

            self.histories.append(list(history))
            return Answer(question=question, answer=f"svar på: {question}", lang="sv")

    engine = Scripted()
    follow_up = Question("f", "Och när?", "sv", True, history=("Vem leder arbetet?", "Var?"))
    evals.runner.ask(engine, follow_up, "hybrid")
    assert engine.histories[-1] == [("Vem leder arbetet?", "svar på: Vem leder arbetet?"), ("Var?", "svar på: Var?")]
    assert engine.histories[1] == [("Vem leder arbetet?", "svar på: Vem leder arbetet?")]
