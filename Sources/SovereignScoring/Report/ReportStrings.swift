import SovereignCatalog

/// Every fixed string of the decision report, one table per language (``english``, ``french``).
/// Renderers take their words from here only; facts from the catalog are never translated.
public struct ReportStrings: Sendable {
  public var defaultTitle: String
  public var generated: @Sendable (_ date: CalendarDate, _ method: String) -> String
  public var headline: @Sendable (_ date: CalendarDate, _ summary: RankingSummary) -> String
  public var requirements: String
  public var ranking: String
  public var shortlist: String
  public var charts: String
  public var exclusions: String
  public var sources: String
  public var gates: String
  public var breakdown: String
  public var flags: String
  public var noFlags: String
  /// Ranking column: gates that passed only because the tolerant policy lets unknown facts pass.
  public var unverifiedGates: String
  public var notSeparable: String
  public var nothingPasses: String
  public var nearestMisses: String
  public var warningTolerant: String
  public var scoresRelative: String
  // Requirement labels.
  public var data: String
  public var residency: String
  public var hdsActivities: String
  public var referentialOrLater: @Sendable (_ referential: String) -> String
  public var secNumCloud: String
  public var notReachedBy: String
  public var secNumCloud196: String
  public var required: String
  public var serviceTypes: String
  public var capabilities: String
  public var niceToHave: String
  public var unknownFacts: String
  public var minimumEvidence: String
  public var criteria: String
  public var method: String
  // Table headers.
  public var rank: String
  public var provider: String
  public var offering: String
  public var score: String
  public var bounds: String
  public var standing: String
  public var gate: String
  public var verdict: String
  public var evidence: String
  public var detail: String
  public var criterion: String
  public var raw: String
  public var normalized: String
  public var weight: String
  public var contribution: String
  public var idealTerm: String
  public var antiIdealTerm: String
  public var total: String
  public var offerings: String
  // Arithmetic.
  public var sumIsScore: String
  public var topsisFormula: @Sendable (_ dPlus: String, _ dMinus: String, _ score: String) -> String
  public var stackedWeightedSum: String
  public var stackedTOPSIS: String
  // Charts.
  public var chartScores: String
  public var chartContributions: String
  public var chartAcceptability: String
  public var acceptabilityHook: String
  // Footer.
  public var toolVersion: String
  public var catalogFingerprint: String
  public var evaluationDate: String
  public var fetchedLists: String
  public var noFetchedLists: String
  public var retrieved: String
  public var asOf: String
  public var noDecidingFact: String
  public var missingFacts: String
  public var expiries: String
  /// Heading of the conflicts between sourced facts and a SecNumCloud attestation.
  public var conflicts: String
  // Words.
  /// `registry evidence` / `preuve : registry`: the kind of the deciding fact's source.
  public var kindEvidence: @Sendable (_ kind: SourceKind) -> String
  public var verdicts: [GateVerdict: String]
  public var standings: [Standing: String]
  public var grades: [EvidenceGrade: String]

  /// The word for a verdict.
  public func word(_ verdict: GateVerdict) -> String { verdicts[verdict] ?? verdict.rawValue }
  /// The word for a standing.
  public func word(_ standing: Standing) -> String { standings[standing] ?? standing.rawValue }
  /// `registry · official evidence` (the kind as sourced, the grade in words).
  public func evidenceLabel(_ kind: SourceKind?) -> String {
    guard let kind else { return noDecidingFact }
    return "\(kind.rawValue) · \(grades[kind.grade] ?? kind.grade.phrase)"
  }

