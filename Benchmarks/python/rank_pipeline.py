#!/usr/bin/env python3
"""The `sovereign rank` pipeline written with Python + PyYAML + pymcdm 1.4.0, for the end-to-end
comparison in BENCHMARKS.md: load the same catalog YAML (data/) and requirements file, apply the
gates, compute four criteria, rank with TOPSIS(vector_normalization), print CSV.

It does the same work in the same order (parse every catalog file, parse the requirements,
evaluate every gate for every offering, walk ownership chains for foreign-law exposure, score
the eligible offerings with TOPSIS, write CSV), with simplified rules: it is a timing baseline,
not a second implementation of sovereign's verdicts (its gate and criterion rules are shorter).

usage: rank_pipeline.py REQUIREMENTS.yaml [CATALOG_DIR]
"""
import csv
import pathlib
import sys
import warnings

import numpy as np
import yaml
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, as Yams uses


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader)


def load_catalog(root):
    root = pathlib.Path(root)
    countries = load(root / "vocabularies/countries.yaml")["countries"]
    capabilities = load(root / "vocabularies/capabilities.yaml")["capabilities"]
    laws = [load(p) for p in sorted((root / "laws").glob("*.yaml"))]
    providers = [load(p) for p in sorted((root / "providers").glob("*.yaml"))]
    entities = {e["id"]: e for p in providers for e in (p.get("entities") or [])}
    return countries, capabilities, laws, providers, entities


def yes(value):
    return value is True or value == "yes"


def reached_by(entity_id, law, entities, seen=()):
    """True / False / None (unknown): the entity or a controlling owner is seated in the law's country."""
    entity = entities.get(entity_id)
    if entity is None or entity_id in seen:
        return None
    places = {entity.get("seat"), entity.get("headquarters")}
    if places & set(law.get("jurisdiction", [])):
        return True
    verdict = False if "unknown" not in places else None
    for edge in entity.get("owners") or []:
        capital = edge.get("capital")
        controls = yes(edge.get("controlling")) or (isinstance(capital, (int, float)) and capital > 50)
        if controls:
            above = reached_by(edge["owner"], law, entities, seen + (entity_id,))
            if above:
                return True
            if above is None:
                verdict = None
    return verdict


def allowed_countries(residency, countries):
    allowed = set()
    for code in residency or []:
        if code in ("EU", "EEA"):
            allowed |= {c for c, v in countries.items() if yes(v.get(code.lower()))}
        else:
            allowed.add(code)
    return allowed


def gates(offering, req, countries, laws, entities):
    """Verdicts (gate, True/False/None) for one offering."""
    g = req.get("gates") or {}
    verdicts = []
    regions = (offering.get("regions") or {}).get("list")
    if req.get("residency"):
        allowed = allowed_countries(req["residency"], countries)
        verdicts.append(("residency", None if not regions else all(r["country"] in allowed for r in regions)))
    certs = offering.get("certifications") or {}
    hds = certs.get("hds") or {}
    wanted = g.get("hds_activities") or ([1, 2, 3, 4, 5, 6] if (req.get("data") or {}).get("kind") == "health" else None)
    if wanted:
        status = hds.get("status", "unknown")
        activities = hds.get("activities")
        if status == "certified" and isinstance(activities, list):
            ok = set(wanted) <= set(activities)
            referential = str(hds.get("referential", "unknown"))
            if ok and g.get("hds_referential") and referential != "unknown":
                ok = referential >= str(g["hds_referential"])
            verdicts.append(("hds", ok))
        else:
            verdicts.append(("hds", False if status == "not-certified" else None))
    snc = g.get("secnumcloud", "any")
    if snc != "any":
        status = (certs.get("secnumcloud") or {}).get("status", "unknown")
        verdicts.append(("secnumcloud", None if status == "unknown" else status in ("qualified",) + (("in-progress",) if snc == "in-progress" else ())))
    for law_id in g.get("immune_to") or []:
        law = next(l for l in laws if l["id"] == law_id)
        reach = reached_by(offering["contracting_entity"], law, entities)
        verdicts.append((f"immune_to:{law_id}", None if reach is None else not reach))
    if g.get("service_types"):
        verdicts.append(("service_types", bool(set(g["service_types"]) & set(offering.get("service_types") or []))))
    caps = (offering.get("capabilities") or {}).get("list")
    if g.get("capabilities"):
        verdicts.append(("capabilities", None if caps is None else set(g["capabilities"]) <= set(caps)))
    return verdicts


def criteria(offering, req, laws, entities):
    foreign = [l for l in laws if yes(l.get("extraterritorial"))]
    clear = sum(1 for l in foreign if reached_by(offering["contracting_entity"], l, entities) is False)
    sovereignty = clear / len(foreign) if foreign else 1.0
    certs = offering.get("certifications") or {}
    certifications = (
        (1.0 if (certs.get("hds") or {}).get("status") == "certified" else 0.0)
        + (1.0 if (certs.get("secnumcloud") or {}).get("status") == "qualified" else 0.0)
        + 0.25 * len(certs.get("others") or [])
    )
    caps = set((offering.get("capabilities") or {}).get("list") or [])
    wanted = req.get("nice_to_have") or []
    capabilities = len(caps & set(wanted)) / len(wanted) if wanted else 0.0
    openness = 1.0 if str((offering.get("open_source_stack") or {}).get("value")) in ("yes", "True") else 0.0
    return [sovereignty, certifications, capabilities, openness]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    req = load(sys.argv[1])
    countries, _, laws, providers, entities = load_catalog(sys.argv[2] if len(sys.argv) > 2 else "data")
    names = ["sovereignty", "certifications", "capabilities", "openness"]
    weights = np.array([float((req.get("criteria") or {}).get(n, d)) for n, d in zip(names, [40, 25, 20, 15])])
    rows, excluded = [], []
    for provider in providers:
        for offering in provider.get("offerings") or []:
            verdicts = gates(offering, req, countries, laws, entities)
            tolerant = req.get("unknown", "conservative") == "tolerant"
            failed = [name for name, ok in verdicts if ok is False or (ok is None and not tolerant)]
            record = (provider, offering)
            if failed:
                excluded.append((record, failed))
            else:
                rows.append((record, criteria(offering, req, laws, entities)))
    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(["rank", "provider_id", "provider_name", "offering_id", "offering_name", "score", "eligible", "reasons"])
    if rows:
        matrix = np.array([values for _, values in rows])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = TOPSIS(normalization_function=vector_normalization)(matrix, weights / weights.sum(), np.ones(4))
        scores = np.nan_to_num(scores, nan=1.0)
        order = sorted(range(len(rows)), key=lambda k: (-scores[k], rows[k][0][1]["id"]))
        for position, k in enumerate(order):
            (provider, offering), _ = rows[k]
            out.writerow([position + 1, provider["id"], provider["name"], offering["id"], offering["name"], f"{scores[k]:.6f}", "true", ""])
    for (provider, offering), failed in excluded:
        out.writerow(["", provider["id"], provider["name"], offering["id"], offering["name"], "", "false", "; ".join(failed)])
    sys.exit(0 if rows else 1)


if __name__ == "__main__":
    main()
