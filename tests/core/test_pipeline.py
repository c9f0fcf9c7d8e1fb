from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest

from storyline.pipeline import Pipeline, PipelineError, StageStats
from storyline.records import Document


class Upper:
    name = "upper"
    requires = frozenset({"raw_text"})
    provides = frozenset({"text"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for d in docs:
            stats.counts["chars"] += len(d.raw_text)
            yield replace(d, text=d.raw_text.upper())


class NeedsTimexes:
    name = "needs-timexes"
    requires = frozenset({"timexes"})
    provides = frozenset({"events"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        yield from docs


def test_pipeline_checks_requirements_when_built() -> None:
    with pytest.raises(PipelineError, match=r"needs-timexes.*timexes"):
        Pipeline([Upper(), NeedsTimexes()])


def test_pipeline_runs_stages_in_order_and_counts() -> None:
    pipe = Pipeline([Upper()])
    docs = [Document(id=str(i), source="s", raw_text=t) for i, t in enumerate(["ab", "cde"])]
    out = list(pipe.run(docs))
    assert [d.text for d in out] == ["AB", "CDE"]
    stats = pipe.stats["upper"]
    assert (stats.documents_in, stats.documents_out, stats.counts["chars"]) == (2, 2, 5)
    assert "text" in pipe.provides


def test_records_are_frozen() -> None:
    doc = Document(id="x", source="s", raw_text="t")
    with pytest.raises(AttributeError):
        doc.text = "changed"  # type: ignore[misc]


def test_standard_build_pipelines_fit_together() -> None:
    from storyline.engine.stages import BuildConfig, analyse_pipeline, prepare_pipeline

    prep = prepare_pipeline(BuildConfig())
    full = analyse_pipeline(BuildConfig())
    assert prep.names == ("clean", "language", "metadata")
    assert full.names == ("annotate", "actors", "timex", "events")
    assert {"events", "timexes", "mentions"} <= full.provides