  public static let english = ReportStrings(
    defaultTitle: "Hosting decision",
    generated: { date, method in "Ranked on \(date) by `sovereign rank`, method \(method)." },
    headline: { date, s in "As of \(date): \(s.headline)." },
    requirements: "Requirements", ranking: "Ranking", shortlist: "Shortlisted offerings", charts: "Charts",
    exclusions: "Excluded offerings, by reason", sources: "Sources", gates: "Gates", breakdown: "Score breakdown",
    flags: "Flags and expiries", noFlags: "No flag.", unverifiedGates: "Unverified gates (tolerant policy)", notSeparable: "Not separable from",
    nothingPasses: "No offering passes the gates.", nearestMisses: "Nearest misses",
    warningTolerant: "unverified gates passed only because the `tolerant` policy lets unknown facts pass; check them before relying on this ranking.",
    scoresRelative: "Scores are relative to the offerings that passed the gates (normalisation depends on the set).",
    data: "Data", residency: "Residency", hdsActivities: "HDS activities", referentialOrLater: { "referential \($0) or later" },
    secNumCloud: "SecNumCloud", notReachedBy: "Not reached by", secNumCloud196: "SecNumCloud 19.6 ownership check",
    required: "required", serviceTypes: "Service types", capabilities: "Capabilities", niceToHave: "Nice to have",
    unknownFacts: "Unknown facts", minimumEvidence: "Minimum evidence for a gate's deciding fact", criteria: "Criteria",
    method: "Method",
    rank: "Rank", provider: "Provider", offering: "Offering", score: "Score", bounds: "Bounds [worst, best]",
    standing: "Standing", gate: "Gate", verdict: "Verdict", evidence: "Evidence", detail: "Detail", criterion: "Criterion",
    raw: "Raw", normalized: "Normalised", weight: "Weight", contribution: "Contribution", idealTerm: "(v − ideal)²",
    antiIdealTerm: "(v − anti-ideal)²", total: "Total", offerings: "offerings",
    sumIsScore: "The contributions add up to the score.",
    topsisFormula: { plus, minus, score in "D+ = √(sum of (v − ideal)²) = \(plus); D− = √(sum of (v − anti-ideal)²) = \(minus); score = D− / (D+ + D−) = \(score)." },
    stackedWeightedSum: "Each bar is the score, split into the contributions of the criteria.",
    stackedTOPSIS: "TOPSIS: each bar is D−², the squared distance to the anti-ideal point, split into the criteria's terms (the score is D− / (D+ + D−)).",
    chartScores: "Score of each eligible offering, with its bounds (worst and best if every unknown fact were bad or good).",
    chartContributions: "Criterion contributions", chartAcceptability: "Rank acceptability (SMAA-2): share of weight scenarios giving each rank",
    acceptabilityHook: "Rank acceptability is shown when the ranking is run with --robustness.",
    toolVersion: "Tool version", catalogFingerprint: "Catalog fingerprint (SHA-256)", evaluationDate: "Evaluation date",
    fetchedLists: "Fetched lists used", noFetchedLists: "none (catalog facts only)", retrieved: "retrieved", asOf: "as of",
    noDecidingFact: "no deciding fact", missingFacts: "To find", expiries: "Certificates expired or expiring within 90 days",
    conflicts: "Conflicts between sourced facts and a SecNumCloud qualification",
    kindEvidence: { $0.phrase },
    verdicts: [.pass: "pass", .fail: "fail", .unknown: "unknown"],
    standings: [.proven: "proven", .unverified: "unverified", .excludedByFact: "excluded by a fact", .excludedByUnknown: "excluded by an unknown fact"],
    grades: [.official: "official evidence", .provider: "provider evidence", .secondary: "secondary evidence"]
  )

