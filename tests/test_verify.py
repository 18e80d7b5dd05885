"""`ddtool assess --verify`: a saved assessment re-run and compared, its long lists item by item
as the saved file is read."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import ddtool.diff
import ddtool.verify
from ddtool.cli import app
from ddtool.diff import AssessmentFileError
from ddtool.document import chain_gaps, exposure_on_a_gap
from ddtool.errors import DdtoolError
from ddtool.model import LEVELS
from ddtool.verify import _saved_whole, verify

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"

ROOT = Path(__file__).resolve().parents[1]
Edit = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A saved assessment of a sample chain (the chain copied beside it), as written."""
    folder = tmp_path_factory.mktemp("verify")
    chain = folder / "chain.yaml"
    chain.write_bytes((ROOT / "sample_chains" / "cocoa.yaml").read_bytes())
    path = folder / "assessment.json"
    # with an option recorded that changes the result: a re-run without it would differ
    done = CliRunner().invoke(
        app, ["assess", str(chain), "--company", "Other Co", "-q", "-o", str(path)]
    )
    assert done.exit_code == 0, done.output
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["company"]["name"] == "Other Co"
    return path, document


def _lists_first(doc: dict[str, Any]) -> dict[str, Any]:
    first = {key: doc[key] for key in ("flags", "suppliers")}
    return first | {key: value for key, value in doc.items() if key not in first}


def _options_last(doc: dict[str, Any]) -> dict[str, Any]:
    options = doc.pop("options")
    return doc | {"options": options}


def _renamed(doc: dict[str, Any]) -> dict[str, Any]:
    doc["suppliers"][3]["name"] = "Renamed"
    return doc


def _flag_dropped(doc: dict[str, Any]) -> dict[str, Any]:
    """The first flag left out, and the summary counted without it: a file that adds up
    (else it is no valid assessment) but is not what the re-run gives."""
    flag = doc["flags"].pop(0)
    summary = doc["summary"]
    summary["flags"] -= 1
    summary["flags_by_level"][flag["level"]] -= 1
    summary["flags_by_risk_type"][flag["risk_type"]] -= 1
    return doc


def _many_changes(doc: dict[str, Any]) -> dict[str, Any]:
    for entry in doc["suppliers"][:8]:
        entry["share"] = 0.5
    return doc


def _other_run(doc: dict[str, Any]) -> dict[str, Any]:
    return doc | {"generated_at": "2020-01-01T00:00:00+00:00", "tool": {"version": "0.0.1"}}


def _marks_of_2_5(doc: dict[str, Any]) -> dict[str, Any]:
    """The data gaps that bear on the exposures as schemas 2.3 to 2.5 marked them: those of
    a low level alone. The sample's beet farms at origin, whose high and medium rest on a
    country not known, and the sugar suppliers above them, were marked nothing."""
    marks = exposure_on_a_gap(doc["suppliers"], low_only=True)
    for entry in doc["suppliers"]:
        for risk_type, exposure in entry["exposure"].items():
            exposure.pop("on_a_gap", None)
            if risk_type in marks.get(entry["id"], ()) and exposure["level"] != "critical":
                exposure["on_a_gap"] = True
    exposures = doc["summary"]["exposure"]
    levels = {risk_type: e["level"] for risk_type, e in exposures.items()}
    for risk_type, gaps in chain_gaps(doc["suppliers"], levels, low_only=True).items():
        exposures[risk_type]["data_gaps"] = gaps
    return doc


def _schema_2_3(doc: dict[str, Any]) -> dict[str, Any]:
    """As ddtool wrote it before schema 2.4: no `on_a_gap` in the tier-1 ranking's entries,
    ranked by their plain level, and the marks of the data gaps by the rule before 2.6."""
    doc = _marks_of_2_5(doc)
    ranking = doc["summary"]["tier1_ranking"]
    for entry in ranking:
        del entry["on_a_gap"]
    ranking.sort(key=lambda e: (-LEVELS.index(e["level"]), -e["weighted_priority"], e["id"]))
    return doc | {"schema_version": "2.3"}


def _schema_2_2(doc: dict[str, Any]) -> dict[str, Any]:
    """As ddtool wrote it before schema 2.3: no data gaps in the summary's exposure, no
    `on_a_gap` in a supplier's."""
    doc = _schema_2_3(doc)
    for exposure in doc["summary"]["exposure"].values():
        del exposure["data_gaps"]
    for entry in doc["suppliers"]:
        for exposure in entry["exposure"].values():
            exposure.pop("on_a_gap", None)
    return doc | {"schema_version": "2.2"}


def _bases_of_2_1(doc: dict[str, Any]) -> dict[str, Any]:
    """The bases as ddtool wrote them before schema 2.2: no count of measures not shown, and
    each id made of the reason, the evidence ids, an empty text and the measure ids alone
    (the flags naming those ids)."""
    doc = _schema_2_2(doc)
    renamed: dict[str, str] = {}
    bases: dict[str, Any] = {}
    for basis_id, basis in doc["bases"].items():
        del basis["measures_not_shown"]
        text = "\x1f".join([basis["reason"], *basis["evidence"], "", *basis["remediation"]])
        renamed[basis_id] = "BA-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
        bases[renamed[basis_id]] = basis
    for flag in doc["flags"]:
        flag["basis"] = renamed[flag["basis"]]
    return doc | {"bases": dict(sorted(bases.items())), "schema_version": "2.1"}


def _schema_2_0(doc: dict[str, Any]) -> dict[str, Any]:
    """As ddtool wrote it before schema 2.1 (no certifications and audits in the entries, nor
    the bases' count of measures not shown)."""
    for entry in doc["suppliers"]:
        entry.pop("certifications", None)
        entry.pop("audits", None)
    return _bases_of_2_1(doc) | {"schema_version": "2.0"}


def _certification_edited(doc: dict[str, Any]) -> dict[str, Any]:
    entry = next(s for s in doc["suppliers"] if s.get("certifications"))
    entry["certifications"] = ["certification 'Fairtrade' valid until 2099-12-31"]
    return doc


