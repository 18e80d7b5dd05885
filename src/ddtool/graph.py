"""The supplier graph: company → tier 1 → …, structural checks and tiers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ddtool.errors import Location, Problem, ProblemList, quoted
from ddtool.model import Chain, Supplier
from ddtool.sources.interface import DEFAULT_MAX_TIERS
from ddtool.sources.values import ZERO_WIDTH, has_separator, is_placeholder

if TYPE_CHECKING:
    import networkx as nx

SHARE_TOLERANCE = 1e-6

Adjacency = dict[str, dict[str, dict[str, Any]]]


@dataclass(slots=True)
class SupplyGraph:
    """The chain as a directed graph whose edges point from buyer to supplier (towards the
    origin), held as plain adjacency dicts in networkx's own layout: the engine walks them
    directly, and `graph` gives them as a networkx DiGraph (sharing the same dicts)."""

    succ: Adjacency  # node -> {its supplier: edge attributes}
    pred: Adjacency  # node -> {its buyer: the same edge attributes}
    nodes: dict[str, dict[str, Any]]  # node -> node attributes
    company_id: str
    suppliers: dict[str, Supplier]
    tiers: dict[str, list[int]] = field(default_factory=dict)
    first_path: dict[str, list[str]] = field(default_factory=dict)
    # buyers before their suppliers (None while the chain has a cycle); kept up to date
    # when inferred suppliers are added, so every later pass reuses it
    order: list[str] | None = None
    _view: nx.DiGraph | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def graph(self) -> nx.DiGraph:
        """The graph as a networkx DiGraph over the same dicts, made on first use and kept
        (networkx is imported only here: an assessment does not need it)."""
        if self._view is None:
            self._view = _digraph(self.nodes, self.succ, self.pred)
        return self._view

    def add_node(self, node: str, **attrs: Any) -> None:
        """Add a node (or update its attributes), as DiGraph.add_node does."""
        if node in self.succ:
            self.nodes[node].update(attrs)
        else:
            self.succ[node], self.pred[node], self.nodes[node] = {}, {}, attrs

    def add_edge(self, buyer: str, supplier: str, **attrs: Any) -> None:
        """Add a supply link (and its nodes when new), as DiGraph.add_edge does."""
        for node in (buyer, supplier):
            if node not in self.succ:
                self.add_node(node)
        data = self.succ[buyer].get(supplier, {})
        data.update(attrs)
        self.succ[buyer][supplier] = self.pred[supplier][buyer] = data

    @property
    def depth(self) -> int:
        return max(map(max, filter(None, self.tiers.values())), default=0)


def _loc(supplier: Supplier, fallback: str, column: str | None = None) -> Location:
    if supplier.location is None:
        return Location(fallback)
    return supplier.location.with_column(column) if column else supplier.location


def build_graph(
    chain: Chain,
    problems: ProblemList,
    clock: Callable[[str], None] | None = None,
    max_tiers: int = DEFAULT_MAX_TIERS,
) -> SupplyGraph:
    """Build the graph and collect every structural problem (never stops at the first); a
    problem in a table names its column as the table heads it ("Liefert an", not "buyers").

    `clock`, when given, is told when a part of the work is done: the checks ("validate":
    ids used twice or differing in case, suppliers alike by name, shares, reach, declared
    tiers) and the rest ("graph": the links, checked as they are made, the tiers and first
    paths)."""
    found = ProblemList()
    supply = _build_graph(chain, found, clock or _no_clock, max_tiers)
    problems.extend([_as_written(chain, p) for p in found.items])
    return supply


def _as_written(chain: Chain, problem: Problem) -> Problem:
    """A problem of a field located as the file writes it: at the table's column as headed,
    at the line of the YAML entry's key."""
    at = problem.location
    if at.column is None:
        return problem
    keys = chain.key_lines.get((at.file, at.line)) if at.line is not None else None
    if keys is not None and at.column not in keys:
        # the YAML entry has no such key (a nested supplier's buyer is the supplier it is
        # under, named by no 'buyers:'): at its id, or at the entry
        column = "id" if "id" in keys else None
        return replace(
            problem, location=Location(at.file, line=keys.get("id", at.line), column=column)
        )
    column = chain.column(at, at.column)
    return replace(
        problem,
        location=Location(at.file, at.sheet, at.row, column, chain.key_line(at, at.column)),
    )


def _no_clock(stage: str) -> None:
    pass