  public static let french = ReportStrings(
    defaultTitle: "Décision d'hébergement",
    generated: { date, method in "Classement du \(date) par `sovereign rank`, méthode \(method)." },
    headline: { date, s in
      "Au \(date) : \(s.proven) prouvée(s) (toutes les conditions remplies sur faits), \(s.unverified) non vérifiée(s) "
        + "(admises seulement parce que les faits inconnus sont tolérés), \(s.excludedByFact) exclue(s) par des faits, "
        + "\(s.excludedByUnknown) exclue(s) par des faits inconnus."
    },
    requirements: "Exigences", ranking: "Classement", shortlist: "Offres retenues", charts: "Graphiques",
    exclusions: "Offres exclues, par motif", sources: "Sources", gates: "Conditions", breakdown: "Décomposition du score",
    flags: "Alertes et échéances", noFlags: "Aucune alerte.", unverifiedGates: "Conditions non vérifiées (politique tolerant)", notSeparable: "Indiscernable de",
    nothingPasses: "Aucune offre ne remplit les conditions.", nearestMisses: "Offres les plus proches",
    warningTolerant: "les conditions non vérifiées ne sont admises que parce que la politique `tolerant` accepte les faits inconnus ; vérifiez-les avant de vous fier à ce classement.",
    scoresRelative: "Les scores sont relatifs aux offres qui remplissent les conditions (la normalisation dépend de l'ensemble).",
    data: "Données", residency: "Localisation", hdsActivities: "Activités HDS", referentialOrLater: { "référentiel \($0) ou ultérieur" },
    secNumCloud: "SecNumCloud", notReachedBy: "Hors de portée de", secNumCloud196: "Contrôle d'actionnariat SecNumCloud 19.6",
    required: "exigé", serviceTypes: "Types de service", capabilities: "Fonctions", niceToHave: "Souhaitable",
    unknownFacts: "Faits inconnus", minimumEvidence: "Preuve minimale du fait décisif d'une condition", criteria: "Critères",
    method: "Méthode",
    rank: "Rang", provider: "Fournisseur", offering: "Offre", score: "Score", bounds: "Bornes [pire, meilleur]",
    standing: "Statut", gate: "Condition", verdict: "Verdict", evidence: "Preuve", detail: "Détail", criterion: "Critère",
    raw: "Brut", normalized: "Normalisé", weight: "Poids", contribution: "Contribution", idealTerm: "(v − idéal)²",
    antiIdealTerm: "(v − anti-idéal)²", total: "Total", offerings: "offres",
    sumIsScore: "Les contributions s'additionnent pour donner le score.",
    topsisFormula: { plus, minus, score in "D+ = √(somme des (v − idéal)²) = \(plus) ; D− = √(somme des (v − anti-idéal)²) = \(minus) ; score = D− / (D+ + D−) = \(score)." },
    stackedWeightedSum: "Chaque barre est le score, réparti entre les contributions des critères.",
    stackedTOPSIS: "TOPSIS : chaque barre est D−², le carré de la distance au point anti-idéal, réparti entre les critères (le score est D− / (D+ + D−)).",
    chartScores: "Score de chaque offre admise, avec ses bornes (pire et meilleur cas si chaque fait inconnu était défavorable ou favorable).",
    chartContributions: "Contributions des critères", chartAcceptability: "Acceptabilité des rangs (SMAA-2) : part des scénarios de poids donnant chaque rang",
    acceptabilityHook: "L'acceptabilité des rangs est affichée quand le classement est lancé avec --robustness.",
    toolVersion: "Version de l'outil", catalogFingerprint: "Empreinte du catalogue (SHA-256)", evaluationDate: "Date d'évaluation",
    fetchedLists: "Listes téléchargées utilisées", noFetchedLists: "aucune (faits du catalogue seulement)", retrieved: "récupérée le",
    asOf: "au", noDecidingFact: "aucun fait décisif", missingFacts: "À trouver",
    expiries: "Certificats expirés ou expirant dans les 90 jours",
    conflicts: "Conflits entre des faits sourcés et une qualification SecNumCloud",
    kindEvidence: { "preuve : \($0.rawValue)" },
    verdicts: [.pass: "conforme", .fail: "non conforme", .unknown: "inconnu"],
    standings: [.proven: "prouvée", .unverified: "non vérifiée", .excludedByFact: "exclue par un fait", .excludedByUnknown: "exclue par un fait inconnu"],
    grades: [.official: "preuve officielle", .provider: "preuve du fournisseur", .secondary: "preuve secondaire"]
  )
}