# (case, edit of the saved document, how it is written, reproduced?, what the reasons say)
CASES: list[tuple[str, Edit, str, bool, list[str]]] = [
    ("as written", dict, "compact", True, []),
    ("indented", dict, "indented", True, []),
    ("with a BOM", dict, "bom", True, []),
    ("lists first", _lists_first, "compact", True, []),
    ("lists first, indented", _lists_first, "indented", True, []),
    ("options after the lists", _options_last, "compact", True, []),
    ("made another time, by another version", _other_run, "compact", True, []),
    (
        "a supplier renamed",
        _renamed,
        "compact",
        False,
        ["$.suppliers[3] (id 'SUG-TRD-1').name: saved 'Renamed'"],
    ),
    (
        "a supplier renamed, lists first",
        lambda d: _lists_first(_renamed(d)),
        "indented",
        False,
        ["$.suppliers[3] (id 'SUG-TRD-1').name: saved 'Renamed'"],
    ),
    ("a flag dropped", _flag_dropped, "compact", False, ["$.flags: "]),
    # an earlier schema: what it holds is compared, what it lacks is not a difference
    ("saved as schema 2.0", _schema_2_0, "compact", True, []),
    (
        "saved as schema 2.0, a supplier renamed",
        lambda d: _schema_2_0(_renamed(d)),
        "compact",
        False,
        ["$.suppliers[3] (id 'SUG-TRD-1').name: saved 'Renamed'"],
    ),
    (
        "a certification edited",
        _certification_edited,
        "compact",
        False,
        [".certifications[0]: saved \"certification 'Fairtrade' valid until 2099-12-31\""],
    ),
    ("saved as schema 2.1", _bases_of_2_1, "compact", True, []),
    (
        "2.1 saved without the certifications",
        lambda d: _schema_2_0(d) | {"schema_version": "2.1"},
        "compact",
        False,
        [".audits: only in the re-run"],
    ),
    (
        "2.1 saved with the bases of 2.2",
        lambda d: _schema_2_2(d) | {"schema_version": "2.1"},
        "compact",
        False,
        [").basis: saved 'BA-"],
    ),
    ("saved as schema 2.2", _schema_2_2, "compact", True, []),
    # (2.7 added the sheets of the input files read, which are not compared)
    ("saved as schema 2.6", lambda d: d | {"schema_version": "2.6"}, "compact", True, []),
    ("saved as schema 2.3", _schema_2_3, "compact", True, []),
    (
        "2.3 saved with the ranking of 2.4",
        lambda d: d | {"schema_version": "2.3"},
        "compact",
        False,
        ["$.summary.tier1_ranking[0].on_a_gap: only in the saved result"],
    ),
    (
        "2.2 saved with the exposure of 2.3",
        lambda d: d | {"schema_version": "2.2"},
        "compact",
        False,
        ["$.summary.exposure.child_labour.data_gaps: only in the saved result"],
    ),
    (
        "a key added",
        lambda d: d | {"extra": 1},
        "compact",
        False,
        ["$.extra: only in the saved result"],
    ),
    (
        "a summary figure changed",
        lambda d: {**d, "summary": {**d["summary"], "tiers": 99}},
        "compact",
        False,
        ["$.summary.tiers: saved '99'"],
    ),
    (
        "the risk profiles' version edited (their hash kept)",
        lambda d: {**d, "profiles": {**d["profiles"], "version": "2025.1.1"}},
        "compact",
        False,
        ["risk profiles differ: 2025.1.1 sha256", "$.profiles.version: saved '2025.1.1'"],
    ),
    (
        "the input's fingerprint edited (the files' hashes kept)",
        lambda d: {**d, "input": {**d["input"], "sha256": "0" * 64}},
        "compact",
        False,
        ["$.input: the input files differ"],
    ),
]


def _write(path: Path, document: dict[str, Any], how: str) -> None:
    text = json.dumps(document, indent=2 if how == "indented" else None, ensure_ascii=False)
    path.write_bytes((b"\xef\xbb\xbf" if how == "bom" else b"") + text.encode("utf-8"))


@pytest.mark.parametrize(
    ("case", "edit", "how", "reproduced", "says"), CASES, ids=[case[0] for case in CASES]
)
def test_verify_compares_every_part(
    saved: tuple[Path, dict[str, Any]],
    case: str,
    edit: Edit,
    how: str,
    reproduced: bool,
    says: list[str],
) -> None:
    path, document = saved
    copy = path.with_name(f"copy-{len(case)}-{how}.json")
    _write(copy, edit(json.loads(json.dumps(document))), how)
    outcome = verify(copy)
    assert outcome.reproduced is reproduced, outcome.reasons
    text = "; ".join(outcome.reasons)
    for part in says:
        assert part in text
    if reproduced:
        sizes = f"{len(document['suppliers'])} suppliers and {len(document['flags'])} flags"
        assert f"{sizes} identical" in outcome.checked
    # the profiles are checked, or named as differing: never both
    assert any("risk profiles" in line for line in outcome.checked) is not any(
        "risk profiles differ" in line for line in outcome.reasons
    )
    made = f"note: not compared: generated_at ({document['generated_at']}), when the file says"
    assert [line for line in outcome.checked if "generated_at" in line] == [
        made.replace(document["generated_at"], "2020-01-01T00:00:00+00:00")
        + " it was made (a re-run is made now)"
        if "another time" in case
        else made + " it was made (a re-run is made now)"
    ]
    noted = [line for line in outcome.checked if "saved as schema" in line]
    ranking = "tier1_ranking on_a_gap and the order it gives, a downstream listing's risk_types"
    exposure = f"exposure data_gaps, exposure on_a_gap, {ranking}"
    assert noted == (
        [
            "note: saved as schema 2.0, re-run as 2.7: compared without what 2.0 did not"
            f" hold (certifications, audits, measures_not_shown, {exposure})"
        ]
        if "schema 2.0" in case
        else [
            "note: saved as schema 2.1, re-run as 2.7: compared without what 2.1 did not"
            f" hold (measures_not_shown, {exposure})"
        ]
        if "2.1" in case
        else [
            "note: saved as schema 2.2, re-run as 2.7: compared without what 2.2 did not"
            f" hold ({exposure})"
        ]
        if "2.2" in case
        else [
            "note: saved as schema 2.3, re-run as 2.7: compared without what 2.3 did not"
            f" hold ({ranking})",
            "note: saved as schema 2.3, re-run as 2.7: the data gaps that bear on the"
            " exposures compared as 2.3 told them (those of a low level alone)",
        ]
        if "2.3" in case
        else []
    )


def test_a_dropped_flag_is_counted(saved: tuple[Path, dict[str, Any]]) -> None:
    path, document = saved
    copy = path.with_name("dropped.json")
    _write(copy, _flag_dropped(json.loads(json.dumps(document))), "compact")
    count = len(document["flags"])
    assert f"$.flags: {count - 1} items saved, {count} now" in verify(copy).reasons[0]


def test_an_input_path_edited_is_said_not_compared(saved: tuple[Path, dict[str, Any]]) -> None:
    """The input is the same file by its hash wherever it is (a folder moved since): its path
    is not compared, and the verification says so, as it says it of generated_at. (The
    files' paths are where the re-run reads: one edited to a file not there is an error.)"""
    path, document = saved
    copy = path.with_name("moved.json")
    changed = json.loads(json.dumps(document))
    changed["input"]["path"] = "elsewhere.yaml"
    _write(copy, changed, "compact")
    outcome = verify(copy)
    assert outcome.reproduced, outcome.reasons
    was = document["input"]["path"]
    assert [line for line in outcome.checked if "$.input" in line] == [
        f"note: not compared: $.input.path ('elsewhere.yaml' saved, {was!r} now): an input is"
        " the same file by its sha256, wherever it is"
    ]
    assert not [line for line in verify(path).checked if "$.input" in line]


