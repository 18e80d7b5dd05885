"""The supplier graph: tiers, first paths and structural problems."""

from __future__ import annotations

from typing import Any

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import Chain, Company, Supplier


def chain(*suppliers: dict[str, Any]) -> Chain:
    """A chain under the default company from supplier keyword dicts."""
    return Chain(company=Company(), suppliers=[Supplier(**s) for s in suppliers])


def test_supplier_reached_at_two_depths_reports_both_tiers() -> None:
    problems = ProblemList()
    supply = build_graph(
        chain(
            {"id": "A"},
            {"id": "B", "buyers": ["A"]},
            {"id": "X", "buyers": ["A", "B"]},
        ),
        problems,
    )
    assert problems.items == []
    assert supply.tiers == {"A": [1], "B": [2], "X": [2, 3]}
    assert supply.first_path["X"] == ["company", "A", "X"]
    assert supply.depth == 3


def test_cycle_message_prints_the_path() -> None:
    problems = ProblemList()
    build_graph(
        chain({"id": "A"}, {"id": "B", "buyers": ["A", "C"]}, {"id": "C", "buyers": ["B"]}),
        problems,
    )
    assert problems.flatten(["type"]) == [["cycle"]]
    assert "B → C → B" in problems.items[0].message


GRAPH_CASES: list[tuple[str, list[dict[str, Any]], list[list[Any]]]] = [
    ("self-loop", [{"id": "P", "buyers": ["P"]}], [["self-loop", "error"]]),
    (
        "unknown-buyer",
        [{"id": "PROC-1"}, {"id": "F", "buyers": ["PROC-11"]}],
        [["unknown-buyer", "error"]],
    ),
    ("duplicate-id", [{"id": "S"}, {"id": "S"}], [["duplicate-id", "error"]]),
    (
        # the later row of a reused id is dropped: what else is wrong with it is still said
        "duplicate-id-with-an-unknown-buyer",
        [{"id": "P1"}, {"id": "P1", "buyers": ["P11"]}],
        [["duplicate-id", "error"], ["unknown-buyer", "error"]],
    ),
    ("company-id-reused", [{"id": "company"}], [["duplicate-id", "error"]]),
    (
        "shares-over-one",
        [
            {"id": "P"},
            {"id": "F1", "buyers": ["P"], "share": 0.7},
            {"id": "F2", "buyers": ["P"], "share": 0.6},
        ],
        [["shares-over-one", "error"]],
    ),
    (
        "shares-summing-to-one-with-float-noise",
        [
            {"id": "P"},
            {"id": "F1", "buyers": ["P"], "share": 0.1},
            {"id": "F2", "buyers": ["P"], "share": 0.2},
            {"id": "F3", "buyers": ["P"], "share": 0.7},
        ],
        [],
    ),
    (
        "unreachable-behind-a-cycle",
        [{"id": "B", "buyers": ["C"]}, {"id": "C", "buyers": ["B"]}, {"id": "D", "buyers": ["C"]}],
        [["cycle", "error"], ["unreachable", "error"]],
    ),
    (
        # the supplier below a mistyped buyer link is that one problem, not a second one
        "below-an-unknown-buyer",
        [
            {"id": "T1"},
            {"id": "C1", "buyers": ["T-1"]},
            {"id": "F1", "buyers": ["C1"]},
            {"id": "G1", "buyers": ["F1"]},
        ],
        [["unknown-buyer", "error"]],
    ),
    (
        "below-a-self-loop",
        [{"id": "P", "buyers": ["P"]}, {"id": "F", "buyers": ["P"]}],
        [["self-loop", "error"]],
    ),
    (
        "tier-mismatch",
        [{"id": "A"}, {"id": "B", "buyers": ["A"], "tier_declared": 1}],
        [["tier-mismatch", "warning"]],
    ),
]


@pytest.mark.parametrize(
    ("suppliers", "expected"), [c[1:] for c in GRAPH_CASES], ids=[c[0] for c in GRAPH_CASES]
)
def test_graph_problems(suppliers: list[dict[str, Any]], expected: list[list[Any]]) -> None:
    problems = ProblemList()
    build_graph(chain(*suppliers), problems)
    assert problems.flatten(["type", "severity"]) == expected


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("PROC-11", "'PROC-1'"),
        ("proc-1", "'PROC-1'"),  # case, spaces and punctuation aside first
        ("PROC 1", "'PROC-1'"),
        ("Company", "'company'"),  # the company's own id is a buyer too
        ("XYZ-999", None),
    ],
)
def test_unknown_buyer_suggests_the_nearest_id(written: str, suggested: str | None) -> None:
    problems = ProblemList()
    build_graph(chain({"id": "PROC-1"}, {"id": "1001"}, {"id": "F", "buyers": [written]}), problems)
    assert problems.flatten(["suggestion"]) == [[suggested]]


