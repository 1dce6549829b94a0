import Foundation

/// Starter requirements files for `sovereign init`: commented, valid, each ranking without error
/// against the bundled catalog. The comments explain the keys; they state no fact about a provider.
public enum RequirementsTemplate: String, Sendable, CaseIterable {
  /// Pseudonymised health data for research (a health data warehouse).
  case research
  /// Medical imaging archive (PACS): health data, storage and backup.
  case pacs
  /// A health SaaS (patient-facing application on a PaaS or containers).
  case saas
  /// A public body's sensitive data (SREN law art. 31, "Cloud au centre").
  case publicSector = "public-sector"

  /// One line saying whom the template is for.
  public var summary: String {
    switch self {
    case .research: "pseudonymised health data for research: HDS, France, immune to US laws, tolerant of unknowns"
    case .pacs: "medical imaging archive (PACS): HDS, France, object storage and backup, tolerant of unknowns"
    case .saas: "health SaaS on a PaaS or containers: HDS, EU, managed PostgreSQL, tolerant of unknowns"
    case .publicSector: "public body's sensitive data: SecNumCloud, § 19.6, France, strict"
    }
  }

  /// The answers a template starts from; `sovereign init` asks for them on a terminal.
  public struct Answers: Sendable, Hashable {
    public var name: String
    public var residency: [String]
    public var capabilities: [String]
    public var unknownPolicy: String

    public init(name: String, residency: [String], capabilities: [String], unknownPolicy: String) {
      self.name = name
      self.residency = residency
      self.capabilities = capabilities
      self.unknownPolicy = unknownPolicy
    }
  }

  /// The template's own answers.
  public var defaults: Answers {
    switch self {
    case .research:
      Answers(name: "Health data warehouse (pseudonymised research data)", residency: ["FR"], capabilities: ["object-storage"], unknownPolicy: "tolerant")
    case .pacs:
      Answers(name: "Medical imaging archive (PACS)", residency: ["FR"], capabilities: ["object-storage", "backup"], unknownPolicy: "tolerant")
    case .saas:
      Answers(name: "Health SaaS (patient-facing application)", residency: ["EU"], capabilities: ["managed-postgresql"], unknownPolicy: "tolerant")
    case .publicSector:
      Answers(name: "Public body: data of particular sensitivity", residency: ["FR"], capabilities: [], unknownPolicy: "strict")
    }
  }

  /// The requirements file text, with `answers` (the template's defaults when nil).
  public func text(_ answers: Answers? = nil) -> String {
    let answers = answers ?? defaults
    func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    var out = """
      # yaml-language-server: $schema=schema/requirements.schema.json
      # (the schema is schema/requirements.schema.json in the sovereign repository: point the line
      # above at your copy for completion and checking in your editor)
      #
      # Written by `sovereign init` (template \(rawValue)): \(summary).
      # Check every line against your own obligations, then: sovereign rank THIS-FILE --explain
      # Keys: docs/ranking.md; ids: `sovereign laws`, `sovereign capabilities`.
      name: "\(answers.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"

      """
    switch self {
    case .research, .pacs, .saas:
      out += """
        data:
          kind: health          # implies an HDS gate for activities 1-6 unless gates.hds_activities narrows it

        """
    case .publicSector:
      out += """
        data:
          kind: sensitive       # health, personal, sensitive or public

        """
    }
    out += """
      # Countries (ISO codes) or EU / EEA where the data may be stored.
      residency: \(list(answers.residency))
      gates:                    # an offering failing one gate is excluded

      """
    switch self {
    case .research:
      out += """
          hds_activities: [1, 2, 3, 4, 5, 6]
          hds_referential: "2.0"
          immune_to: [us-cloud-act, us-fisa-702]   # laws whose reach excludes an offering
          service_types: [iaas, caas, paas]

        """
    case .pacs:
      out += """
          hds_activities: [1, 2, 3, 4, 5, 6]
          immune_to: [us-cloud-act]
          service_types: [iaas, caas, paas]

        """
    case .saas:
      out += """
          immune_to: [us-cloud-act]
          service_types: [paas, caas, iaas]

        """
    case .publicSector:
      out += """
          secnumcloud: qualified        # the ANSSI qualification, not a qualification in progress
          secnumcloud_19_6: true        # SecNumCloud 3.2 § 19.6: protection from non-EU law
          immune_to: [us-cloud-act, us-fisa-702]
          service_types: [iaas, caas, paas]

        """
    }
    if !answers.capabilities.isEmpty {
      out += "  capabilities: \(list(answers.capabilities))   # every one is required\n"
    }
    out += """
      # Unknown facts: strict fails the gate, conservative excludes the offering and says so,
      # tolerant lets it pass with a warning (check those by hand, or switch to conservative,
      # before deciding).
      unknown: \(answers.unknownPolicy)
      evidence: provider        # the weakest source kind that may pass a gate (official raises the bar)
      criteria:                 # relative weights of the score, normalised to sum to 1

      """
    switch self {
    case .research:
      out += "  sovereignty: 40\n  certifications: 25\n  capabilities: 20\n  openness: 15\n"
      out += "nice_to_have: [kubernetes, managed-postgresql, kms]\nmethod: topsis\n"
    case .pacs:
      out += "  sovereignty: 35\n  certifications: 35\n  capabilities: 20\n  openness: 10\n"
      out += "nice_to_have: [archive-storage, block-storage, private-network]\nmethod: weighted-sum\n"
    case .saas:
      out += "  sovereignty: 25\n  certifications: 25\n  capabilities: 35\n  openness: 15\n"
      out += "nice_to_have: [managed-redis, object-storage, kubernetes, logs-monitoring, backup]\nmethod: weighted-sum\n"
    case .publicSector:
      out += "  sovereignty: 50\n  certifications: 30\n  capabilities: 10\n  openness: 10\n"
      out += "nice_to_have: [kubernetes, object-storage, kms, hsm]\nmethod: topsis\n"
    }
    return out
  }
}