def _build_graph(
    chain: Chain, problems: ProblemList, clock: Callable[[str], None], max_tiers: int
) -> SupplyGraph:
    fallback = chain.files[0] if chain.files else "<input>"
    company_id = chain.company.id
    by_id, dropped = _unique(chain, problems, fallback)
    _check_case(by_id, problems, fallback)
    _check_names(by_id, problems, fallback)
    clock("validate")
    # plain dict adjacency in networkx's own layout (nodes in file order, edges in buyer
    # order), built directly: add_nodes_from / add_edges_from cost seconds on 10^5 suppliers
    nodes = (company_id, *by_id)
    succ: Adjacency = {node: {} for node in nodes}
    pred: Adjacency = {company_id: {}}  # filled in file order below
    ids = list(by_id)
    broken_links: set[str] = set()  # suppliers whose buyer link was already reported
    totals: dict[str, float] = {}  # share per buyer, summed in the buyer's edge order
    starts = [company_id]  # nodes without buyers
    waiting: dict[str, int] = {}  # suppliers with several buyers: how many
    declared: list[Supplier] = []  # suppliers with a declared tier
    named = _Names(chain, [company_id, *ids])  # (looked into only when a buyer is unknown)
    for supplier_id, supplier in by_id.items():
        buyers = supplier.buyers or [company_id]
        share = supplier.share
        if supplier.tier_declared is not None:
            declared.append(supplier)
        pred[supplier_id] = above = {}
        for buyer in dict.fromkeys(buyers) if len(buyers) > 1 else buyers:
            if buyer == supplier_id:
                problems.error(
                    "self-loop",
                    f"supplier {supplier_id!r} names itself as its buyer",
                    _loc(supplier, fallback, "buyers"),
                )
                broken_links.add(supplier_id)
                continue
            below = succ.get(buyer)
            if below is None:
                _unknown_buyer(problems, supplier, buyer, named, fallback)
                broken_links.add(supplier_id)
                continue
            below[supplier_id] = above[buyer] = {"share": share}
            if share is not None:
                totals[buyer] = totals.get(buyer, 0.0) + share
        if len(above) != 1:
            if above:
                waiting[supplier_id] = len(above)
            else:
                starts.append(supplier_id)
    for supplier in dropped:  # a reused id's later rows: their links are checked too
        for buyer in dict.fromkeys(supplier.buyers):
            if buyer not in succ and buyer != supplier.id:
                _unknown_buyer(problems, supplier, buyer, named, fallback)
    node_attrs: dict[str, dict[str, Any]] = {node: {} for node in nodes}
    # the buyers of suppliers with several buyers; any other buyer is the only buyer of
    # each of its suppliers, which the walk below takes a shortcut on
    fans = {buyer for supplier_id in waiting for buyer in pred[supplier_id]}
    order, tiers, first_path, deep = _walk(
        succ, len(succ), starts, waiting, company_id, fans, max_tiers
    )
    cyclic: set[str] = set()
    if deep is not None:  # thousands of tiers: a data error, refused before they cost
        _too_deep(deep, max_tiers, by_id, problems, fallback)
        # the other problems of the links are reported too (those of tiers and reach need
        # the tiers, which are not walked)
        graph = _digraph(node_attrs, succ, pred)
        _check_cycles(graph, by_id, {s: i for i, s in enumerate(ids)}, problems, fallback)
        _check_shares(succ, totals, by_id, problems, fallback, company_id)
        supply = SupplyGraph(succ, pred, node_attrs, company_id, by_id, {}, {}, None)
        clock("graph")
        clock("validate")
        return supply
    if order is None:  # a cycle somewhere: report it; walk what the company reaches, if acyclic
        graph = _digraph(node_attrs, succ, pred)
        cyclic = _check_cycles(graph, by_id, {s: i for i, s in enumerate(ids)}, problems, fallback)
        first_path = _first_paths(succ, company_id)
        counts = {node: sum(1 for b in pred[node] if b in first_path) for node in first_path}
        waiting = {node: count for node, count in counts.items() if count > 1}
        reached, tiers, _, _ = _walk(succ, len(first_path), [company_id], waiting, company_id, fans)
        if reached is None:
            tiers = {node: [len(path) - 1] for node, path in first_path.items()}
    del first_path[company_id], tiers[company_id]
    supply = SupplyGraph(succ, pred, node_attrs, company_id, by_id, tiers, first_path, order)
    clock("graph")
    _check_shares(succ, totals, by_id, problems, fallback, company_id)
    # every supplier reached (the usual case): only the declared tiers are left to check
    # (and those of a workbook's tier sheets: each sheet says a tier)
    to_check = (
        declared if len(first_path) == len(by_id) and not chain.sheet_tiers else by_id.values()
    )
    # suppliers cut off only by a buyer link already reported (an unknown buyer, a self-loop)
    # are that problem, not one of their own
    below_broken = _below(succ, broken_links) if to_check is not declared else set()
    _check_reached(
        supply,
        to_check,
        broken_links | cyclic | below_broken,
        problems,
        fallback,
        chain.sheet_tiers,
    )
    clock("validate")
    return supply


def _too_deep(
    deep: _TooDeep, limit: int, by_id: dict[str, Supplier], problems: ProblemList, fallback: str
) -> None:
    """One error for a chain deeper than the limit, at the supplier found too deep."""
    path, depth = deep
    shown = " → ".join([*path[:3], "…", *path[-2:]]) if len(path) > 6 else " → ".join(path)
    supplier = by_id.get(path[-1])
    problems.error(
        "too-many-tiers",
        f"the chain is more than {limit} tiers deep: supplier {path[-1]!r} is at tier {depth}"
        f" ({shown}). Does each row name the row above it as its buyer (a buyer column filled"
        " down)? If the chain is that deep, raise the limit with --max-tiers",
        _loc(supplier, fallback, "buyers") if supplier is not None else Location(fallback),
    )