@pytest.mark.parametrize(
    "steps",
    [
        [("edge", "A", "N1", {"share": None, "inferred": True})],
        [("node", "N1", {"inferred": True}), ("edge", "A", "N1", {"share": None})],
        [("edge", "N1", "N2", {"inferred": True}), ("edge", "A", "N1", {"share": 0.5})],
        [("edge", "A", "B", {"inferred": True}), ("node", "B", {"mark": 1})],  # existing ones
        [("node", "A", {"mark": 2}), ("edge", "company", "A", {"share": 0.3})],
    ],
)
def test_nodes_and_links_added_as_networkx_adds_them(steps: list[tuple[Any, ...]]) -> None:
    import networkx as nx

    supply = build_graph(chain({"id": "A"}, {"id": "B", "buyers": ["A"]}), ProblemList())
    expected = nx.DiGraph(supply.graph)  # a copy, grown with networkx's own methods
    for kind, *args, attrs in steps:
        getattr(supply, f"add_{kind}")(*args, **attrs)
        getattr(expected, f"add_{kind}")(*args, **attrs)
    view = supply.graph  # the same dicts, as networkx sees them
    # in the same order too: the engine's walks follow it
    assert list(view.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(view.edges(data=True)) == list(expected.edges(data=True))
    assert [(n, list(view.pred[n].items())) for n in view] == [
        (n, list(expected.pred[n].items())) for n in expected
    ]


def test_an_assessment_does_not_import_networkx() -> None:
    import subprocess
    import sys
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "sample_chains" / "cocoa.yaml"
    code = (
        "import sys\nfrom pathlib import Path\nfrom ddtool.assess import assess\n"
        f"result = assess([Path({str(sample)!r})])\n"
        "assert result.data['flags']\n"
        "print('networkx' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_networkx_view_is_made_once_and_follows_the_graph() -> None:
    supply = build_graph(chain({"id": "A"}), ProblemList())
    view = supply.graph
    view.graph["name"] = "kept"
    assert supply.graph is view and supply.graph.graph["name"] == "kept"
    supply.add_edge("A", "B", share=None)  # added after the view was made: it shows
    assert list(view.successors("A")) == ["B"] and view.has_node("B")


@pytest.mark.parametrize(
    ("buyer", "suggestion"),
    [
        (
            "schoko  handels gmbh",
            "'L-100', the id of the supplier of that name: buyers are given by id",
        ),
        (
            "Süßwaren Beispiel GmbH",
            "'company', the company's id (a blank buyers cell names it too)",
        ),
        ("L-10", "'L-100'"),
        # the name of two suppliers: which one is not known
        (
            "Twin Name",
            "'T-1' or 'T-2', the ids of the suppliers of that name: buyers are given by id",
        ),
        ("l-100 ", "'L-100'"),  # an id in another case comes first
    ],
)
def test_a_buyer_written_by_its_name_suggests_its_id(buyer: str, suggestion: str | None) -> None:
    """People write the buyer's name where its id is wanted: the name's id is offered (it
    was refused with no suggestion, though a supplier had exactly that name)."""
    chain = Chain(
        company=Company(name="Süßwaren Beispiel GmbH"),
        suppliers=[
            Supplier(id="L-100", name="Schoko Handels GmbH"),
            Supplier(id="T-1", name="Twin Name"),
            Supplier(id="T-2", name="Twin Name"),
            Supplier(id="L-200", name="Coop", buyers=[buyer]),
        ],
    )
    problems = ProblemList()
    build_graph(chain, problems)
    [problem] = [p for p in problems.items if p.type == "unknown-buyer"]
    assert problem.suggestion == suggestion


NEAR_NAMES = Chain(
    company=Company(name="Süßwaren Beispiel GmbH"),
    suppliers=[
        Supplier(id="L-001", name="Kakao Handelshaus Hamburg GmbH"),
        Supplier(id="L-004", name="Narayanganj Knit Fabrics"),
        Supplier(id="L-005", name="Valcambi Raffinerie S.A."),
        Supplier(id="T-1", name="Twin Name Ltd"),
        Supplier(id="T-2", name="Twin Name Co."),
    ],
)


@pytest.mark.parametrize(
    ("buyer", "suggestion"),
    [
        # a letter off
        (
            "Narayanganj Knit Fabric",
            "'L-004', the id of the supplier named 'Narayanganj Knit Fabrics': buyers are"
            " given by id",
        ),
        # its legal form left out, or another; punctuation aside
        (
            "Kakao Handelshaus Hamburg",
            "'L-001', the id of the supplier named 'Kakao Handelshaus Hamburg GmbH': buyers"
            " are given by id",
        ),
        (
            "Kakao-Handelshaus Hamburg GmbH",
            "'L-001', the id of the supplier named 'Kakao Handelshaus Hamburg GmbH': buyers"
            " are given by id",
        ),
        (
            "Kakao Handelshaus Hamburg Ltd.",
            "'L-001', the id of the supplier named 'Kakao Handelshaus Hamburg GmbH': buyers"
            " are given by id",
        ),
        (
            "Valcambi Raffinerie SA",
            "'L-005', the id of the supplier named 'Valcambi Raffinerie S.A.': buyers are"
            " given by id",
        ),
        (
            "Narayangonj Knit Fabrics Ltd",
            "'L-004', the id of the supplier named 'Narayanganj Knit Fabrics': buyers are"
            " given by id",
        ),
        ("Süßwaren Beispiel", "'company', the company's id (a blank buyers cell names it too)"),
        (
            "Twin Name",
            "'T-1' or 'T-2', the ids of the suppliers of names like it: buyers are given by id",
        ),
        ("Chittagong Spinning Mills", None),  # like no name
        ("Hamburg", None),  # a word of one is no near miss of it
    ],
)
def test_a_buyer_written_near_a_suppliers_name_suggests_its_id(
    buyer: str, suggestion: str | None
) -> None:
    """Only a name written exactly as the supplier's was offered its id: one letter off, or
    without its 'GmbH', it had no suggestion."""
    writer = Supplier(id="W", name="Writer", buyers=[buyer])
    chain = Chain(company=NEAR_NAMES.company, suppliers=[*NEAR_NAMES.suppliers, writer])
    problems = ProblemList()
    build_graph(chain, problems)
    [problem] = [p for p in problems.items if p.type == "unknown-buyer"]
    assert problem.suggestion == suggestion


def test_a_supplier_is_not_offered_its_own_name_as_its_buyer() -> None:
    own = Supplier(id="K", name="Kakao Handelshaus Hamburg GmbH", buyers=["Kakao Handelshaus"])
    problems = ProblemList()
    build_graph(Chain(company=Company(name="Amb"), suppliers=[own]), problems)
    assert [p.suggestion for p in problems.items if p.type == "unknown-buyer"] == [None]


@pytest.mark.parametrize(
    ("shares", "shown"),
    [
        ((0.7, 0.6), "add up to 1.30, more than 1"),
        # just over the tolerance: as many decimals as show it over 1 (it read "1.00, more
        # than 1")
        ((0.5000015, 0.5), "add up to 1.000001, more than 1"),
    ],
)
def test_shares_over_one_show_their_sum_over_one(shares: tuple[float, float], shown: str) -> None:
    problems = ProblemList()
    build_graph(
        chain(
            {"id": "P"},
            {"id": "F1", "buyers": ["P"], "share": shares[0]},
            {"id": "F2", "buyers": ["P"], "share": shares[1]},
        ),
        problems,
    )
    [problem] = problems.items
    assert shown in problem.message


def test_shares_over_one_name_the_shares_given() -> None:
    """The suppliers of a buyer with their shares, those without one left out, and the
    company named as the company: before, every supplier was listed, shares or not, and the
    company by its id, 'company'."""
    problems = ProblemList()
    build_graph(
        chain(
            {"id": "F1", "share": 0.6},
            {"id": "F2", "share": 0.7},
            {"id": "F3"},
        ),
        problems,
    )
    [problem] = problems.items
    assert problem.message.startswith(
        "shares of the company's suppliers add up to 1.30, more than 1 (F1 0.6, F2 0.7): a share"
        " is a supplier's part of all its buyer buys"
    )
