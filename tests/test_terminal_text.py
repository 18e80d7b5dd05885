"""What the terminal shows of the input and the profiles is shown as it is, never read as
Rich markup (`Dhaka Knit [/x]`, `Knit [bold]Ltd[/bold]`, the " [inferred]" marker), and a
gate (`assess --fail-on`, `diff --fail-on-new`) that exits 1 says on stderr what reached it,
with -q too, stdout left clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from ddtool.cli import FailLevel, _fail_on_new_reason, app

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
# names that Rich reads as markup: a closing tag with nothing open (a MarkupError), styles
# and links that swallow text, a style tag that is a word, a markup escape
MARKUP_NAMES = [
    "Dhaka Knit [/x]",
    "Knit [bold]Ltd[/bold]",
    "[link=x]y[/link]",
    "a[b]c",
    "[inferred]",
    "Mill [/]",
    "Tex \\[ok] GmbH",
]
STRICT = "thresholds: {medium: 0.3, high: 0.7, critical: 0.9}\n"  # the levels a step lower


def run(*args: str) -> Result:
    """Invoke the CLI in-process, wide enough that a short cell is not wrapped; stdout and
    stderr are kept apart."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})


def _chain(
    folder: Path,
    names: list[str],
    company: str = "T",
    certification: str | None = None,
    file: str = "chain.yaml",
) -> Path:
    """A chain of garment makers in Bangladesh (flagged, with inferred tiers beneath), ids
    A, B, …, with these names."""
    suppliers: list[dict[str, Any]] = [
        {
            "id": chr(ord("A") + i),
            "name": name,
            "country": "Bangladesh",
            "sector": "garment-manufacturing",
        }
        for i, name in enumerate(names)
    ]
    if certification is not None:
        suppliers[0]["certifications"] = [certification]
    path = folder / file
    chain = {"company": {"name": company, "country": "DEU"}, "suppliers": suppliers}
    path.write_text(yaml.safe_dump(chain, allow_unicode=True), "utf-8")
    return path


def _lines(output: str, header: str) -> list[dict[str, str]]:
    """The body lines of the tables in `output` with a column of this header, each as its
    cells by header, stripped (a long cell wraps over lines: one line holds a part)."""
    lines: list[dict[str, str]] = []
    headers: list[str] = []
    for line in output.splitlines():
        if line.startswith("┏"):  # a table begins
            headers = []
        elif line.startswith("┃"):
            names = [name.strip() for name in line.split("┃")[1:-1]]
            if header in names:
                headers = names
        elif line.startswith("│") and headers:
            cells = [cell.strip() for cell in line.split("│")[1:-1]]
            lines.append(dict(zip(headers, cells, strict=True)))
    return lines


def _column_text(output: str, header: str, table: str | None = None) -> str:
    """A column's text without its whitespace (a long cell wraps over lines), of the tables
    with a column headed `table` (default: `header`)."""
    return _bare("".join(line[header] for line in _lines(output, table or header)))


def _bare(text: str) -> str:
    """Text without its whitespace."""
    return "".join(text.split())


def _panel_row(output: str, label: str) -> str:
    """The value of a row of the summary panel."""
    row = next(line for line in output.splitlines() if line.startswith(f"│ {label} "))
    return row.removeprefix(f"│ {label} ").rstrip().removesuffix("│").strip()