def closest_id(wanted: str, ids: list[str], cutoff: float = 75) -> str | None:
    """The id most like one written wrong: case, spaces and punctuation aside first
    ('proc-1' is 'PROC-1'), else the closest by edit similarity (at least `cutoff`)."""
    from rapidfuzz import fuzz, process, utils  # (only when an id is wrong)

    best = process.extractOne(
        wanted, ids, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    return str(best[0]) if best else None


# the words of a company's legal form, aside when two names compare: "Kakao-Handelshaus
# Hamburg GmbH" is "Kakao Handelshaus Hamburg" ("S.A.R.L." is read as "sarl")
# the words of companies' legal forms, as loose_name writes them (letters alone: "S.A." is
# "sa"); an anonymised batch summary takes them off a company's name too (batch)
LEGAL_FORMS = frozenset(
    (
        "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ek", "ekfm", "gbr", "ev", "se",  # German
        "co", "cie", "company", "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated",
        "corp", "corporation", "plc", "pvt", "pte", "pty", "private",
        "sa", "sas", "sarl", "eurl", "sl", "slu", "srl", "spa", "cv",  # French, Spanish, Italian
        "ltda", "bv", "nv", "ab", "oy", "as", "asa", "aps", "sro", "kk", "jsc", "ooo", "bhd",
        "sdn", "tbk",
    )
)  # fmt: skip
# how like a supplier's name (fuzz.ratio of the two, legal forms aside) a near miss of it is
_NEAR_NAME = 88


def loose_name(name: str) -> str:
    """A supplier's name as a near miss of it is compared: case, punctuation, accents and the
    words of its legal form aside ('Kakao-Handelshaus Hamburg GmbH': 'kakao handelshaus
    hamburg'; 'Société Générale du Cacao SA': 'societe generale du cacao')."""
    from rapidfuzz import utils

    if not name.isascii():  # (each accent left out would count as a letter written wrong)
        name = "".join(
            c
            for c in unicodedata.normalize("NFKD", name.translate(_LETTERS))
            if not unicodedata.combining(c)
        )
    words: list[str] = []
    for word in utils.default_process(name).split():
        if len(word) == 1 and words and len(words[-1]) < 4 and words[-1].isalpha():
            words[-1] += word  # letters written with points: "S.A.", "s a r l"
        else:
            words.append(word)
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def near_names(wanted: str, by_loose: dict[str, list[str]]) -> list[str]:
    """The ids of the suppliers whose names are most like one written wrong: its loose_name
    first, else the closest by edit similarity (the ids of all as close, in order); by_loose
    holds each loose_name's ids."""
    from rapidfuzz import fuzz, process  # (only when a name is wrong)

    key = loose_name(wanted)
    if not key:
        return []
    if key in by_loose:
        return list(dict.fromkeys(by_loose[key]))
    found = process.extract(
        key, list(by_loose), scorer=fuzz.ratio, score_cutoff=_NEAR_NAME, limit=None
    )
    top = max((score for _, score, _ in found), default=None)
    ids = (i for name, score, _ in found if score == top for i in by_loose[name])
    return list(dict.fromkeys(ids))


def _below(succ: Adjacency, starts: set[str]) -> set[str]:
    """Every node beneath these (their suppliers, theirs, …)."""
    seen: set[str] = set()
    stack = [child for node in starts for child in succ.get(node, ())]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(succ.get(node, ()))
    return seen


def _digraph(nodes: dict[str, dict[str, Any]], succ: Adjacency, pred: Adjacency) -> nx.DiGraph:
    """A networkx DiGraph over these dicts (not copied: changes to either show in both)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph._node = nodes
    graph._succ = succ  # networkx keeps _adj in step and resets its cached views
    graph._pred = pred
    return graph


# the separators of a list of buyers (see split_list)
_SEPARATED = re.compile(r"\s*[;,|\n]\s*")
# what joins two buyers in a cell but is no list separator ('A01/A02', 'A01 & B1', 'A and B');
# an id or name may hold one too ('X/1', 'Smith & Sons'): the parts are matched longest first
_JOINER = re.compile(r"\s*[/&+]\s*|\s+(?:and|und|et|y|e)\s+", re.IGNORECASE)
# the most joins a cell is split at to find the buyers it names (each span is looked up)
_MOST_JOINS = 20
# how many ids the unknown buyers of one chain are compared with by spelling, in all (about a
# second): 5,000 lookups in a chain of 1,000 suppliers, 50 in one of 100,000
_SPELLING_BUDGET = 5_000_000


class _Names:
    """The chain's ids, and its suppliers' and company's names, for the suggestion of an
    unknown buyer: a buyer written by its name ('Schoko Handels GmbH') is that supplier's
    id; the company's own name is a blank cell. The names are read on first use, once."""

    def __init__(self, chain: Chain, ids: list[str]) -> None:
        self.chain, self.ids = chain, ids
        self._by_name: dict[str, list[str]] = {}
        self._by_written: dict[str, list[str]] = {}  # ids, case, spaces and punctuation aside
        self._by_number: dict[int, list[str]] = {}  # ids of digits only, by their number
        self._by_part: dict[str, list[str]] = {}  # ids holding a list separator, by each part
        self._by_loose: dict[str, list[str]] = {}  # ids by their names' loose_name
        self._names: dict[str, str] = {}  # the suppliers' names by id
        self._known: set[str] = set()  # the ids
        # the buyers of a cell joining several, and whether any is named, by cell
        self._joined: dict[str, tuple[list[str], bool] | None] = {}
        self._compared = 0  # ids compared by spelling so far

    def suggestion(self, buyer: str, own: str) -> str | None:
        """The id a supplier (`own`) probably meant by a buyer that is no id of the chain;
        never its own (a supplier is not its own buyer)."""
        from rapidfuzz import utils

        if not self._by_written:  # (made on the first unknown buyer, once)
            self._known = set(self.ids)
            for i in self.ids:
                self._by_written.setdefault(utils.default_process(i), []).append(i)
                if has_separator(i):
                    for part in dict.fromkeys(_SEPARATED.split(i)):
                        self._by_part.setdefault(part, []).append(i)
                if i.isascii() and i.isdigit():  # ('12' for '0012': ids are read as written)
                    self._by_number.setdefault(int(i), []).append(i)
            for supplier in self.chain.suppliers:
                if supplier.name:
                    self._by_name.setdefault(name_key(supplier.name), []).append(supplier.id)
                    self._by_loose.setdefault(loose_name(supplier.name), []).append(supplier.id)
                    self._names.setdefault(supplier.id, supplier.name)
        # an id written in another case or spacing first ('s1 ' for 'S1'), then a name
        same = self._by_written.get(utils.default_process(buyer), [])
        if len(same) == 1:
            return None if same[0] == own else repr(same[0])
        if buyer.isascii() and buyer.isdigit():
            number = [i for i in self._by_number.get(int(buyer), []) if i != own]
            if len(number) == 1:
                return f"{number[0]!r} (ids are read as written: leading zeros count)"
        # a part of an id holding a list separator ('1001,01' named beside another buyer)
        parted = [i for i in self._by_part.get(buyer, []) if i != own]
        if len(parted) == 1:
            return (
                f"{parted[0]!r}, an id holding a list separator: named beside other buyers, it"
                " is split at it; give that id without separators, or name it alone in the"
                " cell"
            )
        key = name_key(buyer)
        company = self.chain.company
        if (company.name and key == name_key(company.name)) or key == "company":
            return f"{company.id!r}, the company's id (a blank buyers cell names it too)"
        found = list(dict.fromkeys(self._by_name.get(key, [])))
        if len(found) == 1:
            return f"{found[0]!r}, the id of the supplier of that name: buyers are given by id"
        if found:  # (which of them is not known)
            ids = " or ".join(map(repr, found[:5])) + (" or another" if len(found) > 5 else "")
            return f"{ids}, the ids of the suppliers of that name: buyers are given by id"
        # several buyers joined by what is no list separator ('A01/A02', 'A01 & B1'); a
        # match of the whole cell by spelling comes first ('Smith and Sons' is 'Smith & Sons',
        # not 'Smith' and 'Sons'), unless it is only one of the buyers it joins ('Smith & Sons
        # & A01' is 'Smith & Sons' and 'A01')
        if buyer not in self._joined:  # (once per cell written so)
            self._joined[buyer] = self._joined_ids(buyer)
        joined = self._joined[buyer]
        near = self._near(buyer, own)
        if near is not None and not (joined and set(near[0]) <= set(joined[0])):
            return near[1]
        if joined:
            return None if own in joined[0] else _several(*joined)
        return None

    def _near(self, buyer: str, own: str) -> tuple[list[str], str | None] | None:
        """The ids a buyer written wrong is near by spelling, as an id or as a name, and the
        suggestion (None where that is the supplier's own); None where it is near none."""
        # a near id by spelling: each lookup compares with every id, so a file of thousands of
        # unknown buyers (a wrong buyer column) gets it for as many as the budget allows
        loose = loose_name(buyer)
        company = self.chain.company
        if company.name and loose and loose == loose_name(company.name):
            told = f"{company.id!r}, the company's id (a blank buyers cell names it too)"
            return [company.id], told
        if loose not in self._by_loose:
            if self._compared + len(self.ids) > _SPELLING_BUDGET:
                return None
            self._compared += len(self.ids)
            best = closest_id(buyer, self.ids)
            if best:
                return [best], repr(best) if best != own else None
            # a name written another way ('Kakao Handelshaus Hamburg' for its '… GmbH', a
            # letter off): as many as the budget allows, as the ids
            if self._compared + len(self._by_loose) > _SPELLING_BUDGET:
                return None
            self._compared += len(self._by_loose)
        near = [i for i in near_names(buyer, self._by_loose) if i != own]
        if len(near) == 1:
            return near, (
                f"{near[0]!r}, the id of the supplier named {self._names[near[0]]!r}: buyers"
                " are given by id"
            )
        if near:
            ids = " or ".join(map(repr, near[:5])) + (" or another" if len(near) > 5 else "")
            return near, f"{ids}, the ids of the suppliers of names like it: buyers are given by id"
        return None

    def _joined_ids(self, buyer: str) -> tuple[list[str], bool] | None:
        """The ids of a buyer cell that joins several ids or names by '/', '&', '+' or 'and'
        (which do not separate a list), when each part is one, and whether any part is a
        name; None when a part is no id or name of the chain. From the left, each part is
        the longest run of the cell's parts that is one ('Smith & Sons & A01': 'Smith &
        Sons' and 'A01', where 'Smith' and 'Sons' are ids too)."""
        joins = list(_JOINER.finditer(buyer))
        if not joins or len(joins) > _MOST_JOINS:
            return None
        starts = [0, *(j.end() for j in joins)]
        ends = [*(j.start() for j in joins), len(buyer)]
        found: list[str] = []
        by_name = False
        at = 0
        while at < len(starts):
            for last in range(len(ends) - 1, at - 1, -1):  # (the longest first)
                if (match := self._one(buyer[starts[at] : ends[last]])) is not None:
                    break
            else:
                return None
            found.append(match[0])
            by_name = by_name or match[1]
            at = last + 1
        found = list(dict.fromkeys(found))
        return (found, by_name) if len(found) > 1 else None

    def _one(self, part: str) -> tuple[str, bool] | None:
        """The one id a part of a buyer cell is, as written, in another case or spacing, or
        by its supplier's name (exactly, or its legal form aside), and whether by name."""
        from rapidfuzz import utils

        part = part.strip()
        if not part:
            return None
        if part in self._known:
            return part, False
        ids = self._by_written.get(utils.default_process(part), [])
        if len(ids) == 1:
            return ids[0], False
        for by in (self._by_name.get(name_key(part), []), self._by_loose.get(loose_name(part), [])):
            if len(ids := list(dict.fromkeys(by))) == 1:
                return ids[0], True
        return None


def _several(ids: list[str], by_name: bool) -> str:
    """The suggestion for several buyers written joined: them, and how a list is written."""
    named = ", ".join(map(repr, ids[:-1])) + f" and {ids[-1]!r}"
    return (
        f"buyers {named}{' (given by id)' if by_name else ''}, written {'; '.join(ids)!r}:"
        " several buyers are separated by ';', ',' or '|'"
    )


def name_key(name: str) -> str:
    """A name as two spellings of it compare: case, runs of spaces and the characters that
    show nothing aside ('Cocoa Ltd' with a zero-width joiner is 'Cocoa Ltd', as in an id;
    the direction controls are not read in a name at all: see unicode_text)."""
    if not name.isascii():
        name = name.translate(_ZERO_WIDTH)
    return " ".join(name.casefold().split())


_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))
# what two spellings of one name may differ by besides case and spaces: punctuation, and
# letters a keyboard without them writes otherwise ('Ordu Fındık Ltd. Şti.', 'Ordu Findik
# Ltd Sti'); for the possible-duplicate warning only
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def alike_key(name: str) -> str:
    """A name as the possible-duplicate check compares it: name_key's, its accents and
    punctuation aside (the usual name, plain letters and digits, at C speed)."""
    key = name_key(name)
    if not key.isascii():
        key = "".join(
            c
            for c in unicodedata.normalize("NFKD", key.translate(_LETTERS))
            if not unicodedata.combining(c)
        )
    if key.replace(" ", "").isalnum():
        return key
    return " ".join(_PUNCTUATION.sub(" ", key).split())


