"""Italian supplier lists: their headers read without --map ("Cod. fornitore", "Ragione
sociale", "Nazione", "Nr. dipendenti", "Esito audit"), the account a supplier gives its
buyer ("Codice cliente") left unread as "Kundennummer" and "Code client" are, and audit
results in Italian ("superato", "non superato", "in corso") read as the score counts them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.config import Config
from ddtool.model import Audit, Supplier
from ddtool.profiles import load_profiles
from ddtool.schemes import certification_not_held, read_audit_result
from ddtool.scoring import Scorer
from ddtool.sources import read_chain
from ddtool.sources.columns import hint_header, match_header

# a header as an Italian purchasing team writes it -> the field it is read as (None: unread)
HEADERS: list[tuple[str, str | None]] = [
    ("Cod. fornitore", "id"),
    ("Codice fornitore", "id"),
    ("Codice", "id"),
    ("N° fornitore", "id"),
    ("Ragione sociale", "name"),
    ("Fornitore", "name"),
    ("Nome fornitore", "name"),
    ("Denominazione sociale", "name"),
    ("Nazione", "country"),
    ("Paese", "country"),
    ("Paese di origine", "country"),
    ("Paese d'origine", "country"),
    ("Regione", "region"),
    ("Provincia", "region"),
    ("Città", "region"),
    ("Comune", "region"),
    ("Località", "region"),
    ("Indirizzo", "region"),
    ("Settore", "sector"),
    ("Settore merceologico", "sector"),
    ("Attività", "sector"),
    ("Prodotti", "products"),
    ("Prodotto", "products"),
    ("Materie prime", "products"),
    ("Cliente", "buyers"),
    ("Clienti", "buyers"),
    ("Fornisce a", "buyers"),
    ("Acquirente", "buyers"),
    ("Quota %", "share"),
    ("Quota (%)", "share"),
    # ("Quota" alone is English too, a catch's or a purchase's quota: no alias, a --map
    # hint where its values read as shares)
    ("Quota", None),
    ("Nr. dipendenti", "workers"),
    ("N. dipendenti", "workers"),
    ("Dipendenti", "workers"),
    ("Numero di lavoratori", "workers"),
    ("N. addetti", "workers"),
    ("% donne", "female_pct"),
    ("Donne %", "female_pct"),
    ("Percentuale di donne", "female_pct"),
    ("% migranti", "migrant_pct"),
    ("% lavoratori migranti", "migrant_pct"),
    ("% lavoratori stranieri", "migrant_pct"),
    ("Certificazioni", "certifications"),
    ("Certificazione", "certifications"),
    ("Data audit", "audit_date"),
    ("Data ultimo audit", "audit_date"),
    ("Esito audit", "audit_result"),
    ("Risultato dell'audit", "audit_result"),
    ("Standard audit", "audit_standard"),
    ("Tipo di audit", "audit_standard"),
    ("Livello", "tier"),
    ("Tier", "tier"),
    # left unread, as their German, French and Spanish equivalents are: the account a
    # supplier gives its buyer ("Kundennummer", "Code client"), a state or a country
    # ("Staat"), a supplier's type (its tier or criticality: "Type of supplier"), the
    # outcome of anything ("Esito"), migrants as a count ("Migranti": no percentage)
    ("Codice cliente", None),
    ("Cod. cliente", None),
    ("Numero cliente", None),
    ("Stato", None),
    ("Tipo di fornitore", None),
    ("Esito", None),
    ("Migranti", None),
    # words of another thing in other lists: a wine's appellation ("Denominazione": Chianti
    # DOCG), whether a product is organic ("Organico": sì/no)
    ("Denominazione", None),
    ("Organico", None),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_italian_headers(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


# a header no alias names -> the field its --map hint names (None: no hint)
HINTS: list[tuple[str, str | None]] = [
    ("Paese (ISO)", "country"),
    ("Nazione di produzione (ISO)", "country"),
    ("Settore (ATECO)", "sector"),
    ("Quota acquisti 2025", "share"),
    ("Numero dipendenti totali", "workers"),
    ("Cliente principale", "buyers"),
    ("Lavoratori stranieri (%)", "migrant_pct"),
    ("Donne (quota)", "female_pct"),
    # no percentage: a count of people, no field's
    ("Numero di lavoratori stranieri", None),
    # the account a supplier gives its buyer: no hint of the buyers, as "Kundennummer"
    ("Codice cliente", None),
    ("Cod. cliente", None),
    ("N. cliente", None),
    ("Código de cliente", None),
]


@pytest.mark.parametrize(("header", "hint"), HINTS)
def test_italian_headers_no_alias_names_get_their_hint(header: str, hint: str | None) -> None:
    assert match_header(header, {}) is None
    assert hint_header(header) == hint


# the fields of a supplier as read, to compare in one tuple
def _fields(supplier: Supplier) -> tuple[Any, ...]:
    return (
        supplier.id,
        supplier.name,
        supplier.country,
        supplier.region,
        supplier.sector,
        supplier.products,
        supplier.buyers,
        supplier.share,
        supplier.workers,
        supplier.female_pct,
        supplier.migrant_pct,
        [c.name for c in supplier.certifications],
        [(a.standard, a.date, a.result) for a in supplier.audits],
        supplier.tier_declared,
        supplier.attributes,
    )


ERP_HEADERS = [
    "Cod. fornitore",
    "Ragione sociale",
    "Nazione",
    "Regione",
    "Settore merceologico",
    "Prodotti",
    "Cliente",
    "Quota %",
    "Nr. dipendenti",
    "% donne",
    "% migranti",
    "Certificazioni",
    "Standard audit",
    "Data audit",
    "Esito audit",
    "Livello",
    "Codice cliente",
]
ERP_ROWS: list[list[Any]] = [
    [
        "F001",
        "Confezioni Prato Srl",
        "Italia",
        "Toscana",
        "garment manufacturing",
        "T-shirt",
        "",
        "40%",
        120,
        "80%",
        "10",
        "SA8000",
        "SMETA",
        "14/03/2025",
        "superato",
        1,
        "C-4711",
    ],
    [
        "F002",
        "Aksu Spinning",
        "Cina",
        "Xinjiang",
        "yarn spinning",
        "cotton yarn",
        "F001",
        "35,5",
        300,
        "",
        "",
        "",
        "SMETA",
        "02/06/2025",
        "non superato",
        2,
        "C-0815",
    ],
]
ERP_READ = [
    (
        "F001",
        "Confezioni Prato Srl",
        "ITA",
        "Toscana",
        "garment-manufacturing",
        ["T-shirt"],
        [],
        0.4,
        120,
        80.0,
        10.0,
        ["SA8000"],
        [("SMETA", dt.date(2025, 3, 14), "superato")],
        1,
        {"Codice cliente": "C-4711"},
    ),
    (
        "F002",
        "Aksu Spinning",
        "CHN",
        "Xinjiang",
        "yarn-spinning",
        ["cotton yarn"],
        ["F001"],
        0.355,
        300,
        None,
        None,
        [],
        [("SMETA", dt.date(2025, 6, 2), "non superato")],
        2,
        {"Codice cliente": "C-0815"},
    ),
]


def test_an_italian_erp_workbook_is_read_without_map(tmp_path: Path) -> None:
    """It was a no-header error: no Italian header was known, and eight --map were needed."""
    path = write_book(
        tmp_path / "fornitori.xlsx",
        {"Fornitori": [["Anagrafica fornitori — estratto ERP"], [], ERP_HEADERS, *ERP_ROWS]},
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert [(p.type, p.location.column) for p in problems.items] == []
    assert [_fields(s) for s in chain.suppliers] == ERP_READ


def test_an_italian_csv_export_is_read_without_map(tmp_path: Path) -> None:
    """The other common words of each field, in a CSV as an Italian Excel saves it (';')."""
    path = tmp_path / "fornitori.csv"
    path.write_text(
        "Codice fornitore;Fornitore;Paese;Città;Attività;Prodotti;Fornisce a;Quota %;"
        "Dipendenti;Percentuale donne;% lavoratori migranti;Certificazione;Tipo di audit;"
        "Data ultimo audit;Risultato audit;Tier\n"
        "F001;Confezioni Prato Srl;Italia;Prato;garment manufacturing;T-shirt;;0,4;"
        "120;80;10;SA8000;SMETA;14/03/2025;positivo;1\n"
        "F002;Aksu Spinning;Cina;Aksu;yarn spinning;cotton yarn;F001;0,355;"
        "300;;;;SMETA;02/06/2025;negativo;2\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert [(p.type, p.location.column) for p in problems.items] == []
    read = [_fields(s) for s in chain.suppliers]
    assert read == [
        (
            *ERP_READ[0][:3],
            "Prato",
            *ERP_READ[0][4:12],
            [("SMETA", dt.date(2025, 3, 14), "positivo")],
            1,
            {},
        ),
        (
            *ERP_READ[1][:3],
            "Aksu",
            *ERP_READ[1][4:12],
            [("SMETA", dt.date(2025, 6, 2), "negativo")],
            2,
            {},
        ),
    ]


def test_an_account_column_is_kept_unread_and_unhinted(tmp_path: Path) -> None:
    """'Codice cliente' holding accounts (no ids of the table) is the user's own column,
    with no warning: the buyer's id is 'Cliente', as 'Kunde' and not 'Kundennummer'."""
    path = tmp_path / "fornitori.csv"
    path.write_text(
        "Codice fornitore;Ragione sociale;Nazione;Settore;Codice cliente;Stato\n"
        "F001;Confezioni Prato Srl;Italia;garment manufacturing;C-4711;attivo\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert problems.items == []
    [supplier] = chain.suppliers
    assert (supplier.buyers, supplier.attributes) == (
        [],
        {"Codice cliente": "C-4711", "Stato": "attivo"},
    )


# an audit's result in Italian -> its outcome for the score ('passed', 'failed', 'other':
# recorded, not counted; None: not known, with an unknown-audit-result warning)
RESULTS: list[tuple[str, str | None]] = [
    ("superato", "passed"),
    ("Superata", "passed"),
    ("SUPERATO", "passed"),
    ("positivo", "passed"),
    ("Esito positivo", "passed"),
    ("approvato", "passed"),
    ("soddisfacente", "passed"),
    ("conforme", "passed"),
    # a denial is the other outcome, never the word it denies
    ("non superato", "failed"),
    ("Non-superata", "failed"),
    ("non_superato", "failed"),
    ("negativo", "failed"),
    ("Esito negativo", "failed"),
    ("non approvato", "failed"),
    ("respinto", "failed"),
    ("bocciato", "failed"),
    ("fallito", "failed"),
    ("insoddisfacente", "failed"),
    ("non soddisfacente", "failed"),
    ("non conforme", "failed"),
    # a pass with a reservation, and an audit still open: recorded, not counted
    ("superato con riserva", "other"),
    ("Superato (con riserva)", None),
    ("approvato con condizioni", "other"),
    ("conforme con riserva", "other"),
    ("condizionato", "other"),
    ("in corso", "other"),
    ("In attesa", "other"),
    ("programmato", "other"),
    # suspended, or put off? not known
    ("sospeso", None),
    # (a result is read as written, its punctuation too, as in the other languages: a
    # question mark or brackets leave it unknown, told by unknown-audit-result)
    ("superato?", None),
    ("quasi superato", None),
]


@pytest.mark.parametrize(("written", "outcome"), RESULTS)
def test_an_italian_audit_result(written: str, outcome: str | None) -> None:
    assert read_audit_result("SMETA", written).outcome == outcome


# a grade of amfori BSCI with Italian words after it -> its outcome
GRADES: list[tuple[str, str | None]] = [
    ("valutazione B (buono)", "passed"),
    ("C (accettabile)", "passed"),
    ("A (molto buono)", "passed"),
    ("D (insufficiente)", "failed"),
    ("E - inaccettabile", "failed"),
    ("B (superato)", "passed"),
    # a grade beside a word of the other outcome: which is meant is not known
    ("B (non superato)", None),
    ("C (insufficiente)", None),
]


@pytest.mark.parametrize(("written", "outcome"), GRADES)
def test_an_amfori_bsci_grade_described_in_italian(written: str, outcome: str | None) -> None:
    assert read_audit_result("amfori BSCI", written).outcome == outcome


def test_italian_results_count_as_the_english_ones() -> None:
    """The score makes of 'superato', 'non superato' and 'in corso' what it makes of
    'pass', 'fail' and 'pending' (superato was not counted, with a warning)."""
    scorer = Scorer(load_profiles(), Config(), dt.date(2026, 1, 1))

    def likelihoods(result: str) -> list[float]:
        audit = Audit(standard="SMETA", date=dt.date(2025, 6, 1), result=result)
        supplier = Supplier.model_construct(
            id="S1",
            country="BGD",
            sector="garment-manufacturing",
            products=[],
            buyers=[],
            certifications=[],
            audits=[audit],
            attributes={},
            migrant_pct=None,
        )
        score = scorer.score(supplier, "garment-manufacturing")
        return [score.by_type[rt].score.likelihood for rt in ("forced_labour", "human_trafficking")]

    for italian, english in (
        ("superato", "pass"),
        ("non superato", "fail"),
        ("in corso", "pending"),
    ):
        assert likelihoods(italian) == likelihoods(english), italian
    assert likelihoods("non superato") > likelihoods("superato")


def test_italian_results_in_a_table_warn_only_where_unknown(tmp_path: Path) -> None:
    path = tmp_path / "audit.csv"
    path.write_text(
        "Codice fornitore;Ragione sociale;Nazione;Settore;Standard audit;Data audit;Esito audit\n"
        "A;a;Bangladesh;garment manufacturing;SMETA;01/06/2025;superato\n"
        "B;b;Bangladesh;garment manufacturing;SMETA;01/06/2025;non superato\n"
        "C;c;Bangladesh;garment manufacturing;SMETA;01/06/2025;in corso\n"
        "D;d;Bangladesh;garment manufacturing;SMETA;01/06/2025;sospeso\n",
        encoding="utf-8",
    )
    _chain, problems = read_chain([path], sectors=load_profiles())
    assert [(p.type, p.location.row, p.location.column) for p in problems.items] == [
        ("unknown-audit-result", 5, "Esito audit")
    ]


# a certification's name with Italian words -> what says it is not held (None: held)
CERTIFICATIONS: list[tuple[str, str | None]] = [
    ("SA8000 in corso", "in corso"),
    ("SA8000 programmato", "programmato"),
    ("Fairtrade non superato", "non superato"),
    # words of its renewal say how the renewal stands, not whether it is held
    ("SA8000 (rinnovo in corso)", None),
    ("SA8000 in corso di rinnovo", None),
    ("Fairtrade (rinnovo in attesa)", None),
    ("SA8000 ricertificazione programmata", None),
    ("Fairtrade (rinnovo respinto)", "rinnovo respinto"),
    ("Fairtrade rinnovo non concesso", "rinnovo non concesso"),
    ("Fairtrade rinnovo non superato", "rinnovo non superato"),
    # an audit after a word that says outright it is held is the audit's
    ("SA8000 certificato, audit programmato 2026", None),
    ("SA8000 (prossimo audit programmato)", None),
    ("SA8000", None),
]


@pytest.mark.parametrize(("name", "not_held"), CERTIFICATIONS)
def test_a_certification_with_italian_words(name: str, not_held: str | None) -> None:
    assert certification_not_held(name) == not_held
