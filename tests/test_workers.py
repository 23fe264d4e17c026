"""Worker processes: a worker that dies becomes one clear error, not a traceback."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from localise.batch.workers import collect
from localise.errors import LocaliseError, WorkerError


def _die(number: int) -> int:
    os._exit(3)  # as a segfault in a model library or the OOM killer would end it


def _square(number: int) -> int:
    return number * number


def test_a_dead_worker_is_a_worker_error() -> None:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn) as pool, pytest.raises(WorkerError) as caught:
        collect(pool.map(_die, [1, 2]))
    assert isinstance(caught.value, LocaliseError)
    assert str(caught.value).startswith("a worker process died unexpectedly; every output")


def test_results_come_back_in_order() -> None:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert collect(pool.map(_square, range(6))) == [0, 1, 4, 9, 16, 25]
