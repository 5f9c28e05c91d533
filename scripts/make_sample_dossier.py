"""A realistic sample dossier on « Bâtiment commun », and the page images shown in the README.

Usage::

    python scripts/make_sample_dossier.py               # the dossier and its PDF, in a temp dir
    python scripts/make_sample_dossier.py --images      # also regenerates docs/dossier-page-*.png
    python scripts/make_sample_dossier.py --output DIR  # somewhere else

The project, people and figures are invented; the answers read like those of a CPAS halfway
through preparing a shared building with its commune: many answers, notes, owners,
deadlines, priorities, and some points still open (one of them overdue). The page images
need WeasyPrint (``pip install -e ".[pdf]"``) and ``pdftoppm`` (Debian ``poppler-utils``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from synergy_wizard.answers.model import Dossier, ProjectInfo
from synergy_wizard.answers.storage import save_dossier
from synergy_wizard.checklist.loader import find_checklist
from synergy_wizard.checklist.models import Checklist

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TZ = timezone(timedelta(hours=1))
GENERATED_AT = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
"""The date printed on the sample, so the images do not change from one run to the next."""

LONG_NOTE = (
    "Visite des deux bâtiments le 14 octobre avec le conseiller en prévention.\n"
    "Rue de la Station (CPAS) : toiture à refaire à court terme, chaudière de 1994, "
    "aucun bureau d'entretien insonorisé, accès PMR impossible à l'étage.\n"
    "Place Communale (administration) : surfaces saturées, archives en caves humides.\n\n"
    "Le bureau d'études estime la rénovation séparée des deux sites à 3,1 millions d'euros, "
    "contre 4,8 millions pour le bâtiment commun, mais avec une économie annuelle d'énergie "
    "et d'entretien d'environ 160 000 euros. Le détail figure dans l'annexe 2 du rapport "
    "d'audit (version du 30 septembre), à joindre au dossier du comité de concertation."
)

# question id -> (value, note, owner, deadline, priority)
ANSWERS: dict[str, tuple[object, str, str, date | None, str | None]] = {
    "probleme-resolu": (
        "Le CPAS occupe depuis 1978 un bâtiment vétuste, inaccessible aux personnes à mobilité "
        "réduite à l'étage et trop petit pour l'équipe sociale (18 agents pour 11 bureaux).\n"
        "L'administration communale manque de place pour l'accueil et les archives.\n"
        "Les deux bâtiments consomment ensemble 310 MWh par an.",
        LONG_NOTE,
        "",
        None,
        None,
    ),
    "etat-des-lieux-batiments": (
        "oui",
        "Audit énergétique et structurel remis le 30 septembre.",
        "",
        None,
        None,
    ),
    "benefices-usagers": (
        "partiellement",
        "Le guichet unique est décrit ; l'effet sur la discrétion de l'accueil social "
        "reste à préciser.",
        "Directrice générale du CPAS",
        date(2027, 1, 15),
        "moyenne",
    ),
    "inscription-pst": ("oui", "", "", None, None),
    "alternatives-etudiees": (
        "oui",
        "Trois scénarios comparés : rénovations séparées, extension de l'hôtel de "
        "ville, bâtiment neuf.",
        "",
        None,
        None,
    ),
    "identite-autonomie-cpas": ("a-verifier", "", "Président du CPAS", date(2026, 12, 10), "haute"),
    "comite-pilotage-mixte": (
        "oui",
        "Comité installé le 5 septembre : bourgmestre, président du CPAS, les deux DG et le DF.",
        "",
        None,
        None,
    ),
    "chefs-de-projet": (
        "Commune : M. Lejeune, architecte communal ; CPAS : Mme Horion, directrice générale.",
        "",
        "",
        None,
        None,
    ),
    "procedure-arbitrage": (
        "non",
        "À prévoir dans la convention : recours au comité de concertation puis aux deux conseils.",
        "Directeur général de la commune",
        date(2026, 10, 31),
        "haute",
    ),
    "passage-comite-concertation": ("oui", "", "", None, None),
    "deliberations-deux-conseils": ("oui", "", "", None, None),
    "convention-synergie": (
        "partiellement",
        "Projet de convention en relecture chez les deux directeurs financiers.",
        "Directrice générale du CPAS",
        date(2027, 2, 28),
        "haute",
    ),
    "calendrier-decisions": ("oui", "", "", None, None),
    "actes-soumis-tutelle": ("a-verifier", "", "Directeur financier", date(2027, 1, 31), "moyenne"),
    "inscription-rapport-synergies": ("oui", "", "", None, None),
    "proprietaire-batiment": ("commune", "", "", None, None),
    "titre-occupation-cpas": (
        "bail",
        "Bail emphytéotique écarté : trop lourd pour un partage de locaux.",
        "",
        None,
        None,
    ),
    "bail-loyer-charges": (
        "partiellement",
        "Le loyer est fixé ; la liste des charges comprises reste à écrire.",
        "Directeur financier",
        date(2027, 1, 31),
        "moyenne",
    ),
    "bail-duree-amenagements": ("oui", "", "", None, None),
    "duree-clauses-sortie": ("non", "", "Juriste de la commune", date(2027, 3, 31), "moyenne"),
    "devenir-batiment-cpas": ("vente", "", "", None, None),
    "produit-ancien-batiment": (
        "a-verifier",
        "Le conseil de l'action sociale souhaite affecter le produit aux travaux ; "
        "accord de la commune à confirmer par écrit.",
        "Président du CPAS",
        date(2027, 1, 15),
        "haute",
    ),
    "estimation-independante": (
        "oui",
        "Estimation notariale : 420 000 euros (juin 2026).",
        "",
        None,
        None,
    ),
    "regles-alienation": ("a-verifier", "", "", None, None),
    "cout-total-estime": (
        "oui",
        "4,8 millions d'euros TVAC, honoraires et mobilier compris.",
        "",
        None,
        None,
    ),
    "sources-subsides": (
        ["programme-investissement-wallon", "renovation-energetique"],
        "",
        "",
        None,
        None,
    ),
    "demandeur-subside-eligible": (
        "partiellement",
        "",
        "Service des travaux",
        date(2026, 12, 15),
        "moyenne",
    ),
    "maitrise-ouvrage": ("marche-conjoint", "", "", None, None),
    "risque-depassement": (
        "non",
        "Clé proposée : dépassement réparti au prorata des surfaces occupées (62 % "
        "commune, 38 % CPAS).",
        "Directeurs financiers",
        date(2027, 2, 28),
        "haute",
    ),
    "impact-budgetaire-pluriannuel": ("oui", "", "", None, None),
    "validation-directeurs-financiers": ("partiellement", "", "", None, None),
    "espaces-partages": (
        ["accueil", "salles-reunion", "refectoire", "sanitaires", "parking", "reprographie"],
        "",
        "",
        None,
        None,
    ),
    "cle-repartition-charges": (
        "Charges communes réparties selon les surfaces occupées (62 % / 38 %).\n"
        "Nettoyage et énergie : compteurs séparés pour les étages, clé de surface pour le rez.\n"
        "Reprographie : facturation au nombre de pages par service.",
        "",
        "",
        None,
        None,
    ),
    "decompte-annuel": ("oui", "", "", None, None),
    "revision-cle": (
        "oui",
        "Révision tous les trois ans ou en cas de changement de surface.",
        "",
        None,
        None,
    ),
    "assurances-coordonnees": (
        "a-verifier",
        "",
        "Service des assurances",
        date(2027, 4, 30),
        "basse",
    ),
    "mode-accueil": ("premier-accueil-commun", "", "", None, None),
    "demande-sociale-discrete": (
        "partiellement",
        "Le comptoir d'accueil commun est trop ouvert : une cabine d'orientation est "
        "demandée à l'architecte.",
        "Architecte communal",
        date(2027, 1, 20),
        "haute",
    ),
    "entree-signaletique": ("oui", "", "", None, None),
    "horaires-harmonises": ("oui", "", "", None, None),
    "permanences-sans-rendez-vous": ("oui", "", "", None, None),
    "accessibilite-pmr": (
        "oui",
        "Audit réalisé par une association spécialisée ; deux remarques intégrées aux plans.",
        "",
        None,
        None,
    ),
    "bureaux-entretien-fermes": ("oui", "", "", None, None),
    "salle-attente-cpas": ("partiellement", "", "", None, None),
    "circulations-zones-sociales": ("oui", "", "", None, None),
    "salle-huis-clos": ("oui", "", "", None, None),
    "impression-securisee": (
        "non",
        "Les imprimantes actuelles ne permettent pas l'impression à badge.",
        "Service informatique",
        date(2027, 5, 31),
        "moyenne",
    ),
    "charte-confidentialite": ("a-verifier", "", "", None, None),
    "analyse-risques-publics": ("oui", "", "", None, None),
    "alarme-bureaux-entretien": ("oui", "", "", None, None),
    "procedure-intervention": (
        "partiellement",
        "",
        "Conseiller en prévention",
        date(2027, 6, 30),
        "moyenne",
    ),
    "architecture-reseau": ("reseau-commun-segmente", "", "", None, None),
    "cloisonnement-bcss": (
        "oui",
        "Confirmé par le délégué à la protection des données.",
        "",
        None,
        None,
    ),
    "avis-dpo": ("oui", "", "", None, None),
    "archives-sociales-separees": ("oui", "", "", None, None),
    "capacite-archives": ("a-verifier", "", "Archiviste", date(2027, 3, 15), "basse"),
    "information-precoce-personnel": (
        "oui",
        "Séance d'information commune le 12 septembre, 64 agents présents.",
        "",
        None,
        None,
    ),
    "concertation-syndicale": (
        "partiellement",
        "Première réunion tenue ; la négociation sur les horaires reste à mener.",
        "Directrice générale du CPAS",
        date(2027, 1, 31),
        "haute",
    ),
    "consultation-cppt": ("oui", "", "", None, None),
    "amenagements-concertes": ("oui", "", "", None, None),
    "plan-continuite-demenagement": (
        "non",
        "",
        "Directrice générale du CPAS",
        date(2027, 9, 30),
        "haute",
    ),
    "periode-demenagement": (
        "Été 2028, pendant la période de moindre affluence.",
        "",
        "",
        None,
        None,
    ),
    "indicateurs-reussite": (
        "Consommation d'énergie des deux entités (référence : 310 MWh par an).\n"
        "Délai moyen de premier rendez-vous au service social (référence : 6 jours).\n"
        "Satisfaction des usagers à l'accueil, enquête annuelle.",
        "",
        "",
        None,
        None,
    ),
    "date-evaluation": ("non", "", "Comité de pilotage", None, "basse"),
}


def build_sample(checklist: Checklist) -> Dossier:
    """The sample dossier on ``checklist`` (« Bâtiment commun »), timestamps fixed."""
    project = ProjectInfo(
        name="Maison commune et sociale de Fléron",
        cpas="CPAS de Fléron",
        partner="Commune de Fléron",
        author="Anne Horion, directrice générale du CPAS",
        created_at=datetime(2026, 9, 2, 9, 30, tzinfo=TZ),
    )
    dossier = Dossier.new(checklist, project)
    for key, (value, note, owner, deadline, priority) in ANSWERS.items():
        dossier.update_answer(
            key, value=value, note=note, owner=owner, deadline=deadline, priority=priority
        )
    stamp = datetime(2026, 11, 20, 17, 45, tzinfo=TZ)
    for answer in dossier.answers.values():
        answer.updated_at = stamp
    dossier.project.updated_at = stamp
    return dossier


def _page_of(pdf: Path, needle: str, start: int = 0) -> int:
    """The 1-based number of the first page from ``start`` whose text contains ``needle``."""
    from pypdf import PdfReader

    for index, page in enumerate(PdfReader(pdf).pages):
        if index >= start and needle in page.extract_text():
            return index + 1
    raise SystemExit(f"« {needle} » ne figure pas dans {pdf}")


def make_images(pdf: Path) -> list[Path]:
    """Cover, synthesis, action plan and a page of answers, as PNG images in docs/."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm est introuvable (paquet Debian « poppler-utils »).")
    synthesis = _page_of(pdf, "Réponses par statut")
    pages = [1, synthesis, _page_of(pdf, "Les points ouverts et les réponses"), 0]
    pages[3] = _page_of(pdf, "Propriété et montage juridique", start=pages[2])
    written = []
    for index, page in enumerate(pages, start=1):
        target = DOCS / f"dossier-page-{index}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(target),
            ],
            check=True,
        )
        written.append(target.with_suffix(".png"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(tempfile.gettempdir()) / "synergy-wizard-exemple"
    parser.add_argument("--output", type=Path, default=default, help="dossier de sortie")
    parser.add_argument("--images", action="store_true", help="régénère docs/dossier-page-*.png")
    args = parser.parse_args(argv)
    from synergy_wizard.render import write_dossier

    checklist = find_checklist("batiment-commun")
    dossier = build_sample(checklist)
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "maison-commune-et-sociale.yaml"
    save_dossier(dossier, path)
    print(f"Dossier : {path}")
    pdf = write_dossier(
        checklist,
        dossier,
        "pdf",
        args.output / "maison-commune-et-sociale.pdf",
        generated_at=GENERATED_AT,
        progress=lambda message: print(message, file=sys.stderr),
    )
    print(f"PDF : {pdf}")
    if args.images:
        for image in make_images(pdf):
            print(f"Image : {image}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