def test_differences_are_listed_up_to_five(saved: tuple[Path, dict[str, Any]]) -> None:
    path, document = saved
    copy = path.with_name("many.json")
    _write(copy, _many_changes(json.loads(json.dumps(document))), "compact")
    (reason,) = verify(copy).reasons
    assert reason.startswith("results differ: ")
    listed = reason.removeprefix("results differ: ").split("; ")
    ids = [entry["id"] for entry in document["suppliers"][:5]]
    assert [item.split(":")[0] for item in listed[:5]] == [
        f"$.suppliers[{i}] (id {ids[i]!r}).share" for i in range(5)
    ]
    assert listed[5:] == ["and 3 more"]  # (eight suppliers edited: the rest are counted)


def _moved(doc: dict[str, Any]) -> dict[str, Any]:
    doc["flags"][3], doc["flags"][4] = doc["flags"][4], doc["flags"][3]
    return doc


def _long_value(doc: dict[str, Any]) -> dict[str, Any]:
    doc["profiles"]["sha256"] = "0" * 64
    doc["company"]["name"] = "x" * 200
    return doc


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # a flag left out is named by its id, not told by the items after it, shifted
        (
            _flag_dropped,
            lambda d: [
                f"$.flags: {len(d['flags']) - 1} items saved, {len(d['flags'])} now",
                f"$.flags (id {d['flags'][0]['id']!r}: {d['flags'][0]['supplier_id']},"
                f" {d['flags'][0]['risk_type']}, {d['flags'][0]['level']}): only in the re-run",
            ],
        ),
        (_moved, lambda d: ["$.flags: the same items, in another order"]),
        # a hash shown whole; a long value cut, and marked so
        (
            _long_value,
            lambda d: [
                f"$.company.name: saved '{'x' * 79}…', now 'Other Co'",
                f"$.profiles.sha256: saved '{'0' * 64}', now '{d['profiles']['sha256']}'",
            ],
        ),
    ],
    ids=["dropped", "moved", "long"],
)
def test_differences_name_items_by_id_and_values_whole_or_marked_cut(
    saved: tuple[Path, dict[str, Any]],
    edit: Edit,
    expected: Callable[[dict[str, Any]], list[str]],
) -> None:
    path, document = saved
    copy = path.with_name(f"named-{edit.__name__}.json")
    _write(copy, edit(json.loads(json.dumps(document))), "compact")
    reasons = [r for r in verify(copy).reasons if r.startswith("results differ: ")]
    listed = reasons[0].removeprefix("results differ: ").split("; ")
    for line in expected(document):
        assert line in listed