# the longest id a supplier may have (sources.normalise.MAX_LENGTH's): a buyer longer is none
_MAX_ID = 100


def _unknown_buyer(
    problems: ProblemList, supplier: Supplier, buyer: str, named: _Names, fallback: str
) -> None:
    """An unknown buyer's error; one longer than any id may be is `too-long`, as such an id
    is (checked here, among the buyers not found, so that reading costs nothing more)."""
    if len(buyer) > _MAX_ID:
        problems.error(
            "too-long",
            f"supplier {quoted(supplier.id)} names buyer {quoted(buyer, 40)}, more than"
            f" {_MAX_ID} characters long: no id is that long",
            _loc(supplier, fallback, "buyers"),
        )
        return
    if is_placeholder(buyer):
        problems.error(
            "unknown-buyer",
            f"supplier {quoted(supplier.id)} names buyer {buyer!r}, a placeholder, not a"
            f" supplier id: {_placeholder_fix(supplier)}",
            _loc(supplier, fallback, "buyers"),
        )
        return
    problems.error(
        "unknown-buyer",
        f"supplier {quoted(supplier.id)} names buyer {buyer!r}, which is not in the chain",
        _loc(supplier, fallback, "buyers"),
        suggestion=named.suggestion(buyer, supplier.id),
    )


