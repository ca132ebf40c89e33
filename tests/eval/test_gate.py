"""The eval gate on the dev split, in this process (spaCy loads once): F1 must not fall below the floors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

GATE = Path(__file__).resolve().parent / "gate.py"


def _gate():
    spec = importlib.util.spec_from_file_location("warledger_eval_gate", GATE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_split_meets_floors():
    gate = _gate()
    pytest.importorskip("warledger.pipeline")
    results = {"dev": gate.run_split("dev")}
    failures = gate.check_floors(results, gate.load_floors())
    assert not failures, "; ".join(failures)


def test_pin_never_lowers_without_allow_regression():
    gate = _gate()
    res = {"dev": {k: {"f1": 0.5} for k in gate.KINDS}}
    floors = {"dev": {"casualties": 0.7, "control": 0.1, "events": 0.48}}
    pinned = gate.pin_floors(res, floors, allow_regression=False)
    assert pinned["dev"] == {"casualties": 0.7, "control": 0.48, "events": 0.48}
    lowered = gate.pin_floors(res, floors, allow_regression=True)
    assert lowered["dev"]["casualties"] == 0.48
    assert gate.check_floors(res, {"dev": {"casualties": 0.51}}) != []