def _cut(text: str) -> str:
    return text[: len(text) // 2]


# (case, change of the saved file's text, what the error says)
BROKEN: list[tuple[str, Callable[[str], str], str]] = [
    ("cut in half", _cut, "invalid JSON at line"),
    ("text after the end", lambda t: t + " x", "Extra data"),
    ("last brace lost", lambda t: t.rstrip()[:-1], "invalid JSON at line"),
    ("a list twice", lambda t: t.replace('"flags":', '"suppliers":[],"flags":', 1), "twice"),
    ("a key twice", lambda t: t.rstrip()[:-1] + ',"input":{}}', "the key 'input' appears twice"),
    (
        "a huge integer",
        lambda t: t.replace('"flags":', '"extra":2e0,"n":' + "9" * 30 + ',"flags":', 1),
        "beyond 64 bits",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_saved_file_broken_after_its_head_is_named(
    saved: tuple[Path, dict[str, Any]], case: str, change: Callable[[str], str], message: str
) -> None:
    """What is wrong after the head (what the re-run needs) is an error naming the file
    too, not a failure; it is read and checked before anything is re-run."""
    path, _ = saved
    copy = path.with_name(f"broken-{case.replace(' ', '-')}.json")
    copy.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DdtoolError) as info:
        verify(copy)
    assert str(info.value).startswith(f"{copy}: not a ddtool assessment JSON")
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema_version": "2.0", "tool": {', "invalid JSON at line 1"),
        ("[1, 2]", "top level is an array, not an object"),
        (
            '{"schema_version": "3.0", "input": {}, "profiles": {}}',
            "$.schema_version: 3.0 is newer",
        ),
        ('{"schema_version": "2.0", "flags": [], "suppliers": []}', "missing"),
    ],
)
def test_a_file_that_is_not_an_assessment_is_named(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "saved.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DdtoolError) as info:
        verify(path)
    assert str(info.value).startswith(str(path)) and message in str(info.value)
    done = CliRunner().invoke(app, ["assess", "--verify", str(path)])
    assert done.exit_code == 2 and message in done.output


def _set(key: str, inner: str | None, value: Any) -> Edit:
    def edit(doc: dict[str, Any]) -> dict[str, Any]:
        if inner is None:
            doc[key] = value
        else:
            doc[key][inner] = value
        return doc

    return edit


# what the re-run reads from the saved file, in shapes no ddtool writes: named at its place
# by the check of the file (as `ddtool diff` checks it) where that check covers it
RECORDS: list[tuple[str, Edit, str]] = [
    ("input not an object", _set("input", None, "chain.yaml"), "'input' must be an object"),
    ("a file without a path", _set("input", "files", [{"sha256": "0"}]), "KeyError: 'path'"),
    (
        "a path that is a number",
        _set("input", "files", [{"path": 1, "sha256": "0"}]),
        "[0].path: a text",
    ),
    ("overlays not texts", _set("profiles", "overlays", [["x"]]), "overlays[0]: a text"),
    (
        "an as-of date that is none",
        _set("options", "as_of", "2026-13-01"),
        '$.options.as_of: a date (2026-01-01) or null expected, got "2026-13-01"',
    ),
    ("a column map of lists", _set("options", "column_map", {"a": ["b"]}), "is not a text"),
    ("options not an object", _set("options", None, ["x"]), "$.options: an object"),
    ("settings out of range", _set("options", "settings", {"flag_level": "x"}), "settings"),
    ("limits not an object", _set("options", "limits", [200]), "limits [200] is not an object"),
    ("a limit unknown", _set("options", "limits", {"max_tier": 200}), "unknown limit 'max_tier'"),
    ("a limit of 0", _set("options", "limits", {"max_tiers": 0}), "limit max_tiers 0 is not"),
    ("a limit a text", _set("options", "limits", {"max_rows": "9"}), "limit max_rows '9' is not"),
    # a limit above what its option takes was read within, past it (a recursion error)
    (
        "a limit past what its option takes",
        _set("options", "limits", {"max_depth": 5000}),
        "$.options.limits: limit max_depth 5,000 is more than --max-depth takes (200)",
    ),
    (
        "a limit just past what its option takes",
        _set("options", "limits", {"max_depth": 201}),
        "limit max_depth 201 is more than --max-depth takes (200)",
    ),
    ("a profiles hash lost", lambda d: (d["profiles"].pop("sha256"), d)[1], "KeyError: 'sha256'"),
    ("a tool that is a text", _set("tool", None, "x"), "'tool' must be an object"),
    ("overlays a text", _set("profiles", "overlays", "ab"), "overlays: a list expected"),
]


@pytest.mark.parametrize(("case", "edit", "message"), RECORDS, ids=[r[0] for r in RECORDS])
def test_a_record_that_cannot_be_read_is_named(
    saved: tuple[Path, dict[str, Any]], case: str, edit: Edit, message: str
) -> None:
    path, document = saved
    copy = path.with_name(f"record-{case.replace(' ', '-')}.json")
    _write(copy, edit(json.loads(json.dumps(document))), "compact")
    with pytest.raises(DdtoolError) as info:
        verify(copy)
    assert str(info.value).startswith(f"{copy}: ") and message in str(info.value)
    done = CliRunner().invoke(app, ["assess", "--verify", str(copy)])
    assert done.exit_code == 2 and "internal error" not in done.output


def test_the_command_exits_1_when_results_differ(saved: tuple[Path, dict[str, Any]]) -> None:
    path, document = saved
    copy = path.with_name("renamed.json")
    _write(copy, _renamed(json.loads(json.dumps(document))), "compact")
    done = CliRunner().invoke(app, ["assess", "--verify", str(copy)])
    assert done.exit_code == 1
    assert "results differ" in done.output and "does not reproduce" in done.output
    # what was checked is ticked; a note of what was not compared is not
    lines = done.output.splitlines()
    assert any(line.startswith("  ✓ risk profiles ") for line in lines)
    [note] = [line for line in lines if "not compared" in line]
    assert note.startswith("  · note: not compared: generated_at (")


def test_an_assessment_made_with_a_settings_file_reproduces_without_it(tmp_path: Path) -> None:
    """The re-run takes the settings the file records, and records the same settings path
    (the file itself may be gone); it used to differ at $.options.config."""
    chain = tmp_path / "chain.yaml"
    chain.write_bytes((ROOT / "sample_chains" / "cocoa.yaml").read_bytes())
    settings = tmp_path / "strict.yaml"
    settings.write_text("flag_level: critical\n", encoding="utf-8")
    path = tmp_path / "assessment.json"
    args = ["assess", str(chain), "--config", str(settings), "-q", "-o", str(path)]
    assert CliRunner().invoke(app, args).exit_code == 0
    settings.unlink()
    done = CliRunner().invoke(app, ["assess", "--verify", str(path)])
    assert done.exit_code == 0, done.output
    assert "reproduced" in done.output


def test_an_assessment_moved_with_its_inputs_reproduces(tmp_path: Path) -> None:
    """Inputs given by absolute path, the folder moved since: the input beside the JSON
    with the recorded hash is the input, whatever path it was given by."""
    made = tmp_path / "made"
    made.mkdir()
    chain = made / "chain.yaml"
    chain.write_bytes((ROOT / "sample_chains" / "coffee.yaml").read_bytes())
    args = ["assess", str(chain.resolve()), "-q", "-o", str(made / "a.json")]
    assert CliRunner().invoke(app, args).exit_code == 0
    moved = made.rename(tmp_path / "moved")
    done = CliRunner().invoke(app, ["assess", "--verify", str(moved / "a.json")])
    assert done.exit_code == 0, done.output
    assert "reproduced" in done.output
    (moved / "chain.yaml").write_text("suppliers: []\n", "utf-8")  # edited since
    changed = CliRunner().invoke(app, ["assess", "--verify", str(moved / "a.json")])
    assert changed.exit_code == 1, changed.output
    assert "changed" in changed.output


@pytest.mark.parametrize(
    "extra",
    [
        ["{chain}"],
        ["-o", "{tmp}/out.xlsx"],
        ["--fail-on", "low"],
        ["--sheet", "Suppliers"],
        ["--max-rows", "10"],
        ["--as-of", "2026-01-01"],
    ],
)
def test_options_verify_would_ignore_are_a_usage_error(
    saved: tuple[Path, dict[str, Any]], tmp_path: Path, extra: list[str]
) -> None:
    """Given with --verify, a chain file, an output or a gate were ignored and the run said
    "reproduced": an auditor believed their own file checked."""
    path, _ = saved
    chain = ROOT / "sample_chains" / "garment.yaml"
    args = [a.format(chain=chain, tmp=tmp_path) for a in extra]
    done = CliRunner().invoke(app, ["assess", *args, "--verify", str(path)])
    assert done.exit_code == 2
    assert "cannot be given with it" in " ".join(done.output.split())
    assert not (tmp_path / "out.xlsx").exists()


def test_an_assessment_with_an_unused_mapping_of_its_settings_is_reproduced(
    tmp_path: Path,
) -> None:
    """The warning says the mapping is a columns: entry of the --config file; the re-run,
    from the recorded settings and map, says the same (it said it without the file, and the
    assessment did not reproduce)."""
    chain = tmp_path / "c.csv"
    chain.write_text("id,name,Land,sector\nA1,Acme,Germany,garment-manufacturing\n", "utf-8")
    settings = tmp_path / "cfg.yaml"
    settings.write_text("columns:\n  Lnad: country\n  Land: country\n", "utf-8")
    saved = tmp_path / "c.json"
    done = CliRunner().invoke(
        app, ["assess", str(chain), "--config", str(settings), "-q", "-o", str(saved)]
    )
    assert done.exit_code == 0, done.output
    [warning] = json.loads(saved.read_text("utf-8"))["warnings"]
    assert f"(a columns: entry of {settings})" in warning["message"]
    outcome = verify(saved)
    assert outcome.reproduced, outcome.reasons


def test_a_changed_setting_is_the_first_difference_and_the_rest_are_counted(
    tmp_path: Path,
) -> None:
    """Its differences were five ids of bases, in key order: the cause went unsaid."""
    config = tmp_path / "hi.yaml"
    config.write_text("thresholds:\n  critical: 0.9\nflag_level: high\n", "utf-8")
    saved = tmp_path / "hi.json"
    done = CliRunner().invoke(
        app,
        ["assess", str(SAMPLES / "cocoa.yaml"), "--config", str(config), "-q", "-o", str(saved)],
    )
    assert done.exit_code == 0, done.output
    document = json.loads(saved.read_text("utf-8"))
    del document["options"]["settings"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document), "utf-8")
    (reason,) = verify(edited).reasons
    listed = reason.removeprefix("results differ: ").split("; ")
    assert listed[0] == "$.options.settings: only in the re-run"
    assert len(listed) == 6 and re.fullmatch(r"and \d+\+? more", listed[-1])


