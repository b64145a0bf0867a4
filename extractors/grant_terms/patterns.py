"""How conventions and award clauses say when and how a grant is paid.

A grant of more than 23 000 € needs a convention with the beneficiary (loi n° 2000-321
du 12 avril 2000, article 10), and departments annex it to the commission's act. Its
wording is fairly settled:

* a heading "CONVENTION DE PARTENARIAT 2022", "CONVENTION D'OBJECTIFS ENTRE LA VILLE … ET
  L'ASSOCIATION …", "CONVENTION TRIPARTITE", or the parties' clause "Entre les soussignés";
* the parties: "Entre le Département du Calvados, représenté par … d'une part, Et
  l'association Société Historique et Archéologique, identifiée au répertoire SIRET sous le
  n° 393 720 388 00502, … d'autre part";
* its period: "La convention s'applique du 01/01/2022 au 31/12/2022 inclus", "conclue pour
  une durée de 3 ans, soit du 1er janvier 2021 au 31 décembre 2023";
* an article "Modalités de versement": "Un premier versement de 16 800 € interviendra après
  la signature … Le solde, soit 11 200 €, sera versé sur production du bilan final"
  (staged), "Un versement de 57 000 € interviendra après la signature" (single);
* the signature: "Fait en deux exemplaires originaux, à Caen, le 3 juin 2022" — often left
  blank in the copy annexed to the act ("Fait à Lannion, le …"): then there is no date.

The SCDL Subventions columns these feed: ``dateConvention``, ``conditionsVersement``
("unique" | "échelonné"), ``datesPeriodeVersement``, ``notificationUE`` (aid under the
de minimis regulation, n° 1407/2013).
"""

from __future__ import annotations

import re

#: A convention's heading, in its first lines: "CONVENTION DE PARTENARIAT 2022",
#: "CONVENTION", "Convention d'objectifs …", "CONVENTION TRIPARTITE", "AVENANT N°1 À LA
#: CONVENTION …". (A line that only quotes a convention, "Vu la convention …", is not one.)
CONVENTION_HEADING_RE = re.compile(
    r"^\W{0,3}(?:avenant\b[^\n]{0,40}\bconvention|convention)\b(?![^\n]{0,60}\b(?:ci-jointe|jointe|annex[ée]e)\b)",
    re.I | re.M,
)

#: The parties' clause that opens a contract: "Entre les soussignés", "Entre le Département …",
#: "ENTRE : La Ville de Lannion".
PARTIES_RE = re.compile(r"^\W{0,3}entre\b(?:\s+les\s+soussign[ée]s|\s*:|\s+(?:le|la|l['’])\s)", re.I | re.M)

#: The second party, whom the convention is with: "Et l'association X, identifiée …",
#: "Et\nL'association X, dont le siège …", "Et:\nL'association « Habitat Jeunes … » (HITA)".
PARTNER_RE = re.compile(
    r"""^\W{0,3}et\s*:?\s*(?:\n\s*)?
        (?:(?:l['’]\s*|la\s+|le\s+)?(?:association|commune|ville|soci[ée]t[ée]|fondation|f[ée]d[ée]ration|structure
            |organisme|[ée]tablissement|entreprise|SCIC|SAS|SARL|GIP|centre\s+communal\s+d['’]action\s+sociale)\s+)?
        (?P<name>[«"“]?[^\n,(;]{2,150}?[»"”]?)
        (?=\s*(?:,|\(|;|\bdont\b|\bidentifi|\brepr[ée]sent|\bsise?\b|\bdomicili|\bimmatricul|\bsous\b|\n))""",
    re.I | re.M | re.X,
)

#: "d'autre part": where the parties' clause ends.
OTHER_PART_RE = re.compile(r"d['’]\s*autre\s+part", re.I)

#: The signature line: "Fait à Caen, le 3 juin 2022", "Fait en deux exemplaires originaux,
#: à Caen, le …", "A Arras, le 12/04/2023" (after "Fait en deux exemplaires"). The date is
#: what follows "le" on the same line, when there is one.
SIGNED_RE = re.compile(
    r"^\W{0,3}(?:fait\b[^\n]{0,80}?|[àa]\s+[A-ZÀ-Ý][^\n,]{1,40},?\s*)\ble\b(?P<date>[^\n]{0,40})$",
    re.I | re.M,
)

