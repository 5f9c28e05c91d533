"""The commented starting file written by ``synergy-wizard new-checklist``.

It is a small, complete checklist (one example of each answer kind, a condition, a glossary
entry, a changelog entry) whose comments explain every field, in French, to the federation
staff who will turn it into a real checklist. It loads and passes ``lint`` without warnings.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from synergy_wizard import paths
from synergy_wizard.checklist.models import ID_PATTERN
from synergy_wizard.errors import SynergyError

__all__ = ["schema_reference", "starter_text", "write_starter"]

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# ↑ Cette première ligne relie le fichier au schéma des check-lists : un éditeur comme VS Code
#   (avec l'extension YAML) complète alors les clés, affiche leur explication et souligne les
#   erreurs pendant la frappe. Si vous déplacez le fichier, créez une copie du schéma à côté
#   de lui (synergy-wizard schema > schema.json) et écrivez « $schema=schema.json ».
#
# Check-list « {checklist_id} », créée par « synergy-wizard new-checklist ».
# Remplacez les exemples par votre contenu, puis vérifiez le fichier :
#     synergy-wizard lint {file_name}
# Le guide « docs/rediger-une-checklist.md » décrit chaque clé en détail.
#
# Rappels :
# - les lignes qui commencent par « # » sont des commentaires : l'assistant les ignore ;
# - l'indentation se fait avec des espaces, jamais avec des tabulations ;
# - un texte qui contient « : » suivi d'une espace, ou qui commence par un caractère spécial
#   (« * », « & », « ! », « [ », « {{ », « # »...), s'écrit entre guillemets ;
# - un texte sur plusieurs lignes s'écrit après « | » (chaque ligne est gardée) ;
# - un identifiant (id) s'écrit en minuscules sans accents, avec des chiffres et des tirets ;
#   une fois la check-list publiée, il ne change plus : les réponses des dossiers y sont
#   rattachées.

# Identifiant de la check-list : le même que le nom du fichier, sans « .yaml ».
id: {checklist_id}

# Numéro de version, entre guillemets. Augmentez-le à chaque modification publiée, et
# décrivez la modification dans « historique » (en bas du fichier).
version: "1.0.0"

# Titre affiché dans la liste des check-lists et en tête du dossier de préparation.
titre: Nouvelle check-list

# Résumé : à quoi sert la check-list et pour qui. « > » réunit les lignes en un paragraphe.
resume: >
  Cette check-list aide le directeur général à préparer un projet de synergie.
  Remplacez ce résumé par le vôtre.

# Avertissement sur l'origine du contenu, affiché au début de chaque dossier.
avertissement: >
  Ce contenu est un exemple à remplacer.
  Ce n'est pas une check-list officielle de la Fédération des CPAS.

# Date du cadre légal dont la check-list tient compte (AAAA-MM-JJ, sans guillemets).
cadre_legal_au: {today}

# Sources documentaires (facultatif). Une référence les cite par leur identifiant.
sources:
  - id: S-1
    titre: Loi organique des centres publics d'action sociale du 8 juillet 1976
    url: https://wallex.wallonie.be/

# Les sections (thèmes), dans l'ordre où l'assistant les présente.
sections:
  - id: opportunite
    titre: Opportunité du projet
    # Introduction facultative, en Markdown : **gras**, *italique*, listes « - ».
    introduction: |
      Avant de vous lancer, vérifiez que le projet répond à un besoin réel.
    questions:
      # Type « statut » (le type par défaut) : oui, non, partiellement, à vérifier, sans objet.
      # Posez une question fermée, qui se termine par « ? ».
      - id: besoin-decrit
        texte: Le besoin auquel le projet répond est-il décrit par écrit ?
        # L'aide explique pourquoi la question compte et ce qu'est une bonne réponse.
        # Une phrase par ligne, 35 mots au plus par phrase.
        aide: |
          Un besoin décrit par écrit aide les deux conseils à décider.
          Joignez l'état des lieux ou la note qui le décrit.
        # Une question obligatoire doit recevoir une réponse avant d'exporter un dossier complet.
        obligatoire: true
        # Ce qui s'est montré favorable ou problématique sur le terrain (facultatif).
        points_favorables:
          - Un état des lieux partagé par les deux directions.
        points_problematiques:
          - Un projet lancé sans chiffres.
        # Références légales ou documentaires (facultatif).
        references:
          - texte: Loi organique des CPAS
            article: art. 26bis
            date: 8 juillet 1976
            source: S-1

      # Type « choix » : un seul choix parmi ceux proposés (au moins deux).
      - id: porteur
        texte: Qui porte le projet ?
        aide: Nommez l'institution qui pilote le projet au quotidien.
        type: choix
        choix:
          - id: commune
            libelle: La commune
          - id: cpas
            libelle: Le CPAS
          - id: ensemble
            libelle: Les deux, ensemble

      # Une condition « visible_si » n'affiche la question que si elle s'applique. Elle porte
      # sur une question posée plus haut. Opérations : « est », « parmi », « contient »,
      # « repondue » ; combinaisons : « et », « ou », « non ».
      - id: convention-signee
        texte: La convention entre la commune et le CPAS est-elle signée ?
        aide: La convention fixe qui fait quoi, qui paie quoi et comment en sortir.
        visible_si: {{question: porteur, parmi: [commune, ensemble]}}

  - id: organisation
    titre: Organisation
    questions:
      # Type « choix_multiple » : plusieurs choix possibles.
      - id: services-concernes
        texte: Quels services sont concernés ?
        aide: Cochez tous les services touchés par le projet.
        type: choix_multiple
        choix:
          - id: accueil
            libelle: Accueil
          - id: informatique
            libelle: Informatique
          - id: personnel
            libelle: Gestion du personnel

      # Type « texte » : une réponse courte, sur une ligne.
      - id: pilote
        texte: Qui pilote le projet au quotidien ?
        aide: Indiquez le nom et la fonction de la personne.
        type: texte

      # Type « texte_long » : une réponse libre, sur plusieurs lignes.
      - id: calendrier
        texte: Décrivez le calendrier prévu.
        aide: Donnez les grandes étapes et leurs dates.
        type: texte_long

  # Une section peut être répétée une fois par choix coché dans une question à choix
  # multiple posée plus haut (« repeter_pour »). Exemple, à décommenter au besoin :
  # - id: par-service
  #   titre: Service concerné
  #   repeter_pour: services-concernes
  #   questions:
  #     - id: responsable-service
  #       texte: Qui est responsable de ce service ?
  #       aide: Le libellé du service figure dans le titre de la section.
  #       type: texte

# Glossaire : chaque sigle employé dans le fichier (deux majuscules ou plus) y est expliqué.
glossaire:
  - terme: CPAS
    definition: Centre public d'action sociale.

# Historique des versions, de la plus récente à la plus ancienne. Quand une question change
# d'identifiant, gardez l'ancien dans « anciens_ids: [ancien-id] » : les réponses déjà données
# sont reprises. Les réponses à une question supprimée restent dans les dossiers, en
# « réponses orphelines ».
historique:
  - version: "1.0.0"
    date: {today}
    changements:
      - Première version.
"""