def test_recorded_settings_that_are_not_valid_are_said_in_plain_words(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, document = saved
    copy = path.with_name("bad-settings.json")
    edited = json.loads(json.dumps(document))
    edited["options"]["settings"]["thresholds"]["critical"] = 5
    _write(copy, edited, "compact")
    with pytest.raises(DdtoolError) as raised:
        verify(copy)
    assert str(raised.value).endswith(
        "recorded settings are not valid: $.options.settings.thresholds.critical: should be from"
        " 0 to 1, not 5"
    )


def test_a_profile_overlay_moved_is_named_or_found_beside_the_json(tmp_path: Path) -> None:
    """It was "no such folder; --profiles must be a directory", an option not given."""
    overlay = tmp_path / "made" / "ovv"
    overlay.mkdir(parents=True)
    (overlay / "countries.csv").write_text(
        "iso3,indicator,value,year,sex,source_id\n"
        "BGD,gsi2023_prevalence_per_1000,30,2025,total,walkfree-gsi-2023\n",
        "utf-8",
    )
    saved = tmp_path / "made" / "a.json"
    args = ["assess", str(SAMPLES / "cocoa.yaml"), "--profiles", str(overlay), "-q"]
    assert CliRunner().invoke(app, [*args, "-o", str(saved)]).exit_code == 0
    overlay.rename(tmp_path / "elsewhere")
    with pytest.raises(DdtoolError, match=r"the profile overlay it records, .*ovv, is not found"):
        verify(saved)
    (tmp_path / "elsewhere").rename(tmp_path / "made" / "ovv-moved")
    moved = tmp_path / "moved"
    moved.mkdir()
    (tmp_path / "made" / "ovv-moved").rename(moved / "ovv")  # beside the JSON, moved with it
    saved.rename(moved / "a.json")
    assert verify(moved / "a.json").reproduced


def _flag_twice(doc: dict[str, Any]) -> dict[str, Any]:
    doc["flags"].append(dict(doc["flags"][0]))
    return doc


def _supplier_twice(doc: dict[str, Any]) -> dict[str, Any]:
    doc["suppliers"].append(dict(doc["suppliers"][0]))
    return doc


def _flag_of_no_supplier(doc: dict[str, Any]) -> dict[str, Any]:
    doc["flags"][0]["supplier_id"] = "NO-SUCH-1"
    return doc


def _flag_dropped_counts_kept(doc: dict[str, Any]) -> dict[str, Any]:
    del doc["flags"][0]
    return doc


# (case, edit of the saved document, what the error says): a file that is not what it says,
# checked as `ddtool diff` and `ddtool report` check it, before anything is re-run
INVALID: list[tuple[str, Edit, list[str]]] = [
    (
        "a flag twice",
        _flag_twice,
        ["$.flags[55].id: ", "is also the id of $.flags[0]", "$.summary.flags: 55, but $.flags"],
    ),
    ("a supplier twice", _supplier_twice, ["$.suppliers[29].id: ", "of $.suppliers[0]"]),
    (
        "a flag's supplier edited",
        _flag_of_no_supplier,
        ['$.flags[0].supplier_id: no supplier "NO-SUCH-1"'],
    ),
    (
        "a flag dropped, the counts kept",
        _flag_dropped_counts_kept,
        ["$.summary.flags: 55, but $.flags holds 54"],
    ),
]


@pytest.mark.parametrize(("case", "edit", "says"), INVALID, ids=[c[0] for c in INVALID])
def test_a_saved_file_that_does_not_add_up_is_refused_as_diff_refuses_it(
    saved: tuple[Path, dict[str, Any]], case: str, edit: Edit, says: list[str]
) -> None:
    """A flag appended twice was told as "53 items saved, 52 now; the same items, in another
    order" (exit 1): nothing had moved, and the file was no valid assessment."""
    path, document = saved
    copy = path.with_name(f"invalid-{case.replace(' ', '-')}.json")
    _write(copy, edit(json.loads(json.dumps(document))), "indented")
    with pytest.raises(AssessmentFileError) as info:
        verify(copy)
    message = str(info.value)
    assert message.startswith(f"{copy}: not a valid ddtool assessment JSON (")
    for part in says:
        assert part in message
    verified = CliRunner().invoke(app, ["assess", "--verify", str(copy)])
    diffed = CliRunner().invoke(app, ["diff", str(path), str(copy), "-q"])
    assert verified.exit_code == diffed.exit_code == 2
    assert " ".join(verified.output.split()) == " ".join(diffed.output.split())
    assert "another order" not in verified.output


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved assessment of a chain given by a relative path, copied alone to another
    folder: its input is not found from there."""
    made = tmp_path_factory.mktemp("made")
    (made / "chain.yaml").write_bytes((SAMPLES / "cocoa.yaml").read_bytes())
    with contextlib.chdir(made):
        done = CliRunner().invoke(app, ["assess", "chain.yaml", "-q", "-o", "a.json"])
    assert done.exit_code == 0, done.output
    alone = tmp_path_factory.mktemp("sent") / "a.json"
    alone.write_bytes((made / "a.json").read_bytes())
    return alone


def _edited(edit: Edit) -> Callable[[str], str]:
    return lambda text: json.dumps(edit(json.loads(text)), indent=2)


def _without(key: str) -> Edit:
    return lambda doc: {k: v for k, v in doc.items() if k != key}


# (case, change of the saved file's text, what the error says after the file's name)
WITHOUT_INPUTS: list[tuple[str, Callable[[str], str], str]] = [
    ("cut off", lambda t: t[:20000], "the file is cut off there"),
    ("cut in half", _cut, "the file is cut off there"),
    ("flags deleted", _edited(_without("flags")), "(missing 'flags')"),
    ("suppliers deleted", _edited(_without("suppliers")), "(missing 'suppliers')"),
    ("a flag twice", _edited(_flag_twice), "is also the id of $.flags[0]"),
]


@pytest.mark.parametrize(
    ("case", "change", "says"), WITHOUT_INPUTS, ids=[c[0] for c in WITHOUT_INPUTS]
)
def test_a_broken_saved_file_is_named_before_its_inputs_are_looked_for(
    sent: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    change: Callable[[str], str],
    says: str,
) -> None:
    """Received without its inputs, a file cut off (or without its flags) was told as
    "input file(s) not found": the file itself is what is wrong, and is said first."""
    monkeypatch.chdir(sent.parent)
    whole = CliRunner().invoke(app, ["assess", "--verify", str(sent)])
    assert whole.exit_code == 2 and "input file(s) not found" in whole.output
    broken = tmp_path / "broken.json"
    broken.write_text(change(sent.read_text(encoding="utf-8")), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", "--verify", str(broken)])
    assert done.exit_code == 2, done.output
    text = " ".join(done.output.split())
    assert text.startswith(f"error: {broken}: not a ") and says in text, text
    assert "input file(s) not found" not in text


# (case, edit of the saved document, the lines the comparison of its flags gives)
ORDERS: list[tuple[str, Edit, Callable[[dict[str, Any]], list[str]]]] = [
    ("moved", _moved, lambda d: ["$.flags: the same items, in another order"]),
    (
        "a flag twice",
        _flag_twice,
        lambda d: [f"$.flags[55]{_flag_named(d, 0)}: only in the saved result"],
    ),
    (
        "moved, and a flag twice",
        lambda d: _flag_twice(_moved(d)),
        lambda d: [f"$.flags[55]{_flag_named(d, 0)}: only in the saved result"],
    ),
]


def _flag_named(doc: dict[str, Any], i: int) -> str:
    flag = doc["flags"][i]
    return f" (id {flag['id']!r}: {flag['supplier_id']}, {flag['risk_type']}, {flag['level']})"


@pytest.mark.parametrize(("case", "edit", "expected"), ORDERS, ids=[c[0] for c in ORDERS])
def test_items_are_in_another_order_only_when_they_are_the_same_items(
    saved: tuple[Path, dict[str, Any]],
    case: str,
    edit: Edit,
    expected: Callable[[dict[str, Any]], list[str]],
) -> None:
    """The comparison itself, past the check of the file (which refuses an id named twice):
    a second item of one id has no match of its own in the re-run."""
    path, document = saved
    copy = path.with_name(f"order-{case.replace(' ', '-').replace(',', '')}.json")
    _write(copy, edit(json.loads(json.dumps(document))), "compact")
    rerun = json.loads(json.dumps(document))
    _, found, _ = _saved_whole(copy, copy.read_text(encoding="utf-8"), rerun)
    assert found["flags"] == expected(document)


# (case, edit of the saved document, reproduced?)
PARSED_ONCE: list[tuple[str, Edit, str, bool]] = [
    ("as written", dict, "compact", True),
    ("indented", dict, "indented", True),
    ("with a BOM", dict, "bom", True),
    ("a supplier renamed", _renamed, "compact", False),
    ("a flag dropped", _flag_dropped, "compact", False),
]


@pytest.mark.parametrize(
    ("case", "edit", "how", "reproduced"), PARSED_ONCE, ids=[c[0] for c in PARSED_ONCE]
)
def test_the_saved_file_is_parsed_whole_once(
    saved: tuple[Path, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    edit: Edit,
    how: str,
    reproduced: bool,
) -> None:
    """It was parsed whole twice: checked before the re-run, then compared with it (about
    3 s more at 10^5 suppliers). Now its head is read before the re-run, and the whole file
    once after it, compared and checked as it is read."""
    path, document = saved
    copy = path.with_name(f"once-{case.replace(' ', '-')}.json")
    _write(copy, edit(json.loads(json.dumps(document))), how)
    parsed: list[tuple[str, ...]] = []
    real = ddtool.diff.read_object

    def read_object(text: str, per_item: Any = None, stop_before: Any = ()) -> Any:
        parsed.append(tuple(stop_before))
        return real(text, per_item, stop_before)

    monkeypatch.setattr(ddtool.diff, "read_object", read_object)
    outcome = verify(copy)
    assert outcome.reproduced is reproduced, outcome.reasons
    assert parsed == [("suppliers", "flags"), ()]  # (the head, then the whole file once)


def _input_edited(doc: dict[str, Any]) -> dict[str, Any]:
    """The input's recorded hash edited: the input is then not the one the file records."""
    doc["input"]["files"][0]["sha256"] = "0" * 64
    return doc


# (case, change of the saved file's text, exit code, what the output says)
INPUT_CHANGED: list[tuple[str, Callable[[str], str], int, str]] = [
    ("the file as it is", _edited(_input_edited), 1, f"changed: sha256 {'0' * 64} saved, "),
    (
        "a flag twice",
        _edited(lambda d: _flag_twice(_input_edited(d))),
        2,
        "is also the id of $.flags[0]",
    ),
    (
        "a flag dropped, the counts kept",
        _edited(lambda d: _flag_dropped_counts_kept(_input_edited(d))),
        2,
        "$.summary.flags: 55, but $.flags holds 54",
    ),
    ("cut in half", lambda t: _cut(_edited(_input_edited)(t)), 2, "the file is cut off there"),
]


@pytest.mark.parametrize(
    ("case", "change", "code", "says"), INPUT_CHANGED, ids=[c[0] for c in INPUT_CHANGED]
)
def test_a_broken_saved_file_is_named_before_a_changed_input(
    saved: tuple[Path, dict[str, Any]],
    tmp_path: Path,
    case: str,
    change: Callable[[str], str],
    code: int,
    says: str,
) -> None:
    """What is wrong with the file is said before what is wrong with its inputs, also where
    an input changed and nothing is re-run (the file is then read whole for its check)."""
    path, _ = saved
    copy = tmp_path / "changed.json"
    copy.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", "--verify", str(copy)])
    assert done.exit_code == code, done.output
    text = " ".join(done.output.split())
    assert says in text, text
    if code == 2:
        assert text.startswith(f"error: {copy}: not a ") and "changed: sha256" not in text


@pytest.mark.parametrize(
    ("changed", "differences", "compared"),
    [
        (None, [], ["$.evidence"]),
        (
            "EV-5",
            ["$.evidence.EV-5.value: saved '5', now '6'"],
            [
                "$.evidence",
                *(f"$.evidence.EV-{i}" for i in range(500)),
                *("$.evidence.EV-5.indicator", "$.evidence.EV-5.value"),
            ],
        ),
    ],
    ids=["equal", "one entry changed"],
)
def test_equal_values_are_compared_at_once(
    monkeypatch: pytest.MonkeyPatch,
    changed: str | None,
    differences: list[str],
    compared: list[str],
) -> None:
    """A catalogue of a large chain (thousands of entries), the same in both, was walked
    value by value to find nothing."""
    walked: list[str] = []
    real = ddtool.verify._differences

    def differences_of(old: Any, new: Any, where: str, out: list[str], limit: int = 5) -> None:
        walked.append(where)
        real(old, new, where, out, limit)

    monkeypatch.setattr(ddtool.verify, "_differences", differences_of)
    saved = {f"EV-{i}": {"indicator": "x", "value": i} for i in range(500)}
    now = json.loads(json.dumps(saved))
    if changed is not None:
        now[changed]["value"] += 1
    found: list[str] = []
    differences_of(saved, now, "$.evidence", found)
    assert found == differences
    assert sorted(walked) == sorted(compared)


def _deep_chain(path: Path, tiers: int) -> Path:
    """A chain of one line of suppliers, `tiers` deep."""
    lines = ["company: {name: Acme, country: DEU}", "suppliers:"]
    lines.append("  - {id: T1, country: GHA, sector: cocoa processing}")
    lines += [
        f"  - {{id: T{i}, country: GHA, sector: cocoa processing, buyers: [T{i - 1}]}}"
        for i in range(2, tiers + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_assessment_read_within_raised_limits_is_reproduced_within_them(
    tmp_path: Path,
) -> None:
    """The limits the input was read within are recorded, and read within again: a chain
    deeper than the default limit, assessed with --max-tiers raised, reproduces."""
    chain = _deep_chain(tmp_path / "deep.yaml", 120)
    out = tmp_path / "deep.json"
    assert CliRunner().invoke(app, ["assess", str(chain), "-o", str(out)]).exit_code == 2
    made = CliRunner().invoke(app, ["assess", str(chain), "--max-tiers", "200", "-o", str(out)])
    assert made.exit_code in (0, 1)
    assert json.loads(out.read_text("utf-8"))["options"]["limits"]["max_tiers"] == 200
    done = CliRunner().invoke(app, ["assess", "--verify", str(out)])
    assert done.exit_code == 0, done.output
    assert "reproduced" in done.output


def test_an_assessment_recording_no_limits_is_read_within_the_defaults(tmp_path: Path) -> None:
    chain = _deep_chain(tmp_path / "line.yaml", 5)
    out = tmp_path / "line.json"
    CliRunner().invoke(app, ["assess", str(chain), "-o", str(out)])
    document = json.loads(out.read_text("utf-8"))
    del document["options"]["limits"]
    out.write_text(json.dumps(document), "utf-8")
    outcome = verify(out)
    assert outcome.reproduced, outcome.reasons


def _first_zero_likelihood(document: dict[str, Any]) -> dict[str, Any]:
    """The risk of a saved supplier whose likelihood is 0.0."""
    return next(
        risk
        for entry in document["suppliers"]
        for risk in entry["risk"].values()
        if risk["likelihood"] == 0
    )


@pytest.mark.parametrize(
    ("case", "edit"),
    [
        ("a tier true", lambda d: d["suppliers"][0].__setitem__("tiers", [True])),
        (
            "a likelihood false",
            lambda d: _first_zero_likelihood(d).__setitem__("likelihood", False),
        ),
        ("workers true", lambda d: d["suppliers"][0].__setitem__("workers", True)),
    ],
)
def test_true_and_false_written_for_numbers_do_not_reproduce(
    saved: tuple[Path, dict[str, Any]], case: str, edit: Callable[[dict[str, Any]], None]
) -> None:
    """Python takes true for 1 and false for 0: compared so, such a file was "reproduced"."""
    path, document = saved
    copy = path.with_name(f"bool-{case.replace(' ', '-')}.json")
    changed = json.loads(json.dumps(document))
    edit(changed)
    _write(copy, changed, "compact")
    try:
        outcome = verify(copy)
    except AssessmentFileError:  # (refused as no assessment: as good as not reproduced)
        return
    assert not outcome.reproduced


def test_an_input_refused_within_the_recorded_limits_does_not_reproduce(tmp_path: Path) -> None:
    """A file recording lower limits than it was made within (or none, an older file): the
    input is refused, which is said as why it does not reproduce, not as an input error whose
    remedy, an option, --verify does not take."""
    chain = _deep_chain(tmp_path / "deep.yaml", 120)
    out = tmp_path / "deep.json"
    CliRunner().invoke(app, ["assess", str(chain), "--max-tiers", "200", "-o", str(out)])
    document = json.loads(out.read_text("utf-8"))
    document["options"]["limits"]["max_tiers"] = 100
    out.write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(app, ["assess", "--verify", str(out)])
    assert done.exit_code == 1
    assert "refused within the limits the file records" in done.output
    assert "max_tiers 100" in done.output


def test_a_deep_input_is_not_read_within_a_limit_no_option_takes(tmp_path: Path) -> None:
    """A saved assessment that records `max_depth` 5000 for an input whose value is nested
    900 deep (its hash recorded): refused, naming the limit, before the input is read (it
    was read within it, and failed with an internal RecursionError)."""
    chain = tmp_path / "chain.yaml"
    chain.write_text("suppliers:\n  - {id: S1, country: GH, sector: cocoa farming}\n", "utf-8")
    out = tmp_path / "chain.json"
    assert CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(out)]).exit_code == 0
    deep = "suppliers:\n  - id: S1\n    notes: " + "[" * 900 + "]" * 900 + "\n"
    chain.write_text(deep, "utf-8")
    document = json.loads(out.read_text("utf-8"))
    digest = hashlib.sha256(deep.encode()).hexdigest()
    document["input"]["sha256"] = document["input"]["files"][0]["sha256"] = digest
    document["options"]["limits"]["max_depth"] = 5000
    out.write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(app, ["assess", "--verify", str(out)])
    assert done.exit_code == 2, done.output
    assert "internal error" not in done.output
    assert "limit max_depth 5,000 is more than --max-depth takes (200)" in done.output


# (case, saved value, re-run value, the same?)
SAME: list[tuple[str, Any, Any, bool]] = [
    ("a whole number written whole", 46, 46.0, True),
    ("a whole number written with a fraction", 46.0, 46, True),
    ("zero", 0, 0.0, True),
    ("in a list", [1, 2.5, 0], [1.0, 2.5, 0.0], True),
    ("in an object", {"a": {"b": [3]}, "c": 1}, {"c": 1.0, "a": {"b": [3.0]}}, True),
    ("exactly, beyond a float's 53 bits", 2**53, float(2**53), True),
    ("exactly, beyond 64 bits", 2**70, float(2**70), True),
    ("a fraction apart", 46, 46.5, False),
    ("one beyond a float's 53 bits", 2**53 + 1, float(2**53), False),
    ("one beyond 64 bits", 2**70 + 1, float(2**70), False),
    ("a large number not a float", 10**30, 1e30, False),
    ("true for 1", True, 1, False),
    ("1 for true", 1, True, False),
    ("false for 0", False, 0, False),
    ("false for 0.0", False, 0.0, False),
    ("true for 1.0 in a list", [1, True], [1.0, 1.0], False),
    ("false for 0 in an object", {"a": [{"b": False}]}, {"a": [{"b": 0}]}, False),
    ("true for 1 beside a whole number", {"x": 2, "y": True}, {"x": 2.0, "y": 1}, False),
    ("true as true", [True, 2], [True, 2.0], True),
]


@pytest.mark.parametrize(("case", "old", "new", "same"), SAME, ids=[s[0] for s in SAME])
def test_a_number_is_the_same_written_whole_or_not_but_not_as_true_or_false(
    case: str, old: Any, new: Any, same: bool
) -> None:
    """46 and 46.0 were told apart (compared as orjson writes them): a file passed through
    jq, which writes 46.0 as 46, did not reproduce."""
    assert ddtool.verify._same(old, new) is same
    found: list[str] = []
    ddtool.verify._differences(old, new, "$", found)
    assert (found == []) is same


def _whole(value: Any) -> Any:
    """A value as jq writes it: a number with no fraction written whole (46.0 as 46)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole(item) for item in value]
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    return value


def _written_whole(saved: tuple[Path, dict[str, Any]], name: str) -> Path:
    path, document = saved
    whole = _whole(document)
    assert json.dumps(whole) != json.dumps(document)  # (it has numbers written whole)
    copy = path.with_name(name)
    copy.write_text(json.dumps(whole, indent=2, ensure_ascii=False), "utf-8")
    return copy


def test_an_assessment_with_numbers_written_whole_reproduces(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    """`jq . a.json > b.json`: b.json holds the same as a.json, its 46.0 written 46; it did
    not reproduce (female_pct: saved '46', now '46.0'), nor did its `ddtool report` JSON,
    which keeps the numbers as the file has them."""
    copy = _written_whole(saved, "whole.json")
    outcome = verify(copy)
    assert outcome.reproduced, outcome.reasons
    reported = copy.with_name("whole-reported.json")
    done = CliRunner().invoke(app, ["report", str(copy), "-q", "-o", str(reported)])
    assert done.exit_code == 0, done.output
    assert json.loads(reported.read_text("utf-8")) == json.loads(copy.read_text("utf-8"))
    done = CliRunner().invoke(app, ["assess", "--verify", str(reported)])
    assert done.exit_code == 0, done.output
    assert "reproduced" in done.output
    # and a diff of it with the file as ddtool wrote it finds nothing
    found = ddtool.diff.diff_assessments(
        ddtool.diff.load_for_diff(saved[0]), ddtool.diff.load_for_diff(copy)
    )
    assert ddtool.diff.is_empty(found), found


def test_numbers_written_whole_and_a_tier_true_do_not_reproduce(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, document = saved
    whole = _whole(json.loads(json.dumps(document)))
    whole["suppliers"][0]["tiers"] = [True]
    copy = path.with_name("whole-true.json")
    copy.write_text(json.dumps(whole), "utf-8")
    try:
        outcome = verify(copy)
    except AssessmentFileError:  # (refused as no assessment: as good as not reproduced)
        return
    assert not outcome.reproduced
    assert ".tiers[0]: saved 'True', now '1'" in "; ".join(outcome.reasons)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ('{"a": [1, 0.', True),  # a number cut after its point ("Expecting ',' delimiter")
        ('{"a": [1, 12', True),
        ('{"a": [1, -', True),
        ('{"a": [1, 1e', True),
        ('{"a": tr', True),
        ('{"a": fals', True),
        ('{"a": nu', True),
        ('{"a": "tex', True),  # an unterminated text
        ('{"a": [1, 2]', True),
        ('{"a": [1 2], "b": 3}', False),  # a comma left out inside: not cut off
        ('{"a": x}', False),
    ],
)
def test_a_file_cut_inside_a_number_or_a_literal_is_told_as_cut_off(text: str, cut: bool) -> None:
    """A saved file cut in half whose cut fell after a number's point ("0.") was told as a
    missing comma, not as a file cut off."""
    from ddtool.contract import _cut_off

    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    said = _cut_off(info.value)
    assert (said is not None and "the file is cut off there" in said) is cut


def test_a_changed_profiles_hash_is_shown_whole(saved: tuple[Path, dict[str, Any]]) -> None:
    """Each SHA-256 is shown whole (docs/methodology.md §11), the profiles' as the inputs'."""
    path, document = saved
    copy = path.with_name("profiles-hash.json")
    edited = json.loads(json.dumps(document))
    edited["profiles"]["sha256"] = "1" * 64
    copy.write_text(json.dumps(edited), encoding="utf-8")
    outcome = verify(copy)
    version, now = document["profiles"]["version"], document["profiles"]["sha256"]
    assert not outcome.reproduced
    assert outcome.reasons[0] == (
        f"risk profiles differ: {version} sha256 {'1' * 64} saved, {version} sha256 {now} now"
    )


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folders of assessments, each input given by a relative path of the same name:
    2025 (its assessment, and its input), 2026 (another input of that name), x (a copy of
    2025's input), changed (2025's assessment beside its input edited since), made (an
    assessment of data/suppliers.yaml, that input edited since) and sent (that assessment
    copied with the input as it was)."""
    root = tmp_path_factory.mktemp("years").resolve()
    for folder, sample in (("2025", "coffee"), ("2026", "cocoa"), ("x", "coffee")):
        (root / folder).mkdir()
        (root / folder / "suppliers.yaml").write_bytes((SAMPLES / f"{sample}.yaml").read_bytes())
    (root / "made" / "data").mkdir(parents=True)
    (root / "made" / "data" / "suppliers.yaml").write_bytes((SAMPLES / "coffee.yaml").read_bytes())
    for folder, given in (("2025", "suppliers.yaml"), ("made", "data/suppliers.yaml")):
        with contextlib.chdir(root / folder):
            done = CliRunner().invoke(app, ["assess", given, "-q", "-o", "a.json"])
        assert done.exit_code == 0, done.output
    (root / "changed").mkdir()
    (root / "changed" / "a.json").write_bytes((root / "2025" / "a.json").read_bytes())
    (root / "changed" / "suppliers.yaml").write_text("suppliers: []\n", "utf-8")
    (root / "sent").mkdir()
    (root / "sent" / "a.json").write_bytes((root / "made" / "a.json").read_bytes())
    (root / "sent" / "suppliers.yaml").write_bytes((SAMPLES / "coffee.yaml").read_bytes())
    (root / "made" / "data" / "suppliers.yaml").write_text("suppliers: []\n", "utf-8")
    return root


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (case, the folder verify is run from, the saved file as given, reproduced, the input line)
FOUND_BY_HASH: list[tuple[str, str, str, bool, str]] = [
    ("from its folder", "2025", "a.json", True, "input {root}/2025/suppliers.yaml: sha256 matches"),
    (
        "from the folder above, no input of that name there",
        ".",
        "2025/a.json",
        True,
        "input {root}/2025/suppliers.yaml: sha256 matches",
    ),
    (
        "from another year's folder holding an input of that name",
        "2026",
        "../2025/a.json",
        True,
        "input {root}/2025/suppliers.yaml: sha256 matches",
    ),
    (
        "from a folder holding the same input",
        "x",
        "../2025/a.json",
        True,
        "input {root}/x/suppliers.yaml: sha256 matches",
    ),
    (
        "moved, the path recorded leading to an input edited since",
        "made",
        "../sent/a.json",
        True,
        "input {root}/sent/suppliers.yaml: sha256 matches",
    ),
    (
        "no input found has the recorded hash",
        "2026",
        "../changed/a.json",
        False,
        "input {root}/2026/suppliers.yaml changed: sha256 {saved} saved, {other} now"
        " (also compared: {root}/changed/suppliers.yaml, sha256 {changed})",
    ),
]


@pytest.mark.parametrize(
    ("case", "run_in", "given", "reproduced", "says"),
    FOUND_BY_HASH,
    ids=[case[0] for case in FOUND_BY_HASH],
)
def test_the_input_compared_is_the_one_with_the_recorded_hash(
    years: Path, case: str, run_in: str, given: str, reproduced: bool, says: str
) -> None:
    """Of the files an input recorded by a relative path may be (from here, from the JSON's
    folder, by its name beside the JSON), the one with the recorded SHA-256 is re-run,
    whatever folder verify is run from; a change is said only where none has it, naming
    the file compared and the others found, each hash whole."""
    with contextlib.chdir(years / run_in):
        outcome = verify(Path(given))
    saved = json.loads((years / "2025" / "a.json").read_text("utf-8"))["input"]["files"][0]
    line = says.format_map(
        {
            "root": years,
            "saved": saved["sha256"],
            "other": _sha256_of(years / "2026" / "suppliers.yaml"),
            "changed": _sha256_of(years / "changed" / "suppliers.yaml"),
        }
    )
    assert outcome.reproduced is reproduced, outcome.reasons
    assert (outcome.checked if reproduced else outcome.reasons)[0] == line


def test_each_line_of_a_verification_is_one_line_however_long(tmp_path: Path) -> None:
    # (printed to a pipe, rich wrapped them at 80 columns: a CI log searched line by line
    # found "when the file" on one line and "says it was made" on the next)
    chain = tmp_path / "a-chain-with-a-rather-long-name-of-its-own.yaml"
    chain.write_bytes((SAMPLES / "coffee.yaml").read_bytes())
    saved = tmp_path / "assessment.json"
    assert CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(saved)]).exit_code == 0
    doc = json.loads(saved.read_text(encoding="utf-8"))
    doc["sources"][0]["extra"] = "x"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(app, ["assess", "--verify", str(saved)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert f"  ✓ input {chain}: sha256 matches" in lines
    assert any(
        line.startswith("  · note: not compared: generated_at") and line.endswith("is made now)")
        for line in lines
    )
    assert "  ✗ results differ: $.sources[0].extra: only in the saved result" in lines