def _placeholder_fix(supplier: Supplier) -> str:
    """What to write for a buyer that is a placeholder ('-', 'n.d.', 'N/A'): an unknown
    buyer is no direct supply to the company, so it is never read as a blank."""
    if not all(map(is_placeholder, supplier.buyers)):
        return "leave it out beside the other buyers, or give that buyer's id"
    if supplier.location is not None and supplier.location.line is not None:  # (YAML)
        return "leave out its buyers if it supplies the company directly, or give its buyer's id"
    return "leave the cell blank if it supplies the company directly, or give its buyer's id"


def _unique(
    chain: Chain, problems: ProblemList, fallback: str
) -> tuple[dict[str, Supplier], list[Supplier]]:
    """Suppliers by id; a reused id is reported and its later rows are dropped (and given
    apart, so that what else is wrong with them is reported in the same run)."""
    company_id = chain.company.id
    by_id = {supplier.id: supplier for supplier in chain.suppliers}
    if len(by_id) == len(chain.suppliers) and company_id not in by_id:
        return by_id, []  # the usual case: every id is distinct
    by_id = {}
    dropped: list[Supplier] = []
    for supplier in chain.suppliers:
        if supplier.id == company_id:
            problems.error(
                "duplicate-id",
                f"supplier id {supplier.id!r} is the company's own id",
                _loc(supplier, fallback, "id"),
            )
            continue
        if supplier.id in by_id:
            given = by_id[supplier.id]
            first = given.location
            if first is not None and first.line is not None:  # (YAML: at its id's key)
                first = Location(first.file, line=chain.key_line(first, "id"))
            problems.error(
                "duplicate-id",
                f"duplicate supplier id {supplier.id!r} (first defined at {first})"
                + _duplicate_fix(chain, given, supplier),
                _loc(supplier, fallback, "id"),
            )
            dropped.append(supplier)
            continue
        by_id[supplier.id] = supplier
    return by_id, dropped