#: The convention's period: "s'applique du 01/01/2022 au 31/12/2022", "conclue pour une
#: durée de 3 ans, soit du 1er janvier 2021 au 31 décembre 2023", "pour la période du … au …",
#: or a heading line "Du 1er septembre 2021 au 30 juin 2024".
PERIOD_RE = re.compile(
    r"""(?:s['’]\s*applique|conclue?|dur[ée]e|p[ée]riode|valable|effet|couvre|court|^\W{0,3})[^\n.;]{0,80}?
        \bdu\s+(?P<start>[^\n;]{6,30}?)\s+(?:au|jusqu['’]\s*au)\s+(?P<end>[^\n;]{6,30}?)(?=\s*(?:inclus|\.|,|;|\n|$))""",
    re.I | re.M | re.X,
)

#: The article on payment: "Article 5 : Modalités de versement", "Article 7: Modalités de
#: versement", "Article 5 : Montant de la subvention et conditions de paiement".
PAYMENT_ARTICLE_RE = re.compile(
    r"^\W{0,3}article\s+\w+\s*[:.\-–]?[^\n]{0,60}\b(?:versements?|paiements?|r[èe]glement\s+de\s+la\s+subvention)\b[^\n]*$",
    re.I | re.M,
)
#: The next article: where a payment article ends.
ARTICLE_RE = re.compile(r"^\W{0,3}article\s+\w+\s*[:.\-–]", re.I | re.M)

#: A staged payment, with an amount, a share or a count to show it is this grant's and not
#: boilerplate ("le versement des acomptes et celui du solde ne peuvent intervenir qu'après
#: la production d'un RIB" says nothing of this grant):
#: "Un premier versement de 16 800 €", "une avance de 50 %", "un acompte de 30 % …",
#: "Le solde, soit 11 200 €", "en deux versements", "en trois fois", "versée en deux tranches",
#: "selon l'échéancier suivant".
STAGED_RE = re.compile(
    r"""(?:\b(?:premier|second|deuxi[èe]me|dernier)\s+versement\s+(?:de|d['’]un|d['’]une|correspondant|[ée]gal)
        |\b(?:avance|acompte)s?\s+(?:de|d['’]un\s+montant\s+de|[ée]gale?\s+[àa]|correspondant\s+[àa])\s+\d
        |\bsolde\s*(?:,\s*soit|de|d['’]un\s+montant\s+de|[ée]gal|correspondant)\s*\d?
        |\ben\s+(?:deux|trois|quatre|plusieurs|[2-9])\s+(?:versements|fois|tranches|[ée]ch[ée]ances)\b
        |\bselon\s+l['’]\s*[ée]ch[ée]ancier\b
        |\bversements?\s+(?:[ée]chelonn[ée]s?|fractionn[ée]s?)\b|\b[ée]chelonn[ée]e?\s+sur\b)""",
    re.I | re.X,
)

#: A single payment: "Un versement de 57 000 € interviendra …", "versée en une seule fois",
#: "en un versement unique", "en totalité", "par un versement unique".
SINGLE_RE = re.compile(
    r"""(?:\ben\s+une\s+(?:seule\s+)?fois\b|\bversement\s+unique\b|\ben\s+un\s+(?:seul\s+)?versement\b
        |\bun\s+(?:seul\s+)?versement\s+(?:de|d['’]un\s+montant\s+de)\s+\d|\bvers[ée]e?\s+en\s+totalit[ée]\b
        |\bvers[ée]e?\s+int[ée]gralement\b)""",
    re.I | re.X,
)

#: A payment date: "versée le 15 mars 2022", "versement interviendra le 1er juin 2022",
#: but not a deadline or a condition ("avant le", "au plus tard le", "à compter du").
PAYMENT_DATE_RE = re.compile(
    r"(?<!avant\s)(?<!tard\s)\ble\s+(?P<date>\d{1,2}(?:er)?(?:\s+\w+\s+|[/.]\d{1,2}[/.])\d{2,4})",
    re.I,
)

#: Aid under the EU de minimis regulation: "règlement (UE) n° 1407/2013 de la Commission
#: du 18 décembre 2013 … aides de minimis" (2023/2831 since 2024).
DE_MINIMIS_RE = re.compile(r"\bde\s+minimis\b|\b1407\s*/\s*2013\b|\b2023\s*/\s*2831\b", re.I)

#: Decision wording of payment terms in the act itself: "La subvention sera versée en une
#: seule fois", "Dit que la participation sera versée en deux fois".
DECISION_PAYMENT_RE = re.compile(r"\bvers[ée]e?s?\b|\bversements?\b", re.I)
