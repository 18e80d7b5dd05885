"""A Brazilian employers' association's members write their lists in Portuguese.

"Razão social" (the supplier's name), "Atividade" (its sector) and "UF" (its state) were
not read (validate suggested mapping the UF column, "MG", "PA", "MT", as countries:
Madagascar, Panama, Malta); an "Empresa" sheet's "Nome da empresa" and "Setor" were
passed over; "N/D" or "não informado" in the certifications column was a certificate's
name, and an audit "em andamento" (in progress) an unknown result."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ddtool.assess import assess
from ddtool.sources.reading import read_chain

HEADER = "Código;Razão social;País;UF;Atividade;Produtos;Certificações;Resultado da auditoria\n"
ROWS = [
    "A1;Fazenda Boa Vista;Brasil;MG;Cultivo de café;café;N/D;\n",
    "A2;Fazenda Rio Preto;Brasil;PA;Pecuária;gado em pé;não informado;\n",
    "A3;Carvoaria Tocantins;Brasil;PA;Carvoaria;carvão vegetal de eucalipto;-;\n",
    "A4;Usina Santa Clara;Brasil;SP;Corte de cana;cana;Bonsucro;\n",
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "fornecedores.csv"
    path.write_text(HEADER + "".join(ROWS), "utf-8")
    return path


def test_portuguese_headers_are_read(tmp_path: Path) -> None:
    chain, problems = read_chain([_csv(tmp_path)])
    assert not problems.has_errors()
    found = {s.id: s for s in chain.suppliers}
    assert [(s.name, s.country, s.region) for s in found.values()] == [
        ("Fazenda Boa Vista", "BRA", "MG"),
        ("Fazenda Rio Preto", "BRA", "PA"),
        ("Carvoaria Tocantins", "BRA", "PA"),
        ("Usina Santa Clara", "BRA", "SP"),
    ]
    assert [s.sector_raw for s in found.values()] == [
        "Cultivo de café",
        "Pecuária",
        "Carvoaria",
        "Corte de cana",
    ]
    # (no column is left unread, and none suggested as the countries' column)
    assert not [p for p in problems.items if "--map" in p.message]


def test_a_placeholder_is_no_certification(tmp_path: Path) -> None:
    chain, _ = read_chain([_csv(tmp_path)])
    assert [[c.name for c in s.certifications] for s in chain.suppliers] == [
        [],
        [],
        [],
        ["Bonsucro"],
    ]


def test_brazils_listings_apply_by_the_portuguese_products(tmp_path: Path) -> None:
    doc = assess([_csv(tmp_path)]).data
    listed = {
        s["id"]: sorted({g["good"] for g in s["listings"]})
        for s in doc["suppliers"]
        if not s["inferred"]
    }
    sectors = [s["sector"] for s in doc["suppliers"] if not s["inferred"]]
    assert sectors == ["coffee-farming", "cattle-ranching", "timber-forestry", "sugarcane-farming"]
    assert listed == {
        "A1": ["Coffee"],
        "A2": ["Beef", "Cattle"],  # (a ranch's listings in Brazil: its cattle and its beef)
        "A3": ["Charcoal"],
        "A4": ["Sugarcane"],
    }


def test_an_empresa_sheet_names_the_company(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Fornecedores"
    sheet.append(["Código", "Razão social", "País", "Atividade"])
    sheet.append(["A1", "Fazenda Boa Vista", "Brasil", "Cultivo de café"])
    company = book.create_sheet("Empresa")
    company.append(["Nome da empresa", "Torrefação Serra Azul Ltda"])
    company.append(["País", "Brasil"])
    company.append(["Setor", "Torrefação"])
    path = tmp_path / "torrefacao_2025.xlsx"
    book.save(path)
    chain, problems = read_chain([path])
    assert not problems.has_errors()
    assert (chain.company.name, chain.company.country_raw, chain.company.sector_raw) == (
        "Torrefação Serra Azul Ltda",
        "Brasil",
        "Torrefação",
    )


def test_an_audit_in_progress_is_recorded_not_unknown(tmp_path: Path) -> None:
    from ddtool.model import audit_outcome

    assert audit_outcome("em andamento") == "other"
    assert audit_outcome("aprovado com ressalvas") == "other"


def test_a_state_in_the_country_column_is_told_as_a_state(tmp_path: Path) -> None:
    """('Pará' was "did you mean Paraguay?", 'Mato Grosso' had no suggestion)"""
    path = tmp_path / "estados.csv"
    path.write_text(
        "Código;Razão social;País\nA1;Fazenda X;Mato Grosso\nA2;Fazenda Y;Punjab\n", "utf-8"
    )
    _, problems = read_chain([path])
    told = {p.location.row: p for p in problems.errors if p.type == "unknown-country"}
    assert told[2].suggestion == "Brazil (BRA)"
    assert "a state, province or region of Brazil (BRA), not a country" in told[2].message
    assert told[3].suggestion == "India (IND) or Pakistan (PAK)"