def _duplicate_fix(chain: Chain, given: Supplier, again: Supplier) -> str:
    """How to write a supplier given twice: one of several buyers (nested under each, or a
    row per buyer) is given once, naming the other buyers in its buyers."""
    others = [buyer for buyer in dict.fromkeys(again.buyers) if buyer not in given.buyers]
    if not others or again.id in others:
        return ": give each supplier once, or give them different ids"
    differ = [
        what
        for what, one, other in (
            ("names", given.name, again.name),
            ("countries", given.country or given.country_raw, again.country or again.country_raw),
            ("sectors", given.sector or given.sector_raw, again.sector or again.sector_raw),
        )
        if one is not None and other is not None and one.casefold() != other.casefold()
    ]
    if differ:  # (two suppliers: giving one of them once would make the other the first)
        listed = differ[0] if len(differ) == 1 else f"{', '.join(differ[:-1])} and {differ[-1]}"
        return (
            f": the two have different {listed}, so they look like two suppliers"
            " sharing one id: give one of them another id (if they are one supplier, give it"
            " once and list all its buyers)"
        )
    column = chain.column(given.location, "buyers")
    named = ", ".join(map(repr, others[:5])) + (" …" if len(others) > 5 else "")
    nested = (
        " (nested under one buyer, it keeps that one too)"
        if given.location is not None and given.location.line is not None
        else ""
    )
    # (a supplier at two tiers of a workbook with a sheet per tier: on the first one's sheet)
    first, later = given.location, again.location
    sheet = (
        f" on sheet {first.sheet!r}"
        if first is not None and later is not None and first.sheet not in (None, later.sheet)
        else ""
    )
    return (
        f": a supplier of several buyers is given once; give {again.id!r} once and add"
        f" {named} to its {column!r}{sheet}{nested}"
    )


def _check_case(by_id: dict[str, Supplier], problems: ProblemList, fallback: str) -> None:
    """Ids that differ only in case ("A-1", "a-1") are two suppliers, but more often one
    written twice: warned at the later one, as another file or next year's list may
    write it either way."""
    if len(set(map(str.casefold, by_id))) == len(by_id):
        return  # the usual case
    first: dict[str, str] = {}
    for supplier_id, supplier in by_id.items():
        key = supplier_id.casefold()
        if key not in first:
            first[key] = supplier_id
            continue
        problems.warning(
            "ids-differ-in-case",
            f"supplier ids {first[key]!r} and {supplier_id!r} differ only in case: they are"
            " read as two suppliers; if they are one, write the id the same way",
            _loc(supplier, fallback, "id"),
        )


# the ids a possible-duplicate warning names before "and N more"
_NAMED_IDS = 5


def _check_names(by_id: dict[str, Supplier], problems: ProblemList, fallback: str) -> None:
    """Suppliers under other ids with one name, country and sector (case and runs of spaces
    aside; a sector not known as written) are more often one supplier listed twice (once
    under each of its buyers, say) than two: as two, it is counted, rolled up and flagged
    twice. Warned once per such group, at its second supplier, naming the ids (sites of one
    company that share a name are told apart by their country or sector; others may be
    ignored). Ids that differ only in case are warned as that (_check_case)."""
    suppliers = [s for s in by_id.values() if s.name]
    names = list(map(alike_key, map(attrgetter("name"), suppliers)))
    if len(set(names)) == len(names):
        return  # the usual case: no two names alike
    groups: dict[tuple[str, str, str], list[tuple[int, Supplier]]] = {}
    for index, (name, s) in enumerate(zip(names, suppliers, strict=True)):
        key = (
            name,
            name_key(s.country or s.country_raw or ""),
            name_key(s.sector or s.sector_raw or ""),
        )
        groups.setdefault(key, []).append((index, s))
    # (ids that differ only in case are told as that; the groups in the order of their
    # second supplier, where each is warned)
    found = [g for g in groups.values() if len({s.id.casefold() for _, s in g}) > 1]
    found.sort(key=lambda group: group[1][0])
    for group in found:
        alike = [supplier for _, supplier in group]
        first, count = alike[0], len(alike)
        ids = [repr(s.id) for s in alike[:_NAMED_IDS]]
        if count == 2:
            listed = f"suppliers {ids[0]} and {ids[1]}"
        else:
            more = f" and {count - len(ids)} more" if count > len(ids) else ""
            listed = f"{count} suppliers " + ", ".join(ids) + more
        country = first.country or first.country_raw or "not given"
        sector = first.sector or first.sector_raw or "not given"
        written = list(dict.fromkeys(str(s.name) for s in alike))
        same = (
            f"the same name {first.name!r}"
            if len({name_key(w) for w in written}) == 1
            # (written apart only by accents or punctuation: 'Ordu Fındık Ltd. Şti.')
            else "names written alike (" + ", ".join(map(repr, written[:_NAMED_IDS])) + ")"
        )
        problems.warning(
            "possible-duplicate",
            f"{listed} have {same}, country ({country}) and sector"
            f" ({sector}): if {'they are' if count == 2 else 'some of them are'} one supplier,"
            " give it one id and list all its buyers (each id is counted, rolled up and"
            " flagged on its own)",
            _loc(alike[1], fallback, "name"),
        )


def _check_cycles(
    graph: nx.DiGraph,
    by_id: dict[str, Supplier],
    order: dict[str, int],
    problems: ProblemList,
    fallback: str,
) -> set[str]:
    """Report each cycle once, with its path; return the suppliers in cycles."""
    import networkx as nx

    cyclic: set[str] = set()
    for component in sorted(nx.strongly_connected_components(graph), key=lambda c: min(c)):
        if len(component) < 2:
            continue
        cyclic.update(component)
        # report it against the supplier that closes the loop, in file order
        first = min(component, key=lambda n: (order.get(n, -1), n))
        cycle = nx.find_cycle(graph.subgraph(component), source=first)
        nodes = [edge[0] for edge in cycle]
        if first in nodes:  # (told from that supplier, the same way every run)
            at = nodes.index(first)
            nodes = nodes[at:] + nodes[:at]
        nodes.append(nodes[0])
        problems.error(
            "cycle",
            "cycle in the chain: " + " → ".join(nodes) + " (buyers supply themselves)",
            _loc(by_id[first], fallback, "buyers") if first in by_id else Location(fallback),
        )
    return cyclic