def schema_reference(output: Path) -> str:
    """How the file at ``output`` names the schema of the bundled checklists: a relative path
    inside the same source tree (``schema.json`` next to them), else an absolute path."""
    bundled = paths.bundled_checklists_dir().resolve()
    schema = bundled / "schema.json"
    folder = output.parent.resolve()
    if folder.is_relative_to(bundled.parent):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_posix()


def starter_text(checklist_id: str, *, today: date, schema: str = "schema.json") -> str:
    """The starting file of a checklist ``checklist_id``, dated ``today``."""
    return _TEMPLATE.format(
        checklist_id=checklist_id,
        file_name=f"{checklist_id}.yaml",
        today=today.isoformat(),
        schema=schema,
    )


def write_starter(
    checklist_id: str, output: Path | None = None, *, today: date | None = None
) -> Path:
    """Write the starting file (``ID.yaml`` in the current folder by default) and return its
    path. Refuses an invalid id, a file name that differs from the id, and an existing file."""
    if not re.fullmatch(ID_PATTERN, checklist_id) or len(checklist_id) > 80:
        raise SynergyError(
            f"L'identifiant « {checklist_id} » n'est pas valable.",
            hint="Minuscules sans accents, chiffres et tirets, par exemple « achats-groupes ».",
        )
    path = output if output is not None else Path(f"{checklist_id}.yaml")
    if path.is_dir():
        path = path / f"{checklist_id}.yaml"
    if path.stem != checklist_id or path.suffix != ".yaml":
        raise SynergyError(
            f"Le fichier doit s'appeler « {checklist_id}.yaml », comme l'identifiant de la "
            f"check-list (et non « {path.name} »).",
            hint=f"Écrivez par exemple -o {path.with_name(f'{checklist_id}.yaml')}.",
        )
    if not path.parent.is_dir():
        raise SynergyError(
            f"Le dossier {path.parent} n'existe pas.",
            hint="Créez-le d'abord, ou choisissez-en un autre avec -o.",
        )
    text = starter_text(checklist_id, today=today or date.today(), schema=schema_reference(path))
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise SynergyError(
            f"Le fichier {path} existe déjà : il n'a pas été remplacé.",
            hint="Choisissez un autre identifiant, ou un autre dossier avec -o.",
        ) from None
    except OSError as error:
        raise SynergyError(
            f"Impossible d'écrire le fichier {path} : {error.strerror or type(error).__name__}.",
            hint="Vérifiez que le dossier existe et que vous pouvez y écrire.",
        ) from None
    return path