# --- names and other data, never markup ---------------------------------------------------


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_a_name_is_shown_as_written_in_the_assess_report(tmp_path: Path, name: str) -> None:
    chain = _chain(tmp_path, [name], company=name)
    out = tmp_path / "out.json"
    result = run("assess", str(chain), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr
    assert out.exists()
    # the top flags table: A's row (its path is the company's, then A)
    rows = [line for line in _lines(result.stdout, "path") if line["path"] == "company → A"]
    assert [row["supplier"] for row in rows] == [name]
    assert _panel_row(result.stdout, "Company") == f"{name} (DEU)"  # the summary panel
    assert f"── {name}  BGD" in result.stdout  # the chain tree
    # `report` shows the same summary panel of the saved assessment
    again = run("report", str(out), "-o", str(tmp_path / "again.md"))
    assert again.exit_code == 0, again.stderr
    assert _panel_row(again.stdout, "Company") == f"{name} (DEU)"


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_a_name_is_shown_as_written_by_explain(tmp_path: Path, name: str) -> None:
    certification = f"Label {name}"  # (an unrecognised scheme: an adjustment row names it)
    chain = _chain(tmp_path, [name], certification=certification)
    result = run("explain", str(chain), "A")
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr
    assert result.stdout.splitlines()[0] == f"{name} (A)"
    steps = _column_text(result.stdout, "step")
    assert _bare(f"adjustment: certification '{certification}'") in steps


def test_inferred_suppliers_are_marked_in_the_top_flags_table(tmp_path: Path) -> None:
    chain = _chain(tmp_path, ["Dhaka Knit [/x]"])
    out = tmp_path / "out.json"
    result = run("assess", str(chain), "-o", str(out), "--no-tree")
    assert result.exit_code == 0, result.stderr
    document = json.loads(out.read_text("utf-8"))
    inferred = [s["name"] for s in document["suppliers"] if s["inferred"]]
    assert inferred  # (the garment maker's tiers beneath are inferred, and flagged)
    shown = _column_text(result.stdout, "supplier", table="path")  # (the top flags)
    for name in inferred:
        assert _bare(f"{name} [inferred]") in shown
    assert shown.count("[inferred]") == len(inferred)


def test_an_inferred_supplier_explained_names_its_buyers_as_written(tmp_path: Path) -> None:
    chain = _chain(tmp_path, ["Dhaka Knit [/x]"])
    saved = tmp_path / "out.json"
    assert run("assess", str(chain), "-q", "-o", str(saved)).exit_code == 0
    document = json.loads(saved.read_text("utf-8"))
    inferred = next(s for s in document["suppliers"] if s["inferred"] and "A" in s["buyers"])
    result = run("explain", str(chain), inferred["id"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{inferred['name']} ({inferred['id']})"
    assert "inferred: no supplier was mapped here. Buyers: A." in result.stdout


# --- the gates say why they fail --------------------------------------------------------


# a Qatari brickworks: high in its own right, nothing inferred beneath it (a Qatari builder's
# stone and timber are not known to come from Qatar: inferred at origin, they are critical)
QATAR = (
    "company: {name: X}\nsuppliers:\n  - {id: S1, name: s, country: QAT, sector: brick-making}\n"
)


@pytest.mark.parametrize(
    ("chain", "gate", "settings", "reason"),
    [
        # a chain's exposure at high, no flag made below critical
        (
            "qatar.yaml",
            "high",
            "flag_level: critical\n",
            "--fail-on high reached by the chain's exposure (child labour high, forced labour"
            " high, human trafficking high): no flag at high or above (flags are made at"
            " critical and above)",
        ),
        ("qatar.yaml", "critical", "", None),
        ("services.yaml", "high", "", None),
        # the reason names the flags at the gate and the first of them (from the JSON)
        ("cocoa.yaml", "high", "", "flags"),
        ("chain.yaml", "low", "", "flags"),
        ("chain.yaml", "high", STRICT, "flags"),
        ("chain.yaml", "critical", STRICT, None),  # (its highest is 0.81: high here)
    ],
)
@pytest.mark.parametrize("quiet", [True, False])
def test_fail_on_says_what_reached_it(
    tmp_path: Path, chain: str, gate: str, settings: str, reason: str | None, quiet: bool
) -> None:
    (tmp_path / "qatar.yaml").write_text(QATAR, "utf-8")
    _chain(tmp_path, ["Dhaka Knit [/x]"])
    path = tmp_path / chain if (tmp_path / chain).exists() else SAMPLES / chain
    config = tmp_path / "ddtool.yaml"
    config.write_text(settings or "{}\n", "utf-8")
    out = tmp_path / "out.json"
    args = ["assess", str(path), "--fail-on", gate, "--config", str(config), "-o", str(out)]
    result = run(*args, *(["-q"] if quiet else []))
    assert result.exit_code == (0 if reason is None else 1), result.stderr
    if quiet:
        assert result.stdout == ""  # (the reason is on stderr)
    else:
        assert "ddtool assessment" in result.stdout  # (the report)
    lines = [line for line in result.stderr.splitlines() if line.startswith("--fail-on")]
    if reason is None:
        assert lines == []
        return
    if reason == "flags":
        document = json.loads(out.read_text("utf-8"))
        levels = ["low", "medium", "high", "critical"]
        at = levels.index(gate)
        exposure = ", ".join(
            f"{risk.replace('_', ' ')} {e['level']}"
            for risk, e in document["summary"]["exposure"].items()
            if levels.index(e["level"]) >= at
        )
        count = sum(1 for f in document["flags"] if levels.index(f["level"]) >= at)
        first = document["flags"][0]
        risk = first["risk_type"].replace("_", " ")
        reason = (
            f"--fail-on {gate} reached by the chain's exposure ({exposure}): {count} flags at"
            f" {gate} or above (first: {first['id']} {first['supplier_id']} {risk}"
            f" {first['level']})"
        )
    assert lines == [reason]
    assert result.stderr.splitlines()[-1] == reason  # (after the report and the notes)


def test_fail_on_low_on_missing_data_says_so(tmp_path: Path) -> None:
    chain = tmp_path / "gap.yaml"
    chain.write_text(
        "company: {name: X}\nsuppliers:\n  - {id: S1, name: s, sector: consulting}\n", "utf-8"
    )
    result = run("assess", str(chain), "-q", "--fail-on", "low")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "--fail-on low reached by the chain's exposure (child labour low (data gap), forced"
        " labour low (data gap), human trafficking low (data gap)): no flag at low or above"
        " (flags are made at medium and above)"
    ]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Assessments to compare: one garment maker with the levels a step lower (strict), the
    same at the default levels, and that with a second maker (new flags)."""
    folder = tmp_path_factory.mktemp("saved")
    strict = folder / "strict.yaml"
    strict.write_text(STRICT, "utf-8")
    one = _chain(folder, ["Dhaka Knit [/x]"], file="one.yaml")
    two = _chain(folder, ["Dhaka Knit [/x]", "Knit [bold]Ltd[/bold]"], file="two.yaml")
    runs = {
        "old": [str(one), "--config", str(strict)],
        "one": [str(one)],
        "two": [str(two)],
    }
    paths = {}
    for name, args in runs.items():
        paths[name] = folder / f"{name}.json"
        done = CliRunner().invoke(
            app,
            ["assess", *args, "-q", "-o", str(paths[name])],
            env={"SOURCE_DATE_EPOCH": "1767225600"},
        )
        assert done.exit_code == 0, done.output
    return paths


@pytest.mark.parametrize(
    ("old", "new", "gate", "reason"),
    [
        (
            "old",
            "one",
            "high",
            "--fail-on-new high reached by 5 flags: 5 risen (first: FL-6ba50f9a17 A child"
            " labour medium → high)",
        ),
        (
            "old",
            "one",
            "critical",
            "--fail-on-new critical reached by 3 flags: 3 risen (first: FL-4be89a14ed"
            " inferred:cotton-farming:cotton-lint@world forced labour high → critical)",
        ),
        (
            "old",
            "two",
            "high",
            "--fail-on-new high reached by 7 flags: 2 new, 5 risen (first: FL-2b4bb370a5 B"
            " forced labour high)",
        ),
        ("one", "two", "critical", None),  # (B's flags are high at most)
        ("one", "one", "low", None),
        ("two", "one", "low", None),  # (resolved flags are no new risk)
    ],
)
@pytest.mark.parametrize("quiet", [True, False])
def test_fail_on_new_says_what_reached_it(
    saved: dict[str, Path], old: str, new: str, gate: str, reason: str | None, quiet: bool
) -> None:
    args = ["diff", str(saved[old]), str(saved[new]), "--fail-on-new", gate]
    result = run(*args, *(["-q"] if quiet else []))
    assert result.exit_code == (0 if reason is None else 1), result.stderr
    if quiet:
        assert result.stdout == ""
    else:
        assert result.stdout.startswith("Assessment diff: ")
    assert result.stderr.splitlines() == ([] if reason is None else [reason])


def _flag(flag_id: str, level: str, **more: str) -> dict[str, Any]:
    """A flag entry of a diff, as diff.new_at_or_above gives it."""
    return {
        "id": flag_id,
        "supplier_id": "S-1",
        "risk_type": "forced_labour",
        "level": level,
        **more,
    }


@pytest.mark.parametrize(
    ("found", "gate", "reason"),
    [
        (
            [_flag("FL-1", "critical")],
            FailLevel.HIGH,
            "--fail-on-new high reached by 1 flag: 1 new (first: FL-1 S-1 forced labour critical)",
        ),
        (
            [
                _flag("FL-2", "critical", old_level="medium"),
                _flag("FL-3", "high", old_level="low", old_id="FL-0"),
                _flag("FL-4", "high"),
            ],
            FailLevel.HIGH,
            "--fail-on-new high reached by 3 flags: 1 new, 1 risen, 1 re-identified and"
            " risen (first: FL-2 S-1 forced labour medium → critical)",
        ),
        (
            [_flag("FL-5", "medium", old_level="low"), _flag("FL-6", "medium", old_level="low")],
            FailLevel.MEDIUM,
            "--fail-on-new medium reached by 2 flags: 2 risen (first: FL-5 S-1 forced labour"
            " low → medium)",
        ),
    ],
)
def test_the_words_of_fail_on_new(
    found: list[dict[str, Any]], gate: FailLevel, reason: str
) -> None:
    assert _fail_on_new_reason(found, gate) == reason


@pytest.mark.parametrize(
    ("given", "explained", "said"),
    [
        ("PRC-TH-1", "PRC-TH-1", None),
        ("mahachai tuna canning co., ltd.", "PRC-TH-1", "the supplier of that name, PRC-TH-1"),
        ("PRC-TH-9", None, "(did you mean 'PRC-TH-1'?)"),
        # a word of a name: the suppliers whose names hold it
        ("mahachai", None, "(names holding it: 'PRC-TH-1' (Mahachai Tuna Canning Co., Ltd.),"),
        ("Surimi", None, "'PRC-TH-2' (Tha Chin Surimi Industries Co., Ltd.); give the id)"),
        ("tuna", None, "'TRD-TH-1' (Andaman Tuna Brokers Co., Ltd.); give the id)"),
        # whatever the accents and the punctuation around the word
        ("nam can", None, "'PRC-VN-1' (Năm Căn Seafood Processing JSC); give the id)"),
        ("JSC", None, "'PRC-VN-1' (Năm Căn Seafood Processing JSC); give the id)"),
    ],
)
def test_explain_takes_a_suppliers_name_as_well_as_its_id(
    given: str, explained: str | None, said: str | None
) -> None:
    """(A name gave "no supplier", and no id to use instead.)"""
    sample = Path(__file__).resolve().parents[1] / "sample_chains" / "seafood.yaml"
    done = CliRunner().invoke(app, ["explain", str(sample), given], env={"COLUMNS": "200"})
    assert done.exit_code == (0 if explained else 2), done.output
    if explained:
        assert f"\nMahachai Tuna Canning Co., Ltd. ({explained})\n" in "\n" + done.output
    if said:
        assert said in " ".join(done.output.split())


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (
            ["cocoa"],
            "write the kind first: 'cocoa' names a sector (cocoa-farming) and a good (Cocoa):"
            " ddtool profiles show sector cocoa, or ddtool profiles show good cocoa",
        ),
        (["CIV"], "ddtool profiles show country CIV"),
        (["country"], "give the country to show: ddtool profiles show country CIV"),
        (["Good"], "give the good to show: ddtool profiles show good cotton"),
        (["fabric mill"], "names a sector (fabric-manufacturing)"),
        (["xyzzy"], "'xyzzy' names no country, sector or good; write the kind first"),
    ],
)
def test_profiles_show_with_one_word_says_what_to_write(words: list[str], said: str) -> None:
    """(It answered "Missing argument 'key'".)"""
    done = CliRunner().invoke(app, ["profiles", "show", *words], env={"COLUMNS": "250"})
    assert done.exit_code == 2
    assert said in " ".join(done.output.split())


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("Рыбный", "'R1' (Рыбный завод)"),
        ("东莞", "'C1' (东莞服装厂)"),
        ("Dong Thap", "'V1' (Đồng Tháp Seafood JSC)"),  # Đ has no accent to drop
        ("findik", "'T1' (Fındık Ltd)"),  # nor ı
        ("lodz", "'L1' (Łódź Textiles)"),
        ("山田", "'J1' (株式会社 山田), 'J2' (山田水産株式会社)"),  # a word, and a run of letters
        ("ไทยยูเนี่ยน", "'H1' (บริษัทไทยยูเนี่ยนกรุ๊ป)"),  # vowel signs kept
    ],
)
def test_explain_finds_a_part_of_a_name_in_any_script(
    tmp_path: Path, given: str, shown: str
) -> None:
    """(Letters of other scripts were dropped from the part and the names alike, and Đ, ı,
    Ł with them: no hint.)"""
    done = _explained(tmp_path, NAMED, given)
    assert done.exit_code == 2
    assert f"(names holding it: {shown}; give the id)" in " ".join(done.output.split())


def test_explain_does_not_find_a_part_inside_a_word_of_a_spaced_script(tmp_path: Path) -> None:
    """'ры' is in 'Барыбино' but is no word of it: no hint (Cyrillic is written with spaces)."""
    done = _explained(tmp_path, NAMED, "ры")
    assert done.exit_code == 2 and "names holding it" not in done.output


# suppliers named in several scripts, as (id, name, country, sector)
NAMED = [
    ("R1", "Рыбный завод", "RUS", "seafood-processing"),
    ("C1", "东莞服装厂", "CHN", "garment-manufacturing"),
    ("V1", "Đồng Tháp Seafood JSC", "VNM", "seafood-processing"),
    ("T1", "Fındık Ltd", "TUR", "crop-farming"),
    ("L1", "Łódź Textiles", "POL", "fabric-manufacturing"),
    ("J1", "株式会社 山田", "JPN", "seafood-processing"),
    ("J2", "山田水産株式会社", "JPN", "seafood-processing"),
    ("H1", "บริษัทไทยยูเนี่ยนกรุ๊ป", "THA", "seafood-processing"),
    ("B1", "Барыбино", "RUS", "crop-farming"),
]


def _explained(tmp_path: Path, suppliers: list[tuple[str, str, str, str]], given: str) -> Result:
    """`ddtool explain` of a chain of these suppliers, for the supplier given."""
    chain = tmp_path / "names.yaml"
    rows = "".join(
        f'  - {{id: {sid}, name: "{name}", country: {country}, sector: {sector}}}\n'
        for sid, name, country, sector in suppliers
    )
    chain.write_text(f"company: {{name: X, country: DE}}\nsuppliers:\n{rows}", encoding="utf-8")
    return CliRunner().invoke(app, ["explain", str(chain), given], env={"COLUMNS": "250"})