# how the shares-over-one error of the company's suppliers begins (told_with_unread_buyers)
COMPANY_SHARES = "shares of the company's suppliers"


def _check_shares(
    succ: Adjacency,
    totals: dict[str, float],
    by_id: dict[str, Supplier],
    problems: ProblemList,
    fallback: str,
    company_id: str,
) -> None:
    """Each buyer whose suppliers' shares add up to more than 1, naming the suppliers that
    give one, with their shares: a share is a supplier's part of all its buyer buys, so
    those of one buyer's suppliers add up to 1 at most."""
    for buyer, total in sorted(totals.items()):
        if total > 1 + SHARE_TOLERANCE:
            given = sorted(
                (c, share)
                for c in succ[buyer]
                if c in by_id and (share := by_id[c].share) is not None
            )
            # where the shares are: the share cell of its first supplier that gives one
            first = next(
                (by_id[c] for c in succ[buyer] if c in by_id and by_id[c].share is not None), None
            )
            where = _loc(first, fallback, "share") if first is not None else Location(fallback)
            whose = (
                "the company's suppliers"
                if buyer == company_id
                else (f"the suppliers of {buyer!r}")
            )
            listed = ", ".join(f"{c} {_sum_shown(share)}" for c, share in given[:6])
            problems.error(
                "shares-over-one",
                f"shares of {whose} add up to {_sum_shown(total)}, more than 1"
                f" ({listed}{' …' if len(given) > 6 else ''}): a share is a supplier's part of"
                " all its buyer buys, so those of one buyer's suppliers add up to 1 at most"
                " (leave out a share that is of one good only)",
                where,
            )


def _check_reached(
    supply: SupplyGraph,
    suppliers: Iterable[Supplier],
    reported: set[str],
    problems: ProblemList,
    fallback: str,
    sheet_tiers: Mapping[tuple[str, str], int] | None = None,
) -> None:
    """Suppliers the company cannot reach, and declared tiers the buyer links contradict (a
    tier column's, or where none is given, that of a workbook's tier sheet it is on)."""
    first_path, tiers = supply.first_path, supply.tiers
    for supplier in suppliers:
        supplier_id = supplier.id
        if supplier_id not in first_path:
            if supplier_id in reported:
                continue
            problems.error(
                "unreachable",
                f"supplier {supplier_id!r} cannot be reached from the company"
                " (it only supplies suppliers in a cycle)",
                _loc(supplier, fallback),
            )
        elif supplier.tier_declared is not None and supplier.tier_declared not in tiers.get(
            supplier_id, []
        ):
            found = ", ".join(str(t) for t in tiers[supplier_id])
            problems.warning(
                "tier-mismatch",
                f"declared tier {supplier.tier_declared} but the buyer links put it at tier"
                f" {found}",
                _loc(supplier, fallback, "tier"),
            )
        elif (
            sheet_tiers
            and supplier.tier_declared is None
            and (at := supplier.location) is not None
            and at.sheet is not None
        ):
            tier = sheet_tiers.get((at.file, at.sheet))
            if tier is not None and tier not in tiers.get(supplier_id, []):
                found = ", ".join(str(t) for t in tiers[supplier_id])
                problems.warning(
                    "tier-mismatch",
                    f"on sheet '{at.sheet}', so at tier {tier}, but the buyer links put it at"
                    f" tier {found}"
                    + (
                        ": its buyer is blank, so it is read as the company's direct supplier;"
                        " give its buyer's id"
                        if not supplier.buyers
                        else ": check its buyer"
                    ),
                    _loc(supplier, fallback, "buyers"),
                )


def _walk(
    succ: Adjacency,
    size: int,
    starts: list[str],
    waiting: dict[str, int],
    root: str,
    fans: Collection[str],
    limit: int | None = None,
) -> tuple[list[str] | None, dict[str, list[int]], dict[str, list[str]], _TooDeep | None]:
    """Kahn's order over `size` nodes (buyers before suppliers; None if they form a cycle)
    and, on the way, for each node `root` reaches: every depth it is reached at (sorted)
    and its first path (the shortest; of those, the first by ids from the root down: the
    path a breadth-first search with the children in id order takes).

    With a `limit`, the walk stops at the first node reached deeper than it (its buyer's
    first path, the node and the depth are returned; the order is then None): each node
    holds its path and depths, so a chain of thousands of tiers would cost memory, time and
    output in proportion to its suppliers times its depth.

    `starts` are the nodes without buyers among them, `waiting` those with several and
    how many (used up); the others have one, and the suppliers of each node are among
    them. A node outside `fans` is the only buyer of each of its suppliers: they are
    ready as soon as it is placed, and reached through it alone.
    """
    ready = sorted(starts)
    order: list[str] = []
    tiers: dict[str, list[int]] = {root: [0]}
    paths: dict[str, list[str]] = {root: [root]}
    # the few distinct depth sets, each shifted a tier down and merged once (as tuples)
    shifted: dict[tuple[int, ...], tuple[int, ...]] = {}
    merged: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {}
    while ready:
        node = ready.pop()
        order.append(node)
        children = succ[node]
        if not children:
            continue
        base = paths.get(node)  # None: the root does not reach it
        down: tuple[int, ...] = ()
        if base is not None:
            here = tuple(tiers[node])
            if here not in shifted:
                shifted[here] = tuple(t + 1 for t in here)
            down = shifted[here]
            if limit is not None and down[-1] > limit:
                return None, tiers, paths, ([*base, min(children)], down[-1])
        if node not in fans:
            ready.extend(children)
            if base is not None:
                for child in children:
                    tiers[child] = [*down]
                    paths[child] = [*base, child]
            continue
        for child in children:
            count = waiting.get(child)
            if count is None or count == 1:
                ready.append(child)  # its last buyer is placed
            else:
                waiting[child] = count - 1
            if base is None:
                continue
            have = tiers.get(child)
            if have is None:
                tiers[child] = [*down]
            elif (had := tuple(have)) != down:
                both = merged.get((had, down))
                if both is None:
                    both = merged[had, down] = tuple(sorted({*had, *down}))
                tiers[child] = [*both]
            path = [*base, child]
            first = paths.get(child)
            if first is None or (len(path), path) < (len(first), first):
                paths[child] = path
    return (order if len(order) == size else None), tiers, paths, None


