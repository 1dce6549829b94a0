import Foundation
import Sovereign

/// The requirements form's fields, and how a submitted form (GET query) becomes a requirements
/// document: a JSON text read by the same strict reader as a requirements file, so a form can
/// say nothing a file could not, and the permalink (the query) reproduces the ranking.
enum RequirementsForm {
  /// Criterion weight fields are `w_<criterion>`.
  static func weightField(_ criterion: CriterionKind) -> String { "w_" + criterion.rawValue }

  /// The form's initial values: examples/health-data-warehouse.yaml (a test keeps them equal).
  static let example: [(String, String)] =
    [
      ("name", "Health data warehouse (pseudonymised research data)"), ("kind", "health"), ("residency", "FR"),
      ("hds_referential", "2.0"), ("immune_to", "us-cloud-act"), ("immune_to", "us-fisa-702"),
      ("service_types", "iaas"), ("service_types", "caas"), ("service_types", "paas"), ("capabilities", "object-storage"),
      ("unknown", "tolerant"), ("evidence", "provider"), ("w_sovereignty", "40"), ("w_certifications", "25"),
      ("w_capabilities", "20"), ("w_openness", "15"), ("nice_to_have", "kubernetes"), ("nice_to_have", "managed-postgresql"),
      ("nice_to_have", "gpu"), ("nice_to_have", "data-warehouse"), ("nice_to_have", "kms"), ("method", "topsis"),
    ] + (1...6).map { ("hds_activities", String($0)) }

  /// The requirements document a submitted form stands for (JSON, keys in the file's order).
  static func document(_ query: FormQuery) -> String {
    var top: [(String, String)] = []
    func string(_ text: String) -> String {
      let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
      return String(decoding: data, as: UTF8.self)
    }
    func list(_ values: [String], numbers: Bool = false) -> String {
      "[" + values.map { numbers && Int($0) != nil ? $0 : string($0) }.joined(separator: ", ") + "]"
    }
    if let name = query.value("name") { top.append(("name", string(name))) }
    if let kind = query.value("kind") { top.append(("data", "{\"kind\": \(string(kind))}")) }
    if let residency = query.value("residency") {
      let codes = residency.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
      top.append(("residency", list(codes)))
    }
    var gates: [(String, String)] = []
    let activities = query.values("hds_activities")
    if !activities.isEmpty { gates.append(("hds_activities", list(activities, numbers: true))) }
    if let referential = query.value("hds_referential") { gates.append(("hds_referential", string(referential))) }
    if let snc = query.value("secnumcloud") { gates.append(("secnumcloud", string(snc))) }
    let laws = query.values("immune_to")
    if !laws.isEmpty { gates.append(("immune_to", list(laws))) }
    if query.value("secnumcloud_19_6") != nil { gates.append(("secnumcloud_19_6", "true")) }
    let types = query.values("service_types")
    if !types.isEmpty { gates.append(("service_types", list(types))) }
    let capabilities = query.values("capabilities")
    if !capabilities.isEmpty { gates.append(("capabilities", list(capabilities))) }
    if !gates.isEmpty { top.append(("gates", object(gates))) }
    if let policy = query.value("unknown") { top.append(("unknown", string(policy))) }
    if let evidence = query.value("evidence") { top.append(("evidence", string(evidence))) }
    var criteria: [(String, String)] = []
    for criterion in CriterionKind.allCases {
      if let weight = query.value(weightField(criterion)) {
        criteria.append((criterion.rawValue, Double(weight) != nil ? weight : string(weight)))
      }
    }
    if !criteria.isEmpty { top.append(("criteria", object(criteria))) }
    let nice = query.values("nice_to_have")
    if !nice.isEmpty { top.append(("nice_to_have", list(nice))) }
    if let method = query.value("method") { top.append(("method", string(method))) }
    return "{\n" + top.map { "  \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }

  private static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { name, value in "\"\(name)\": \(value)" }.joined(separator: ", ") + "}"
  }
}