# a node reached deeper than the walk's limit: its buyer's first path and it, and the depth
_TooDeep = tuple[list[str], int]


def _first_paths(succ: Adjacency, root: str) -> dict[str, list[str]]:
    """The path from the root to every node it reaches (itself included), by breadth-first
    search with the children in id order."""
    paths: dict[str, list[str]] = {root: [root]}
    queue = [root]
    for node in queue:  # the list grows while it is walked
        base = paths[node]
        for child in sorted(succ[node]):
            if child not in paths:
                paths[child] = [*base, child]
                queue.append(child)
    return paths


def extend_tiers(supply: SupplyGraph, added: Iterable[str]) -> None:
    """Tiers and first paths for suppliers added beneath existing ones (inferred tiers)."""
    new = set(added)
    if not new:
        return
    succ, pred = supply.succ, supply.pred
    counts = {node: sum(1 for b in pred[node] if b in new) for node in new}
    starts = [node for node, count in counts.items() if count == 0]
    waiting = {node: count for node, count in counts.items() if count > 1}
    order, _, _, _ = _walk(succ, len(new), starts, waiting, supply.company_id, new)  # no shortcut
    assert order is not None, "inferred tiers form a DAG"
    if supply.order is not None:
        supply.order.extend(order)  # inferred suppliers sit below every buyer they have
    tiers_of, paths = supply.tiers, supply.first_path
    root_tiers, root_path = [0], [supply.company_id]
    for node in order:
        buyers = pred[node]
        tiers: set[int] = set()
        for buyer in buyers:
            tiers.update(t + 1 for t in tiers_of.get(buyer, root_tiers))
        tiers_of[node] = sorted(tiers)
        # the buyer with the shortest path (then the smallest id) leads the first path
        first = min(buyers, key=lambda b: (len(paths.get(b, root_path)), b))
        paths[node] = [*paths.get(first, root_path), node]


def _sum_shown(total: float) -> str:
    """A sum of shares over 1 as the message shows it: two decimals, or as many as show it
    over 1 (1.0000015, not "1.00, more than 1")."""
    for places in range(2, 10):
        shown = f"{total:.{places}f}"
        if float(shown) > 1:
            return shown
    return repr(total)


def _tier_sheets_named(read: str | None, others: list[str]) -> bool:
    """Whether the sheet read and the others are each named by a tier of their own."""
    from ddtool.sources.table_source import sheet_tier

    tiers = [sheet_tier(name) for name in [read or "", *others]]
    return None not in tiers and len(set(tiers)) == len(tiers)


def told_with_unread_buyers(
    graph: ProblemList,
    read: ProblemList,
    sheets: Mapping[str, list[str]] | None = None,
    chosen: bool = False,
) -> ProblemList:
    """The graph's problems, where the shares of the company's suppliers add up to more than
    1 while a column that looks like the buyers column was not read (an `unmapped-column`
    warning suggesting how to map it): that error says so, the likely cause (every
    supplier was taken for a direct one), in a batch's one line as in a table; and where a
    buyer not in the chain is named in a workbook of which other sheets with a supplier
    header were not read (`sheets`: Chain.unread_sheets), that error names them, and why
    they were not: `chosen`, a sheet was chosen with --sheet (sheets named by their tiers are
    read together without it), else the other-supplier-sheets warning says why."""
    unread = [
        p
        for p in read.warnings
        if p.type == "unmapped-column"
        and "looks like the buyers column" in p.message
        and p.suggestion
    ]
    if not unread and not sheets:
        return graph
    told = ProblemList()
    for problem in graph.items:
        others = (sheets or {}).get(problem.location.file)
        if problem.type == "unknown-buyer" and others:
            listed = ", ".join(f"'{name}'" for name in others)
            problem = replace(
                problem,
                message=f"{problem.message} (the workbook's sheet{'s' if len(others) > 1 else ''}"
                f" {listed} {'hold' if len(others) > 1 else 'holds'} suppliers too and"
                f" {'are' if len(others) > 1 else 'is'} not read: "
                + (
                    "the other-supplier-sheets warning says why)"
                    if not chosen
                    # (a sheet per tier, one of them chosen with --sheet)
                    else "sheets named by their tiers are read together when no --sheet is given)"
                    if _tier_sheets_named(problem.location.sheet, others)
                    else "one sheet is read per workbook; save each sheet as CSV and give the"
                    " files together)"
                ),
            )
        if (
            unread
            and problem.type == "shares-over-one"
            and problem.message.startswith(COMPANY_SHARES)
        ):
            columns = ", ".join(repr(p.location.column) for p in unread)
            problem = replace(
                problem,
                message=f"{problem.message}; column {columns} looks like the buyers column but"
                " is not read, so every supplier is taken for a direct one: map it"
                f" ({unread[0].suggestion})",
            )
        told.items.append(problem)
    return told
